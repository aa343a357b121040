package org.cfdmspark.engine;

import java.io.Serializable;

/**
 * Everything the engine needs to sample, with σ resolved to a number (method.md §3–5): σ, the draws M, the grid
 * size S, the start time T, the noise policy, the estimator with its K and L, the nn estimator's neighbour index
 * (kind, cells, probes; 0 = automatic), the seed and whether a trajectory leaves its start row out of its posterior
 * means ({@link FlowSampler}). Serializable so that a Spark job can ship it to executors
 * with the training set. The defaults are the engine's; the user-facing knobs (ml.ModelKnobs) take them from here.
 *
 * @throws IllegalArgumentException from the constructor for a value outside its range
 */
public record SamplerConfig(double sigma, int draws, int steps, double startTime, NoisePolicy noisePolicy,
    EstimatorKind estimator, int neighbors, int randomPoints, IndexKind index, int nlist, int nprobe, long seed,
    boolean leaveOneOut) implements Serializable {

  public static final int DEFAULT_DRAWS = 4;
  public static final int DEFAULT_STEPS = 100;
  public static final double DEFAULT_START_TIME = 0.8;
  public static final NoisePolicy DEFAULT_NOISE_POLICY = NoisePolicy.TRAJECTORY;
  public static final EstimatorKind DEFAULT_ESTIMATOR = EstimatorKind.NN;
  public static final int DEFAULT_NEIGHBORS = 20;
  public static final int DEFAULT_RANDOM_POINTS = 20;
  public static final IndexKind DEFAULT_INDEX = IndexKind.AUTO;
  /** The seed when none is given. */
  public static final long DEFAULT_SEED = 0;

  public SamplerConfig {
    require(sigma >= 0 && Double.isFinite(sigma), "sigma must be a finite number >= 0", sigma);
    require(draws >= 1, "draws must be >= 1", draws);
    require(steps >= 1, "steps must be >= 1", steps);
    require(startTime >= 0 && startTime < 1, "start time must be in [0, 1)", startTime);
    require(neighbors >= 1, "neighbors must be >= 1", neighbors);
    require(randomPoints >= 0 && nlist >= 0 && nprobe >= 0, "random points, nlist and nprobe must be >= 0",
        randomPoints + "/" + nlist + "/" + nprobe);
  }

  /** A config whose trajectories leave no row out. */
  public SamplerConfig(double sigma, int draws, int steps, double startTime, NoisePolicy noisePolicy,
      EstimatorKind estimator, int neighbors, int randomPoints, IndexKind index, int nlist, int nprobe, long seed) {
    this(sigma, draws, steps, startTime, noisePolicy, estimator, neighbors, randomPoints, index, nlist, nprobe, seed,
        false);
  }

  private static void require(boolean valid, String rule, Object value) {
    if (!valid) {
      throw new IllegalArgumentException(rule + ", got " + value);
    }
  }

  /** The defaults with the given σ (for tests, benchmarks and embedded use). */
  public static SamplerConfig defaults(double sigma) {
    return new SamplerConfig(sigma, DEFAULT_DRAWS, DEFAULT_STEPS, DEFAULT_START_TIME, DEFAULT_NOISE_POLICY,
        DEFAULT_ESTIMATOR, DEFAULT_NEIGHBORS, DEFAULT_RANDOM_POINTS, DEFAULT_INDEX, 0, 0, DEFAULT_SEED);
  }

  public SamplerConfig withSigma(double value) {
    return new SamplerConfig(value, draws, steps, startTime, noisePolicy, estimator, neighbors, randomPoints, index,
        nlist, nprobe, seed, leaveOneOut);
  }

  public SamplerConfig withEstimator(EstimatorKind value, int k, int l) {
    return new SamplerConfig(sigma, draws, steps, startTime, noisePolicy, value, k, l, index, nlist, nprobe,
        seed, leaveOneOut);
  }

  /** The nn estimator's neighbour search: kind, cells (0 = automatic) and probes (0 = automatic). */
  public SamplerConfig withIndex(IndexKind value, int cells, int probes) {
    return new SamplerConfig(sigma, draws, steps, startTime, noisePolicy, estimator, neighbors, randomPoints, value,
        cells, probes, seed, leaveOneOut);
  }

  /** The Euler grid: S steps, start time T. */
  public SamplerConfig withGrid(int stepCount, double start) {
    return new SamplerConfig(sigma, draws, stepCount, start, noisePolicy, estimator, neighbors, randomPoints, index,
        nlist, nprobe, seed, leaveOneOut);
  }

  public SamplerConfig withSeed(long value) {
    return new SamplerConfig(sigma, draws, steps, startTime, noisePolicy, estimator, neighbors, randomPoints, index,
        nlist, nprobe, value, leaveOneOut);
  }

  /** Whether each trajectory leaves its start row out of its posterior means (--leave-one-out). */
  public SamplerConfig withLeaveOneOut(boolean value) {
    return new SamplerConfig(sigma, draws, steps, startTime, noisePolicy, estimator, neighbors, randomPoints, index,
        nlist, nprobe, seed, value);
  }

  public TimeGrid timeGrid() {
    return TimeGrid.of(steps, startTime);
  }
}
