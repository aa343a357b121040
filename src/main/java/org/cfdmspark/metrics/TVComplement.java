package org.cfdmspark.metrics;

import java.util.Arrays;
import java.util.Map;
import java.util.Objects;

/**
 * SDMetrics' TVComplement: 1 − ½ Σ_c |R_c − S_c| over the category frequencies of the non-missing values. A
 * category seen on one side only has frequency 0 on the other. (SDMetrics adds 1e-6 to the real count of such
 * a category to keep its own code free of empty categories; that moves the score by about 1e-6 / |R|.)
 */
public final class TVComplement {
  private TVComplement() {
  }

  /** The score in [0, 1]; null values are ignored; NaN when either side has no values. */
  public static double compute(String[] real, String[] synthetic) {
    Map<String, Double> r = presentFrequencies(real);
    Map<String, Double> s = presentFrequencies(synthetic);
    if (r.isEmpty() || s.isEmpty()) {
      return Double.NaN;
    }
    return 1 - Frequencies.totalVariation(r, s);
  }

  private static Map<String, Double> presentFrequencies(String[] values) {
    return Frequencies.of(Arrays.stream(values).filter(Objects::nonNull).toList());
  }
}
