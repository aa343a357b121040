package org.cfdmspark.knn;

import java.util.Arrays;
import java.util.Random;

/** Rules for the inverted file's two sizes: how many cells, and how many of them to probe for a recall. */
public final class IvfTuning {
  private static final int CALIBRATION_QUERIES = 200;

  private IvfTuning() {
  }

  /** About 4·√N cells (the usual rule: cells of √N/4 rows balance the centroid scan against the re-ranking). */
  public static int defaultCells(int rows) {
    return (int) Math.max(1, Math.min(rows, Math.round(4 * Math.sqrt(rows))));
  }

  /**
   * The fewest probes (from a geometric ladder) whose recall@k reaches {@code target} on a seeded sample of
   * queries: training rows moved by Gaussian noise of standard deviation {@code noise}, the way the sampler's
   * queries q/t sit near training rows (noise (1−t)/t at time t). Measured against exact search.
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
    int[] exact = new int[count * k];
    new BruteForceIndex(points, DotProductKernel.best()).nearest(queries, 0, count, k, exact);
    int[] found = new int[count * k];
    for (int probes = 1; ; probes = Math.max(probes + 1, probes * 5 / 4)) {
      if (probes >= cells.cells()) {
        return cells.cells();
      }
      new IvfIndex(points, cells, probes, DotProductKernel.best()).nearest(queries, 0, count, k, found);
      if (recall(found, exact, count, k) >= target) {
        return probes;
      }
    }
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
