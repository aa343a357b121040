package org.cfdmspark.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.cfdmspark.knn.RowMatrix;
import org.junit.jupiter.api.Test;

class MemorisedFractionTest {
  private static RowMatrix column(double... values) {
    double[][] rows = new double[values.length][];
    for (int i = 0; i < values.length; i++) {
      rows[i] = new double[] {values[i]};
    }
    return RowMatrix.ofRows(rows);
  }

  private static final RowMatrix TRAIN = column(0, 1, 10);

  @Test
  void aRowIsMemorisedWhenItsNearestTrainingRowIsThreeTimesCloserThanTheNext() {
    // 0.2: d1 0.2, d2 0.8 -> 1/4, memorised. 0.5: 0.5 / 0.5, no. 5: 4 / 5, no. 9.5: 0.5 / 8.5, memorised.
    // 0: a copy. 0.25: 0.25 / 0.75 = 1/3 exactly, not below: no.
    assertArrayEquals(new boolean[] {true, false, false, true, true, false},
        MemorisedFraction.memorised(TRAIN, column(0.2, 0.5, 5, 9.5, 0, 0.25)));
  }

  @Test
  void aCopyOfARepeatedRowIsMemorised() {
    // d1 = d2 = 0: the ratio is undefined, the row a copy.
    assertArrayEquals(new boolean[] {true}, MemorisedFraction.memorised(column(3, 3, 7), column(3)));
  }

  @Test
  void theFractionComesWithABootstrapInterval() {
    MemorisedFraction.Figures result = MemorisedFraction.compute(TRAIN, column(0.2, 0.5, 5, 9.5, 0), column(5, 0.1), 3);
    assertEquals(0.6, result.fraction(), 1e-12);
    assertTrue(result.lower() < 0.6 && result.upper() > 0.6, result.toString());
    assertTrue(result.lower() >= 0 && result.upper() <= 1, result.toString());
    assertEquals(0.5, result.holdout(), 1e-12, "5 is not memorised, 0.1 is");
    MemorisedFraction.Figures all = MemorisedFraction.compute(TRAIN, column(0, 1, 10), null, 3);
    assertEquals(1.0, all.lower());
    assertEquals(1.0, all.upper());
    assertNull(all.holdout());
  }

  @Test
  void theIntervalNarrowsWithTheSquareRootOfTheRows() {
    // Half of n rows memorised: the bootstrap interval is about ±1.96 · sqrt(0.25 / n).
    int n = 2000;
    double[] queries = new double[n];
    for (int i = 0; i < n; i++) {
      queries[i] = i % 2 == 0 ? 0.1 : 5;
    }
    MemorisedFraction.Figures result = MemorisedFraction.compute(TRAIN, column(queries), null, 8);
    double halfWidth = 1.96 * Math.sqrt(0.25 / n);
    assertEquals(0.5, result.fraction(), 1e-12);
    assertEquals(0.5 - halfWidth, result.lower(), 0.3 * halfWidth);
    assertEquals(0.5 + halfWidth, result.upper(), 0.3 * halfWidth);
  }
}
