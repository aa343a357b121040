package org.cfdmspark.metrics;

import org.cfdmspark.knn.RowMatrix;

/**
 * The first two principal components of a set of encoded rows, for the report's scatter plot: power iteration on
 * the d × d covariance, the second component after deflating the first. d is the encoded width (tens to a few
 * hundred), so plain loops are enough.
 */
public final class Pca {
  private static final int ITERATIONS = 200;
  private final double[] mean;
  private final double[][] components;

  private Pca(double[] mean, double[][] components) {
    this.mean = mean;
    this.components = components;
  }

  /** Fits on {@code rows} (at least one). */
  public static Pca fit(RowMatrix rows) {
    int n = rows.rows();
    int d = rows.dimension();
    double[] mean = new double[d];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < d; j++) {
        mean[j] += rows.get(i, j) / (double) n;
      }
    }
    double[][] covariance = new double[d][d];
    double[] centred = new double[d];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < d; j++) {
        centred[j] = rows.get(i, j) - mean[j];
      }
      for (int a = 0; a < d; a++) {
        for (int b = 0; b < d; b++) {
          covariance[a][b] += centred[a] * centred[b] / n;
        }
      }
    }
    double[][] components = new double[2][];
    for (int c = 0; c < 2; c++) {
      double[] v = leadingEigenvector(covariance);
      components[c] = v;
      double lambda = quadraticForm(covariance, v);
      for (int a = 0; a < d; a++) {
        for (int b = 0; b < d; b++) {
          covariance[a][b] -= lambda * v[a] * v[b];
        }
      }
    }
    return new Pca(mean, components);
  }

  /** The rows' coordinates on the two components: [0] the first, [1] the second. */
  public double[][] project(RowMatrix rows) {
    double[][] out = new double[2][rows.rows()];
    for (int i = 0; i < rows.rows(); i++) {
      for (int c = 0; c < 2; c++) {
        double sum = 0;
        for (int j = 0; j < mean.length; j++) {
          sum += (rows.get(i, j) - mean[j]) * components[c][j];
        }
        out[c][i] = sum;
      }
    }
    return out;
  }

  private static double[] leadingEigenvector(double[][] matrix) {
    int d = matrix.length;
    double[] v = new double[d];
    // A fixed, uneven start: not orthogonal to the leading eigenvector except by coincidence, and reproducible.
    for (int j = 0; j < d; j++) {
      v[j] = 1.0 + j / (double) d;
    }
    normalise(v);
    double[] next = new double[d];
    for (int iteration = 0; iteration < ITERATIONS; iteration++) {
      for (int a = 0; a < d; a++) {
        double sum = 0;
        for (int b = 0; b < d; b++) {
          sum += matrix[a][b] * v[b];
        }
        next[a] = sum;
      }
      if (!normalise(next)) {
        return v; // a zero matrix: every direction is as good
      }
      System.arraycopy(next, 0, v, 0, d);
    }
    return v;
  }

  private static double quadraticForm(double[][] matrix, double[] v) {
    double sum = 0;
    for (int a = 0; a < v.length; a++) {
      for (int b = 0; b < v.length; b++) {
        sum += v[a] * matrix[a][b] * v[b];
      }
    }
    return sum;
  }

  private static boolean normalise(double[] v) {
    double norm = 0;
    for (double x : v) {
      norm += x * x;
    }
    norm = Math.sqrt(norm);
    if (norm == 0) {
      return false;
    }
    for (int j = 0; j < v.length; j++) {
      v[j] /= norm;
    }
    return true;
  }
}
