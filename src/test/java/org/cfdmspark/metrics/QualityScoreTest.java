package org.cfdmspark.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import java.util.List;
import org.cfdmspark.config.BadInputException;
import org.cfdmspark.metrics.EvalColumn.Categorical;
import org.cfdmspark.metrics.EvalColumn.Numeric;
import org.cfdmspark.metrics.QualityScore.ColumnScore;
import org.cfdmspark.metrics.QualityScore.PairScore;
import org.junit.jupiter.api.Test;

class QualityScoreTest {

  @Test
  void averagesColumnShapesAndPairTrendsWithTheMetricOfEachKind() {
    EvalTable real = EvalTable.of(
        new Numeric("x", new double[] {1, 2, 3, 4}),
        new Numeric("y", new double[] {1, 2, 3, 4}),
        new Categorical("c", new String[] {"a", "a", "b", "b"}));
    EvalTable synthetic = EvalTable.of(
        new Numeric("x", new double[] {1, 2, 3, 4}),
        new Numeric("y", new double[] {4, 3, 2, 1}),
        new Categorical("c", new String[] {"a", "a", "a", "b"}));
    QualityScore score = QualityScore.compute(real, synthetic);

    // Shapes: x and y have the real marginals (1, 1); c: ½(|1/2 − 3/4| + |1/2 − 1/4|) = 1/4 -> 3/4.
    assertEquals(List.of(
        new ColumnScore("x", "KSComplement", 1.0),
        new ColumnScore("y", "KSComplement", 1.0),
        new ColumnScore("c", "TVComplement", 0.75)), score.columns());
    // (x, y): ρ_R = 1, ρ_S = −1 -> 0. (x, c): x spans [1, 4], bins of 0.3; cells real (0,a) (3,a) (6,b) (9,b),
    // synthetic (0,a) (3,a) (6,a) (9,b) -> TV 1/4 -> 3/4. (y, c): real same cells as (x, c); synthetic
    // (9,a) (6,a) (3,a) (0,b) -> only (3,a) matches -> TV 3/4 -> 1/4.
    assertEquals(List.of(
        new PairScore("x", "y", "CorrelationSimilarity", 0.0),
        new PairScore("x", "c", "ContingencySimilarity", 0.75),
        new PairScore("y", "c", "ContingencySimilarity", 0.25)), score.pairs());
    assertEquals(11.0 / 12, score.columnShapes(), 1e-15);
    assertEquals(1.0 / 3, score.columnPairTrends(), 1e-15);
    assertEquals((11.0 / 12 + 1.0 / 3) / 2, score.overall(), 1e-15);
  }

  @Test
  void undefinedScoresAreLeftOutOfTheMeans() {
    // A constant column has no correlation, so the only pair is NaN and overall falls back to the shapes.
    EvalTable real = EvalTable.of(new Numeric("x", new double[] {1, 2}), new Numeric("k", new double[] {5, 5}));
    EvalTable synthetic = EvalTable.of(new Numeric("x", new double[] {1, 3}), new Numeric("k", new double[] {5, 5}));
    QualityScore score = QualityScore.compute(real, synthetic);
    assertEquals(Double.NaN, score.columnPairTrends());
    assertEquals(0.75, score.columnShapes(), 1e-15);
    assertEquals(0.75, score.overall(), 1e-15);
  }

  @Test
  void rejectsTablesWithDifferentColumns() {
    EvalTable real = EvalTable.of(new Numeric("x", new double[] {1}));
    EvalTable synthetic = EvalTable.of(new Categorical("x", new String[] {"1"}));
    assertThrows(BadInputException.class, () -> QualityScore.compute(real, synthetic));
  }
}
