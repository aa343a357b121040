package org.cfdmspark.knn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PivotCellsTest {
  /** Distance from row i to its nearest other row, and all distances from row i, by a plain double loop. */
  private static double[] distancesFrom(RowMatrix rows, int i) {
    double[] out = new double[rows.rows()];
    for (int r = 0; r < rows.rows(); r++) {
      double sum = 0;
      for (int j = 0; j < rows.dimension(); j++) {
        double diff = (double) rows.get(i, j) - rows.get(r, j);
        sum += diff * diff;
      }
      out[r] = Math.sqrt(sum);
    }
    return out;
  }

  /**
   * For every row and radii at, just below and just above each of its three nearest distances (and a few fixed
   * ones), the test answers as a brute-force count of the other rows within the radius.
   */
  private static void agreesWithBruteForce(RowMatrix rows) {
    PivotCells cells = PivotCells.of(rows);
    for (int i = 0; i < rows.rows(); i++) {
      double[] distance = distancesFrom(rows, i);
      double nearest = Double.POSITIVE_INFINITY;
      for (int r = 0; r < rows.rows(); r++) {
        if (r != i) {
          nearest = Math.min(nearest, distance[r]);
        }
      }
      assertTrue(cells.nearestOtherInCell(i) >= nearest, "own cell's nearest bounds the nearest, row " + i);
      for (double radius : new double[] {0, nearest * 0.999, nearest, nearest * 1.001, nearest * 2, 0.5, 3}) {
        boolean expected = false;
        for (int r = 0; r < rows.rows(); r++) {
          expected |= r != i && distance[r] * distance[r] <= radius * radius * (1 + 1e-12);
        }
        // Exactly at a distance the double sums may round either way: only radii off the boundary are checked.
        if (radius == nearest) {
          continue;
        }
        assertEquals(expected, cells.hasOtherWithin(i, radius), "row " + i + ", radius " + radius);
      }
    }
  }

  @Test
  void agreesWithBruteForceOnClusteredRows() {
    agreesWithBruteForce(ClusteredPoints.of(600, 7, 5, 4, new Random(3)));
  }

  @Test
  void agreesWithBruteForceOnUniformRowsInManyDimensions() {
    Random random = new Random(11);
    double[][] values = new double[400][40];
    for (double[] row : values) {
      for (int j = 0; j < row.length; j++) {
        row[j] = random.nextDouble();
      }
    }
    agreesWithBruteForce(RowMatrix.ofRows(values));
  }

  @Test
  void findsTwinsAndCoversTinyMatrices() {
    // Row 2 repeats row 0 (distance 0); one row alone has no other row at any radius.
    RowMatrix rows = RowMatrix.ofRows(new double[][] {{0, 0}, {1, 0}, {0, 0}, {5, 5}});
    PivotCells cells = PivotCells.of(rows);
    assertTrue(cells.hasOtherWithin(0, 0));
    assertTrue(cells.hasOtherWithin(2, 0));
    assertEquals(false, cells.hasOtherWithin(1, 0.99));
    assertTrue(cells.hasOtherWithin(1, 1));
    assertEquals(false, cells.hasOtherWithin(3, 6));
    assertTrue(cells.hasOtherWithin(3, 6.5));
    PivotCells single = PivotCells.of(RowMatrix.ofRows(new double[][] {{1, 2}}));
    assertEquals(false, single.hasOtherWithin(0, 100));
    assertEquals(Double.POSITIVE_INFINITY, single.nearestOtherInCell(0));
  }
}
