package org.cfdmspark.metrics;

import org.cfdmspark.engine.RandomStream;

/**
 * The uses of randomness in the metrics. Each use opens its own counter-based stream from the caller's seed, so
 * one seed always gives the same figures and a change in how one use draws numbers never shifts another.
 */
public enum MetricStream {
  // New uses go last: a stream is keyed by its position.
  SUBSAMPLE, DIRECTIONS, BANDWIDTH_SAMPLE, FOLDS, BOOTSTRAP;

  public RandomStream open(long seed) {
    // The trajectory slot holds −1 − ordinal: sampler trajectories are ≥ 0, so no sampler stream shares a key.
    return new RandomStream(RandomStream.key(seed, -1L - ordinal(), -1, RandomStream.Purpose.SPLIT));
  }
}
