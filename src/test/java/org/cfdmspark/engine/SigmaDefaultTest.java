package org.cfdmspark.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SigmaDefaultTest {

  @Test
  void aTableOfMostlyRepeatedRowsStillHasASpacing() {
    // 30 copies of the origin and 5 points 2 apart on an axis (d = 4): over all rows the median nearest-other
    // distance would be 0; over the distinct rows {0, 2, 4, 6, 8, 10} every nearest different row is 2 away.
    double[][] rows = new double[35][4];
    for (int i = 0; i < 5; i++) {
      rows[30 + i][0] = 2.0 * (i + 1);
    }
    TrainingSet training = TrainingSet.of(rows);
    assertEquals(2.0, SigmaDefault.medianNearestNeighbourDistance(training.points()), 1e-6);
    assertEquals(2.0 / 2, Sigma.AUTO.resolve(training, 1), 1e-6);
    assertEquals(3 * 2.0 / 2, Sigma.AUTO.resolve(training, 3), 1e-6);
    assertEquals(0.7, Sigma.of(0.7).resolve(training, 3), 0.0);
    // Slots that only record something (a codec's equality indicators) are left out of the rule's d.
    assertEquals(2.0 / 1, Sigma.AUTO.resolve(training, 1, 1), 1e-6);
  }

  @Test
  void equalRowsHaveNoSpacing() {
    assertEquals(0.0, SigmaDefault.medianNearestNeighbourDistance(TrainingSet.of(new double[][] {{1, 2}, {1, 2}})
        .points()));
  }
}
