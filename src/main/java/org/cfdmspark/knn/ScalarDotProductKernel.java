package org.cfdmspark.knn;

/**
 * Plain-loop dot products that round exactly like {@link VectorDotProductKernel}: each (query, row) product is
 * sum = fma(q_j, x_j, sum) for j = 0, 1, …, d−1 in order from sum = +0.0, which is what one lane of the vector
 * kernel does whatever its width. So the two kernels give the same bits on every input, and a machine without
 * the Vector API (or with narrower vectors) samples the same rows as one with it, only slower. The reference
 * every faster kernel is tested against. Stateless.
 *
 * <p>{@link Math#fma} is one instruction on CPUs with FMA (x86 since Haswell / Zen, every ARMv8); without it the
 * JDK computes it exactly in software, correct but very slow.
 */
public final class ScalarDotProductKernel implements DotProductKernel {
  public static final ScalarDotProductKernel INSTANCE = new ScalarDotProductKernel();
  /** Rows per call of {@link #dotsAt} that run as independent chains. */
  public static final int BATCH = 8;

  private ScalarDotProductKernel() {
  }

  /**
   * ⟨queries[queryBase ..], x[rowBase ..]⟩ over d values, fused multiply-adds in order of j: the one rounding of a
   * dot product that every kernel reproduces.
   */
  public static double dot(double[] queries, int queryBase, float[] x, int rowBase, int d) {
    double sum = 0;
    for (int j = 0; j < d; j++) {
      sum = Math.fma(queries[queryBase + j], x[rowBase + j], sum);
    }
    return sum;
  }

  /**
   * out[i] = ⟨queries[queryBase ..], (x[rowBases[i] + j · columnStride])_j⟩ for i &lt; count ≤ {@link #BATCH}, d
   * values each (columnStride 1 for rows stored whole, a panel's lanes for a row in a panel; out holds BATCH values,
   * those past count are scratch): one query
   * against scattered rows (a warm-started search's survivors). Eight fused chains side by side keep both FMA
   * units busy; each still runs its own j = 0 … d−1 order, so the bits are those of {@link #dot}. A short batch,
   * even of one row, repeats its first row in the idle chains: as fast as a full one, since one chain alone waits on
   * each of its adds.
   */
  static void dotsAt(double[] queries, int queryBase, float[] x, int[] rowBases, int count, int d, int columnStride,
      double[] out) {
    if (count == 0) {
      return;
    }
    int b0 = rowBases[0];
    int b1 = count > 1 ? rowBases[1] : b0;
    int b2 = count > 2 ? rowBases[2] : b0;
    int b3 = count > 3 ? rowBases[3] : b0;
    int b4 = count > 4 ? rowBases[4] : b0;
    int b5 = count > 5 ? rowBases[5] : b0;
    int b6 = count > 6 ? rowBases[6] : b0;
    int b7 = count > 7 ? rowBases[7] : b0;
    double s0 = 0;
    double s1 = 0;
    double s2 = 0;
    double s3 = 0;
    double s4 = 0;
    double s5 = 0;
    double s6 = 0;
    double s7 = 0;
    for (int j = 0; j < d; j++) {
      double qj = queries[queryBase + j];
      int at = j * columnStride;
      s0 = Math.fma(qj, x[b0 + at], s0);
      s1 = Math.fma(qj, x[b1 + at], s1);
      s2 = Math.fma(qj, x[b2 + at], s2);
      s3 = Math.fma(qj, x[b3 + at], s3);
      s4 = Math.fma(qj, x[b4 + at], s4);
      s5 = Math.fma(qj, x[b5 + at], s5);
      s6 = Math.fma(qj, x[b6 + at], s6);
      s7 = Math.fma(qj, x[b7 + at], s7);
    }
    out[0] = s0;
    out[1] = s1;
    out[2] = s2;
    out[3] = s3;
    out[4] = s4;
    out[5] = s5;
    out[6] = s6;
    out[7] = s7;
  }

  /**
   * Four rows at a time: four independent fused chains hide the FMA latency (one chain waits about four cycles a
   * step), and each product still runs its own j = 0 … d−1 order, so the bits are those of {@link #dot}.
   */
  @Override
  public void dots(double[] queries, int queryOffset, int queryCount, RowMatrix matrix, int firstRow, int rowCount,
      double[] out) {
    int d = matrix.dimension();
    float[] x = matrix.values();
    for (int q = 0; q < queryCount; q++) {
      int queryBase = (queryOffset + q) * d;
      int at = q * rowCount;
      int r = 0;
      for (; r + 4 <= rowCount; r += 4) {
        int row0 = (firstRow + r) * d;
        double sum0 = 0;
        double sum1 = 0;
        double sum2 = 0;
        double sum3 = 0;
        for (int j = 0; j < d; j++) {
          double qj = queries[queryBase + j];
          sum0 = Math.fma(qj, x[row0 + j], sum0);
          sum1 = Math.fma(qj, x[row0 + d + j], sum1);
          sum2 = Math.fma(qj, x[row0 + 2 * d + j], sum2);
          sum3 = Math.fma(qj, x[row0 + 3 * d + j], sum3);
        }
        out[at + r] = sum0;
        out[at + r + 1] = sum1;
        out[at + r + 2] = sum2;
        out[at + r + 3] = sum3;
      }
      for (; r < rowCount; r++) {
        out[at + r] = dot(queries, queryBase, x, (firstRow + r) * d, d);
      }
    }
  }

  @Override
  public String name() {
    return "scalar";
  }

  @Override
  public String toString() {
    return name();
  }
}
