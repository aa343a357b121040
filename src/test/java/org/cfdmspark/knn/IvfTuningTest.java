package org.cfdmspark.knn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class IvfTuningTest {
  /** Queries at training rows moved by N(0, noise²) per coordinate, as the calibration makes them. */
  private static double[] queriesNear(RowMatrix points, int count, double noise, Random random) {
    int d = points.dimension();
    double[] q = new double[count * d];
    for (int i = 0; i < count; i++) {
      int row = random.nextInt(points.rows());
      for (int j = 0; j < d; j++) {
        q[i * d + j] = points.get(row, j) + noise * random.nextGaussian();
      }
    }
    return q;
  }

  /** The recall of real searches, one per number of probes: what the one-pass count must reproduce. */
  private static void assertRecallOfEverySearch(RowMatrix points, IvfCells cells, double noise, int k, long seed) {
    int count = 40;
    double[] queries = queriesNear(points, count, noise, new Random(seed));
    int[] exact = new int[count * k];
    new BruteForceIndex(points, DotProductKernel.best()).nearest(queries, 0, count, k, exact);
    double[] counted = IvfTuning.recallByProbes(points, cells, queries, count, k);
    // The centroids ranked for one query at a time, and for 3 (a last chunk of 1): the same counts.
    assertArrayEquals(counted, IvfTuning.recallByProbes(points, cells, queries, count, k, 1));
    assertArrayEquals(counted, IvfTuning.recallByProbes(points, cells, queries, count, k, 3 * cells.cells()));
    int[] found = new int[count * k];
    for (int probes = 1; probes <= cells.cells(); probes++) {
      new IvfIndex(points, cells, probes, DotProductKernel.best()).nearest(queries, 0, count, k, found);
      assertEquals(IvfTuning.recall(found, exact, count, k), counted[probes],
          probes + " probes, k = " + k + ", " + cells.cells() + " cells");
    }
    assertEquals(1.0, counted[cells.cells()], "every cell probed is exact search");
  }

  @Test
  void theOnePassRecallIsTheRecallOfEachSearch() {
    RowMatrix points = ClusteredPoints.of(1500, 7, 6, 3, new Random(1));
    IvfCells cells = IvfCells.build(points, 60, 2);
    for (int k : new int[] {1, 10, 40}) { // 40: more than a cell of ~25 rows holds, so few probes visit more
      assertRecallOfEverySearch(points, cells, 0.5, k, 3);
    }
    assertRecallOfEverySearch(points, cells, 3.0, 10, 4);
  }

  @Test
  void repeatedRowsTieAndAreCountedAsTheSearchesCountThem() {
    // Each of 150 rows four times: exact search and the IVF's must break the ties the same way.
    RowMatrix distinct = ClusteredPoints.of(150, 5, 3, 3, new Random(5));
    int d = distinct.dimension();
    float[] values = new float[600 * d];
    for (int i = 0; i < 600; i++) {
      for (int j = 0; j < d; j++) {
        values[i * d + j] = (float) distinct.get(i % 150, j);
      }
    }
    RowMatrix points = RowMatrix.of(600, d, values);
    IvfCells cells = IvfCells.build(points, 24, 6);
    assertRecallOfEverySearch(points, cells, 0.0, 6, 7); // queries on rows: every distance ties four ways
    assertRecallOfEverySearch(points, cells, 0.4, 6, 8);
  }

  @Test
  void probesForRecallTakesTheFirstRungThatReachesTheTarget() {
    RowMatrix points = ClusteredPoints.of(3000, 8, 5, 4, new Random(9));
    IvfCells cells = IvfCells.build(points, 80, 10);
    int probes = IvfTuning.probesForRecall(points, cells, 10, 0.95, 0.3, 11);
    // The same queries, rebuilt as the calibration seeds them, searched for real at this rung and the one below.
    double[] queries = queriesNear(points, 200, 0.3, new Random(11));
    int[] exact = new int[200 * 10];
    int[] found = new int[200 * 10];
    new BruteForceIndex(points, DotProductKernel.best()).nearest(queries, 0, 200, 10, exact);
    new IvfIndex(points, cells, probes, DotProductKernel.best()).nearest(queries, 0, 200, 10, found);
    assertTrue(IvfTuning.recall(found, exact, 200, 10) >= 0.95, probes + " probes");
    int below = probes - 1; // the ladder is 1, 2, 3, 4, 5, 6, 7, 8, 10, 12, 15, …: below 8 every count is a rung
    assertTrue(probes > 1 && probes <= 8, "a rung where the one below is on the ladder: " + probes);
    new IvfIndex(points, cells, below, DotProductKernel.best()).nearest(queries, 0, 200, 10, found);
    assertTrue(IvfTuning.recall(found, exact, 200, 10) < 0.95, below + " probes already reach the target");
  }
}
