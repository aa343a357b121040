package org.cfdmspark.knn;

import java.util.Arrays;
import java.util.Random;

/** Rules for the inverted file's two sizes: how many cells, and how many of them to probe for a recall. */
public final class IvfTuning {
  private static final int CALIBRATION_QUERIES = 200;
  /** The most (query, cell) ranks held at once by the one-pass recall: 4 MB of ranks, and 12 bytes each in the heaps. */
  private static final int RANKED_ENTRIES = 1 << 20;

  private IvfTuning() {
  }

  /** About 4·√N cells (the usual rule: cells of √N/4 rows balance the centroid scan against the re-ranking). */
  public static int defaultCells(int rows) {
    return (int) Math.max(1, Math.min(rows, Math.round(4 * Math.sqrt(rows))));
  }

  /**
   * The fewest probes (from a geometric ladder) whose recall@k reaches {@code target} on a seeded sample of
   * queries: training rows moved by Gaussian noise of standard deviation {@code noise}, the way the sampler's
   * queries q/t sit near training rows (noise (1−t)/t at time t). Measured against exact search, for every rung
   * in one pass ({@link #recallByProbes}).
   */
  public static int probesForRecall(RowMatrix points, IvfCells cells, int k, double target, double noise,
      long seed) {
    int d = points.dimension();
    int count = Math.min(CALIBRATION_QUERIES, points.rows());
    Random random = new Random(seed);
    double[] queries = new double[count * d];
    for (int q = 0; q < count; q++) {
      int row = random.nextInt(points.rows());
      for (int j = 0; j < d; j++) {
        queries[q * d + j] = points.get(row, j) + noise * random.nextGaussian();
      }
    }
    double[] recall = recallByProbes(points, cells, queries, count, k);
    for (int probes = 1; ; probes = Math.max(probes + 1, probes * 5 / 4)) {
      if (probes >= cells.cells()) {
        return cells.cells();
      }
      if (recall[probes] >= target) {
        return probes;
      }
    }
  }

  /**
   * recall[p] = the {@link #recall} of an {@link IvfIndex} search with p probes (1 ≤ p ≤ cells; recall[0] is
   * unused) on the {@code count} queries, against exact search; all of them from one exact search and one ranking
   * of the centroids. A search with p probes returns the k nearest of the rows in the cells it visits, in the
   * (distance, index) order exact search uses, so it finds exactly those of the query's exact neighbours that lie
   * in visited cells; it visits the p cells ranked first by IvfIndex's order (‖c‖² − 2⟨q, c⟩ from the same
   * kernel, ties toward the lower cell), and more while those hold fewer than k rows.
   */
  static double[] recallByProbes(RowMatrix points, IvfCells cells, double[] queries, int count, int k) {
    return recallByProbes(points, cells, queries, count, k, RANKED_ENTRIES);
  }

  /** As above, ranking the centroids for as many queries at a time as {@code rankedEntries} ranks allow. */
  static double[] recallByProbes(RowMatrix points, IvfCells cells, double[] queries, int count, int k,
      int rankedEntries) {
    DotProductKernel kernel = DotProductKernel.best();
    int[] exact = new int[count * k];
    new BruteForceIndex(points, kernel).nearest(queries, 0, count, k, exact);
    int cellTotal = cells.cells();
    // The centroid ranking holds queries × cells entries: a chunk of queries at a time, within rankedEntries.
    int chunk = Math.max(1, Math.min(count, rankedEntries / cellTotal));
    int[] ranked = new int[chunk * cellTotal];
    BruteForceIndex centroidScan = new BruteForceIndex(cells.centroids(), kernel);
    int[] cellOfRow = cells.cellOfRows();
    int[] rank = new int[cellTotal];
    // foundFrom[p]: exact neighbours first found with p probes (a neighbour in the r-th ranked cell is found
    // from p = r + 1 on, or from p = 1 when the cells visited for want of k rows already include it).
    long[] foundFrom = new long[cellTotal + 2];
    for (int first = 0; first < count; first += chunk) {
      int queriesInChunk = Math.min(chunk, count - first);
      centroidScan.nearest(queries, first, queriesInChunk, cellTotal, ranked);
      for (int i = 0; i < queriesInChunk; i++) {
        int q = first + i;
        int seen = 0;
        int fewest = cellTotal;
        for (int r = 0; r < cellTotal; r++) {
          int cell = ranked[i * cellTotal + r];
          rank[cell] = r;
          seen += cells.cellStart(cell + 1) - cells.cellStart(cell);
          if (seen >= k && r + 1 < fewest) {
            fewest = r + 1;
          }
        }
        for (int n = 0; n < k; n++) {
          int r = rank[cellOfRow[exact[q * k + n]]];
          foundFrom[r < fewest ? 1 : r + 1]++;
        }
      }
    }
    double[] recall = new double[cellTotal + 1];
    long hits = 0;
    for (int probes = 1; probes <= cellTotal; probes++) {
      hits += foundFrom[probes];
      recall[probes] = (double) hits / ((long) count * k);
    }
    return recall;
  }

  /** Mean share of each query's k exact neighbours that {@code found} contains. */
  public static double recall(int[] found, int[] exact, int queries, int k) {
    long hits = 0;
    int[] truth = new int[k];
    for (int q = 0; q < queries; q++) {
      System.arraycopy(exact, q * k, truth, 0, k);
      Arrays.sort(truth);
      for (int i = 0; i < k; i++) {
        if (Arrays.binarySearch(truth, found[q * k + i]) >= 0) {
          hits++;
        }
      }
    }
    return (double) hits / ((long) queries * k);
  }
}
