package org.cfdmspark.knn;

/**
 * Dot products of a block of queries against a block of matrix rows: the inner loop of every posterior-mean
 * evaluation and every neighbour search. Implementations must give each (query, row) product a result that
 * does not depend on which other queries or rows share the block, so that sampling output does not depend on
 * block sizes. Implementations may own scratch buffers and are then not thread-safe.
 */
public interface DotProductKernel {

  /**
   * out[q * rowCount + r] = ⟨queries[(queryOffset + q) * d ..], matrix row (firstRow + r)⟩ for q in
   * [0, queryCount), r in [0, rowCount), where d is the matrix dimension.
   */
  void dots(double[] queries, int queryOffset, int queryCount, RowMatrix matrix, int firstRow, int rowCount,
      double[] out);

  /**
   * A new kernel of the kind this JVM runs fastest (one per thread: kernels may own scratch buffers): the
   * Vector API kernel when the {@code jdk.incubator.vector} module is loaded (JVM flag
   * {@code --add-modules=jdk.incubator.vector}) and wide enough, else the scalar loop. The module check comes
   * first because touching a Vector API class without the module throws {@code NoClassDefFoundError}.
   */
  static DotProductKernel best() {
    if (ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent() && VectorDotProductKernel.worthwhile()) {
      return new VectorDotProductKernel();
    }
    return ScalarDotProductKernel.INSTANCE;
  }
}
