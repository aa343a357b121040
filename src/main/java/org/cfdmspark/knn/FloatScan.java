package org.cfdmspark.knn;

import java.util.function.IntUnaryOperator;

/**
 * A k-nearest search's first pass over float {@link CellPanels}: each query's rows scanned in float, the rows that
 * may be among its k nearest kept ({@link FloatScanCandidates}, which says why none is lost), then only those ranked
 * by their double products, computed from the panels (which hold the rows' floats exactly), so that the heaps keep
 * what a double ranking of every row keeps, bit for bit. Shared by {@link IvfIndex} (a cell at a time, for the
 * queries that probe it) and {@link BruteForceIndex} (the whole matrix as one cell, a block of panels at a time).
 *
 * <p>Scratch of one searcher: not thread-safe.
 */
final class FloatScan {
  /**
   * The float scan for cells of this many rows on average, or more: 1.25× faster per search than the double panels
   * at N = 10⁵, d = 64 (79 rows a cell), 1.8× at N = 10⁶ (250), no faster on credit default (35 rows of 122 values),
   * where it only added its compilations to the fit (BENCHMARKS.md, "The IVF search's float scan").
   */
  static final int MIN_ROWS = 64;
  /**
   * And for rows of at most this many values: a tile's two panels (2·d·16 floats) then stay in L1 while its queries
   * pass over them; the scan has no depth blocks, and on the survey's 1,510 one-hot values it was 8 % slower than the
   * double kernel, which has (BENCHMARKS.md, "The brute-force search's float pass").
   */
  static final int MAX_DIMENSION = 256;

  private final DotProductKernel kernel;
  private final FloatScanCandidates candidates = new FloatScanCandidates();
  private final int[] batchBases = new int[ScalarDotProductKernel.BATCH];
  private final double[] batchDots = new double[ScalarDotProductKernel.BATCH];
  private float[] floats = new float[0];
  private float[] scanned = new float[0];

  /**
   * True when a search over cells of {@code rowsPerCell} rows on average, of {@code dimension} values each, should
   * scan in float first with this kernel.
   */
  static boolean suits(DotProductKernel kernel, long rowsPerCell, int dimension) {
    return kernel.floatPanelLanes() > 0 && rowsPerCell >= MIN_ROWS && dimension <= MAX_DIMENSION;
  }

  /** @param kernel a kernel that reads float panels ({@link DotProductKernel#floatPanelLanes} &gt; 0) */
  FloatScan(DotProductKernel kernel) {
    this.kernel = kernel;
  }

  /**
   * Readies a call's queries (queries[(queryOffset + q)·d ..] for q &lt; queryCount) for a search of k; false when one
   * is too large for float ({@link CellPanels#scannable}): the call must then rank in double.
   */
  boolean ready(CellPanels panels, double[] queries, int queryOffset, int queryCount, int k) {
    int d = panels.dimension();
    candidates.reset(queryCount, k);
    for (int q = 0; q < queryCount; q++) {
      double squared = 0;
      for (int j = 0, base = (queryOffset + q) * d; j < d; j++) {
        squared += queries[base + j] * queries[base + j];
      }
      double norm = Math.sqrt(squared);
      if (!panels.scannable(norm)) {
        return false;
      }
      candidates.slack(q, panels.slack(norm));
    }
    return true;
  }

  /**
   * Scans panels firstPanel .. firstPanel + panelCount − 1 (a multiple of the kernel's float panel tile), whose rows
   * are at positions firstPosition .. of the panels' row order, for {@code members} queries: query ids[firstId + i]
   * for each i, or firstId + i when ids is null.
   */
  void scan(CellPanels panels, int firstPanel, int panelCount, int firstPosition, double[] queries, int queryOffset,
      int[] ids, int firstId, int members) {
    int d = panels.dimension();
    if (floats.length < members * d) {
      floats = new float[members * d];
    }
    for (int i = 0; i < members; i++) {
      int base = (queryOffset + query(ids, firstId, i)) * d;
      for (int j = 0; j < d; j++) {
        floats[i * d + j] = (float) queries[base + j];
      }
    }
    int lanes = panels.lanes();
    int stride = panelCount * lanes;
    if (scanned.length < members * stride) {
      scanned = new float[members * stride];
    }
    kernel.panelDistances(floats, members, panels, firstPanel, panelCount, scanned);
    int panelBase = firstPanel * d * lanes;
    for (int i = 0; i < members; i++) {
      int q = query(ids, firstId, i);
      int first = i * stride;
      // The whole stride: padding rows past the cell's own are NaN, which never passes.
      for (int at = kernel.firstAtMost(scanned, first, first + stride, candidates.filter(q)); at < first + stride;
          at = kernel.firstAtMost(scanned, at + 1, first + stride, candidates.filter(q))) {
        int r = at - first;
        candidates.add(q, scanned[at], firstPosition + r, panelBase + r / lanes * d * lanes + r % lanes);
      }
    }
  }

  /**
   * Offers query q's candidates to {@code heap} by their double products: norms[position] − 2⟨q, x⟩ with the row
   * index rowId(position).
   */
  void rank(CellPanels panels, double[] queries, int queryBase, int q, double[] norms, IntUnaryOperator rowId,
      BoundedNeighbourHeap heap) {
    int count = candidates.select(q);
    int[] positions = candidates.positions(q);
    int[] bases = candidates.bases(q);
    for (int first = 0; first < count; first += ScalarDotProductKernel.BATCH) {
      int batch = Math.min(ScalarDotProductKernel.BATCH, count - first);
      System.arraycopy(bases, first, batchBases, 0, batch);
      kernel.scatteredDots(queries, queryBase, panels.floatValues(), batchBases, batch, panels.dimension(),
          panels.lanes(), batchDots);
      for (int i = 0; i < batch; i++) {
        heap.offer(norms[positions[first + i]] - 2 * batchDots[i], rowId.applyAsInt(positions[first + i]));
      }
    }
  }

  private static int query(int[] ids, int firstId, int i) {
    return ids == null ? firstId + i : ids[firstId + i];
  }
}
