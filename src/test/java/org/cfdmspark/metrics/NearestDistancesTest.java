package org.cfdmspark.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.cfdmspark.knn.RowMatrix;
import org.junit.jupiter.api.Test;

/** Local spacings of rows worked out by hand. */
class NearestDistancesTest {
  @Test
  void aRepeatedRowsSpacingSkipsItsTwins() {
    // 3 occurs twice: its nearest different row is 10 (7 away), not its twin (0 away).
    RowMatrix rows = RowMatrix.of(5, 1, new float[] {3, 3, 10, 20, 40});
    assertArrayEquals(new double[] {7, 7, 7, 10, 20}, NearestDistances.toNearestDifferent(rows), 1e-12);
    assertArrayEquals(new double[] {0, 0, 7, 10, 20}, NearestDistances.toNearestOther(rows), 1e-12);
  }

  @Test
  void rowsThatAreAllEqualHaveNoSpacing() {
    RowMatrix rows = RowMatrix.of(3, 2, new float[] {1, 2, 1, 2, 1, 2});
    assertArrayEquals(new double[3], NearestDistances.toNearestDifferent(rows), 0);
  }

  @Test
  void spacingIsEuclidean() {
    // (0, 0), (3, 4), (3, 10): 5, 5 and 6.
    RowMatrix rows = RowMatrix.of(3, 2, new float[] {0, 0, 3, 4, 3, 10});
    assertArrayEquals(new double[] {5, 5, 6}, NearestDistances.toNearestDifferent(rows), 1e-12);
  }
}
