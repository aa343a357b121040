package org.cfdmspark.engine;

/**
 * The streams of the baseline samplers: one per (seed, sample id, guard attempt, use), so that a sample is a pure
 * function of the model, the seed, its id and the attempt, whatever the partitioning, and the guard's attempt k
 * is an independent redraw.
 */
final class BaselineStreams {
  /** The stream choosing the anchor training row. */
  static final int ROW = 0;
  /** The stream choosing the neighbours and weights (SMOTE's λ, mixup's Dirichlet weights), or the copula's ε. */
  static final int MIX = 1;

  private BaselineStreams() {
  }

  static long key(long seed, long id, int attempt, int use) {
    return RandomStream.key(seed, id, attempt, RandomStream.Purpose.BASELINE, use);
  }
}
