package org.cfdmspark.knn;

/**
 * Dot products of a block of queries against a block of matrix rows: the inner loop of every posterior-mean
 * evaluation and every neighbour search. Implementations must give each (query, row) product a result that
 * does not depend on which other queries or rows share the block, so that sampling output does not depend on
 * block sizes.
 */
public interface DotProductKernel {

  /**
   * out[q * rowCount + r] = ⟨queries[(queryOffset + q) * d ..], matrix row (firstRow + r)⟩ for q in
   * [0, queryCount), r in [0, rowCount), where d is the matrix dimension.
   */
  void dots(double[] queries, int queryOffset, int queryCount, RowMatrix matrix, int firstRow, int rowCount,
      double[] out);

  /** The kernel this JVM runs fastest. */
  static DotProductKernel best() {
    return ScalarDotProductKernel.INSTANCE;
  }
}
