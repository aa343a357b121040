package org.cfdmspark.metrics;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.cfdmspark.knn.DistinctRows;
import org.cfdmspark.knn.ParallelNearest;
import org.cfdmspark.knn.RowMatrix;
import org.cfdmspark.knn.SortedProjection;

/**
 * The near-copy threshold: the 1st percentile, over the distinct training rows, of the distance to the nearest
 * different training row. Distinct rows, because a repeated row's nearest other row is its twin at distance 0: with
 * 1 % of rows repeated the percentile over all rows is 0 and nothing would ever count as a near-copy (exact copies
 * are caught by their own check, {@link ExactCopies} in the report and the guard's). 0 only when all rows are equal.
 * On a large training set the percentile is estimated from a uniform subsample of query rows (each still searched
 * against every row, on all cores), which keeps the cost at queries · N · d instead of N² · d without biasing the
 * distances; of those queries (or of all rows, for the report's threshold) only the few that can hold the
 * percentile are scanned in full (the same number as a scan of all of them).
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
    int[] queries = train.rows() <= maxQueries ? IntStream.range(0, train.rows()).toArray()
        : Subsample.indices(train.rows(), maxQueries, MetricStream.SUBSAMPLE.open(seed));
    return percentileOfNearestOther(train, queries);
  }

  /**
   * The {@link #PERCENTILE} of the listed rows' distances to their nearest other row, the same number as
   * {@code Quantiles.of(toNearestOther(train, rows), PERCENTILE)}, from a full scan of only the rows that can hold
   * the order statistics it reads. A row's nearest neighbour in a window of the {@link SortedProjection} order
   * bounds its distance from above, so the needed-th smallest bound b leaves at least that many rows within b;
   * an exact search within a radius r ≤ b (b/8, doubled until enough rows have a row within it) gives each row's
   * nearest other row if it is within r, whose needed-th smallest distance R (widened by 10⁻⁶ for rounding, at
   * most r) picks the rows to scan: every other row has no row within R, so the smallest distances are among the
   * scanned ones. Should rounding leave fewer than needed within R, all rows are scanned.
   */
  static double percentileOfNearestOther(RowMatrix train, int[] rows) {
    int needed = Quantiles.orderStatisticsRead(rows.length, PERCENTILE);
    SortedProjection projections = SortedProjection.of(train);
    double[] nearby = new double[rows.length];
    IntStream.range(0, rows.length).parallel().forEach(q -> nearby[q] = projections.nearestOtherNearby(rows[q]));
    double bound = kthSmallest(nearby, needed);
    if (bound < Double.POSITIVE_INFINITY) {
      // The bound is loose (a window's nearest row): search from an eighth of it, doubling until needed rows
      // have a row within the radius; the bound itself always suffices. A smaller radius visits fewer rows.
      double[] within = new double[rows.length];
      double radius = bound / 8;
      boolean enough = false;
      // Past SortedProjection.WIDEST_WINDOW of the rows per window on average, a scan of all rows is cheaper (and
      // the doubling radius would repeat the search).
      while (windowShare(projections, rows, radius) <= SortedProjection.WIDEST_WINDOW) {
        enough = search(projections, rows, radius, within, needed);
        if (enough || radius >= bound) {
          break;
        }
        radius = Math.min(bound, 2 * radius);
      }
      if (enough) {
        // Rows with no row within the radius are farther than it from every row: never among the smallest.
        double reach = Math.min(radius, kthSmallest(within, needed) * (1 + 1e-6));
        int[] scanned = IntStream.range(0, rows.length).filter(q -> within[q] <= reach).map(q -> rows[q])
            .toArray();
        double[] distances = toNearestOther(train, scanned);
        if (Arrays.stream(distances).filter(distance -> distance <= reach).count() >= needed) {
          return Quantiles.ofLowest(distances, rows.length, PERCENTILE);
        }
      }
    }
    return Quantiles.of(toNearestOther(train, rows), PERCENTILE);
  }

  /** The listed rows' mean share of the other rows in their windows for {@code radius}. */
  private static double windowShare(SortedProjection projections, int[] rows, double radius) {
    long visited = 0;
    for (int row : rows) {
      visited += projections.windowRows(row, radius);
    }
    return visited / ((double) rows.length * Math.max(1, projections.size() - 1));
  }

  /**
   * within[q] = the distance from rows[q] to its nearest other row if within {@code radius}, else +∞; true when
   * at least {@code needed} rows have one.
   */
  private static boolean search(SortedProjection projections, int[] rows, double radius, double[] within,
      int needed) {
    IntStream.range(0, rows.length).parallel()
        .forEach(q -> within[q] = projections.nearestOtherWithin(rows[q], radius));
    return Arrays.stream(within).filter(distance -> distance <= radius).count() >= needed;
  }

  private static double kthSmallest(double[] values, int k) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[k - 1];
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
