package org.cfdmspark.knn;

import java.util.Arrays;
import java.util.Comparator;

/**
 * An exact fixed-radius test between the rows of one matrix: is there another row within r of row i? The rows
 * are cut into cells around about √N evenly spaced pivot rows (each row in the cell of its nearest pivot), and
 * each cell keeps its rows sorted by their distance to the pivot. By the triangle inequality a row x of the
 * cell of pivot c is at least |‖q − c‖ − ‖x − c‖| from a query q, so only the rows of a cell whose distance to
 * the pivot lies within r of the query's are measured (Burkhard and Keller 1973; the pivot tables of Chávez,
 * Navarro, Baeza-Yates and Marroquín 2001, §5). For a radius well below the typical spacing of the rows that
 * ring holds few rows, so a query costs about √N·d plus a few distances instead of N·d.
 *
 * <p>Distances are computed in double from the float values; a rounding slack of {@value #SLACK} relative
 * widens every pruning bound, so a row the test skips is farther than r by more than any rounding error.
 */
public final class PivotCells {
  /** Relative widening of the pruning bounds, far above the rounding error of a d-term sum of squares. */
  static final double SLACK = 1e-9;

  private final RowMatrix rows;
  private final int[] pivots;
  /** Rows of cell c: members[start[c] .. start[c + 1]), sorted by toPivot. */
  private final int[] start;
  private final int[] members;
  private final double[] toPivot;
  /** The cell of each row. */
  private final int[] cellOf;

  private PivotCells(RowMatrix rows, int[] pivots, int[] start, int[] members, double[] toPivot, int[] cellOf) {
    this.rows = rows;
    this.pivots = pivots;
    this.start = start;
    this.members = members;
    this.toPivot = toPivot;
    this.cellOf = cellOf;
  }

  /** Cells over the rows of {@code rows} (at least one row), pivots evenly spaced: deterministic. */
  public static PivotCells of(RowMatrix rows) {
    int n = rows.rows();
    int m = Math.max(1, (int) Math.round(Math.sqrt(n)));
    int[] pivots = new int[m];
    for (int c = 0; c < m; c++) {
      pivots[c] = (int) ((long) c * n / m);
    }
    int[] cellOf = new int[n];
    // Nearest pivot by the kernel: any assignment keeps the test exact, a nearest one keeps the cells small.
    ParallelNearest.nearest(rows.select(pivots), ParallelNearest.rowsOf(rows), n, 1, cellOf);
    int[] start = new int[m + 1];
    for (int i = 0; i < n; i++) {
      start[cellOf[i] + 1]++;
    }
    for (int c = 0; c < m; c++) {
      start[c + 1] += start[c];
    }
    double[] distance = new double[n];
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      distance[i] = Math.sqrt(squaredDistance(rows, i, pivots[cellOf[i]]));
      order[i] = i;
    }
    Arrays.sort(order, Comparator.<Integer>comparingInt(i -> cellOf[i]).thenComparingDouble(i -> distance[i]));
    int[] members = new int[n];
    double[] toPivot = new double[n];
    for (int s = 0; s < n; s++) {
      members[s] = order[s];
      toPivot[s] = distance[order[s]];
    }
    return new PivotCells(rows, pivots, start, members, toPivot, cellOf);
  }

  /**
   * Whether some row other than {@code row} is within {@code radius} of it (squared distance, summed in double,
   * at most radius²). Exact up to rounding: true whenever such a row exists, false only when every other row is
   * farther than radius (the skipped ones by at least the slack).
   */
  public boolean hasOtherWithin(int row, double radius) {
    double r2 = radius * radius;
    for (int c = 0; c < pivots.length; c++) {
      if (start[c] == start[c + 1]) {
        continue;
      }
      double q = Math.sqrt(squaredDistance(rows, row, pivots[c]));
      double reach = radius + SLACK * (q + toPivot[start[c + 1] - 1] + radius);
      if (q - toPivot[start[c + 1] - 1] > reach) {
        continue; // the whole cell lies beyond the radius
      }
      for (int s = firstAtLeast(c, q - reach); s < start[c + 1] && toPivot[s] <= q + reach; s++) {
        int other = members[s];
        if (other != row && squaredDistance(rows, row, other) <= r2) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * The distance from {@code row} to the nearest other row of its own cell, an upper bound of its distance to the
   * nearest other row; +∞ when it is alone in its cell.
   */
  public double nearestOtherInCell(int row) {
    int c = cellOf[row];
    double best = Double.POSITIVE_INFINITY;
    for (int s = start[c]; s < start[c + 1]; s++) {
      if (members[s] != row) {
        best = Math.min(best, squaredDistance(rows, row, members[s]));
      }
    }
    return Math.sqrt(best);
  }

  /** The first position of cell c whose distance to the pivot is at least {@code bound}. */
  private int firstAtLeast(int c, double bound) {
    int lo = start[c];
    int hi = start[c + 1];
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (toPivot[mid] < bound) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  private static double squaredDistance(RowMatrix rows, int i, int j) {
    int d = rows.dimension();
    float[] x = rows.values();
    double sum = 0;
    for (int k = 0; k < d; k++) {
      double diff = (double) x[i * d + k] - x[j * d + k];
      sum += diff * diff;
    }
    return sum;
  }
}
