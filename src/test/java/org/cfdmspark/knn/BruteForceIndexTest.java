package org.cfdmspark.knn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The brute-force search with the vector kernel, which scans in float first ({@link FloatScan}), against the scalar
 * kernel's double ranking of every row: the same neighbours in the same order, on rows with exact ties, on rows a
 * hair apart far from the origin (floats cannot tell them apart; with no slack on the filter, rows are lost) and on
 * rows beyond float's range (ranked in double).
 */
class BruteForceIndexTest {

  private static void assertSameAsDoubleRanking(RowMatrix points, double[] queries, int count) {
    assertTrue(DotProductKernel.best().floatPanelLanes() == 0 || points.rows() >= BruteForceIndex.FLOAT_SCAN_ROWS
        && FloatScan.suits(DotProductKernel.best(), points.rows(), points.dimension()), "the float scan must run");
    for (int k : new int[] {1, 7, 40}) {
      int[] expected = new int[count * k];
      int[] actual = new int[count * k];
      new BruteForceIndex(points, ScalarDotProductKernel.INSTANCE).nearest(queries, 0, count, k, expected);
      new BruteForceIndex(points, DotProductKernel.best()).nearest(queries, 0, count, k, actual);
      assertArrayEquals(expected, actual, "k=" + k);
    }
  }

  @Test
  void gridRowsWithExactTiesRankAsTheDoubleSearch() {
    Random random = new Random(21);
    int n = 4500;
    int d = 4;
    float[] values = new float[n * d];
    for (int i = 0; i < values.length; i++) {
      values[i] = random.nextInt(5);
    }
    double[] queries = new double[50 * d];
    for (int i = 0; i < queries.length; i++) {
      queries[i] = random.nextInt(9) * 0.5;
    }
    assertSameAsDoubleRanking(RowMatrix.of(n, d, values), queries, 50);
  }

  @Test
  void rowsCloserThanFloatCanTellRankAsTheDoubleSearch() {
    Random random = new Random(22);
    int n = 4200;
    int d = 9;
    float[] values = new float[n * d];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < d; j++) {
        values[i * d + j] = (float) (300 + (j == i % d ? 1e-3 * random.nextInt(50) : 0));
      }
    }
    double[] queries = new double[23 * d];
    for (int i = 0; i < queries.length; i++) {
      queries[i] = 300 + 2e-2 * random.nextDouble();
    }
    assertSameAsDoubleRanking(RowMatrix.of(n, d, values), queries, 23);
  }

  @Test
  void rowsBeyondFloatsRangeRankAsTheDoubleSearch() {
    Random random = new Random(23);
    int n = 4100;
    int d = 5;
    float[] values = new float[n * d];
    for (int i = 0; i < values.length; i++) {
      values[i] = (float) (1e20 * random.nextGaussian());
    }
    double[] queries = new double[11 * d];
    for (int i = 0; i < queries.length; i++) {
      queries[i] = 1e20 * random.nextGaussian();
    }
    assertSameAsDoubleRanking(RowMatrix.of(n, d, values), queries, 11);
  }
}
