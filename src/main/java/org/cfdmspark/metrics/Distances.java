package org.cfdmspark.metrics;

import org.cfdmspark.knn.RowMatrix;

/** Euclidean distances between rows of row matrices, accumulated in double. */
public final class Distances {
  private Distances() {
  }

  /** ‖a_i − b_j‖². */
  public static double squared(RowMatrix a, int i, RowMatrix b, int j) {
    int d = a.dimension();
    float[] x = a.values();
    float[] y = b.values();
    double sum = 0;
    for (int k = 0, xBase = i * d, yBase = j * d; k < d; k++) {
      double diff = (double) x[xBase + k] - y[yBase + k];
      sum += diff * diff;
    }
    return sum;
  }

  /** Throws unless both matrices have the same dimension; {@code what} names them in the message. */
  static void requireSameDimension(RowMatrix a, RowMatrix b, String what) {
    if (a.dimension() != b.dimension()) {
      throw new IllegalArgumentException(what + " differ in dimension: " + a.dimension() + " and " + b.dimension());
    }
  }
}
