package org.cfdmspark.knn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The radius search through the k-means cells ({@link CellRadiusScan}, behind {@link SortedProjection#nearestWithin}
 * for large matrices) against a plain double loop over every row: the nearest row within the radius, ties toward the
 * lower row, on rows in groups where the cells' bisectors prune, with queries on those bisectors.
 */
class CellRadiusScanTest {
  private static final int GROUPS = 12;
  private static final int D = 10;

  /** Rows in GROUPS tight groups far apart, every 50th a twin of an earlier row. */
  private static RowMatrix groupedRows(int n, Random random) {
    double[][] centres = new double[GROUPS][D];
    for (double[] centre : centres) {
      for (int j = 0; j < D; j++) {
        centre[j] = 8 * random.nextGaussian();
      }
    }
    double[][] values = new double[n][];
    for (int i = 0; i < n; i++) {
      if (i % 50 == 49) {
        values[i] = values[i - 17].clone();
        continue;
      }
      double[] centre = centres[random.nextInt(GROUPS)];
      values[i] = new double[D];
      for (int j = 0; j < D; j++) {
        values[i][j] = centre[j] + random.nextGaussian();
      }
    }
    return RowMatrix.ofRows(values);
  }

  /** The nearest row within the radius (squared distance summed in coordinate order ≤ radius²), lower row on ties. */
  private static int bruteForce(RowMatrix rows, double[] queries, int q, double radius) {
    double best = radius * radius;
    int nearest = -1;
    for (int r = 0; r < rows.rows(); r++) {
      double sum = 0;
      for (int j = 0; j < D; j++) {
        double diff = queries[q * D + j] - rows.get(r, j);
        sum += diff * diff;
      }
      if (sum < best || sum == best && nearest < 0) {
        best = sum;
        nearest = r;
      }
    }
    return nearest;
  }


  /**
   * The answers of the cell scan alone (no query declined): the nearest within the radius among the rows it keeps,
   * by the brute force's sums.
   */
  private static int[] viaCells(CellRadiusScan scan, RowMatrix rows, double[] queries, int count, double radius,
      DotProductKernel kernel) {
    RadiusCandidates kept = candidates(scan, rows, queries, count, radius);
    float[] floats = new float[queries.length];
    for (int v = 0; v < floats.length; v++) {
      floats[v] = (float) queries[v];
    }
    int[] maxRows = new int[count];
    Arrays.fill(maxRows, Integer.MAX_VALUE);
    scan.scan(queries, floats, count, radius, maxRows, kept, kernel);
    int[] out = new int[count];
    for (int q = 0; q < count; q++) {
      int[] rowIds = Arrays.copyOf(kept.rows(q), kept.count(q));
      Arrays.sort(rowIds); // so that a tie goes to the lower row
      int nearest = rowIds.length == 0 ? -1 : bruteForce(rows.select(rowIds), queries, q, radius);
      out[q] = nearest < 0 ? -1 : rowIds[nearest];
    }
    return out;
  }

  /** Candidates with the slack {@link SortedProjection} gives a query, widened by the float panels' bound. */
  private static RadiusCandidates candidates(CellRadiusScan scan, RowMatrix rows, double[] queries, int count,
      double radius) {
    RadiusCandidates kept = new RadiusCandidates(count, radius);
    double scale = Math.sqrt(Arrays.stream(rows.squaredNorms()).max().orElse(0)) + 1;
    for (int q = 0; q < count; q++) {
      double norm = 0;
      for (int j = 0; j < D; j++) {
        norm += queries[q * D + j] * queries[q * D + j];
      }
      kept.query(q, norm, SortedProjection.SLACK * (norm + scale * scale));
      kept.widen(q, scan.panels().slack(Math.sqrt(norm)));
    }
    return kept;
  }

  @Test
  void agreesWithBruteForceOnRowsTheCellsPrune() {
    Random random = new Random(23);
    int n = CellRadiusScan.MIN_ROWS + 900;
    RowMatrix rows = groupedRows(n, random);
    int count = 240;
    double[] queries = new double[count * D];
    double[] halfGaps = new double[count];
    for (int q = 0; q < count; q++) {
      int a = random.nextInt(n);
      int b = random.nextInt(n);
      double gap = 0;
      for (int j = 0; j < D; j++) {
        double x = rows.get(a, j);
        double y = rows.get(b, j);
        // A third of the queries halfway between two rows (most of them in different groups, so on or near the
        // bisectors of their cells), a third near one row, a third a row's spacing from one (their nearest rows
        // often in a neighbouring cell of the group).
        queries[q * D + j] = q % 3 == 0 ? (x + y) / 2 : x + (q % 3 == 1 ? 0.05 : 0.7) * random.nextGaussian();
        gap += (x - y) * (x - y);
      }
      halfGaps[q] = Math.sqrt(gap) / 2;
    }
    DotProductKernel kernel = new VectorDotProductKernel();
    assertTrue(CellRadiusScan.suits(rows, kernel), "the matrix is large enough for the cells");
    CellRadiusScan scan = CellRadiusScan.build(rows, kernel);
    SortedProjection projection = SortedProjection.of(rows);
    int found = 0;
    for (double radius : new double[] {0.02, 0.5, 1.5, 3, 6}) {
      int[] cells = viaCells(scan, rows, queries, count, radius, kernel);
      int[] batch = new int[count];
      projection.nearestWithin(queries, count, radius, kernel, batch);
      for (int q = 0; q < count; q++) {
        int expected = bruteForce(rows, queries, q, radius);
        assertEquals(expected, cells[q], "cells: query " + q + ", radius " + radius);
        assertEquals(expected, batch[q], "batch: query " + q + ", radius " + radius);
        found += expected >= 0 ? 1 : 0;
      }
    }
    // Radii at the midpoint queries' own half gaps: both rows on the sphere's surface, across a bisector.
    for (double scale : new double[] {1 - 1e-12, 1, 1 + 1e-12}) {
      for (int q = 0; q < count; q += 3) {
        double radius = halfGaps[q] * scale;
        double[] query = Arrays.copyOfRange(queries, q * D, (q + 1) * D);
        assertEquals(bruteForce(rows, query, 0, radius), viaCells(scan, rows, query, 1, radius, kernel)[0],
            "midpoint query " + q + ", radius × " + scale);
      }
    }
    assertTrue(found > count, "few queries find a row: the case tests little");
  }

  /**
   * Queries just across a bisector from a row that lies near it: the bound for the row's cell is nearly the distance
   * to the row, so a bound any stronger (half the hyperplane's distance, say) loses the row.
   */
  @Test
  void findsRowsJustAcrossABisector() {
    Random random = new Random(31);
    RowMatrix rows = groupedRows(CellRadiusScan.MIN_ROWS + 300, random);
    DotProductKernel kernel = new VectorDotProductKernel();
    CellRadiusScan scan = CellRadiusScan.build(rows, kernel);
    RowMatrix centroids = scan.centroids();
    int[] cellOf = scan.cellOfRows();
    // Each row's distance to the bisector between its cell and the nearest other centroid, and that centroid.
    int n = rows.rows();
    double[] toBisector = new double[n];
    int[] across = new int[n];
    for (int i = 0; i < n; i++) {
      double own = squaredDistance(rows, i, centroids, cellOf[i]);
      toBisector[i] = Double.POSITIVE_INFINITY;
      for (int c = 0; c < centroids.rows(); c++) {
        double gap = Math.sqrt(squaredDistance(centroids, c, centroids, cellOf[i]));
        if (c != cellOf[i] && gap > 0) {
          double h = (squaredDistance(rows, i, centroids, c) - own) / (2 * gap);
          if (h < toBisector[i]) {
            toBisector[i] = h;
            across[i] = c;
          }
        }
      }
    }
    Integer[] byCloseness = new Integer[n];
    Arrays.setAll(byCloseness, i -> i);
    Arrays.sort(byCloseness, (a, b) -> Double.compare(toBisector[a], toBisector[b]));
    double step = 0.3;
    int tested = 0;
    for (int k = 0; k < 60; k++) {
      int b = byCloseness[k];
      double gap = Math.sqrt(squaredDistance(centroids, across[b], centroids, cellOf[b]));
      double[] query = new double[D];
      for (int j = 0; j < D; j++) {
        double normal = (centroids.get(across[b], j) - centroids.get(cellOf[b], j)) / gap;
        query[j] = rows.get(b, j) + (toBisector[b] + step) * normal;
      }
      double distance = 0;
      for (int j = 0; j < D; j++) {
        distance += (query[j] - rows.get(b, j)) * (query[j] - rows.get(b, j));
      }
      double radius = Math.sqrt(distance) * (1 + 1e-9);
      int expected = bruteForce(rows, query, 0, radius);
      assertEquals(expected, viaCells(scan, rows, query, 1, radius, kernel)[0], "query across from row " + b);
      tested += toBisector[b] < step ? 1 : 0;
    }
    assertTrue(tested > 30, "few rows lie near a bisector: the case tests little");
  }

  private static double squaredDistance(RowMatrix a, int i, RowMatrix b, int j) {
    double sum = 0;
    for (int k = 0; k < a.dimension(); k++) {
      double diff = (double) a.get(i, k) - b.get(j, k);
      sum += diff * diff;
    }
    return sum;
  }

  /** The scan reads only the cells near a query where the rows form groups: a query of a group is never declined. */
  @Test
  void readsOnlyTheCellsOfTheQuerysGroup() {
    Random random = new Random(29);
    RowMatrix rows = groupedRows(CellRadiusScan.MIN_ROWS + 100, random);
    DotProductKernel kernel = new VectorDotProductKernel();
    CellRadiusScan scan = CellRadiusScan.build(rows, kernel);
    int count = 50;
    double[] queries = new double[count * D];
    float[] floats = new float[count * D];
    double radius = 0.8;
    for (int q = 0; q < count; q++) {
      for (int j = 0; j < D; j++) {
        queries[q * D + j] = rows.get(q * 37, j) + 0.1;
        floats[q * D + j] = (float) queries[q * D + j];
      }
    }
    RadiusCandidates kept = candidates(scan, rows, queries, count, radius);
    // At most a third of the rows: a group holds about a twelfth, every group together all of them.
    int[] maxRows = new int[count];
    Arrays.fill(maxRows, rows.rows() / 3);
    boolean[] declined = scan.scan(queries, floats, count, radius, maxRows, kept, kernel);
    for (int q = 0; q < count; q++) {
      assertTrue(!declined[q], "query " + q + " would read more than a third of the rows");
      int nearest = bruteForce(rows, queries, q, radius);
      if (nearest >= 0) {
        int[] rowsKept = Arrays.copyOf(kept.rows(q), kept.count(q));
        assertTrue(Arrays.stream(rowsKept).anyMatch(row -> row == nearest), "query " + q + " lost row " + nearest);
      }
    }
  }
}
