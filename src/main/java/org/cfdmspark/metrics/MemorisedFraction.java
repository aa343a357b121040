package org.cfdmspark.metrics;

import org.cfdmspark.engine.RandomStream;
import org.cfdmspark.knn.RowMatrix;

/**
 * The memorised fraction of a sample (Bonnaire, Urfin, Biroli, Mézard 2025, "Why diffusion models don't
 * memorize", used by George, Veiga, Macris 2025 §5): a sample is memorised when the distance d1 to its nearest
 * training row is less than {@value #RATIO} of the distance d2 to its second-nearest one — it sits on one training
 * row rather than between rows. A copy (d1 = 0) counts as memorised even when its row is repeated (d2 = 0 too),
 * where the ratio is undefined. {@link #of} is brute force (N·d per sample, for studies and tests); the report's
 * {@link #compute} searches with {@link NearestDistances} and adds a percentile-bootstrap 95 % interval over the
 * synthetic rows ({@value #RESAMPLES} resamples) and the holdout's share as the reference.
 */
public final class MemorisedFraction {
  public static final double RATIO = 1.0 / 3;
  static final int RESAMPLES = 1000;

  private MemorisedFraction() {
  }

  /**
   * The report's figures.
   *
   * @param fraction share of memorised synthetic rows
   * @param lower 2.5th percentile of the bootstrapped fraction
   * @param upper 97.5th percentile of the bootstrapped fraction
   * @param holdout the same share for held-out rows (what rows the generator never saw score); null without them
   */
  public record Figures(double fraction, double lower, double upper, Double holdout) {
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
      if (isMemorised(Math.sqrt(nearest), Math.sqrt(second))) {
        memorised++;
      }
    }
    return (double) memorised / count;
  }

  /** The figures for {@code synthetic} (and {@code holdout}, may be null) against {@code train} (2 rows or more). */
  public static Figures compute(RowMatrix train, RowMatrix synthetic, RowMatrix holdout, long seed) {
    boolean[] memorised = memorised(train, synthetic);
    double[] resampled = new double[RESAMPLES];
    RandomStream random = MetricStream.BOOTSTRAP.open(seed);
    int n = memorised.length;
    for (int b = 0; b < RESAMPLES; b++) {
      int hits = 0;
      for (int i = 0; i < n; i++) {
        hits += memorised[random.nextInt(n)] ? 1 : 0;
      }
      resampled[b] = hits / (double) n;
    }
    return new Figures(share(memorised), Quantiles.of(resampled, 0.025), Quantiles.of(resampled, 0.975),
        holdout == null ? null : share(memorised(train, holdout)));
  }

  /** Which query rows are memorised copies of a training row. */
  static boolean[] memorised(RowMatrix train, RowMatrix queries) {
    double[][] two = NearestDistances.toTwoNearest(train, queries);
    boolean[] memorised = new boolean[queries.rows()];
    for (int q = 0; q < memorised.length; q++) {
      // Recomputed distances of near-ties may come back swapped: order them.
      memorised[q] = isMemorised(Math.min(two[0][q], two[1][q]), Math.max(two[0][q], two[1][q]));
    }
    return memorised;
  }

  /** The criterion: d1 / d2 &lt; 1/3, or a copy. */
  private static boolean isMemorised(double d1, double d2) {
    return d1 == 0 || d1 < RATIO * d2;
  }

  private static double share(boolean[] flags) {
    int count = 0;
    for (boolean f : flags) {
      count += f ? 1 : 0;
    }
    return count / (double) flags.length;
  }
}
