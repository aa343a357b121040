package org.cfdmspark.knn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The warm-started IVF search (one {@link IvfIndex} reused call after call, each position remembering its last
 * query and its centroid distances) must return exactly what a fresh index returns, which chooses every
 * query's cells cold. The references here
 * are fresh indexes and, with every cell probed, {@link BruteForceIndex}.
 */
class WarmStartIvfTest {

  /** n points around 6 centres (spread 3). */
  private static RowMatrix clustered(int n, int d, Random random) {
    return ClusteredPoints.of(n, d, 6, 3, random);
  }

  /**
   * Queries that move like the flow sampler's: each starts at a random row plus noise and closes in on it by
   * {@code pull} of the remaining gap per step, with fresh noise of {@code jitter}.
   */
  private static double[][] trajectories(RowMatrix points, int count, int steps, double pull, double jitter,
      Random random) {
    int d = points.dimension();
    double[][] byStep = new double[steps][count * d];
    for (int q = 0; q < count; q++) {
      int target = random.nextInt(points.rows());
      for (int j = 0; j < d; j++) {
        byStep[0][q * d + j] = points.get(target, j) + 1.5 * random.nextGaussian();
      }
      for (int s = 1; s < steps; s++) {
        for (int j = 0; j < d; j++) {
          double previous = byStep[s - 1][q * d + j];
          byStep[s][q * d + j] = previous + pull * (points.get(target, j) - previous) + jitter * random.nextGaussian();
        }
      }
    }
    return byStep;
  }

  /** With the vector kernel: the cells' size picks the float scan or the double ranking, as the test means. */
  private static void assertScansInFloat(boolean expected, RowMatrix points, IvfCells cells) {
    if (DotProductKernel.best().floatPanelLanes() > 0) {
      assertTrue(new IvfIndex(points, cells, 1, DotProductKernel.best()).scansInFloat() == expected,
          cells.rows() + " rows in " + cells.cells() + " cells");
    }
  }

  private static void assertWarmEqualsFresh(RowMatrix points, IvfCells cells, int probes, DotProductKernel kernel,
      double[][] byStep, int count, int k) {
    IvfIndex warm = new IvfIndex(points, cells, probes, kernel);
    int[] found = new int[count * k];
    int[] fresh = new int[count * k];
    int[] exact = new int[count * k];
    for (int s = 0; s < byStep.length; s++) {
      warm.nearest(byStep[s], 0, count, k, found);
      new IvfIndex(points, cells, probes, kernel).nearest(byStep[s], 0, count, k, fresh);
      assertArrayEquals(fresh, found, kernel + ", probes " + probes + ", k " + k + ", step " + s);
      if (probes == cells.cells()) {
        new BruteForceIndex(points, kernel).nearest(byStep[s], 0, count, k, exact);
        assertArrayEquals(exact, found, "all cells probed, step " + s);
      }
    }
  }

  @Test
  void warmSearchAlongTrajectoriesEqualsAFreshSearch() {
    Random random = new Random(1);
    RowMatrix points = clustered(3000, 9, random);
    double[][] byStep = trajectories(points, 40, 25, 0.15, 0.02, random);
    // 80 cells of ~38 rows ranked in double; 30 of ~100 scanned in float first
    for (int cellCount : new int[] {80, 30}) {
      IvfCells cells = IvfCells.build(points, cellCount, 3);
      assertScansInFloat(cellCount == 30, points, cells);
      for (DotProductKernel kernel : new DotProductKernel[] {DotProductKernel.best(),
          ScalarDotProductKernel.INSTANCE}) {
        for (int probes : new int[] {1, 5, cellCount}) {
          for (int k : new int[] {1, 20}) {
            assertWarmEqualsFresh(points, cells, probes, kernel, byStep, 40, k);
          }
        }
      }
    }
  }

  @Test
  void tiesAndDuplicateRowsBreakTowardTheLowerIndexAsInAFreshSearch() {
    // Integer grid points, many repeated: distances from grid-valued queries tie exactly and often.
    Random random = new Random(2);
    int n = 1200;
    int d = 3;
    float[] values = new float[n * d];
    for (int i = 0; i < values.length; i++) {
      values[i] = random.nextInt(5);
    }
    RowMatrix points = RowMatrix.of(n, d, values);
    int count = 30;
    int steps = 12;
    double[][] byStep = new double[steps][count * d];
    for (int q = 0; q < count; q++) {
      for (int j = 0; j < d; j++) {
        byStep[0][q * d + j] = random.nextInt(5);
      }
      for (int s = 1; s < steps; s++) {
        for (int j = 0; j < d; j++) {
          // half-unit moves on some steps, none on others: the query sits on grid points and midpoints
          byStep[s][q * d + j] = byStep[s - 1][q * d + j] + (random.nextInt(3) - 1) * 0.5 * (s % 2);
        }
      }
    }
    for (int cellCount : new int[] {25, 12}) {
      IvfCells cells = IvfCells.build(points, cellCount, 4);
      assertScansInFloat(cellCount == 12, points, cells);
      for (int probes : new int[] {2, cellCount}) {
        for (int k : new int[] {1, 7, 50}) {
          assertWarmEqualsFresh(points, cells, probes, DotProductKernel.best(), byStep, count, k);
        }
      }
    }
  }

  @Test
  void queriesThatChangePlaceOrCountBetweenCallsStillGetTheirOwnAnswer() {
    Random random = new Random(3);
    RowMatrix points = clustered(2000, 6, random);
    IvfCells cells = IvfCells.build(points, 50, 5);
    double[][] byStep = trajectories(points, 24, 6, 0.2, 0.05, random);
    IvfIndex warm = new IvfIndex(points, cells, 4, DotProductKernel.best());
    int k = 10;
    int[] found = new int[24 * k];
    int[] fresh = new int[24 * k];
    for (int s = 0; s < byStep.length; s++) {
      // a rotated block: every position now holds another trajectory's query; then a shorter block
      double[] rotated = new double[byStep[s].length];
      int d = points.dimension();
      for (int q = 0; q < 24; q++) {
        System.arraycopy(byStep[s], q * d, rotated, ((q + s) % 24) * d, d);
      }
      for (int count : new int[] {24, 24 - s}) {
        warm.nearest(rotated, 0, count, k, found);
        new IvfIndex(points, cells, 4, DotProductKernel.best()).nearest(rotated, 0, count, k, fresh);
        assertArrayEquals(java.util.Arrays.copyOf(fresh, count * k), java.util.Arrays.copyOf(found, count * k),
            "step " + s + ", " + count + " queries");
      }
    }
  }

  @Test
  void theSampleTrajectoriesReallyExerciseTheWarmPath() {
    // Guards the tests above against testing only the cold path: along these trajectories the queries move less
    // than the distance to their 5th nearest centroid, which is what makes a position warm at 5 probes.
    Random random = new Random(1);
    RowMatrix points = clustered(3000, 9, random);
    IvfCells cells = IvfCells.build(points, 80, 3);
    double[][] byStep = trajectories(points, 40, 25, 0.15, 0.02, random);
    int[] nearest = new int[40 * 5];
    new BruteForceIndex(cells.centroids(), DotProductKernel.best()).nearest(byStep[9], 0, 40, 5, nearest);
    int d = points.dimension();
    int warm = 0;
    for (int q = 0; q < 40; q++) {
      double moved = 0;
      double fifth = 0;
      for (int j = 0; j < d; j++) {
        double step = byStep[10][q * d + j] - byStep[9][q * d + j];
        moved += step * step;
        double gap = byStep[9][q * d + j] - cells.centroids().get(nearest[q * 5 + 4], j);
        fifth += gap * gap;
      }
      warm += moved < fifth ? 1 : 0;
    }
    assertTrue(warm >= 30, warm + " of 40 positions would be searched warm");
  }
}
