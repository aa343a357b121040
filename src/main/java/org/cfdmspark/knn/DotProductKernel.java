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

  /** Rows per {@link #dots} call of {@link #rankingValues}; its scratch holds queryCount times this many values. */
  int RANKING_BLOCK = 256;

  /**
   * out[q · rows + r] = ‖x_r‖² − 2⟨q, x_r⟩, the value an exact search ranks row r of {@code matrix} by, for the
   * queryCount queries at queries[queryOffset · d ..] and every row: {@link #dots} a block of {@link #RANKING_BLOCK}
   * rows at a time into {@code scratch} (at least queryCount · RANKING_BLOCK values).
   */
  default void rankingValues(double[] queries, int queryOffset, int queryCount, RowMatrix matrix, double[] scratch,
      double[] out) {
    int rows = matrix.rows();
    for (int first = 0; first < rows; first += RANKING_BLOCK) {
      int rowCount = Math.min(RANKING_BLOCK, rows - first);
      dots(queries, queryOffset, queryCount, matrix, first, rowCount, scratch);
      for (int q = 0; q < queryCount; q++) {
        for (int r = 0; r < rowCount; r++) {
          out[q * rows + first + r] = matrix.squaredNorm(first + r) - 2 * scratch[q * rowCount + r];
        }
      }
    }
  }

  /**
   * Rows per panel of the double {@link CellPanels} that {@link #panelDots} reads; 0 for a kernel that reads none (an
   * IVF search then hands it rows through {@link #dots}).
   */
  default int panelLanes() {
    return 0;
  }

  /**
   * out[q · stride + r] = ⟨queries[(queryOffset + q) · d ..], row r of the panels⟩ for the rows of the double panels
   * firstPanel .. firstPanel + panelCount − 1, with stride = panelCount · {@link #panelLanes} (the padding rows give
   * 0). The same bits as {@link #dots} on the same rows.
   *
   * @throws UnsupportedOperationException for a kernel whose {@link #panelLanes} is 0
   */
  default void panelDots(double[] queries, int queryOffset, int queryCount, CellPanels panels, int firstPanel,
      int panelCount, double[] out) {
    throw new UnsupportedOperationException("the " + name() + " kernel reads no panels");
  }

  /**
   * Rows per panel of the float {@link CellPanels} that {@link #panelDistances} reads; 0 for a kernel that reads
   * none.
   */
  default int floatPanelLanes() {
    return 0;
  }

  /** Panels a cell's float panel count is a multiple of, so that {@link #panelDistances} never meets a cell's edge. */
  default int floatPanelTile() {
    return 1;
  }

  /**
   * out[q · stride + r] = the float value of ‖x_r‖² − 2⟨q, x_r⟩ (the squared distance less ‖q‖², which the search
   * ranks by), within {@link CellPanels#slack} of the double value, for the queries queries[q · d ..] (floats) and
   * the rows of the float panels firstPanel .. firstPanel + panelCount − 1 (a multiple of {@link #floatPanelTile}),
   * with stride = panelCount · {@link #floatPanelLanes}; NaN for the padding rows. Only a filter: the rows that pass
   * it are ranked by their double products.
   *
   * @throws UnsupportedOperationException for a kernel whose {@link #floatPanelLanes} is 0
   */
  default void panelDistances(float[] queries, int queryCount, CellPanels panels, int firstPanel, int panelCount,
      float[] out) {
    throw new UnsupportedOperationException("the " + name() + " kernel reads no float panels");
  }

  /**
   * The first index i in [from, to) with values[i] ≤ bound (NaN never is), or to when there is none: the float scan's
   * filter, in vectors where the kernel has them.
   */
  default int firstAtMost(float[] values, int from, int to, float bound) {
    for (int i = from; i < to; i++) {
      if (values[i] <= bound) {
        return i;
      }
    }
    return to;
  }

  /**
   * out[i] = ⟨queries[queryBase ..], (x[rowBases[i] + j · columnStride])_j⟩ for i &lt; count ≤
   * {@link ScalarDotProductKernel#BATCH}, d values each (columnStride 1 for rows stored whole, a panel's lanes for a
   * row in {@link CellPanels}; out holds BATCH values, those past count are scratch): one query against scattered
   * rows (a warm-started IVF search's surviving centroids, a float scan's candidates). The same bits as
   * {@link ScalarDotProductKernel#dot} on each row.
   */
  default void scatteredDots(double[] queries, int queryBase, float[] x, int[] rowBases, int count, int d,
      int columnStride, double[] out) {
    ScalarDotProductKernel.dotsAt(queries, queryBase, x, rowBases, count, d, columnStride, out);
  }

  /**
   * As {@link #dots}, then each product turned into out[q·rowCount + r] = {@link #logit}(dotWeight, normWeight,
   * ⟨q, x_r⟩, ‖x_r‖²) (a posterior-mean logit, or minus half a squared distance), with the largest value for
   * query q written to maxima[q]. Every implementation rounds that expression exactly as {@link #logit} does,
   * so the logits do not depend on the kernel beyond its dot products (and those are bit-identical across
   * kernels); the maximum is exact in any order.
   */
  default void logits(double[] queries, int queryOffset, int queryCount, RowMatrix matrix, int firstRow,
      int rowCount, double dotWeight, double normWeight, double[] out, double[] maxima) {
    dots(queries, queryOffset, queryCount, matrix, firstRow, rowCount, out);
    double[] norms = matrix.squaredNorms();
    for (int q = 0; q < queryCount; q++) {
      double max = Double.NEGATIVE_INFINITY;
      for (int r = 0, at = q * rowCount; r < rowCount; r++, at++) {
        out[at] = logit(dotWeight, normWeight, out[at], norms[firstRow + r]);
        max = Math.max(max, out[at]);
      }
      maxima[q] = max;
    }
  }

  /**
   * The logit of a training row x given ⟨q, x⟩ and ‖x‖²: dotWeight·⟨q, x⟩ − normWeight·‖x‖² (method.md §2, with
   * the time weights of {@code engine.PosteriorMean}; with weights 1 and ½ it is minus half the squared distance
   * up to a term in q alone). Three roundings, two products and a difference, never fused: the one definition
   * that every kernel's logit pass and the nearest-neighbour estimator evaluate.
   */
  static double logit(double dotWeight, double normWeight, double dot, double squaredNorm) {
    return dotWeight * dot - normWeight * squaredNorm;
  }

  /**
   * What this kernel is, for logs and the run manifest: {@code "scalar"} or {@code "vector(8 double lanes)"}.
   * Kernels of different names give the same bits; the name tells the speed to expect.
   */
  String name();

  /**
   * A new kernel of the kind this JVM runs fastest (one per thread: kernels may own scratch buffers): the
   * Vector API kernel when the {@code jdk.incubator.vector} module is loaded (JVM flag
   * {@code --add-modules=jdk.incubator.vector}) and the CPU's double vectors have at least 4 lanes, else the
   * scalar loop. Both give the same bits, so the choice changes speed, never samples. It is made and logged once
   * per JVM ({@link KernelChoice}): a fallback is a warning naming the fix.
   */
  static DotProductKernel best() {
    return KernelChoice.VECTOR ? new VectorDotProductKernel() : ScalarDotProductKernel.INSTANCE;
  }
}
