package org.cfdmspark.engine;

/**
 * Draws encoded samples for sample ids, a block at a time: sample {@code ids[b]} is a pure function of the sampler
 * (its training rows, settings, seed) and the id, never of the block it shares. The σ-CFDM flow
 * ({@link FlowSampler}) is one; the baselines and trained score models are others. Not thread-safe: one per
 * thread or Spark partition.
 */
public interface BlockSampler {
  /** The largest block {@link #sampleBlock} takes. */
  int blockSize();

  /** Samples the given ids (at most {@link #blockSize}) into out[outOffset ..], row-major, d values each. */
  void sampleBlock(long[] ids, int count, double[] out, int outOffset);

  /**
   * Wall nanoseconds this sampler has spent evaluating posterior means since construction (the neighbour search
   * included), for the run's profile; 0 for samplers that evaluate none.
   */
  default long posteriorMeanNanos() {
    return 0;
  }

  /**
   * Whether a sample depends on its trajectory (start, noise, σ), as the near-copy guard's redraws assume; false
   * when every value is drawn from training rows by sample id alone (σ-CFDM whose --redraw-columns draws every
   * column from any row, as auto does on a table of independent columns), which no redraw can move.
   */
  default boolean followsTrajectory() {
    return true;
  }

  /** The part of {@link #posteriorMeanNanos} spent in neighbour searches; 0 for samplers that search none. */
  default long searchNanos() {
    return 0;
  }
}
