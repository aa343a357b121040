package org.cfdmspark.metrics;

/** SDMetrics' CorrelationSimilarity: 1 − |ρ_S(a, b) − ρ_R(a, b)| / 2 with Pearson's ρ, for numeric pairs. */
public final class CorrelationSimilarity {
  private CorrelationSimilarity() {
  }

  /**
   * The score in [0, 1]. In each table, rows where either column is missing are dropped; NaN when a correlation
   * is undefined (fewer than two complete rows, or a constant column).
   */
  public static double compute(double[] realA, double[] realB, double[] syntheticA, double[] syntheticB) {
    return 1 - Math.abs(pearson(syntheticA, syntheticB) - pearson(realA, realB)) / 2;
  }

  /** Pearson's ρ over the rows where both values are present. */
  public static double pearson(double[] a, double[] b) {
    if (a.length != b.length) {
      throw new IllegalArgumentException("columns differ in length: " + a.length + " and " + b.length);
    }
    int n = 0;
    double sumA = 0;
    double sumB = 0;
    for (int i = 0; i < a.length; i++) {
      if (!Double.isNaN(a[i]) && !Double.isNaN(b[i])) {
        n++;
        sumA += a[i];
        sumB += b[i];
      }
    }
    // Centred second pass: the one-pass Σab − n·ā·b̄ loses every digit on columns far from zero.
    double meanA = sumA / n;
    double meanB = sumB / n;
    double cov = 0;
    double varA = 0;
    double varB = 0;
    for (int i = 0; i < a.length; i++) {
      if (!Double.isNaN(a[i]) && !Double.isNaN(b[i])) {
        double da = a[i] - meanA;
        double db = b[i] - meanB;
        cov += da * db;
        varA += da * da;
        varB += db * db;
      }
    }
    if (n < 2 || varA == 0 || varB == 0) {
      return Double.NaN;
    }
    return Math.max(-1, Math.min(1, cov / Math.sqrt(varA * varB)));
  }
}
