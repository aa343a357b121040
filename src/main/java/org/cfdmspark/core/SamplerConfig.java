package org.cfdmspark.core;

import java.io.Serializable;

/**
 * Everything the engine needs to sample, with σ resolved to a number. Serializable so that a Spark job can ship
 * it to executors with the training set.
 */
public record SamplerConfig(double sigma, int draws, int steps, double startTime, NoisePolicy noisePolicy,
    EstimatorKind estimator, int neighbors, int randomPoints, IndexKind index, int nlist, int nprobe, long seed)
    implements Serializable {

  public SamplerConfig {
    SamplerKnobs.SIGMA.validate(Sigma.of(sigma));
    SamplerKnobs.DRAWS.validate(draws);
    SamplerKnobs.STEPS.validate(steps);
    SamplerKnobs.START_TIME.validate(startTime);
    SamplerKnobs.NEIGHBORS.validate(neighbors);
    SamplerKnobs.RANDOM_POINTS.validate(randomPoints);
    SamplerKnobs.NLIST.validate(nlist);
    SamplerKnobs.NPROBE.validate(nprobe);
  }

  /**
   * The engine settings in {@code settings}, with an automatic σ resolved on {@code training} and the seed
   * resolved from the seed and run id knobs ({@link RunSeed}).
   */
  public static SamplerConfig from(Settings settings, TrainingSet training) {
    return new SamplerConfig(settings.get(SamplerKnobs.SIGMA).resolve(training), settings.get(SamplerKnobs.DRAWS),
        settings.get(SamplerKnobs.STEPS), settings.get(SamplerKnobs.START_TIME),
        settings.get(SamplerKnobs.NOISE_POLICY), settings.get(SamplerKnobs.ESTIMATOR),
        settings.get(SamplerKnobs.NEIGHBORS), settings.get(SamplerKnobs.RANDOM_POINTS),
          settings.get(SamplerKnobs.INDEX), settings.get(SamplerKnobs.NLIST), settings.get(SamplerKnobs.NPROBE),
          RunSeed.of(settings));
  }

  /** The defaults with the given σ (for tests and embedded use). */
  public static SamplerConfig defaults(double sigma) {
    return new SamplerConfig(sigma, SamplerKnobs.DRAWS.defaultValue(), SamplerKnobs.STEPS.defaultValue(),
        SamplerKnobs.START_TIME.defaultValue(), SamplerKnobs.NOISE_POLICY.defaultValue(),
        SamplerKnobs.ESTIMATOR.defaultValue(), SamplerKnobs.NEIGHBORS.defaultValue(),
          SamplerKnobs.RANDOM_POINTS.defaultValue(), SamplerKnobs.INDEX.defaultValue(),
          SamplerKnobs.NLIST.defaultValue(), SamplerKnobs.NPROBE.defaultValue(), RunSeed.DEFAULT);
  }

  public SamplerConfig withSigma(double value) {
    return new SamplerConfig(value, draws, steps, startTime, noisePolicy, estimator, neighbors, randomPoints, index,
        nlist, nprobe, seed);
  }

  public SamplerConfig withDraws(int value) {
    return new SamplerConfig(sigma, value, steps, startTime, noisePolicy, estimator, neighbors, randomPoints, index,
        nlist, nprobe, seed);
  }

  public SamplerConfig withSteps(int value) {
    return new SamplerConfig(sigma, draws, value, startTime, noisePolicy, estimator, neighbors, randomPoints, index,
        nlist, nprobe, seed);
  }

  public SamplerConfig withStartTime(double value) {
    return new SamplerConfig(sigma, draws, steps, value, noisePolicy, estimator, neighbors, randomPoints, index,
        nlist, nprobe, seed);
  }

  public SamplerConfig withNoisePolicy(NoisePolicy value) {
    return new SamplerConfig(sigma, draws, steps, startTime, value, estimator, neighbors, randomPoints, index,
        nlist, nprobe, seed);
  }

  public SamplerConfig withEstimator(EstimatorKind value, int k, int l) {
    return new SamplerConfig(sigma, draws, steps, startTime, noisePolicy, value, k, l, index, nlist, nprobe,
        seed);
  }

  /** The nn estimator's neighbour search: kind, cells (0 = automatic) and probes (0 = automatic). */
  public SamplerConfig withIndex(IndexKind value, int cells, int probes) {
    return new SamplerConfig(sigma, draws, steps, startTime, noisePolicy, estimator, neighbors, randomPoints, value,
        cells, probes, seed);
  }

  public SamplerConfig withSeed(long value) {
    return new SamplerConfig(sigma, draws, steps, startTime, noisePolicy, estimator, neighbors, randomPoints, index,
        nlist, nprobe, value);
  }

  public TimeGrid timeGrid() {
    return TimeGrid.of(steps, startTime);
  }
}
