package org.cfdmspark.spark;

import static org.apache.spark.sql.functions.lit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.cfdmspark.core.BadInputException;
import org.cfdmspark.data.ColumnNames;

/**
 * Which training rows make which samples. Without --stratify-by, one stratum holds every row and every sample.
 * With it, each value of the column is a stratum of its own, sampled from its own rows only, with a share of the
 * samples proportional to its rows (largest remainders, so the counts add up exactly) or as --counts says.
 *
 * @param label the stratum's value as text ("all" without stratification)
 * @param filter selects the stratum's training rows
 * @param rows training rows in the stratum
 * @param firstId the first sample id of the stratum
 * @param count samples of the stratum
 */
record StratumPlan(String label, Column filter, long rows, long firstId, long count) {

  /** The plan for {@code samples} samples of the training rows {@code table} ({@code rows} of them). */
  static List<StratumPlan> of(Dataset<Row> table, long rows, String stratifyBy, String counts, long samples) {
    if (stratifyBy == null || stratifyBy.isBlank()) {
      if (counts != null) {
        throw new BadInputException(JobKnobs.COUNTS.option() + " needs " + JobKnobs.STRATIFY_BY.option()
            + " COL to say what the values are");
      }
      return List.of(new StratumPlan("all", lit(true), rows, 0, samples));
    }
    Column column = ColumnNames.column(stratifyBy);
    List<Row> groups = new ArrayList<>(table.groupBy(column).count().collectAsList());
    groups.sort(Comparator.comparing((Row r) -> r.isNullAt(0) ? "\uffff" : String.valueOf(r.get(0))));
    long[] sizes = groups.stream().mapToLong(r -> r.getLong(1)).toArray();
    List<String> labels = groups.stream().map(r -> r.isNullAt(0) ? "null" : String.valueOf(r.get(0))).toList();
    long[] allocation = counts == null ? proportional(sizes, samples) : requested(counts, labels, stratifyBy);
    List<StratumPlan> plans = new ArrayList<>();
    long firstId = 0;
    for (int k = 0; k < groups.size(); k++) {
      Row group = groups.get(k);
      Column filter = group.isNullAt(0) ? column.isNull() : column.equalTo(lit(group.get(0)));
      plans.add(new StratumPlan(labels.get(k), filter, sizes[k], firstId, allocation[k]));
      firstId += allocation[k];
    }
    return plans;
  }

  /** Shares of {@code total} proportional to {@code sizes}, rounded by largest remainders. */
  static long[] proportional(long[] sizes, long total) {
    long sum = 0;
    for (long size : sizes) {
      sum += size;
    }
    long[] shares = new long[sizes.length];
    double[] remainders = new double[sizes.length];
    long given = 0;
    for (int k = 0; k < sizes.length; k++) {
      double exact = (double) total * sizes[k] / sum;
      shares[k] = (long) Math.floor(exact);
      remainders[k] = exact - shares[k];
      given += shares[k];
    }
    for (; given < total; given++) {
      int best = 0;
      for (int k = 1; k < sizes.length; k++) {
        if (remainders[k] > remainders[best]) {
          best = k;
        }
      }
      shares[best]++;
      remainders[best] = -1;
    }
    return shares;
  }

  /** The --counts VALUE=N list, in the order of {@code labels}. */
  private static long[] requested(String counts, List<String> labels, String stratifyBy) {
    Map<String, Long> byLabel = new LinkedHashMap<>();
    for (String entry : counts.split(",")) {
      int eq = entry.lastIndexOf('=');
      String label = eq < 0 ? "" : entry.substring(0, eq).trim();
      long count;
      try {
        count = Long.parseLong(entry.substring(eq + 1).trim());
      } catch (NumberFormatException | IndexOutOfBoundsException e) {
        count = -1;
      }
      if (eq < 0 || count < 0) {
        throw new BadInputException(JobKnobs.COUNTS.option() + ": '" + entry.trim() + "' is not VALUE=N with N a "
            + "whole number >= 0");
      }
      if (!labels.contains(label)) {
        throw new BadInputException(JobKnobs.COUNTS.option() + ": '" + label + "' is not a value of " + stratifyBy
            + " in the training rows; values: " + String.join(", ", labels));
      }
      byLabel.put(label, count);
    }
    long[] allocation = new long[labels.size()];
    for (int k = 0; k < labels.size(); k++) {
      allocation[k] = byLabel.getOrDefault(labels.get(k), 0L);
    }
    if (byLabel.values().stream().mapToLong(Long::longValue).sum() == 0) {
      throw new BadInputException(JobKnobs.COUNTS.option() + " asks for no rows at all; give at least one N > 0");
    }
    return allocation;
  }
}
