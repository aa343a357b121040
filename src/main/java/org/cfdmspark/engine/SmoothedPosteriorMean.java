package org.cfdmspark.engine;

/**
 * The smoothed posterior mean and velocity of σ-CFDM (method.md §3):
 * x̂^σ(z, t) = (1/M) Σ_m x̂(z + σ·ε_m, t) and v^σ_t(z) = (x̂^σ(z, t) − z) / (1 − t).
 * The noise vectors of trajectory i are the stream {@code (seed, i, step, SMOOTHING_NOISE)}, with step −1 under
 * the {@code trajectory} policy so the same M vectors return at every step. With σ = 0 all M queries would be
 * the same point, so one is evaluated (M is treated as 1).
 */
public final class SmoothedPosteriorMean {
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
  private long[] drawKeys = new long[0];
  private int[] drawnRows = new int[0];
  private int[] excludedQueries = new int[0];
  // σ·ε for the block last seen: under the trajectory policy the same vectors serve every step of a block, so
  // they are drawn once per block instead of once per step.
  private double[] noise = new double[0];
  private long[] noiseTrajectories = new long[0];
  private int noiseCount = -1;
  private long noiseStep;

  public SmoothedPosteriorMean(PosteriorMean posteriorMean, double sigma, int draws, NoisePolicy noisePolicy, long seed) {
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
    smoothedMean(z, count, trajectories, step, t, out, null);
  }

  /**
   * As {@link #smoothedMean(double[], int, long[], int, double, double[])}, and with {@code rows} non-null also
   * draws, for each point, one training row with probability equal to its weight in x̂^σ (its weight
   * (1/M) Σ_m w_i(z + σ·ε_m, t)): one of the M draws uniformly, then a row of that draw's posterior mean by its
   * weights ({@link PosteriorMean#estimate(double[], int, double, long[], double[], long[], int[])}); −1 for an
   * estimator without row weights. The draws are keyed by (seed, trajectory, step, {@code ROW_DRAW}).
   */
  public void smoothedMean(double[] z, int count, long[] trajectories, int step, double t, double[] out,
      int[] rows) {
    smoothedMean(z, count, trajectories, step, t, out, rows, null);
  }

  /**
   * As {@link #smoothedMean(double[], int, long[], int, double, double[], int[])} ({@code rows} may be null), and
   * with {@code parents} non-null also writes every draw's row: {@code parents[b · M + m]} is the row drawn from
   * the posterior weights of point b's draw m (−1 for an estimator without row weights), M = {@link #draws()}.
   */
  public void smoothedMean(double[] z, int count, long[] trajectories, int step, double t, double[] out,
      int[] rows, int[] parents) {
    smoothedMean(z, count, trajectories, step, t, out, rows, parents, null);
  }

  /**
   * As {@link #smoothedMean(double[], int, long[], int, double, double[], int[], int[])}, with training row
   * {@code excludedRows[b]} left out of point b's M posterior means (null: none left out; see
   * {@link PosteriorMean#estimate(double[], int, double, long[], double[], long[], int[], int[])}).
   */
  public void smoothedMean(double[] z, int count, long[] trajectories, int step, double t, double[] out,
      int[] rows, int[] parents, int[] excludedRows) {
    int queryCount = count * draws;
    if (queries.length < queryCount * d) {
      queries = new double[queryCount * d];
      means = new double[queryCount * d];
      queryKeys = new long[queryCount];
      drawKeys = new long[queryCount];
      drawnRows = new int[queryCount];
      excludedQueries = new int[queryCount];
    }
    if (excludedRows != null) {
      for (int query = 0; query < queryCount; query++) {
        excludedQueries[query] = excludedRows[query / draws];
      }
    }
    int[] excluded = excludedRows == null ? null : excludedQueries;
    drawNoise(trajectories, count, noisePolicy == NoisePolicy.TRAJECTORY ? -1 : step);
    for (int b = 0; b < count; b++) {
      for (int m = 0; m < draws; m++) {
        int query = b * draws + m;
        for (int j = 0; j < d; j++) {
          queries[query * d + j] = z[b * d + j] + noise[query * d + j];
        }
        queryKeys[query] = RandomStream.key(seed, trajectories[b], step, RandomStream.Purpose.RANDOM_POINTS, m);
        drawKeys[query] = RandomStream.key(seed, trajectories[b], step, RandomStream.Purpose.ROW_DRAW, m);
      }
    }
    if (rows == null && parents == null) {
      posteriorMean.estimate(queries, queryCount, t, queryKeys, means, null, null, excluded);
    } else {
      posteriorMean.estimate(queries, queryCount, t, queryKeys, means, drawKeys, drawnRows, excluded);
      if (parents != null) {
        System.arraycopy(drawnRows, 0, parents, 0, queryCount);
      }
      for (int b = 0; rows != null && b < count; b++) {
        // Sub-stream M (the draws use 0 .. M−1): which of the M posterior means the row comes from.
        int m = random.reset(RandomStream.key(seed, trajectories[b], step, RandomStream.Purpose.ROW_DRAW, draws))
            .nextInt(draws);
        rows[b] = drawnRows[b * draws + m];
      }
    }
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

  /** Fills {@code noise} with σ·ε for the block, unless it already holds the vectors of these trajectories. */
  private void drawNoise(long[] trajectories, int count, long step) {
    if (count == noiseCount && step == noiseStep
        && java.util.Arrays.equals(trajectories, 0, count, noiseTrajectories, 0, count)) {
      return;
    }
    if (noise.length < count * draws * d) {
      noise = new double[count * draws * d];
      noiseTrajectories = new long[count];
    }
    for (int b = 0; b < count; b++) {
      if (sigma > 0) {
        random.reset(RandomStream.key(seed, trajectories[b], step, RandomStream.Purpose.SMOOTHING_NOISE));
      }
      for (int i = b * draws * d; i < (b + 1) * draws * d; i++) {
        noise[i] = sigma > 0 ? sigma * random.nextGaussian() : 0;
      }
    }
    System.arraycopy(trajectories, 0, noiseTrajectories, 0, count);
    noiseCount = count;
    noiseStep = step;
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

  /** M: the smoothing draws per point (1 at σ = 0). */
  public int draws() {
    return draws;
  }

  /** The estimator behind x̂^σ (for its clocks). */
  public PosteriorMean posteriorMean() {
    return posteriorMean;
  }
}
