package org.cfdmspark.encoding;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import org.cfdmspark.knn.SplitMix64;

/**
 * A timestamp column's time of day, modelled in a slot of its own beside the timestamp's value slot: a
 * barycentre of rows stamped 09:00 on one day and 16:00 three days later falls on the day between at 12:30, not at
 * the 02:30 that averaging the timestamps alone gives, so samples keep the input's hours (opening hours, shifts)
 * as they keep any number column's range. Decoding takes the day from the value slot and the time from this slot
 * ({@link #combine}).
 *
 * <p>The day is cut where the training rows leave the widest gap in the time of day ({@code cut}), so that a
 * window of times is one interval whose barycentres stay inside it, whatever the time zone the timestamps were
 * written in and even when it spans midnight (a night shift 22:00–06:00 is the interval from 22:00 to 06:00 of
 * the next day, not two ends of the day). The times after the cut are a number column of their own
 * ({@code times}: timestamps on 1970-01-01, fitted as the column is, with its scale and final noise, so that
 * barycentres keep the times' spread; without point masses, whose states the timestamp's own slots vote), decoded
 * with bits of their own so that its final noise is independent of the timestamp's.
 *
 * @param cut where the modelled day starts, in microseconds after midnight UTC (a whole number of the column's
 *     grain)
 * @param times the codec of the times of day after {@code cut}, as timestamps on 1970-01-01 (one slot)
 */
public record TimeOfDay(long cut, NumericColumnCodec times) implements java.io.Serializable {
  /** A day in microseconds. */
  public static final long DAY = 86_400_000_000L;
  private static final long SALT = 0x3C6EF372FE94F82BL;

  /**
   * The time of day of timestamps {@code wholes} (microseconds since the epoch, the first {@code count}), or null
   * when it adds nothing to the timestamp: all rows within one day. Rows all at one time of day (dates written as
   * timestamps at midnight, in any time zone) get a constant slot, so that every sample is at that time too: the
   * column's grain (an hour at most) would otherwise hand a barycentre of two midnights any whole hour between.
   *
   * @param grain the column's grain in microseconds, a divisor of a day: {@code cut} is a whole number of it
   * @param fitter the fitter of the times (a timestamp without a zone, without point masses)
   */
  static TimeOfDay fit(long[] wholes, int count, long grain, NumericFitter fitter) {
    long first = Long.MAX_VALUE;
    long last = Long.MIN_VALUE;
    long[] times = new long[count];
    for (int r = 0; r < count; r++) {
      first = Math.min(first, wholes[r]);
      last = Math.max(last, wholes[r]);
      times[r] = Math.floorMod(wholes[r], DAY);
    }
    Arrays.sort(times);
    if (count == 0 || last - first < DAY) {
      return null;
    }
    long gapStart = times[count - 1]; // the gap that wraps past midnight, from the latest time to the earliest
    long widest = times[0] + DAY - times[count - 1];
    for (int r = 1; r < count; r++) {
      if (times[r] - times[r - 1] > widest) {
        widest = times[r] - times[r - 1];
        gapStart = times[r - 1];
      }
    }
    long cut = Math.floorMod(Math.floorDiv(gapStart + widest / 2, grain) * grain, DAY);
    Object[] cells = new Object[count];
    for (int r = 0; r < count; r++) {
      cells[r] = cell(Math.floorMod(wholes[r] - cut, DAY));
    }
    return new TimeOfDay(cut, (NumericColumnCodec) fitter.fit("time of day", cells));
  }

  /** Writes the slot of a timestamp (microseconds since the epoch) into out[offset]. */
  void encode(long micros, float[] out, int offset) {
    times.encode(cell(Math.floorMod(micros - cut, DAY)), out, offset);
  }

  /** The slot's value for a timestamp (microseconds since the epoch). */
  double slot(long micros) {
    float[] out = new float[1];
    encode(micros, out, 0);
    return out[0];
  }

  /**
   * The timestamp on the modelled day of {@code micros} at the time of day the slot reads {@code slot} (decoded
   * as the times' column decodes: snapped, rounded to its grain, clipped to its range, with its final noise drawn
   * from {@code tieBreak}, mixed apart from the timestamp's own draw).
   */
  long combine(long micros, double slot, long tieBreak) {
    long time = NumericType.TIMESTAMP_NTZ.whole(times.decode(new double[] {slot}, 0,
        SplitMix64.mix(tieBreak ^ SALT)));
    return Math.floorDiv(micros - cut, DAY) * DAY + cut + time;
  }

  /** This time of day in the report's space: the times' slot standardised (see NumericColumnCodec). */
  TimeOfDay standardised() {
    return new TimeOfDay(cut, times.standardised());
  }

  /** This time of day decoding without final noise. */
  TimeOfDay noiseless() {
    return new TimeOfDay(cut, times.noiseless());
  }

  private static LocalDateTime cell(long micros) {
    return (LocalDateTime) NumericType.TIMESTAMP_NTZ.boxWhole(micros);
  }
}
