package org.cfdmspark.core;

/**
 * The smoothed posterior mean and velocity of σ-CFDM (method.md §3):
 * x̂^σ(z, t) = (1/M) Σ_m x̂(z + σ·ε_m, t) and v^σ_t(z) = (x̂^σ(z, t) − z) / (1 − t).
 * The noise vectors of trajectory i are the stream {@code (seed, i, step, SMOOTHING_NOISE)}, with step −1 under
 * the {@code trajectory} policy so the same M vectors return at every step. With σ = 0 all M queries would be
 * the same point, so one is evaluated (M is treated as 1).
 */
public final class SmoothedVelocity {
  private final PosteriorMean posteriorMean;
  private final double sigma;
  private final int draws;
  private final NoisePolicy noisePolicy;
  private final long seed;
  private final int d;
  private final RandomStream random = new RandomStream();
  private double[] queries = new double[0];
  private double[] means = new double[0];
  private long[] queryKeys = new long[0];

  public SmoothedVelocity(PosteriorMean posteriorMean, double sigma, int draws, NoisePolicy noisePolicy, long seed) {
    if (!(sigma >= 0) || Double.isInfinite(sigma)) {
      throw new IllegalArgumentException("sigma must be a finite number >= 0, got " + sigma);
    }
    if (draws < 1) {
      throw new IllegalArgumentException("draws must be at least 1, got " + draws);
    }
    this.posteriorMean = posteriorMean;
    this.sigma = sigma;
    this.draws = sigma == 0 ? 1 : draws;
    this.noisePolicy = noisePolicy;
    this.seed = seed;
    this.d = posteriorMean.training().dimension();
  }

  /**
   * Writes x̂^σ(z_b, t) for the {@code count} points z (row-major) of trajectories
   * {@code trajectories[b]} at grid step {@code step} to {@code out}.
   */
  public void smoothedMean(double[] z, int count, long[] trajectories, int step, double t, double[] out) {
    int queryCount = count * draws;
    if (queries.length < queryCount * d) {
      queries = new double[queryCount * d];
      means = new double[queryCount * d];
      queryKeys = new long[queryCount];
    }
    long noiseStep = noisePolicy == NoisePolicy.TRAJECTORY ? -1 : step;
    for (int b = 0; b < count; b++) {
      if (sigma > 0) {
        random.reset(RandomStream.key(seed, trajectories[b], noiseStep, RandomStream.Purpose.SMOOTHING_NOISE));
      }
      for (int m = 0; m < draws; m++) {
        int query = b * draws + m;
        for (int j = 0; j < d; j++) {
          double noise = sigma > 0 ? sigma * random.nextGaussian() : 0;
          queries[query * d + j] = z[b * d + j] + noise;
        }
        queryKeys[query] = RandomStream.key(seed, trajectories[b], step, RandomStream.Purpose.RANDOM_POINTS, m);
      }
    }
    posteriorMean.estimate(queries, queryCount, t, queryKeys, means);
    for (int b = 0; b < count; b++) {
      for (int j = 0; j < d; j++) {
        double sum = 0;
        for (int m = 0; m < draws; m++) {
          sum += means[(b * draws + m) * d + j];
        }
        out[b * d + j] = sum / draws;
      }
    }
  }

  /** v = (x̂^σ − z) / (1 − t), elementwise over {@code length} entries. */
  public static void velocity(double[] smoothedMean, double[] z, int length, double t, double[] out) {
    double inverseGap = 1 / (1 - t);
    for (int i = 0; i < length; i++) {
      out[i] = (smoothedMean[i] - z[i]) * inverseGap;
    }
  }

  public int dimension() {
    return d;
  }
}
