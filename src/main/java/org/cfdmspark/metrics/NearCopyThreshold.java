package org.cfdmspark.metrics;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.cfdmspark.knn.DistinctRows;
import org.cfdmspark.knn.ParallelNearest;
import org.cfdmspark.knn.PivotCells;
import org.cfdmspark.knn.RowMatrix;

/**
 * The near-copy threshold: the 1st percentile, over the distinct training rows, of the distance to the nearest
 * different training row. Distinct rows, because a repeated row's nearest other row is its twin at distance 0: with
 * 1 % of rows repeated the percentile over all rows is 0 and nothing would ever count as a near-copy (exact copies
 * are caught by their own check, {@link ExactCopies} in the report and the guard's). 0 only when all rows are equal.
 * On a large training set the percentile is estimated from a uniform subsample of query rows (each still searched
 * against every row, on all cores), which keeps the cost at queries · N · d instead of N² · d without biasing the
 * distances; of those queries only the few that can hold the percentile are scanned in full (the same number).
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
    return percentileOfNearestOther(train, queries);
  }

  /**
   * The {@link #PERCENTILE} of the listed rows' distances to their nearest other row, the same number as
   * {@code Quantiles.of(toNearestOther(train, rows), PERCENTILE)}, from a full scan of only the rows that can hold
   * the order statistics it reads. Each row's nearest other row in its own {@link PivotCells} cell bounds its
   * distance from above, so the needed-th smallest bound r leaves at least that many rows within r; an exact
   * fixed-radius test then finds every row with another row within r (a few percent of them: r is about the
   * percentile), and only those are scanned. Every other row's distance exceeds r, so the smallest distances are
   * among the scanned ones. Should rounding leave fewer than needed within r, all rows are scanned.
   */
  static double percentileOfNearestOther(RowMatrix train, int[] rows) {
    int needed = Quantiles.orderStatisticsRead(rows.length, PERCENTILE);
    PivotCells cells = PivotCells.of(train);
    double[] bounds = new double[rows.length];
    IntStream.range(0, rows.length).parallel().forEach(q -> bounds[q] = cells.nearestOtherInCell(rows[q]));
    Arrays.sort(bounds);
    double radius = bounds[needed - 1];
    if (radius < Double.POSITIVE_INFINITY) {
      boolean[] close = new boolean[rows.length];
      IntStream.range(0, rows.length).parallel().forEach(q -> close[q] = cells.hasOtherWithin(rows[q], radius));
      int[] scanned = IntStream.range(0, rows.length).filter(q -> close[q]).map(q -> rows[q]).toArray();
      double[] distances = toNearestOther(train, scanned);
      if (Arrays.stream(distances).filter(distance -> distance <= radius).count() >= needed) {
        return Quantiles.ofLowest(distances, rows.length, PERCENTILE);
      }
    }
    return Quantiles.of(toNearestOther(train, rows), PERCENTILE);
  }

  /** For each listed row, the distance to its nearest other row of {@code train} (the scan on all cores). */
  static double[] toNearestOther(RowMatrix train, int[] rows) {
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
