package org.cfdmspark.knn;

/**
 * Exact k-nearest-neighbour search by scanning every row, blocked so that the dot-product kernel sees a block
 * of queries against a block of rows. Ranks by ‖x‖² − 2⟨q, x⟩ (‖q‖² is the same for every row). For
 * {@link #FLOAT_SCAN_ROWS} rows or more where {@link FloatScan#suits} them, the rows are scanned in float first and
 * only the few that may be among a query's k nearest are ranked in double ({@link FloatScan}): the same neighbours. Not
 * thread-safe: it owns scratch buffers; use one instance per thread.
 */
public final class BruteForceIndex implements NeighbourIndex {
  private static final int ROW_BLOCK = 256;
  /**
   * The float pass for matrices of this many rows or more: a scan of fewer is short, and the float tiles'
   * compilations cost a 1,000-row table's fit more than they saved (0.2–0.3 s), while a 9,857-row table's sampling
   * ran 1.4× faster (BENCHMARKS.md, "The brute-force search's float pass").
   */
  static final int FLOAT_SCAN_ROWS = 4096;

  private final RowMatrix matrix;
  private final DotProductKernel kernel;
  private double[] dots = new double[0];
  private BoundedNeighbourHeap[] heaps = new BoundedNeighbourHeap[0];
  /** The float first pass, or null (a scalar kernel, or too few rows to be worth it). */
  private final FloatScan floatScan;

  public BruteForceIndex(RowMatrix matrix, DotProductKernel kernel) {
    this.matrix = matrix;
    this.kernel = kernel;
    this.floatScan = matrix.rows() >= FLOAT_SCAN_ROWS && FloatScan.suits(kernel, matrix.rows(), matrix.dimension())
        ? new FloatScan(kernel) : null;
  }

  @Override
  public RowMatrix matrix() {
    return matrix;
  }

  @Override
  public void nearest(double[] queries, int queryOffset, int queryCount, int k, int[] out) {
    int n = matrix.rows();
    if (k < 1 || k > n) {
      throw new IllegalArgumentException("k must be in [1, " + n + "], got " + k);
    }
    prepareScratch(queryCount, k);
    double[] norms = matrix.squaredNorms();
    CellPanels panels = floatScan == null ? null
        : matrix.floatPanels(kernel.floatPanelLanes(), kernel.floatPanelTile());
    if (panels != null && floatScan.ready(panels, queries, queryOffset, queryCount, k)) {
      int blockPanels = Math.max(1, ROW_BLOCK / panels.lanes() / kernel.floatPanelTile()) * kernel.floatPanelTile();
      for (int first = 0; first < panels.panelCount(0); first += blockPanels) {
        floatScan.scan(panels, first, Math.min(blockPanels, panels.panelCount(0) - first), first * panels.lanes(),
            queries, queryOffset, null, 0, queryCount);
      }
      for (int q = 0; q < queryCount; q++) {
        floatScan.rank(panels, queries, (queryOffset + q) * matrix.dimension(), q, norms, row -> row, heaps[q]);
        heaps[q].drainNearestFirst(out, q * k);
      }
      return;
    }
    for (int firstRow = 0; firstRow < n; firstRow += ROW_BLOCK) {
      int rowCount = Math.min(ROW_BLOCK, n - firstRow);
      kernel.dots(queries, queryOffset, queryCount, matrix, firstRow, rowCount, dots);
      for (int q = 0; q < queryCount; q++) {
        BoundedNeighbourHeap heap = heaps[q];
        double threshold = heap.threshold(); // in a local: most rows fail this test, so keep it cheap
        for (int r = 0; r < rowCount; r++) {
          double distance = norms[firstRow + r] - 2 * dots[q * rowCount + r];
          if (distance <= threshold) {
            heap.offer(distance, firstRow + r);
            threshold = heap.threshold();
          }
        }
      }
    }
    for (int q = 0; q < queryCount; q++) {
      heaps[q].drainNearestFirst(out, q * k);
    }
  }

  private void prepareScratch(int queryCount, int k) {
    if (dots.length < queryCount * ROW_BLOCK) {
      dots = new double[queryCount * ROW_BLOCK];
    }
    if (heaps.length < queryCount || (heaps.length > 0 && heaps[0].capacity() != k)) {
      heaps = new BoundedNeighbourHeap[Math.max(queryCount, heaps.length)];
      for (int q = 0; q < heaps.length; q++) {
        heaps[q] = new BoundedNeighbourHeap(k);
      }
    }
    for (int q = 0; q < queryCount; q++) {
      heaps[q].reset();
    }
  }
}
