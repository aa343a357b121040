package org.cfdmspark.engine;

import java.io.Serializable;
import org.cfdmspark.knn.RowMatrix;

/**
 * The model: the (encoded, standardised) training points x_1..x_N as an immutable {@link RowMatrix}, plus the
 * mean that the posterior mean equals at t = 0 (method.md §2).
 */
public final class TrainingSet implements Serializable {
  private static final long serialVersionUID = 1L;

  private final RowMatrix points;
  private final double[] mean;

  public TrainingSet(RowMatrix points) {
    this.points = points;
    int n = points.rows();
    int d = points.dimension();
    double[] sum = new double[d];
    float[] x = points.values();
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < d; j++) {
        sum[j] += x[i * d + j];
      }
    }
    for (int j = 0; j < d; j++) {
      sum[j] /= n;
    }
    this.mean = sum;
  }

  public static TrainingSet of(double[][] rows) {
    return new TrainingSet(RowMatrix.ofRows(rows));
  }

  public RowMatrix points() {
    return points;
  }

  public int size() {
    return points.rows();
  }

  public int dimension() {
    return points.dimension();
  }

  /** The mean of the training points (a copy). */
  public double[] mean() {
    return mean.clone();
  }

  /** Copies the mean into out[offset ..]. */
  void copyMeanTo(double[] out, int offset) {
    System.arraycopy(mean, 0, out, offset, mean.length);
  }
}
