package org.cfdmspark.bench;

import dev.ludovic.netlib.blas.BLAS;

/**
 * The BLAS alternative to the project's kernel, for the record: netlib's dgemm (Spark's own BLAS binding;
 * native OpenBLAS when the system has it, else its pure-Java implementation) on rows converted to double
 * beforehand, which favours BLAS (the project's kernel converts from float inside the timed loop). Only loaded
 * when the netlib jar is on the classpath.
 */
final class BlasGemm {
  private final BLAS blas = BLAS.getInstance();

  String implementation() {
    return blas.getClass().getSimpleName();
  }

  /**
   * out (rowCount × queryCount, column-major) = rows[firstRow ..]·queriesᵀ: rows row-major (d each) is a
   * column-major d × rowCount matrix, so it enters transposed.
   */
  void dots(double[] queries, int queryCount, double[] rows, int firstRow, int rowCount, int d, double[] out) {
    blas.dgemm("T", "N", rowCount, queryCount, d, 1.0, rows, firstRow * d, d, queries, 0, d, 0.0, out, 0,
        rowCount);
  }
}
