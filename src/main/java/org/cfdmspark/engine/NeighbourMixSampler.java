package org.cfdmspark.engine;

import org.cfdmspark.knn.DotProductKernel;
import org.cfdmspark.knn.NeighbourIndex;
import org.cfdmspark.knn.RowMatrix;

/**
 * The interpolating baselines: sample i takes a training row drawn uniformly (the anchor), its nearest other
 * training rows (Euclidean, encoded space; ties to the lower index), and writes a convex combination of them that
 * the subclass chooses. The anchor comes from the stream (seed, i, attempt, {@link BaselineStreams#ROW}), the
 * combination from (seed, i, attempt, {@link BaselineStreams#MIX}); the neighbour search is exact or the IVF
 * search of the model, both deterministic, so a sample depends on its id and attempt alone.
 */
abstract class NeighbourMixSampler implements BlockSampler {
  private final RowMatrix rows;
  private final NeighbourIndex index;
  private final long seed;
  private final int attempt;
  /** Nearest other rows used per anchor: min(requested, N − 1). */
  private final int others;
  private final int d;
  private final int[] anchors = new int[FlowSampler.DEFAULT_BLOCK_SIZE];
  private final double[] queries;
  private final int[] found;
  private final int[] neighbours;
  private final RandomStream random = new RandomStream();

  NeighbourMixSampler(TrainingSet training, NeighbourSearch search, long seed, int attempt, int neighbours) {
    this.rows = training.points();
    this.index = search.newIndex(training, DotProductKernel.best());
    this.seed = seed;
    this.attempt = attempt;
    this.others = Math.min(neighbours, rows.rows() - 1);
    this.d = rows.dimension();
    this.queries = new double[anchors.length * d];
    this.found = new int[anchors.length * (others + 1)];
    this.neighbours = new int[others];
  }

  @Override
  public final int blockSize() {
    return anchors.length;
  }

  @Override
  public final void sampleBlock(long[] ids, int count, double[] out, int outOffset) {
    if (count > anchors.length) {
      throw new IllegalArgumentException("block of " + count + " exceeds the block size " + anchors.length);
    }
    for (int b = 0; b < count; b++) {
      random.reset(BaselineStreams.key(seed, ids[b], attempt, BaselineStreams.ROW));
      anchors[b] = random.nextInt(rows.rows());
      for (int j = 0; j < d; j++) {
        queries[b * d + j] = rows.get(anchors[b], j);
      }
    }
    int k = others + 1;
    index.nearest(queries, 0, count, k, found);
    for (int b = 0; b < count; b++) {
      // The anchor is its own nearest row unless an exact twin of lower index comes first: drop it wherever it
      // stands, else drop the farthest, so that the others are always the anchor's nearest other rows.
      int kept = 0;
      for (int r = 0; r < k && kept < others; r++) {
        int row = found[b * k + r];
        if (row != anchors[b]) {
          neighbours[kept++] = row;
        }
      }
      random.reset(BaselineStreams.key(seed, ids[b], attempt, BaselineStreams.MIX));
      combine(random, rows, anchors[b], neighbours, others, out, outOffset + b * d);
    }
  }

  /**
   * Writes the sample of one anchor to out[offset .. offset + d).
   *
   * @param neighbours the anchor's {@code count} nearest other rows, nearest first
   */
  abstract void combine(RandomStream random, RowMatrix rows, int anchor, int[] neighbours, int count,
      double[] out, int offset);
}
