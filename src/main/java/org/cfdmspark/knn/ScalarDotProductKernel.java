package org.cfdmspark.knn;

/** Plain-loop dot products, accumulated in double; the reference every faster kernel is tested against. Stateless. */
public final class ScalarDotProductKernel implements DotProductKernel {
  public static final ScalarDotProductKernel INSTANCE = new ScalarDotProductKernel();

  private ScalarDotProductKernel() {
  }

  @Override
  public void dots(double[] queries, int queryOffset, int queryCount, RowMatrix matrix, int firstRow, int rowCount,
      double[] out) {
    int d = matrix.dimension();
    float[] x = matrix.values();
    for (int q = 0; q < queryCount; q++) {
      int queryBase = (queryOffset + q) * d;
      for (int r = 0; r < rowCount; r++) {
        int rowBase = (firstRow + r) * d;
        double sum = 0;
        for (int j = 0; j < d; j++) {
          sum += queries[queryBase + j] * x[rowBase + j];
        }
        out[q * rowCount + r] = sum;
      }
    }
  }

  @Override
  public String toString() {
    return "scalar";
  }
}
