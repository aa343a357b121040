package org.cfdmspark.knn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ParallelNearestTest {

  /** n rows of Gaussian values, with rows 3 and n − 2 made copies of row 1 (exact ties). */
  private static RowMatrix withTwins(int n, int d, long seed) {
    Random random = new Random(seed);
    double[][] rows = new double[n][d];
    for (double[] row : rows) {
      for (int j = 0; j < d; j++) {
        row[j] = random.nextGaussian();
      }
    }
    rows[3] = rows[1].clone();
    rows[n - 2] = rows[1].clone();
    return RowMatrix.ofRows(rows);
  }

  /** The k nearest rows by squared distance computed here in double, ties toward the lower row. */
  private static int[] reference(RowMatrix matrix, RowMatrix queries, int[] which, int k) {
    int d = matrix.dimension();
    int[] out = new int[which.length * k];
    for (int q = 0; q < which.length; q++) {
      double[] distance = new double[matrix.rows()];
      for (int r = 0; r < matrix.rows(); r++) {
        for (int j = 0; j < d; j++) {
          double diff = (double) queries.get(which[q], j) - matrix.get(r, j);
          distance[r] += diff * diff;
        }
      }
      Integer[] order = new Integer[matrix.rows()];
      Arrays.setAll(order, r -> r);
      Arrays.sort(order, Comparator.<Integer>comparingDouble(r -> distance[r]).thenComparingInt(r -> r));
      for (int i = 0; i < k; i++) {
        out[q * k + i] = order[i];
      }
    }
    return out;
  }

  @Test
  void findsTheNearestRowsOfABruteForceReference() {
    RowMatrix matrix = withTwins(700, 9, 1);
    RowMatrix queries = withTwins(301, 9, 2); // 301: several blocks of 64 and a short last one
    int[] all = new int[queries.rows()];
    Arrays.setAll(all, i -> i);
    for (int k : new int[] {1, 2, 5}) {
      int[] found = new int[all.length * k];
      ParallelNearest.nearest(matrix, ParallelNearest.rowsOf(queries), all.length, k, found);
      assertArrayEquals(reference(matrix, queries, all, k), found, "k=" + k);
    }
  }

  @Test
  void rowQueriesFindThemselvesThenTheirTwinsInRowOrder() {
    RowMatrix matrix = withTwins(200, 5, 3);
    int[] rows = {1, 3, 198, 0};
    int[] found = new int[rows.length * 3];
    ParallelNearest.Queries ofRows = ParallelNearest.rowsOf(matrix);
    ParallelNearest.nearest(matrix, (q, block, offset) -> ofRows.copy(rows[q], block, offset), rows.length, 3, found);
    // Rows 1, 3 and 198 are equal: each finds all three, lowest row first.
    assertArrayEquals(new int[] {1, 3, 198}, Arrays.copyOfRange(found, 0, 3));
    assertArrayEquals(new int[] {1, 3, 198}, Arrays.copyOfRange(found, 3, 6));
    assertArrayEquals(new int[] {1, 3, 198}, Arrays.copyOfRange(found, 6, 9));
    assertEquals(0, found[9]);
    assertArrayEquals(reference(matrix, matrix, rows, 3), found);
  }

  @Test
  void givesWhatOneIndexGivesForAllQueriesInOneCall() {
    RowMatrix matrix = withTwins(500, 17, 4);
    RowMatrix queries = withTwins(1000, 17, 5);
    int d = queries.dimension();
    double[] flat = new double[queries.rows() * d];
    for (int i = 0; i < flat.length; i++) {
      flat[i] = queries.values()[i];
    }
    int[] one = new int[queries.rows() * 4];
    new BruteForceIndex(matrix, ScalarDotProductKernel.INSTANCE).nearest(flat, 0, queries.rows(), 4, one);
    int[] parallel = new int[queries.rows() * 4];
    ParallelNearest.nearest(matrix, ParallelNearest.rowsOf(queries), queries.rows(), 4, parallel);
    assertArrayEquals(one, parallel);
  }

  @Test
  void noQueriesIsNothingToDo() {
    int[] found = new int[0];
    ParallelNearest.nearest(withTwins(10, 3, 6), (q, block, offset) -> {
      throw new AssertionError("no query to copy");
    }, 0, 1, found);
    assertEquals(0, found.length);
  }
}
