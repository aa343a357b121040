package org.cfdmspark.metrics;

import java.util.Arrays;

/** Sample quantiles as numpy computes them by default (linear interpolation between order statistics, R type 7). */
public final class Quantiles {
  private Quantiles() {
  }

  /** The {@code p}-quantile of {@code values} (not modified), p in [0, 1]. */
  public static double of(double[] values, double p) {
    if (values.length == 0) {
      throw new IllegalArgumentException("no values to take a quantile of");
    }
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    double position = p * (sorted.length - 1);
    int below = (int) Math.floor(position);
    int above = Math.min(below + 1, sorted.length - 1);
    return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
  }
}
