package org.cfdmspark.metrics;

import java.util.Arrays;
import org.cfdmspark.engine.RandomStream;
import org.cfdmspark.knn.RowMatrix;

/**
 * Sliced Wasserstein-2 distance between two point sets in the encoded (standardised, one-hot) space: the mean
 * over L random unit directions θ of the 1-D W2 between the sorted projections ⟨θ, x⟩. Both sets are compared
 * at the size of the smaller one (the larger is subsampled), because the 1-D W2 of sorted samples pairs them
 * order statistic by order statistic.
 */
public final class SlicedWasserstein {
  private SlicedWasserstein() {
  }

  /** The distance between the rows of {@code a} and {@code b} over {@code directions} directions from {@code seed}. */
  public static double compute(RowMatrix a, RowMatrix b, int directions, long seed) {
    Distances.requireSameDimension(a, b, "the two point sets");
    if (directions < 1) {
      throw new IllegalArgumentException("need at least one direction, got " + directions);
    }
    int n = Math.min(a.rows(), b.rows());
    RandomStream subsampling = MetricStream.SUBSAMPLE.open(seed);
    RowMatrix x = Subsample.rows(a, n, subsampling);
    RowMatrix y = Subsample.rows(b, n, subsampling);
    RandomStream random = MetricStream.DIRECTIONS.open(seed);
    double[] theta = new double[a.dimension()];
    double[] px = new double[n];
    double[] py = new double[n];
    double sum = 0;
    for (int l = 0; l < directions; l++) {
      randomUnitVector(random, theta);
      project(x, theta, px);
      project(y, theta, py);
      Arrays.sort(px);
      Arrays.sort(py);
      double squares = 0;
      for (int i = 0; i < n; i++) {
        squares += (px[i] - py[i]) * (px[i] - py[i]);
      }
      sum += Math.sqrt(squares / n);
    }
    return sum / directions;
  }

  /** As {@link #compute(RowMatrix, RowMatrix, int, long)} for rows given as arrays. */
  public static double compute(double[][] a, double[][] b, int directions, long seed) {
    return compute(RowMatrix.ofRows(a), RowMatrix.ofRows(b), directions, seed);
  }

  /** A normalised Gaussian vector: uniform on the unit sphere. */
  private static void randomUnitVector(RandomStream random, double[] out) {
    double norm;
    do {
      random.nextGaussians(out, 0, out.length);
      double squares = 0;
      for (double v : out) {
        squares += v * v;
      }
      norm = Math.sqrt(squares);
    } while (norm == 0);
    for (int j = 0; j < out.length; j++) {
      out[j] /= norm;
    }
  }

  private static void project(RowMatrix points, double[] theta, double[] out) {
    int d = points.dimension();
    float[] values = points.values();
    for (int i = 0; i < points.rows(); i++) {
      double dot = 0;
      for (int j = 0; j < d; j++) {
        dot += values[i * d + j] * theta[j];
      }
      out[i] = dot;
    }
  }
}
