package org.cfdmspark.metrics;

import org.cfdmspark.knn.RowMatrix;

/**
 * Squared maximum mean discrepancy with the RBF kernel k(u, v) = exp(−‖u − v‖² / h), where the bandwidth h is
 * the median pairwise squared distance (the median heuristic), and the unbiased estimator
 * MMD² = mean_{i≠j} k(x_i, x_j) + mean_{i≠j} k(y_i, y_j) − 2 mean_{i,j} k(x_i, y_j).
 * The estimator costs O((m + n)² d): callers subsample large sets first.
 */
public final class Mmd {
  /** Rows pooled from both sets for the median: enough for a stable median, cheap in O(cap²). */
  static final int BANDWIDTH_SAMPLE_CAP = 1000;

  private Mmd() {
  }

  /** The unbiased MMD² of {@code x} and {@code y} with the median-heuristic bandwidth drawn from {@code seed}. */
  public static double compute(RowMatrix x, RowMatrix y, long seed) {
    return unbiased(x, y, medianBandwidth(x, y, seed));
  }

  /** As {@link #compute(RowMatrix, RowMatrix, long)} for rows given as arrays. */
  public static double compute(double[][] x, double[][] y, long seed) {
    return compute(RowMatrix.ofRows(x), RowMatrix.ofRows(y), seed);
  }

  /**
   * The median pairwise squared distance among at most {@value #BANDWIDTH_SAMPLE_CAP} rows drawn from the pooled
   * sets. Fixing it once lets several comparisons (S vs H, R vs H) share one kernel. When more than half the
   * pairs coincide (duplicated one-hot rows) the median is 0 and the mean squared distance is used instead; when
   * that is 0 too the sampled rows are all one point and show no scale at all, so 1.
   */
  public static double medianBandwidth(RowMatrix x, RowMatrix y, long seed) {
    Distances.requireSameDimension(x, y, "the two point sets");
    RowMatrix pooled = pooledSample(x, y, seed);
    int n = pooled.rows();
    double[] squared = new double[n * (n - 1) / 2];
    double sum = 0;
    for (int i = 0, pair = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++, pair++) {
        squared[pair] = Distances.squared(pooled, i, pooled, j);
        sum += squared[pair];
      }
    }
    double median = Quantiles.of(squared, 0.5);
    if (median > 0) {
      return median;
    }
    return sum > 0 ? sum / squared.length : 1;
  }

  /** The unbiased MMD² with a given bandwidth h > 0; each set needs at least two rows. */
  public static double unbiased(RowMatrix x, RowMatrix y, double bandwidth) {
    Distances.requireSameDimension(x, y, "the two point sets");
    if (x.rows() < 2 || y.rows() < 2) {
      throw new IllegalArgumentException("the unbiased MMD needs at least two rows per set, got " + x.rows()
          + " and " + y.rows());
    }
    if (!(bandwidth > 0)) {
      throw new IllegalArgumentException("bandwidth must be positive, got " + bandwidth);
    }
    return withinMean(x, bandwidth) + withinMean(y, bandwidth) - 2 * crossMean(x, y, bandwidth);
  }

  /** mean_{i≠j} k(a_i, a_j), summing each unordered pair once. */
  private static double withinMean(RowMatrix a, double bandwidth) {
    int n = a.rows();
    double sum = 0;
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        sum += Math.exp(-Distances.squared(a, i, a, j) / bandwidth);
      }
    }
    return 2 * sum / ((double) n * (n - 1));
  }

  private static double crossMean(RowMatrix a, RowMatrix b, double bandwidth) {
    double sum = 0;
    for (int i = 0; i < a.rows(); i++) {
      for (int j = 0; j < b.rows(); j++) {
        sum += Math.exp(-Distances.squared(a, i, b, j) / bandwidth);
      }
    }
    return sum / ((double) a.rows() * b.rows());
  }

  /** At most the cap of rows drawn uniformly from x and y together, as one matrix. */
  private static RowMatrix pooledSample(RowMatrix x, RowMatrix y, long seed) {
    int total = x.rows() + y.rows();
    int[] picks = Subsample.indices(total, Math.min(total, BANDWIDTH_SAMPLE_CAP),
        MetricStream.BANDWIDTH_SAMPLE.open(seed));
    int d = x.dimension();
    float[] values = new float[picks.length * d];
    for (int p = 0; p < picks.length; p++) {
      boolean fromX = picks[p] < x.rows();
      RowMatrix source = fromX ? x : y;
      int row = fromX ? picks[p] : picks[p] - x.rows();
      System.arraycopy(source.values(), row * d, values, p * d, d);
    }
    return RowMatrix.of(picks.length, d, values);
  }
}
