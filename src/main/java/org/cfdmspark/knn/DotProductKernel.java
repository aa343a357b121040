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
   * As {@link #dots}, then each product turned into out[q·rowCount + r] = dotWeight·⟨q, x_r⟩ − normWeight·‖x_r‖²
   * (a posterior-mean logit, or minus half a squared distance), with the largest value for query q written to
   * maxima[q]. Every implementation evaluates that expression with the same two roundings, so the logits do not
   * depend on the kernel beyond its dot products; the maximum is exact in any order.
   */
  default void logits(double[] queries, int queryOffset, int queryCount, RowMatrix matrix, int firstRow,
      int rowCount, double dotWeight, double normWeight, double[] out, double[] maxima) {
    dots(queries, queryOffset, queryCount, matrix, firstRow, rowCount, out);
    double[] norms = matrix.squaredNorms();
    for (int q = 0; q < queryCount; q++) {
      double max = Double.NEGATIVE_INFINITY;
      for (int r = 0, at = q * rowCount; r < rowCount; r++, at++) {
        out[at] = dotWeight * out[at] - normWeight * norms[firstRow + r];
        max = Math.max(max, out[at]);
      }
      maxima[q] = max;
    }
  }

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
