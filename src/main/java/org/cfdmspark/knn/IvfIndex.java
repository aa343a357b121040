package org.cfdmspark.knn;

import java.util.Arrays;

/**
 * Approximate k-nearest-neighbour search in an inverted file ({@link IvfCells}): find the {@code probes}
 * cells whose centroids are nearest to the query, then rank the rows of those cells exactly. With probes equal
 * to the number of cells it is exact search, with the same results as {@link BruteForceIndex}. A query's
 * answer depends on that query alone (never on the other queries of the block), so sampling stays
 * deterministic.
 *
 * <p>The queries of a block are grouped by cell, so each probed cell is one (queries × cell rows) kernel call
 * rather than one call per query. Holds scratch buffers: one instance per thread, over shared {@link IvfCells}.
 */
public final class IvfIndex implements NeighbourIndex {
  private static final int ROW_BLOCK = 256;

  private final RowMatrix matrix;
  private final IvfCells cells;
  private final int probes;
  private final DotProductKernel kernel;
  private final BruteForceIndex centroidSearch;
  private final int[] cellFirstPair;
  private int[] ranked = new int[0];
  private int[] visited = new int[0];
  private int[] pairQueries = new int[0];
  private double[] gathered = new double[0];
  private double[] dots = new double[0];
  private BoundedNeighbourHeap[] heaps = new BoundedNeighbourHeap[0];

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
    this.centroidSearch = new BruteForceIndex(cells.centroids(), kernel);
    this.cellFirstPair = new int[cells.cells() + 1];
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
    int ranks = rankCells(queries, queryOffset, queryCount, k);
    groupByCell(queryCount, ranks);
    prepareHeaps(queryCount, k);
    int d = matrix.dimension();
    RowMatrix rows = cells.cellOrdered();
    double[] norms = rows.squaredNorms();
    for (int cell = 0; cell < cells.cells(); cell++) {
      int firstPair = cellFirstPair[cell];
      int members = cellFirstPair[cell + 1] - firstPair;
      if (members == 0) {
        continue;
      }
      if (gathered.length < members * d) {
        gathered = new double[members * d];
      }
      for (int i = 0; i < members; i++) {
        System.arraycopy(queries, (queryOffset + pairQueries[firstPair + i]) * d, gathered, i * d, d);
      }
      int end = cells.cellStart(cell + 1);
      for (int first = cells.cellStart(cell); first < end; first += ROW_BLOCK) {
        int rowCount = Math.min(ROW_BLOCK, end - first);
        if (dots.length < members * rowCount) {
          dots = new double[members * ROW_BLOCK];
        }
        kernel.dots(gathered, 0, members, rows, first, rowCount, dots);
        for (int i = 0; i < members; i++) {
          BoundedNeighbourHeap heap = heaps[pairQueries[firstPair + i]];
          double threshold = heap.threshold();
          for (int r = 0; r < rowCount; r++) {
            double distance = norms[first + r] - 2 * dots[i * rowCount + r];
            if (distance <= threshold) {
              heap.offer(distance, cells.rowId(first + r));
              threshold = heap.threshold();
            }
          }
        }
      }
    }
    for (int q = 0; q < queryCount; q++) {
      heaps[q].drainNearestFirst(out, q * k);
    }
  }

  /**
   * Ranks each query's nearest cells into ranked[q·ranks ..] and sets visited[q] to the cells it visits:
   * {@code probes}, or more while those hold fewer than k rows. Returns the ranks listed per query. The
   * prefix a query uses does not depend on how many ranks the block needed (the ranking is the same).
   */
  private int rankCells(double[] queries, int queryOffset, int queryCount, int k) {
    if (visited.length < queryCount) {
      visited = new int[queryCount];
    }
    for (int ranks = probes; ; ranks = Math.min(cells.cells(), 2 * ranks)) {
      if (ranked.length < queryCount * ranks) {
        ranked = new int[queryCount * ranks];
      }
      centroidSearch.nearest(queries, queryOffset, queryCount, ranks, ranked);
      boolean covered = true;
      for (int q = 0; q < queryCount; q++) {
        int seen = 0;
        int used = 0;
        while (used < ranks && (used < probes || seen < k)) {
          int cell = ranked[q * ranks + used++];
          seen += cells.cellStart(cell + 1) - cells.cellStart(cell);
        }
        visited[q] = used;
        covered &= seen >= k;
      }
      if (covered || ranks == cells.cells()) {
        return ranks;
      }
    }
  }

  /** Lists, for each cell, the queries that visit it: pairQueries[cellFirstPair[c] .. cellFirstPair[c+1]). */
  private void groupByCell(int queryCount, int ranks) {
    Arrays.fill(cellFirstPair, 0);
    int pairs = 0;
    for (int q = 0; q < queryCount; q++) {
      for (int i = 0; i < visited[q]; i++) {
        cellFirstPair[ranked[q * ranks + i] + 1]++;
      }
      pairs += visited[q];
    }
    for (int c = 0; c < cells.cells(); c++) {
      cellFirstPair[c + 1] += cellFirstPair[c];
    }
    if (pairQueries.length < pairs) {
      pairQueries = new int[pairs];
    }
    int[] next = Arrays.copyOf(cellFirstPair, cells.cells());
    for (int q = 0; q < queryCount; q++) {
      for (int i = 0; i < visited[q]; i++) {
        pairQueries[next[ranked[q * ranks + i]]++] = q;
      }
    }
  }

  private void prepareHeaps(int queryCount, int k) {
    if (heaps.length < queryCount || heaps[0].capacity() != k) {
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
