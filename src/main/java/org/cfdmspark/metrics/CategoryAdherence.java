package org.cfdmspark.metrics;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * SDMetrics' CategoryAdherence: the share of a synthetic categorical column's values that occur in the training
 * column. Missing counts as a category of its own, as in SDMetrics: a missing synthetic cell adheres when the
 * training column has missing cells.
 */
public final class CategoryAdherence {
  private CategoryAdherence() {
  }

  /** The share in [0, 1]; NaN for an empty synthetic column. */
  public static double of(EvalColumn.Categorical real, EvalColumn.Categorical synthetic) {
    Set<String> seen = new HashSet<>(Arrays.asList(real.values()));
    int inside = 0;
    for (String v : synthetic.values()) {
      inside += seen.contains(v) ? 1 : 0;
    }
    return synthetic.size() == 0 ? Double.NaN : inside / (double) synthetic.size();
  }
}
