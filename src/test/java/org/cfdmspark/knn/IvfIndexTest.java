package org.cfdmspark.knn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class IvfIndexTest {

  /** n points around 5 centres (spread 4). */
  private static RowMatrix clustered(int n, int d, long seed) {
    return ClusteredPoints.of(n, d, 5, 4, new Random(seed));
  }

  private static double[] queriesNear(RowMatrix points, int count, Random random) {
    int d = points.dimension();
    double[] q = new double[count * d];
    for (int i = 0; i < count; i++) {
      int row = random.nextInt(points.rows());
      for (int j = 0; j < d; j++) {
        q[i * d + j] = points.get(row, j) + 0.3 * random.nextGaussian();
      }
    }
    return q;
  }

  @Test
  void probingEveryCellEqualsExactSearch() {
    RowMatrix points = clustered(1500, 11, 1);
    double[] queries = queriesNear(points, 37, new Random(2));
    for (int cellCount : new int[] {30, 15}) { // cells of 50 rows ranked in double, of 100 scanned in float first
      IvfCells cells = IvfCells.build(points, cellCount, 7);
      for (DotProductKernel kernel : new DotProductKernel[] {DotProductKernel.best(),
          ScalarDotProductKernel.INSTANCE}) {
        for (int k : new int[] {1, 10, 64}) {
          int[] exact = new int[37 * k];
          int[] ivf = new int[37 * k];
          new BruteForceIndex(points, kernel).nearest(queries, 0, 37, k, exact);
          new IvfIndex(points, cells, cells.cells(), kernel).nearest(queries, 0, 37, k, ivf);
          assertArrayEquals(exact, ivf, kernel + ", " + cellCount + " cells, k=" + k);
        }
      }
    }
  }

  @Test
  void givenCentroidsAreUsedAsTheyAre() {
    RowMatrix points = clustered(400, 4, 3);
    RowMatrix centroids = points.select(new int[] {0, 100, 200, 300});
    IvfCells cells = IvfCells.withCentroids(points, centroids);
    assertEquals(4, cells.cells());
    assertEquals(400, cells.rows());
    double[] queries = queriesNear(points, 9, new Random(4));
    int[] exact = new int[9 * 5];
    int[] ivf = new int[9 * 5];
    new BruteForceIndex(points, DotProductKernel.best()).nearest(queries, 0, 9, 5, exact);
    new IvfIndex(points, cells, 4, DotProductKernel.best()).nearest(queries, 0, 9, 5, ivf);
    assertArrayEquals(exact, ivf);
  }

  @Test
  void fewProbesStillReturnKDistinctRowsAndAnswerEachQueryAlone() {
    RowMatrix points = clustered(800, 6, 5);
    IvfCells cells = IvfCells.build(points, 100, 11); // about 8 rows per cell: one probe cannot hold k = 30
    int count = 21;
    int k = 30;
    double[] queries = queriesNear(points, count, new Random(6));
    IvfIndex index = new IvfIndex(points, cells, 1, DotProductKernel.best());
    int[] block = new int[count * k];
    index.nearest(queries, 0, count, k, block);
    int[] single = new int[k];
    for (int q = 0; q < count; q++) {
      index.nearest(queries, q, 1, k, single);
      assertArrayEquals(single, Arrays.copyOfRange(block, q * k, q * k + k), "query " + q);
      assertEquals(k, Arrays.stream(single).distinct().count(), "distinct neighbours of query " + q);
    }
  }

  @Test
  void kMeansIsDeterministicAndProbesReachTheRecallTarget() {
    RowMatrix points = clustered(3000, 8, 9);
    RowMatrix first = KMeans.fit(points, 40, 123);
    RowMatrix second = KMeans.fit(points, 40, 123);
    assertArrayEquals(first.values(), second.values());
    IvfCells cells = IvfCells.withCentroids(points, first);
    int probes = IvfTuning.probesForRecall(points, cells, 10, 0.95, 0.2, 1);
    assertTrue(probes >= 1 && probes <= cells.cells(), "probes " + probes);
    Random random = new Random(10);
    double[] queries = queriesNear(points, 100, random);
    int[] exact = new int[100 * 10];
    int[] ivf = new int[100 * 10];
    new BruteForceIndex(points, DotProductKernel.best()).nearest(queries, 0, 100, 10, exact);
    new IvfIndex(points, cells, probes, DotProductKernel.best()).nearest(queries, 0, 100, 10, ivf);
    double recall = IvfTuning.recall(ivf, exact, 100, 10);
    assertTrue(recall >= 0.9, "recall " + recall + " with " + probes + " probes");
  }

  /**
   * Rows a hair apart far from the origin: their squared distances to the query differ by less than a float can
   * tell at the scale of ‖x‖², so the float scan cannot order them; the double ranking behind its filter must
   * still give exact search's neighbours, ties and all (every cell probed, the vector kernel against the scalar
   * one). With no slack on the filter, rows are lost here.
   */
  @Test
  void rowsCloserThanFloatCanTellRankAsExactSearch() {
    int n = 700;
    int d = 9;
    Random random = new Random(14);
    float[] values = new float[n * d];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < d; j++) {
        values[i * d + j] = (float) (300 + (j == i % d ? 1e-3 * random.nextInt(50) : 0) + (i < 40 ? 1e-4 * j : 0));
      }
    }
    RowMatrix points = RowMatrix.of(n, d, values);
    IvfCells cells = IvfCells.build(points, 8, 3);
    assertTrue(new IvfIndex(points, cells, 1, DotProductKernel.best()).scansInFloat(), "cells of ~88 rows");
    int count = 23;
    double[] queries = new double[count * d];
    for (int i = 0; i < queries.length; i++) {
      queries[i] = 300 + 2e-2 * random.nextDouble();
    }
    for (int k : new int[] {1, 7, 40}) {
      int[] exact = new int[count * k];
      int[] ivf = new int[count * k];
      new BruteForceIndex(points, ScalarDotProductKernel.INSTANCE).nearest(queries, 0, count, k, exact);
      new IvfIndex(points, cells, cells.cells(), DotProductKernel.best()).nearest(queries, 0, count, k, ivf);
      assertArrayEquals(exact, ivf, "k=" + k);
    }
  }

  /**
   * Rows whose squared norms leave float's range: the float scan would give infinities, so the search ranks those
   * queries in double, still exact search's neighbours.
   */
  @Test
  void rowsBeyondFloatsRangeRankAsExactSearch() {
    Random random = new Random(15);
    int n = 300;
    int d = 5;
    float[] values = new float[n * d];
    for (int i = 0; i < values.length; i++) {
      values[i] = (float) (1e20 * random.nextGaussian());
    }
    RowMatrix points = RowMatrix.of(n, d, values);
    IvfCells cells = IvfCells.build(points, 3, 5);
    assertTrue(new IvfIndex(points, cells, 1, DotProductKernel.best()).scansInFloat(), "cells of ~100 rows");
    double[] queries = queriesNear(points, 11, random);
    int[] exact = new int[11 * 6];
    int[] ivf = new int[11 * 6];
    new BruteForceIndex(points, ScalarDotProductKernel.INSTANCE).nearest(queries, 0, 11, 6, exact);
    new IvfIndex(points, cells, cells.cells(), DotProductKernel.best()).nearest(queries, 0, 11, 6, ivf);
    assertArrayEquals(exact, ivf);
  }
}
