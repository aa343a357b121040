package org.cfdmspark.knn;

import java.util.Arrays;
import java.util.function.IntUnaryOperator;

/**
 * Approximate k-nearest-neighbour search in an inverted file ({@link IvfCells}): find the {@code probes}
 * cells whose centroids are nearest to the query, then rank the rows of those cells exactly. With probes equal
 * to the number of cells it is exact search, with the same results as {@link BruteForceIndex}. A query's
 * answer depends on that query alone (never on the other queries of the block), so sampling stays
 * deterministic.
 *
 * <p>The queries of a block are grouped by cell, so each probed cell is one (queries × cell rows) kernel call
 * rather than one call per query. Holds scratch buffers: one instance per thread, over shared {@link IvfCells}.
 *
 * <p><b>A float pass first.</b> With a vector kernel, cells of {@link FloatScan#MIN_ROWS} rows or more on average and
 * rows of at most {@link FloatScan#MAX_DIMENSION} values, a cell's rows are scanned in float ({@link CellPanels}:
 * half the bytes, twice the rows per vector), and only the rows whose float value comes within a rigorous bound
 * ({@link CellPanels#slack}) of the query's k-th float value have their double products computed and ranked
 * ({@link FloatScan}): about k of the 29,000 rows a query reads at N = 10⁶, d = 64. The neighbours are the exact
 * ranking's, bit for bit.
 *
 * <p><b>Warm start of the cell choice.</b> Each query position of a block remembers its last query
 * ({@link SlotMemory}) with lower bounds on its distances to every centroid. When the next call's query at the
 * same position, q', lies within δ = ‖q' − q‖ of the old one, ‖q' − c‖ ≥ ‖q − c‖ − δ (triangle inequality)
 * bounds every centroid: a centroid is evaluated only when its bound does not exceed the current probes-th
 * value (the old nearest cells, evaluated first, make that tight at once). Any other cannot be among the
 * probes nearest, so the cells, and hence the answer, are exactly those of a fresh search: the evaluated values
 * are the same dot products rounded the same way (every {@link DotProductKernel} matches
 * {@link ScalarDotProductKernel#dot}), and the bounds carry a margin far above that rounding. The flow sampler
 * asks for the same trajectories in the same positions at every step of a block, and a query moves little
 * from step to step, so most of the centroid scan is skipped. A position whose query jumped further than its
 * last probes-th centroid distance (a new block) is chosen cold, in one blocked scan with the others.
 */
public final class IvfIndex implements NeighbourIndex {
  private static final int ROW_BLOCK = 256;
  /** Slack on squared distances, relative to ‖q‖² + the largest ‖c‖²: far above the rounding of any value. */
  private static final double SQUARED_SLACK = 1e-9;
  /** Relative slack on distances taken from square roots and sums. */
  private static final double LINEAR_SLACK = 1e-12;

  private final RowMatrix matrix;
  private final IvfCells cells;
  private final int probes;
  private final DotProductKernel kernel;
  /** The cells' rows in the kernel's panel layout, float or double; null for a kernel that reads none. */
  private final CellPanels panels;
  private final RowMatrix centroids;
  private final double largestCentroidNorm;
  private final int[] cellFirstPair;
  private final BoundedNeighbourHeap cellHeap;
  private final int[] topCells;
  private final int[] candidates;
  private final double[] centroidValues;
  private final int[] centroidStamp;
  private final int[] batchBases = new int[ScalarDotProductKernel.BATCH];
  private final double[] batchDots = new double[ScalarDotProductKernel.BATCH];
  private int stamp;
  private SlotMemory[] slots = new SlotMemory[0];
  private BoundedNeighbourHeap[] heaps = new BoundedNeighbourHeap[0];
  private int[] coldList = new int[0];
  private double[] coldQueries = new double[0];
  private double[] coldValues = new double[0];
  private Integer[] order = new Integer[0];
  private int[] pairQueries = new int[0];
  private double[] gathered = new double[0];
  private double[] dots = new double[0];
  /** The float first pass over float panels; null for double panels or none. */
  private final FloatScan floatScan;

  /**
   * @param matrix the matrix the cells were built on
   * @param probes cells to visit per query, at least 1 (more are visited when fewer than k rows would be seen)
   */
  public IvfIndex(RowMatrix matrix, IvfCells cells, int probes, DotProductKernel kernel) {
    if (cells.rows() != matrix.rows()) {
      throw new IllegalArgumentException("the IVF cells index " + cells.rows() + " rows, the matrix has "
          + matrix.rows());
    }
    if (probes < 1) {
      throw new IllegalArgumentException("probes must be at least 1, got " + probes);
    }
    this.matrix = matrix;
    this.cells = cells;
    this.probes = Math.min(probes, cells.cells());
    this.kernel = kernel;
    boolean inFloat = FloatScan.suits(kernel, cells.rows() / cells.cells(), matrix.dimension());
    this.panels = inFloat ? cells.panels(kernel.floatPanelLanes(), kernel.floatPanelTile(), true)
        : kernel.panelLanes() > 0 ? cells.panels(kernel.panelLanes(), 1, false) : null;
    this.floatScan = inFloat ? new FloatScan(kernel) : null;
    this.centroids = cells.centroids();
    double largest = 0;
    for (double norm : centroids.squaredNorms()) {
      largest = Math.max(largest, norm);
    }
    this.largestCentroidNorm = largest;
    this.cellFirstPair = new int[cells.cells() + 1];
    this.cellHeap = new BoundedNeighbourHeap(this.probes);
    this.topCells = new int[this.probes];
    this.candidates = new int[cells.cells()];
    this.centroidValues = new double[cells.cells()];
    this.centroidStamp = new int[cells.cells()];
  }

  /** True when this search scans its cells in float first ({@link FloatScan#suits}). */
  boolean scansInFloat() {
    return floatScan != null;
  }

  @Override
  public RowMatrix matrix() {
    return matrix;
  }

  @Override
  public void nearest(double[] queries, int queryOffset, int queryCount, int k, int[] out) {
    if (k < 1 || k > matrix.rows()) {
      throw new IllegalArgumentException("k must be in [1, " + matrix.rows() + "], got " + k);
    }
    prepare(queryCount, k);
    int d = matrix.dimension();
    int coldCount = 0;
    for (int q = 0; q < queryCount; q++) {
      if (!chooseCellsWarm(queries, (queryOffset + q) * d, slots[q], k)) {
        coldList[coldCount++] = q;
      }
    }
    chooseCellsCold(queries, queryOffset, coldCount, k);
    for (int q = 0; q < queryCount; q++) {
      System.arraycopy(queries, (queryOffset + q) * d, slots[q].query, 0, d);
      slots[q].valid = true;
    }
    groupByCell(queryCount);
    boolean scanInFloat = floatScan != null && floatScan.ready(panels, queries, queryOffset, queryCount, k);
    for (int cell = 0; cell < cells.cells(); cell++) {
      int firstPair = cellFirstPair[cell];
      int members = cellFirstPair[cell + 1] - firstPair;
      if (members > 0 && scanInFloat) {
        floatScan.scan(panels, panels.firstPanel(cell), panels.panelCount(cell), cells.cellStart(cell), queries,
            queryOffset, pairQueries, firstPair, members);
      } else if (members > 0) {
        rankCell(cell, queries, queryOffset, firstPair, members);
      }
    }
    if (scanInFloat) {
      double[] norms = cells.cellOrdered().squaredNorms();
      IntUnaryOperator rowId = cells::rowId; // once per call, not once per query
      for (int q = 0; q < queryCount; q++) {
        floatScan.rank(panels, queries, (queryOffset + q) * d, q, norms, rowId, heaps[q]);
      }
    }
    for (int q = 0; q < queryCount; q++) {
      heaps[q].drainNearestFirst(out, q * k);
    }
  }

  /**
   * The exact ranking of a cell's rows for its {@code members} queries (pairs firstPair ..): the kernel's double
   * products, from the double panels in one call, else blocks of rows at a time.
   */
  private void rankCell(int cell, double[] queries, int queryOffset, int firstPair, int members) {
    int d = matrix.dimension();
    if (gathered.length < members * d) {
      gathered = new double[members * d];
    }
    for (int i = 0; i < members; i++) {
      System.arraycopy(queries, (queryOffset + pairQueries[firstPair + i]) * d, gathered, i * d, d);
    }
    RowMatrix rows = cells.cellOrdered();
    int start = cells.cellStart(cell);
    int end = cells.cellStart(cell + 1);
    if (panels != null && !panels.inFloat()) {
      int panelCount = panels.panelCount(cell);
      int stride = panelCount * panels.lanes();
      ensureDots(members * stride);
      kernel.panelDots(gathered, 0, members, panels, panels.firstPanel(cell), panelCount, dots);
      offerRows(firstPair, members, start, end - start, stride, rows.squaredNorms());
      return;
    }
    for (int first = start; first < end; first += ROW_BLOCK) {
      int rowCount = Math.min(ROW_BLOCK, end - first);
      ensureDots(members * rowCount);
      kernel.dots(gathered, 0, members, rows, first, rowCount, dots);
      offerRows(firstPair, members, first, rowCount, rowCount, rows.squaredNorms());
    }
  }

  /**
   * Offers the cell-ordered rows first .. first + rowCount − 1, whose dot products with the {@code members} queries
   * of pairs firstPair .. are in dots[i · stride + r], to those queries' heaps; a row must beat the heap's current
   * threshold to be offered.
   */
  private void offerRows(int firstPair, int members, int first, int rowCount, int stride, double[] norms) {
    for (int i = 0; i < members; i++) {
      BoundedNeighbourHeap heap = heaps[pairQueries[firstPair + i]];
      double threshold = heap.threshold();
      for (int r = 0; r < rowCount; r++) {
        double distance = norms[first + r] - 2 * dots[i * stride + r];
        if (distance <= threshold) {
          heap.offer(distance, cells.rowId(first + r));
          threshold = heap.threshold();
        }
      }
    }
  }

  /**
   * Chooses the cells of the query at queries[base ..] from its slot's memory; false (nothing done) when the
   * slot has none or the query moved further than its last probes-th centroid distance (a new trajectory).
   */
  private boolean chooseCellsWarm(double[] queries, int base, SlotMemory slot, int k) {
    if (!slot.valid) {
      return false;
    }
    int d = matrix.dimension();
    double moved = 0;
    for (int j = 0; j < d; j++) {
      double step = queries[base + j] - slot.query[j];
      moved += step * step;
    }
    double delta = Math.sqrt(moved) * (1 + SQUARED_SLACK);
    if (!(delta <= slot.probeRadius)) {
      return false;
    }
    double squaredNorm = squaredNorm(queries, base, d);
    double slack = slack(squaredNorm);
    if (++stamp == Integer.MAX_VALUE) { // after 2³¹ warm queries: start the marks again rather than wrap onto old ones
      Arrays.fill(centroidStamp, 0);
      stamp = 1;
    }
    int cellTotal = cells.cells();
    double[] lower = slot.centroidLower;
    for (int c = 0; c < cellTotal; c++) {
      lower[c] -= delta;
    }
    // Last call's nearest cells first, so the probes-th value is tight before the rest are tested.
    cellHeap.reset();
    int seeds = Math.min(probes, slot.cellCount);
    for (int i = 0; i < seeds; i++) {
      candidates[i] = slot.cells[i];
      centroidStamp[slot.cells[i]] = stamp;
    }
    offerCentroids(queries, base, seeds, squaredNorm, slack, lower);
    double limit = upper(cellHeap.threshold(), squaredNorm, slack);
    int count = 0;
    for (int c = 0; c < cellTotal; c++) {
      if (lower[c] <= limit && centroidStamp[c] != stamp) {
        candidates[count++] = c;
      }
    }
    offerCentroids(queries, base, count, squaredNorm, slack, lower);
    slot.probeRadius = upper(cellHeap.threshold(), squaredNorm, slack);
    cellHeap.drainNearestFirst(topCells, 0);
    if (!visitTopCells(slot, k)) {
      count = 0;
      for (int c = 0; c < cellTotal; c++) {
        if (centroidStamp[c] != stamp) {
          candidates[count++] = c;
          lower[c] = Double.NEGATIVE_INFINITY; // so that every one is evaluated
        }
      }
      offerCentroids(queries, base, count, squaredNorm, slack, lower);
      visitRanked(centroidValues, 0, slot, k);
    }
    return true;
  }

  /**
   * Evaluates the centroids candidates[0 .. count) whose bound does not exceed the current probes-th value
   * (tested again batch by batch as it tightens), records their values and bounds, and offers them to the
   * cell heap.
   */
  private void offerCentroids(double[] queries, int base, int count, double squaredNorm, double slack,
      double[] lower) {
    int d = matrix.dimension();
    double limit = upper(cellHeap.threshold(), squaredNorm, slack);
    for (int from = 0; from < count; from += ScalarDotProductKernel.BATCH) {
      int kept = 0;
      for (int j = from; j < Math.min(count, from + ScalarDotProductKernel.BATCH); j++) {
        if (lower[candidates[j]] <= limit) {
          batchBases[kept++] = candidates[j] * d;
        }
      }
      kernel.scatteredDots(queries, base, centroids.values(), batchBases, kept, d, 1, batchDots);
      for (int j = 0; j < kept; j++) {
        int c = batchBases[j] / d;
        double value = centroids.squaredNorm(c) - 2 * batchDots[j];
        centroidValues[c] = value;
        centroidStamp[c] = stamp;
        lower[c] = lower(value, squaredNorm, slack);
        cellHeap.offer(value, c);
      }
      limit = upper(cellHeap.threshold(), squaredNorm, slack);
    }
  }

  /** The cold choice for queries coldList[0 .. coldCount): every centroid, in one blocked kernel scan. */
  private void chooseCellsCold(double[] queries, int queryOffset, int coldCount, int k) {
    if (coldCount == 0) {
      return;
    }
    int d = matrix.dimension();
    int cellTotal = cells.cells();
    if (coldQueries.length < coldCount * d) {
      coldQueries = new double[coldCount * d];
    }
    for (int i = 0; i < coldCount; i++) {
      System.arraycopy(queries, (queryOffset + coldList[i]) * d, coldQueries, i * d, d);
    }
    if (coldValues.length < coldCount * cellTotal) {
      coldValues = new double[coldCount * cellTotal];
    }
    ensureDots(coldCount * DotProductKernel.RANKING_BLOCK);
    kernel.rankingValues(coldQueries, 0, coldCount, centroids, dots, coldValues);
    for (int i = 0; i < coldCount; i++) {
      SlotMemory slot = slots[coldList[i]];
      double squaredNorm = squaredNorm(coldQueries, i * d, d);
      double slack = slack(squaredNorm);
      int base = i * cellTotal;
      cellHeap.reset();
      for (int c = 0; c < cellTotal; c++) {
        slot.centroidLower[c] = lower(coldValues[base + c], squaredNorm, slack);
        cellHeap.offer(coldValues[base + c], c);
      }
      slot.probeRadius = upper(cellHeap.threshold(), squaredNorm, slack);
      cellHeap.drainNearestFirst(topCells, 0);
      if (!visitTopCells(slot, k)) {
        visitRanked(coldValues, base, slot, k);
      }
    }
  }

  /** Visits topCells when they hold at least k rows (true), else leaves the slot's list empty (false). */
  private boolean visitTopCells(SlotMemory slot, int k) {
    int seen = 0;
    for (int cell : topCells) {
      seen += cells.cellStart(cell + 1) - cells.cellStart(cell);
    }
    slot.clearCells(probes);
    if (seen < k) {
      return false;
    }
    for (int cell : topCells) {
      slot.addCell(cell);
    }
    return true;
  }

  /**
   * Visits cells in the order of their values (values[base + c], ties toward the lower cell): {@code probes} of
   * them, or more while those hold fewer than k rows. Every value must be computed.
   */
  private void visitRanked(double[] values, int base, SlotMemory slot, int k) {
    int cellTotal = cells.cells();
    if (order.length < cellTotal) {
      order = new Integer[cellTotal];
    }
    for (int c = 0; c < cellTotal; c++) {
      order[c] = c;
    }
    Arrays.sort(order, 0, cellTotal, (a, b) -> {
      int byValue = Double.compare(values[base + a], values[base + b]);
      return byValue != 0 ? byValue : Integer.compare(a, b);
    });
    slot.clearCells(cellTotal);
    int seen = 0;
    for (int used = 0; used < cellTotal && (used < probes || seen < k); used++) {
      int cell = order[used];
      slot.addCell(cell);
      seen += cells.cellStart(cell + 1) - cells.cellStart(cell);
    }
  }

  /** Lists, for each cell, the queries that visit it: pairQueries[cellFirstPair[c] .. cellFirstPair[c+1]). */
  private void groupByCell(int queryCount) {
    Arrays.fill(cellFirstPair, 0);
    int pairs = 0;
    for (int q = 0; q < queryCount; q++) {
      SlotMemory slot = slots[q];
      for (int v = 0; v < slot.cellCount; v++) {
        cellFirstPair[slot.cells[v] + 1]++;
      }
      pairs += slot.cellCount;
    }
    for (int c = 0; c < cells.cells(); c++) {
      cellFirstPair[c + 1] += cellFirstPair[c];
    }
    if (pairQueries.length < pairs) {
      pairQueries = new int[pairs];
    }
    int[] next = Arrays.copyOf(cellFirstPair, cells.cells());
    for (int q = 0; q < queryCount; q++) {
      SlotMemory slot = slots[q];
      for (int v = 0; v < slot.cellCount; v++) {
        pairQueries[next[slot.cells[v]]++] = q;
      }
    }
  }

  private void prepare(int queryCount, int k) {
    if (heaps.length < queryCount || heaps[0].capacity() != k) {
      heaps = new BoundedNeighbourHeap[Math.max(queryCount, heaps.length)];
      for (int q = 0; q < heaps.length; q++) {
        heaps[q] = new BoundedNeighbourHeap(k);
      }
    }
    for (int q = 0; q < queryCount; q++) {
      heaps[q].reset();
    }
    if (slots.length < queryCount) {
      SlotMemory[] grown = Arrays.copyOf(slots, queryCount);
      for (int q = slots.length; q < queryCount; q++) {
        grown[q] = new SlotMemory(matrix.dimension(), cells.cells());
      }
      slots = grown;
      coldList = new int[queryCount];
    }
  }

  private void ensureDots(int length) {
    if (dots.length < length) {
      dots = new double[Math.max(length, ROW_BLOCK)];
    }
  }

  private double slack(double querySquaredNorm) {
    return SQUARED_SLACK * (querySquaredNorm + largestCentroidNorm);
  }

  /** A lower bound on ‖q − c‖ from the ranked value ‖c‖² − 2⟨q, c⟩, ‖q‖² and the rounding slack. */
  private static double lower(double value, double querySquaredNorm, double slack) {
    return Math.sqrt(Math.max(0, value + querySquaredNorm - slack)) * (1 - LINEAR_SLACK);
  }

  /** An upper bound on ‖q − c‖ from its ranked value (+∞ for +∞: a heap not yet full). */
  private static double upper(double value, double querySquaredNorm, double slack) {
    return Math.sqrt(Math.max(0, value + querySquaredNorm + slack)) * (1 + LINEAR_SLACK);
  }

  private static double squaredNorm(double[] values, int base, int d) {
    double sum = 0;
    for (int j = 0; j < d; j++) {
      sum += values[base + j] * values[base + j];
    }
    return sum;
  }
}
