package org.cfdmspark.metrics;

import java.util.Arrays;

/** Sample quantiles as numpy computes them by default (linear interpolation between order statistics, R type 7). */
public final class Quantiles {
  private Quantiles() {
  }

  /** The {@code p}-quantile of {@code values} (not modified), p in [0, 1]. */
  public static double of(double[] values, double p) {
    return ofLowest(values, values.length, p);
  }

  /** How many of the smallest of {@code count} values the p-quantile reads (its order statistics, 0-based, + 1). */
  public static int orderStatisticsRead(int count, double p) {
    int below = (int) Math.floor(p * (count - 1));
    return Math.min(below + 1, count - 1) + 1;
  }

  /**
   * The {@code p}-quantile of {@code count} values, given (in any order) a part of them that holds at least their
   * {@link #orderStatisticsRead} smallest: the same number as {@link #of} on all of them.
   *
   * @throws IllegalArgumentException when {@code lowest} holds fewer values than the quantile reads
   */
  public static double ofLowest(double[] lowest, int count, double p) {
    if (count == 0) {
      throw new IllegalArgumentException("no values to take a quantile of");
    }
    if (lowest.length < orderStatisticsRead(count, p)) {
      throw new IllegalArgumentException("the " + p + "-quantile of " + count + " values reads their "
          + orderStatisticsRead(count, p) + " smallest, got " + lowest.length);
    }
    double[] sorted = lowest.clone();
    Arrays.sort(sorted);
    double position = p * (count - 1);
    int below = (int) Math.floor(position);
    int above = Math.min(below + 1, count - 1);
    return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
  }
}
