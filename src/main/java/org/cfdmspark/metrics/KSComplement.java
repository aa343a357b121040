package org.cfdmspark.metrics;

import java.util.Arrays;

/** SDMetrics' KSComplement: 1 − sup_x |F_R(x) − F_S(x)| over the empirical CDFs of the non-missing values. */
public final class KSComplement {
  private KSComplement() {
  }

  /** The score in [0, 1]; NaN values are ignored; NaN when either side has no values. */
  public static double compute(double[] real, double[] synthetic) {
    double[] r = sortedPresent(real);
    double[] s = sortedPresent(synthetic);
    if (r.length == 0 || s.length == 0) {
      return Double.NaN;
    }
    // Both CDFs are step functions that jump only at data points, so the sup is attained just after some
    // distinct value x. Every copy of x is consumed on both sides before comparing: stopping inside a run of
    // ties would measure a gap that no x realises.
    double largestGap = 0;
    int i = 0;
    int j = 0;
    // Once one side is exhausted its CDF is 1 and the other's only rises toward 1: the gap can only shrink.
    while (i < r.length && j < s.length) {
      double x = Math.min(r[i], s[j]);
      while (i < r.length && r[i] == x) {
        i++;
      }
      while (j < s.length && s[j] == x) {
        j++;
      }
      largestGap = Math.max(largestGap, Math.abs((double) i / r.length - (double) j / s.length));
    }
    return 1 - largestGap;
  }

  private static double[] sortedPresent(double[] values) {
    double[] present = Arrays.stream(values).filter(v -> !Double.isNaN(v)).toArray();
    Arrays.sort(present);
    return present;
  }
}
