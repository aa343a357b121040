package org.cfdmspark.metrics;


/**
 * SDMetrics' BoundaryAdherence: the share of a synthetic numeric (or datetime) column's values that lie within the
 * training column's [min, max]. Missing values are left out on both sides.
 */
public final class BoundaryAdherence {
  private BoundaryAdherence() {
  }

  /** The share in [0, 1]; NaN when either column has no values. */
  public static double of(EvalColumn.Numeric real, EvalColumn.Numeric synthetic) {
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (double v : real.values()) {
      if (!Double.isNaN(v)) {
        min = Math.min(min, v);
        max = Math.max(max, v);
      }
    }
    int present = 0;
    int inside = 0;
    for (double v : synthetic.values()) {
      if (!Double.isNaN(v)) {
        present++;
        inside += v >= min && v <= max ? 1 : 0;
      }
    }
    return present == 0 || min > max ? Double.NaN : inside / (double) present;
  }
}
