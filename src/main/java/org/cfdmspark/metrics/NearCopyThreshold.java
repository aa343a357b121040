package org.cfdmspark.metrics;

import org.cfdmspark.knn.DistinctRows;
import org.cfdmspark.knn.ParallelNearest;
import org.cfdmspark.knn.RowMatrix;

/**
 * The near-copy threshold: the 1st percentile, over the distinct training rows, of the distance to the nearest
 * different training row. Distinct rows, because a repeated row's nearest other row is its twin at distance 0: with
 * 1 % of rows repeated the percentile over all rows is 0 and nothing would ever count as a near-copy (exact copies
 * are caught by their own check, {@link ExactCopies} in the report and the guard's). 0 only when all rows are equal.
 * On a large training set the percentile is estimated from a uniform subsample of query rows (each still searched
 * against every row, on all cores), which keeps the cost at queries · N · d instead of N² · d without biasing the
 * distances.
 */
public final class NearCopyThreshold {
  /** The percentile that defines a near-copy (metrics.md). */
  public static final double PERCENTILE = 0.01;

  private NearCopyThreshold() {
  }

  /** The threshold of {@code train}, every distinct row a query. */
  public static double of(RowMatrix train) {
    return of(train, Integer.MAX_VALUE, 0);
  }

  /** The threshold of {@code train}, from at most {@code maxQueries} of its distinct rows as queries. */
  public static double of(RowMatrix rows, int maxQueries, long seed) {
    RowMatrix train = DistinctRows.of(rows).rows(rows);
    if (train.rows() < 2) {
      return 0;
    }
    if (train.rows() <= maxQueries) {
      return Quantiles.of(NearestDistances.toNearestOther(train), PERCENTILE);
    }
    int[] queries = Subsample.indices(train.rows(), maxQueries, MetricStream.SUBSAMPLE.open(seed));
    return Quantiles.of(toNearestOther(train, queries), PERCENTILE);
  }

  /** For each listed row, the distance to its nearest other row of {@code train} (the scan on all cores). */
  private static double[] toNearestOther(RowMatrix train, int[] rows) {
    int[] found = new int[rows.length * 2];
    ParallelNearest.Queries ofRows = ParallelNearest.rowsOf(train);
    ParallelNearest.nearest(train, (q, block, offset) -> ofRows.copy(rows[q], block, offset), rows.length, 2, found);
    double[] distances = new double[rows.length];
    for (int q = 0; q < rows.length; q++) {
      int self = rows[q];
      // The row itself is one of the two found unless another row ties with it at distance 0.
      int nearest = found[q * 2] == self ? found[q * 2 + 1] : found[q * 2];
      distances[q] = Math.sqrt(Distances.squared(train, self, train, nearest));
    }
    return distances;
  }
}
