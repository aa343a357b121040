package org.cfdmspark.knn;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Plain k-means (Lloyd's algorithm) for the inverted-file cells, deterministic for a given seed: the centroids
 * start at k distinct rows of a seeded sample, and each round assigns the sample to its nearest centroid and
 * moves every centroid to the mean of its points (a centroid that loses all its points stays put). Training
 * on a sample of about {@link #POINTS_PER_CELL} rows per cell keeps the cost at sample·k·d per round, as
 * faiss does; IVF only needs cells of balanced, compact shape, not the optimum. The assignment scans run on all
 * cores ({@link ParallelNearest}), with the same assignments as one scan.
 */
public final class KMeans {
  static final int POINTS_PER_CELL = 32;
  static final int ROUNDS = 8;

  private KMeans() {
  }

  /** k centroids of {@code points} (1 ≤ k ≤ rows). */
  public static RowMatrix fit(RowMatrix points, int k, long seed) {
    int n = points.rows();
    if (k < 1 || k > n) {
      throw new IllegalArgumentException("k-means needs 1 <= k <= " + n + " cells, got " + k);
    }
    int d = points.dimension();
    RowMatrix sample = points.select(
        Shuffle.firstOf(n, (int) Math.min(n, (long) k * POINTS_PER_CELL), new SplittableRandom(seed)::nextInt));
    float[] centroids = new float[k * d];
    System.arraycopy(sample.values(), 0, centroids, 0, k * d);
    int[] assignment = new int[sample.rows()];
    int[] previous = new int[sample.rows()];
    for (int round = 0; round < ROUNDS; round++) {
      assign(sample, RowMatrix.of(k, d, centroids), assignment);
      if (round > 0 && Arrays.equals(assignment, previous)) {
        break;
      }
      moveToMeans(sample, assignment, k, centroids);
      System.arraycopy(assignment, 0, previous, 0, assignment.length);
    }
    return RowMatrix.of(k, d, centroids);
  }

  /** cell[i] = the centroid nearest to row i (ties toward the lower centroid), on all cores. */
  static void assign(RowMatrix points, RowMatrix centroids, int[] cell) {
    ParallelNearest.nearest(centroids, ParallelNearest.rowsOf(points), points.rows(), 1, cell);
  }

  private static void moveToMeans(RowMatrix sample, int[] assignment, int k, float[] centroids) {
    int d = sample.dimension();
    double[] sums = new double[k * d];
    int[] counts = new int[k];
    float[] x = sample.values();
    for (int i = 0; i < assignment.length; i++) {
      int c = assignment[i];
      counts[c]++;
      for (int j = 0; j < d; j++) {
        sums[c * d + j] += x[i * d + j];
      }
    }
    for (int c = 0; c < k; c++) {
      if (counts[c] > 0) {
        for (int j = 0; j < d; j++) {
          centroids[c * d + j] = (float) (sums[c * d + j] / counts[c]);
        }
      }
    }
  }
}
