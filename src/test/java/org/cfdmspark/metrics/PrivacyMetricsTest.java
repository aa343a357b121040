package org.cfdmspark.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import org.cfdmspark.knn.RowMatrix;
import org.cfdmspark.metrics.EvalColumn.Categorical;
import org.cfdmspark.metrics.EvalColumn.Numeric;
import org.junit.jupiter.api.Test;

class PrivacyMetricsTest {
  private static final double TOLERANCE = 1e-6; // rows are stored as float

  private static RowMatrix column(double... values) {
    double[][] rows = new double[values.length][];
    for (int i = 0; i < values.length; i++) {
      rows[i] = new double[] {values[i]};
    }
    return RowMatrix.ofRows(rows);
  }

  @Test
  void dcrIsTheEuclideanDistanceToTheClosestTrainingRow() {
    RowMatrix train = RowMatrix.ofRows(new double[][] {{0, 0}, {3, 4}});
    RowMatrix synthetic = RowMatrix.ofRows(new double[][] {{0, 1}, {6, 8}, {3, 0}});
    assertArrayEquals(new double[] {1, 5, 3}, NearestDistances.toNearest(train, synthetic), TOLERANCE);
  }

  @Test
  void nearestOtherRowSkipsTheRowItselfButNotItsDuplicates() {
    assertArrayEquals(new double[] {0, 0, 4}, NearestDistances.toNearestOther(column(1, 1, 5)), 0);
    assertArrayEquals(new double[] {0.5, 0.5, 1.5, 3}, NearestDistances.toNearestOther(column(0, 0.5, 2, 5)),
        TOLERANCE);
  }

  @Test
  void summarisesDcrsAndCountsNearCopies() {
    // R = {0, 0.5, 2, 5}: nearest other rows at 0.5, 0.5, 1.5, 3 -> 1st percentile 0.5.
    // S -> R: 0.2, 0, 0.75, 0.4, 4 -> median 0.4, 5th percentile 0 + 0.2 · (0.2 − 0) = 0.04; three below 0.5.
    // H -> R: 0.5, 1 -> median 0.75, 5th percentile 0.5 + 0.05 · 0.5 = 0.525.
    // S -> H = {1, 6}: 0.8, 0.5, 0.25, 1.4, 3; strictly closer to R for 0.2, 0.5 and 2.4 -> 3/5.
    PrivacyMetrics metrics = PrivacyMetrics.compute(column(0, 0.5, 2, 5), column(1, 6), column(0.2, 0.5, 1.25, 2.4, 9));
    assertEquals(0.4, metrics.syntheticToTrain().median(), TOLERANCE);
    assertEquals(0.04, metrics.syntheticToTrain().percentile5(), TOLERANCE);
    assertEquals(0.75, metrics.holdoutToTrain().median(), TOLERANCE);
    assertEquals(0.525, metrics.holdoutToTrain().percentile5(), TOLERANCE);
    assertEquals(0.5, metrics.nearCopyThreshold(), TOLERANCE);
    assertEquals(0.6, metrics.nearCopyRate(), 0);
    assertEquals(0.6, metrics.closerToTrainShare(), 0);
    assertEquals(4.0 / 6, metrics.idealCloserToTrainShare(), 1e-15);
    assertEquals(Double.NaN, metrics.dcrOverfittingProtection(), "defined for |R| = |H| only");
    assertEquals(4, metrics.trainRows());
    assertEquals(2, metrics.holdoutRows());
    assertEquals(5, metrics.syntheticRows());
  }

  @Test
  void closerToTrainShareCountsTiesAsNotCloserAndGivesTheOverfittingProtection() {
    // R = {0, 10}, H = {4, 20}. S: 1 (1 vs 3, closer), 6 (4 vs 2), 15 (5 vs 5, a tie), 11 (1 vs 7, closer),
    // 9 (1 vs 5, closer) -> 3/5; protection min(2 · 2/5, 1) = 0.8.
    PrivacyMetrics metrics = PrivacyMetrics.compute(column(0, 10), column(4, 20), column(1, 6, 15, 11, 9));
    assertEquals(0.6, metrics.closerToTrainShare(), 0);
    assertEquals(0.5, metrics.idealCloserToTrainShare(), 0);
    assertEquals(0.8, metrics.dcrOverfittingProtection(), 1e-15);
  }

  @Test
  void exactCopiesMatchDecodedRowsIncludingMissingValues() {
    EvalTable train = EvalTable.of(
        new Numeric("x", new double[] {1, 0, Double.NaN}),
        new Categorical("c", new String[] {"a", "b", null}));
    // Copies: (1, a); (−0.0, b) equals (0, b); (missing, missing). Not: (1, b) and (2, a).
    EvalTable synthetic = EvalTable.of(
        new Numeric("x", new double[] {1, -0.0, Double.NaN, 1, 2}),
        new Categorical("c", new String[] {"a", "b", null, "b", "a"}));
    assertEquals(new ExactCopies(3, 0.6), ExactCopies.find(train, synthetic));
  }
}
