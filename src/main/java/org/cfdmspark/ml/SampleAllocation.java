package org.cfdmspark.ml;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cfdmspark.config.BadInputException;

/**
 * How many samples each stratum makes, and so which sample ids are whose: stratum k owns the ids
 * [firstId(k), firstId(k) + count(k)), in stratum order. A sample's values depend only on its id and stratum.
 */
record SampleAllocation(long[] counts) {

  /** Shares of {@code total} proportional to the strata's training rows, rounded by largest remainders. */
  static SampleAllocation proportional(FittedModel model, long total) {
    long[] sizes = model.strata().stream().mapToLong(FittedModel.Stratum::rows).toArray();
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
    return checked(model, shares);
  }

  /** The counts named per stratum label (strata not named get none). */
  static SampleAllocation perStratum(FittedModel model, Map<String, Long> counts) {
    long[] allocation = new long[model.strata().size()];
    List<String> unknown = new ArrayList<>();
    long total = 0;
    for (Map.Entry<String, Long> entry : counts.entrySet()) {
      int k = model.stratumIndex(entry.getKey());
      if (k < 0) {
        unknown.add(entry.getKey());
        continue;
      }
      if (entry.getValue() == null || entry.getValue() < 0) {
        throw new BadInputException("the count for stratum '" + entry.getKey() + "' must be a whole number >= 0, "
            + "got " + entry.getValue());
      }
      allocation[k] = entry.getValue();
      total += entry.getValue();
    }
    if (!unknown.isEmpty() && model.stratifyBy() == null) {
      throw new BadInputException("counts per value need a model fitted with --stratify-by (stratifyBy), and this one "
          + "has no strata; ask for a number of rows instead");
    }
    if (!unknown.isEmpty()) {
      throw new BadInputException("'" + String.join("', '", unknown) + "' " + (unknown.size() == 1 ? "is not a value"
          : "are not values") + " of " + model.stratifyBy() + " in the training rows; values: "
          + String.join(", ", model.labels()));
    }
    if (total == 0) {
      throw new BadInputException("the counts ask for no rows at all; give at least one count above 0");
    }
    return checked(model, allocation);
  }

  private static SampleAllocation checked(FittedModel model, long[] counts) {
    for (int k = 0; k < counts.length; k++) {
      FittedModel.Stratum stratum = model.strata().get(k);
      if (counts[k] > 0 && !stratum.sampleable()) {
        throw new BadInputException("stratum " + model.stratifyBy() + " = " + stratum.label() + " has "
            + stratum.rows() + " row" + (stratum.rows() == 1 ? "" : "s") + ", too few to model: every sample would "
            + "copy it; give at least " + ModelFitting.MIN_ROWS + " rows");
      }
    }
    return new SampleAllocation(counts);
  }

  long total() {
    long total = 0;
    for (long count : counts) {
      total += count;
    }
    return total;
  }

  /** Samples per stratum label, in stratum order. */
  Map<String, Long> asMap(FittedModel model) {
    Map<String, Long> out = new LinkedHashMap<>();
    for (int k = 0; k < counts.length; k++) {
      out.put(model.strata().get(k).label(), counts[k]);
    }
    return out;
  }

  /** The first sample id of stratum k. */
  long firstId(int k) {
    long first = 0;
    for (int j = 0; j < k; j++) {
      first += counts[j];
    }
    return first;
  }
}
