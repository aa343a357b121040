package org.cfdmspark.metrics;

import java.util.Random;

/** Seeded Gaussian point sets for the distribution-level tests. */
final class Samples {
  private Samples() {
  }

  /** n rows of N(mean · 1, I) in dimension d. */
  static double[][] gaussian(int n, int d, double mean, long seed) {
    Random random = new Random(seed);
    double[][] rows = new double[n][d];
    for (double[] row : rows) {
      for (int j = 0; j < d; j++) {
        row[j] = mean + random.nextGaussian();
      }
    }
    return rows;
  }

  /** Each row plus {@code shift} on every coordinate. */
  static double[][] shifted(double[][] rows, double... shift) {
    double[][] out = new double[rows.length][];
    for (int i = 0; i < rows.length; i++) {
      out[i] = rows[i].clone();
      for (int j = 0; j < shift.length; j++) {
        out[i][j] += shift[j];
      }
    }
    return out;
  }
}
