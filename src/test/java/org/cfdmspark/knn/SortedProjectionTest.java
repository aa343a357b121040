package org.cfdmspark.knn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SortedProjectionTest {
  /** All distances from row i, by a plain double loop. */
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
   * For every row and radii just below and above each of its nearest distances (and a few fixed ones), the
   * search gives the brute-force nearest other row within the radius, or +∞ when there is none.
   */
  private static void agreesWithBruteForce(RowMatrix rows) {
    SortedProjection projections = SortedProjection.of(rows);
    for (int i = 0; i < rows.rows(); i++) {
      double[] distance = distancesFrom(rows, i);
      double nearest = Double.POSITIVE_INFINITY;
      for (int r = 0; r < rows.rows(); r++) {
        if (r != i) {
          nearest = Math.min(nearest, distance[r]);
        }
      }
      assertTrue(projections.nearestOtherNearby(i) >= nearest, "the window's nearest bounds the nearest, row " + i);
      for (double radius : new double[] {0, nearest * 0.999, nearest * 1.001, nearest * 1.5, 0.5, 3}) {
        double expected = nearest <= radius ? nearest : Double.POSITIVE_INFINITY;
        assertEquals(expected, projections.nearestOtherWithin(i, radius), 0.0, "row " + i + ", radius " + radius);
      }
    }
  }

  @Test
  void aWindowCountsTheRowsWhoseProjectionIsWithinTheRadius() {
    // Rows i · (1, 1) / √2, i = 0..99: one apart along their principal direction, so row i projects to ±i.
    double[][] values = new double[100][];
    for (int i = 0; i < values.length; i++) {
      values[i] = new double[] {i / Math.sqrt(2), i / Math.sqrt(2)};
    }
    SortedProjection projections = SortedProjection.of(RowMatrix.ofRows(values));
    assertEquals(100, projections.size());
    assertEquals(4, projections.windowRows(50, 2.5), "rows 48, 49, 51 and 52");
    assertEquals(2, projections.windowRows(0, 2.5), "rows 1 and 2");
    assertEquals(0, projections.windowRows(50, 0.5));
    assertEquals(99, projections.windowRows(7, 1000));
    RowMatrix clustered = ClusteredPoints.of(300, 6, 4, 4, new Random(8));
    SortedProjection spread = SortedProjection.of(clustered);
    for (int i = 0; i < clustered.rows(); i += 7) {
      double[] distance = distancesFrom(clustered, i);
      for (double radius : new double[] {0.3, 1, 3}) {
        int i0 = i;
        long within = IntStream.range(0, clustered.rows())
            .filter(r -> r != i0 && distance[r] <= radius).count();
        int window = spread.windowRows(i, radius);
        assertTrue(window >= within && window < clustered.rows(), "row " + i + ", radius " + radius + ": window "
            + window + ", within " + within);
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
        row[j] = 100 + random.nextDouble(); // far from the origin, so the rounding slack matters
      }
    }
    agreesWithBruteForce(RowMatrix.ofRows(values));
  }

  @Test
  void findsTwinsAndCoversTinyMatrices() {
    // Row 2 repeats row 0 (distance 0); row 3 is √41 ≈ 6.40 from row 1, 5√2 from rows 0 and 2.
    RowMatrix rows = RowMatrix.ofRows(new double[][] {{0, 0}, {1, 0}, {0, 0}, {5, 5}});
    SortedProjection projections = SortedProjection.of(rows);
    assertEquals(0.0, projections.nearestOtherWithin(0, 0));
    assertEquals(0.0, projections.nearestOtherWithin(2, 0.5));
    assertEquals(Double.POSITIVE_INFINITY, projections.nearestOtherWithin(1, 0.99));
    assertEquals(1.0, projections.nearestOtherWithin(1, 1));
    assertEquals(Double.POSITIVE_INFINITY, projections.nearestOtherWithin(3, 6));
    assertEquals(Math.sqrt(41), projections.nearestOtherWithin(3, 6.5));
    SortedProjection single = SortedProjection.of(RowMatrix.ofRows(new double[][] {{1, 2}}));
    assertEquals(Double.POSITIVE_INFINITY, single.nearestOtherWithin(0, 100));
    assertEquals(Double.POSITIVE_INFINITY, single.nearestOtherNearby(0));
  }

  /**
   * For queries off the rows (each row moved by a random step) and radii around each query's nearest distance,
   * nearestWithin gives the brute-force nearest row (lowest index among equals) within the radius, or −1.
   */
  @Test
  void nearestWithinAgreesWithBruteForceForQueriesOffTheRows() {
    Random random = new Random(5);
    RowMatrix rows = ClusteredPoints.of(500, 9, 4, 6, random);
    SortedProjection projections = SortedProjection.of(rows);
    int d = rows.dimension();
    for (int i = 0; i < rows.rows(); i += 3) {
      double[] query = new double[d + 2]; // at offset 2, so that the offset is honoured
      for (int j = 0; j < d; j++) {
        query[2 + j] = rows.get(i, j) + (i % 2 == 0 ? 0.05 * random.nextGaussian() : 0);
      }
      int expectedRow = -1;
      double nearest = Double.POSITIVE_INFINITY;
      for (int r = 0; r < rows.rows(); r++) {
        double sum = 0;
        for (int j = 0; j < d; j++) {
          double diff = query[2 + j] - rows.get(r, j);
          sum += diff * diff;
        }
        if (sum < nearest) {
          nearest = sum;
          expectedRow = r;
        }
      }
      nearest = Math.sqrt(nearest);
      for (double radius : new double[] {0, nearest * 0.999, nearest * 1.001, 0.3, 2}) {
        int expected = nearest <= radius ? expectedRow : -1;
        assertEquals(expected, projections.nearestWithin(query, 2, radius), "query " + i + ", radius " + radius);
      }
    }
  }

  @Test
  void nearestWithinPrefersTheLowerOfTwins() {
    RowMatrix rows = RowMatrix.ofRows(new double[][] {{5, 5}, {1, 0}, {1, 0}, {0, 0}});
    SortedProjection projections = SortedProjection.of(rows);
    assertEquals(1, projections.nearestWithin(new double[] {1, 0}, 0, 0));
    assertEquals(3, projections.nearestWithin(new double[] {0.1, 0}, 0, 0.2));
    assertEquals(-1, projections.nearestWithin(new double[] {0.5, 3}, 0, 2.9));
    assertEquals(0, projections.nearestWithin(new double[] {4, 4}, 0, 1.5));
  }

  /**
   * The batch search answers each query as the single-query window search does, on one-hot rows that the projection
   * cannot spread (8 groups of 12 slots, and twins), for radii that send every query to the kernel's scan (every
   * window holds all rows), some, or none; with both kernels. Queries are training rows (exact copies: the lower
   * twin must win), rows moved a little, and rows with one group's slot changed.
   */
  @Test
  void batchSearchGivesTheWindowSearchAnswers() {
    Random random = new Random(17);
    int n = 400;
    int groups = 8;
    int slots = 12;
    double[][] values = new double[n][groups * slots];
    for (int i = 0; i < n; i++) {
      if (i % 10 == 9) {
        values[i] = values[i - 7].clone(); // twins, the lower one first
        continue;
      }
      for (int g = 0; g < groups; g++) {
        values[i][g * slots + random.nextInt(slots)] = 1;
      }
    }
    RowMatrix rows = RowMatrix.ofRows(values);
    SortedProjection projections = SortedProjection.of(rows);
    int d = rows.dimension();
    int count = 150;
    double[] queries = new double[count * d];
    for (int q = 0; q < count; q++) {
      int source = random.nextInt(n);
      for (int j = 0; j < d; j++) {
        queries[q * d + j] = rows.get(source, j) + (q % 3 == 1 ? 0.01 * random.nextGaussian() : 0);
      }
      if (q % 3 == 2) { // one group's slot moved: distance √2 from the source row
        int g = random.nextInt(groups);
        for (int j = g * slots; j < (g + 1) * slots; j++) {
          queries[q * d + j] = 0;
        }
        queries[q * d + g * slots + random.nextInt(slots)] = 1;
      }
    }
    assertEquals(n - 1, projections.windowRows(0, 10)); // at radius 10 every window is whole: the scan answers
    for (double radius : new double[] {0, 1e-5, 0.05, 1.0, Math.sqrt(2), 1.5, 2.5, 10}) {
      for (DotProductKernel kernel : new DotProductKernel[] {ScalarDotProductKernel.INSTANCE,
          new VectorDotProductKernel()}) {
        int[] batch = new int[count];
        projections.nearestWithin(queries, count, radius, kernel, batch);
        for (int q = 0; q < count; q++) {
          assertEquals(projections.nearestWithin(queries, q * d, radius), batch[q],
              "query " + q + ", radius " + radius + ", " + kernel.name());
        }
      }
    }
    int[] found = new int[1];
    projections.nearestWithin(copyOfRow(rows, 9), 1, 10, new VectorDotProductKernel(), found);
    assertEquals(2, found[0], "row 9 is row 2's twin: the lower one is the answer");
  }

  /**
   * Rows a hair apart far from the origin, so that every window holds every row and the vector kernel's float scan
   * answers, though floats cannot tell their distances apart at the scale of ‖x‖²: its bound must keep every row the
   * window search could return (with no slack, rows are lost here).
   */
  @Test
  void batchSearchFindsRowsCloserThanFloatsCanTellApart() {
    Random random = new Random(18);
    int n = 300;
    int d = 7;
    double[][] values = new double[n][d];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < d; j++) {
        values[i][j] = 300 + 1e-3 * random.nextInt(20);
      }
    }
    RowMatrix rows = RowMatrix.ofRows(values);
    SortedProjection projections = SortedProjection.of(rows);
    int count = 40;
    double[] queries = new double[count * d];
    for (int i = 0; i < queries.length; i++) {
      queries[i] = 300 + 2e-2 * random.nextDouble();
    }
    for (double radius : new double[] {0.1, 0.3, 1}) {
      assertEquals(n - 1, projections.windowRows(0, radius), "every window whole: the scan answers");
      int[] batch = new int[count];
      projections.nearestWithin(queries, count, radius, new VectorDotProductKernel(), batch);
      int found = 0;
      for (int q = 0; q < count; q++) {
        assertEquals(projections.nearestWithin(queries, q * d, radius), batch[q], "query " + q + ", radius " + radius);
        found += batch[q] >= 0 ? 1 : 0;
      }
      assertTrue(found > 0, "radius " + radius + " finds no row: the case tests nothing");
    }
  }

  private static double[] copyOfRow(RowMatrix rows, int row) {
    double[] out = new double[rows.dimension()];
    for (int j = 0; j < out.length; j++) {
      out[j] = rows.get(row, j);
    }
    return out;
  }
}
