package org.cfdmspark.knn;

/** Finds, for each query, the k rows of a {@link RowMatrix} nearest in Euclidean distance. */
public interface NeighbourIndex {

  /** The matrix searched. */
  RowMatrix matrix();

  /**
   * For queries q in [0, queryCount) (row-major at {@code queryOffset}), writes the indices of the k nearest
   * rows, nearest first, to out[q * k .. q * k + k). Requires 1 ≤ k ≤ rows. Ties break toward the lower index.
   */
  void nearest(double[] queries, int queryOffset, int queryCount, int k, int[] out);
}
