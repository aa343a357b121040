package org.cfdmspark.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.cfdmspark.knn.RowMatrix;
import org.junit.jupiter.api.Test;

class NearCopyThresholdTest {
  private static RowMatrix column(double... values) {
    double[][] rows = new double[values.length][];
    for (int i = 0; i < values.length; i++) {
      rows[i] = new double[] {values[i]};
    }
    return RowMatrix.ofRows(rows);
  }

  @Test
  void repeatedRowsDoNotPullTheThresholdToZero() {
    // Distinct rows {0, 1, 3}: nearest different rows at 1, 1, 2 -> 1st percentile 1 + 0.02 · 0 = 1. Over all
    // rows the twins of 0 (at distance 0) would make it 0.
    assertEquals(1.0, NearCopyThreshold.of(column(0, 0, 0, 1, 3, 3)), 1e-6);
    // Without repeats: nearest other rows at 0.5, 0.5, 1.5, 3 -> 0.5 + 0.03 · 0 = 0.5.
    assertEquals(0.5, NearCopyThreshold.of(column(0, 0.5, 2, 5)), 1e-6);
  }

  @Test
  void allRowsEqualGiveZero() {
    assertEquals(0.0, NearCopyThreshold.of(column(4, 4, 4)));
  }

  @Test
  void theSubsampledEstimateMeasuresDistinctRowsToo() {
    // 40 copies of 0 and rows 1..10 (spacing 1): every distinct row's nearest different row is at distance 1.
    double[] values = new double[50];
    for (int i = 40; i < 50; i++) {
      values[i] = i - 39;
    }
    assertEquals(1.0, NearCopyThreshold.of(column(values), 5, 7), 1e-6);
  }
}
