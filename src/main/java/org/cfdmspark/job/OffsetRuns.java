package org.cfdmspark.job;

import java.io.Serializable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The UTC offsets of a column's timestamps that follow no time-zone's rules, as runs of equal offsets in time
 * order: the offset for any instant is that of the nearest read timestamp (see {@link TimestampText}).
 *
 * @param first each run's earliest instant, epoch seconds, ascending
 * @param last each run's latest instant
 * @param offsets each run's offset, seconds east of UTC
 */
record OffsetRuns(long[] first, long[] last, int[] offsets) implements Serializable {

  /** The runs of {@code times} (at least one). */
  static OffsetRuns of(List<OffsetDateTime> times) {
    List<OffsetDateTime> sorted = new ArrayList<>(times);
    sorted.sort(Comparator.comparing(OffsetDateTime::toInstant));
    List<long[]> runs = new ArrayList<>();
    for (OffsetDateTime t : sorted) {
      long second = t.toEpochSecond();
      int offset = t.getOffset().getTotalSeconds();
      long[] run = runs.isEmpty() ? null : runs.get(runs.size() - 1);
      if (run != null && run[2] == offset) {
        run[1] = second;
      } else {
        runs.add(new long[] {second, second, offset});
      }
    }
    return new OffsetRuns(runs.stream().mapToLong(r -> r[0]).toArray(), runs.stream().mapToLong(r -> r[1]).toArray(),
        runs.stream().mapToInt(r -> (int) r[2]).toArray());
  }

  /** Runs as {@link #toString} writes them. */
  static OffsetRuns parse(String text) {
    String[] runs = text.split(",");
    long[] first = new long[runs.length];
    long[] last = new long[runs.length];
    int[] offsets = new int[runs.length];
    for (int k = 0; k < runs.length; k++) {
      String[] parts = runs[k].split("/");
      first[k] = Long.parseLong(parts[0]);
      last[k] = Long.parseLong(parts[1]);
      offsets[k] = Integer.parseInt(parts[2]);
    }
    return new OffsetRuns(first, last, offsets);
  }

  /** The offset of the read timestamp nearest {@code instant} (the earlier one on a tie). */
  ZoneOffset nearest(Instant instant) {
    long t = instant.getEpochSecond();
    int at = Arrays.binarySearch(first, t);
    int run = at >= 0 ? at : -at - 2; // the last run starting at or before t; -1 when t is before all
    if (run < 0) {
      return ZoneOffset.ofTotalSeconds(offsets[0]);
    }
    boolean nextIsNearer = t > last[run] && run + 1 < first.length && first[run + 1] - t < t - last[run];
    return ZoneOffset.ofTotalSeconds(offsets[nextIsNearer ? run + 1 : run]);
  }

  /** "first/last/offset" per run, comma-separated. */
  @Override
  public String toString() {
    StringBuilder text = new StringBuilder();
    for (int k = 0; k < first.length; k++) {
      text.append(k == 0 ? "" : ",").append(first[k]).append('/').append(last[k]).append('/').append(offsets[k]);
    }
    return text.toString();
  }
}
