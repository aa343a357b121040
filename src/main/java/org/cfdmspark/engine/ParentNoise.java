package org.cfdmspark.engine;

/**
 * Noise along the directions of a sample's parents (--parent-noise τ): at the flow's last step σ-CFDM lands on
 * x̂^σ, the average of M posterior means, each of which (near t = 1) is essentially one training row, the nearest
 * to its smoothed query. With one row r_m drawn from each draw m's posterior weights, the sample becomes
 * <pre>  x̂^σ + (τ / √M) · Σ_m (g_m − ḡ) · x_{r_m},   g_m ~ N(0, 1),  ḡ their mean,</pre>
 * on the listed slots only: an affine combination of its parents whose weights Σ = 1 wander around 1/M, so its
 * covariance is τ² times the parents' own (1/M)·Σ_m (x_{r_m} − x̄)(x_{r_m} − x̄)ᵀ. The sample leaves its barycentre
 * along the directions in which the rows around it differ (a pair of near-functional columns stays on its curve),
 * where a per-column final noise leaves in every direction alike. When every draw picks the same row the noise is
 * 0 (that sample is the near-copy guard's to redraw). This is the Gaussian-weight relative of mixup (Zhang et al.
 * 2018) and SMOTE (Chawla et al. 2002) inside σ-CFDM's own neighbourhood; not in method.md.
 *
 * <p>The weights of trajectory i come from the stream (seed, i, −1, PARENT_NOISE), the same at every guard
 * attempt, so a sample depends on its id alone, whatever the partitioning.
 *
 * @param scale τ ≥ 0 (0: none); 1 spreads samples as widely as their parents are spread
 * @param slots the encoded slots that move (the number columns' value slots)
 */
public record ParentNoise(double scale, int[] slots) implements java.io.Serializable {
  /** No noise: samples land on their barycentre (method.md §4). */
  public static final ParentNoise NONE = new ParentNoise(0, new int[0]);

  public ParentNoise {
    if (!(scale >= 0 && Double.isFinite(scale))) {
      throw new IllegalArgumentException("parent noise must be a finite number >= 0, got " + scale);
    }
    slots = slots.clone();
  }

  /** Whether samples move at all. */
  public boolean active() {
    return scale > 0 && slots.length > 0;
  }

  /**
   * Adds the noise to the {@code count} samples in {@code z} (row-major, d = the training set's dimension), whose
   * parents are {@code parents[b · draws + m]} (−1 where an estimator has no row weights: that sample is left
   * alone).
   */
  void apply(double[] z, int count, long[] trajectories, int[] parents, int draws, TrainingSet training, long seed,
      RandomStream random, double[] weights) {
    int d = training.dimension();
    samples:
    for (int b = 0; b < count; b++) {
      for (int m = 0; m < draws; m++) {
        if (parents[b * draws + m] < 0) {
          continue samples;
        }
      }
      random.reset(RandomStream.key(seed, trajectories[b], -1, RandomStream.Purpose.PARENT_NOISE));
      double mean = 0;
      for (int m = 0; m < draws; m++) {
        weights[m] = random.nextGaussian();
        mean += weights[m];
      }
      mean /= draws;
      for (int m = 0; m < draws; m++) {
        weights[m] = (weights[m] - mean) * scale / Math.sqrt(draws);
      }
      for (int slot : slots) {
        double shift = 0;
        for (int m = 0; m < draws; m++) {
          shift += weights[m] * training.points().get(parents[b * draws + m], slot);
        }
        z[b * d + slot] += shift;
      }
    }
  }
}
