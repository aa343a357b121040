package org.cfdmspark.engine;

import org.cfdmspark.knn.RowMatrix;

/**
 * The memorisation baseline ({@code --generator copy}): sample i is the training row drawn uniformly with the
 * stream of (seed, i, attempt). Every sample is a training row; it is the reference that σ = 0 and the near-copy
 * figures are read against (method.md §8).
 */
public final class TrainingRowSampler implements BlockSampler {
  private final RowMatrix rows;
  private final long seed;
  private final int attempt;
  private final RandomStream random = new RandomStream();

  /** @param attempt the near-copy guard's attempt (0 = first draw): part of every stream's key */
  public TrainingRowSampler(TrainingSet training, long seed, int attempt) {
    this.rows = training.points();
    this.seed = seed;
    this.attempt = attempt;
  }

  @Override
  public int blockSize() {
    return FlowSampler.DEFAULT_BLOCK_SIZE;
  }

  @Override
  public void sampleBlock(long[] ids, int count, double[] out, int outOffset) {
    int d = rows.dimension();
    for (int b = 0; b < count; b++) {
      random.reset(BaselineStreams.key(seed, ids[b], attempt, BaselineStreams.ROW));
      int row = random.nextInt(rows.rows());
      for (int j = 0; j < d; j++) {
        out[outOffset + b * d + j] = rows.get(row, j);
      }
    }
  }
}
