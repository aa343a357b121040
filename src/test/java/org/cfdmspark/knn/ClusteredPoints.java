package org.cfdmspark.knn;

import java.util.Random;

/** Test points around a few Gaussian centres, so that an index's cells have something to find. */
final class ClusteredPoints {
  private ClusteredPoints() {
  }

  /**
   * n points of dimension d: each is a centre (one of {@code centres}, drawn with coordinates N(0, spread²)) plus
   * N(0, 1) noise per coordinate.
   */
  static RowMatrix of(int n, int d, int centres, double spread, Random random) {
    double[][] means = new double[centres][d];
    for (double[] mean : means) {
      for (int j = 0; j < d; j++) {
        mean[j] = spread * random.nextGaussian();
      }
    }
    float[] values = new float[n * d];
    for (int i = 0; i < n; i++) {
      double[] mean = means[random.nextInt(centres)];
      for (int j = 0; j < d; j++) {
        values[i * d + j] = (float) (mean[j] + random.nextGaussian());
      }
    }
    return RowMatrix.of(n, d, values);
  }
}
