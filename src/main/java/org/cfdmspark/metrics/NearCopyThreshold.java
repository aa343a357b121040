package org.cfdmspark.metrics;

import org.cfdmspark.knn.BruteForceIndex;
import org.cfdmspark.knn.DotProductKernel;
import org.cfdmspark.knn.RowMatrix;

/**
 * The near-copy threshold: the 1st percentile of the training rows' distances to their nearest other training row.
 * On a large training set the percentile is estimated from a uniform subsample of query rows (each still searched
 * against every row), which keeps the cost at queries · N · d instead of N² · d without biasing the distances.
 */
public final class NearCopyThreshold {
  /** The percentile that defines a near-copy (metrics.md). */
  public static final double PERCENTILE = 0.01;
  private static final int QUERY_BLOCK = 64;

  private NearCopyThreshold() {
  }

  /** The threshold of {@code train} (at least two rows), from at most {@code maxQueries} query rows. */
  public static double of(RowMatrix train, int maxQueries, long seed) {
    if (train.rows() <= maxQueries) {
      return Quantiles.of(NearestDistances.toNearestOther(train), PERCENTILE);
    }
    int[] queries = Subsample.indices(train.rows(), maxQueries, MetricStream.SUBSAMPLE.open(seed));
    return Quantiles.of(toNearestOther(train, queries), PERCENTILE);
  }

  /** For each listed row, the distance to its nearest other row of {@code train}. */
  private static double[] toNearestOther(RowMatrix train, int[] rows) {
    int d = train.dimension();
    BruteForceIndex index = new BruteForceIndex(train, DotProductKernel.best());
    double[] block = new double[QUERY_BLOCK * d];
    int[] found = new int[QUERY_BLOCK * 2];
    double[] distances = new double[rows.length];
    for (int first = 0; first < rows.length; first += QUERY_BLOCK) {
      int count = Math.min(QUERY_BLOCK, rows.length - first);
      for (int q = 0; q < count; q++) {
        for (int j = 0; j < d; j++) {
          block[q * d + j] = train.get(rows[first + q], j);
        }
      }
      index.nearest(block, 0, count, 2, found);
      for (int q = 0; q < count; q++) {
        int self = rows[first + q];
        // The row itself is one of the two found unless another row ties with it at distance 0.
        int nearest = found[q * 2] == self ? found[q * 2 + 1] : found[q * 2];
        distances[first + q] = Math.sqrt(Distances.squared(train, self, train, nearest));
      }
    }
    return distances;
  }
}
