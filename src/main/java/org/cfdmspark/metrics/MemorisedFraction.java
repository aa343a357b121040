package org.cfdmspark.metrics;

import org.cfdmspark.knn.RowMatrix;

/**
 * The memorised fraction of a sample (Bonnaire, Urfin, Biroli, Mézard 2025, "Why diffusion models don't
 * memorize", used by George, Veiga, Macris 2025 §5): a sample is memorised when the distance to its nearest
 * training row is less than {@value #RATIO} of the distance to its second-nearest one. Brute force: N·d per
 * sample, for studies and tests.
 */
public final class MemorisedFraction {
  public static final double RATIO = 1.0 / 3;

  private MemorisedFraction() {
  }

  /**
   * The share of the {@code count} samples (row-major, d each) that are memorised copies of rows of
   * {@code training} (at least two rows).
   */
  public static double of(RowMatrix training, double[] samples, int count) {
    int n = training.rows();
    int d = training.dimension();
    if (n < 2) {
      throw new IllegalArgumentException("need at least two training rows, got " + n);
    }
    if (count < 1 || samples.length < count * d) {
      throw new IllegalArgumentException("need " + count + " samples of dimension " + d + ", got "
          + samples.length + " values");
    }
    float[] x = training.values();
    int memorised = 0;
    for (int s = 0; s < count; s++) {
      double nearest = Double.POSITIVE_INFINITY;
      double second = Double.POSITIVE_INFINITY;
      for (int i = 0; i < n; i++) {
        double squared = 0;
        for (int j = 0; j < d; j++) {
          double diff = samples[s * d + j] - x[i * d + j];
          squared += diff * diff;
        }
        if (squared < nearest) {
          second = nearest;
          nearest = squared;
        } else if (squared < second) {
          second = squared;
        }
      }
      // Compared squared: nearest/second < 1/3 ⇔ nearest² < second²/9.
      if (nearest < RATIO * RATIO * second) {
        memorised++;
      }
    }
    return (double) memorised / count;
  }
}
