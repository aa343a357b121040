package org.cfdmspark.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import org.cfdmspark.metrics.EvalColumn.Categorical;
import org.cfdmspark.metrics.EvalColumn.Numeric;
import org.junit.jupiter.api.Test;

class PairTrendMetricsTest {
  private static final double NAN = Double.NaN;

  @Test
  void correlationSimilarityOfOppositeCorrelationsIsZero() {
    double[] up = {1, 2, 3};
    assertEquals(0.0, CorrelationSimilarity.compute(up, up, up, new double[] {3, 2, 1}), 1e-15);
    assertEquals(1.0, CorrelationSimilarity.compute(up, up, up, new double[] {10, 20, 30}), 1e-15);
  }

  @Test
  void correlationSimilarityDropsRowsWithAMissingValue() {
    // Complete synthetic rows (1,2), (2,1), (3,3): cov 1, variances 2 and 2, so ρ_S = 1/2; ρ_R = 1.
    double[] syntheticA = {1, 2, 3, NAN, 4};
    double[] syntheticB = {2, 1, 3, 5, NAN};
    double[] real = {1, 2, 3};
    assertEquals(0.75, CorrelationSimilarity.compute(real, real, syntheticA, syntheticB), 1e-15);
  }

  @Test
  void correlationIsUndefinedForAConstantColumn() {
    assertTrue(Double.isNaN(CorrelationSimilarity.pearson(new double[] {1, 2, 3}, new double[] {4, 4, 4})));
  }

  @Test
  void binsAreEqualWidthOverTheRealRangeWithEdgeBinsForOutsideValues() {
    EqualWidthBins bins = EqualWidthBins.spanning(new double[] {10, NAN, 0, 5}, 10);
    assertEquals(0, bins.bin(0));
    assertEquals(0, bins.bin(0.999));
    assertEquals(1, bins.bin(1));
    assertEquals(9, bins.bin(9.5));
    assertEquals(9, bins.bin(10));
    assertEquals(0, bins.bin(-3));
    assertEquals(9, bins.bin(12));
    assertNull(bins.bin(NAN));
  }

  @Test
  void aConstantRealColumnSpansOneUnitAroundItsValue() {
    EqualWidthBins bins = EqualWidthBins.spanning(new double[] {2, 2}, 10);
    assertEquals(0, bins.bin(1.55));
    assertEquals(5, bins.bin(2));
    assertEquals(9, bins.bin(2.45));
  }

  @Test
  void contingencySimilarityBinsByTheRealRangeAndCountsMissingAsACategory() {
    // Real A spans [0, 10]: bins of width 1. Real cells: (0,x) (9,y) (5,x) (missing,missing), 1/4 each.
    // Synthetic: -3 -> bin 0, 12 -> bin 9, 5.5 -> bin 5, 4.99 -> bin 4; cells (0,x) (9,y) (5,missing) (4,x).
    // Differences: 1/4 on each of (5,x) (missing,missing) (5,missing) (4,x) -> ½ · 1 = 1/2.
    EvalColumn realA = new Numeric("a", new double[] {0, 10, 5, NAN});
    EvalColumn realB = new Categorical("b", new String[] {"x", "y", "x", null});
    EvalColumn syntheticA = new Numeric("a", new double[] {-3, 12, 5.5, 4.99});
    EvalColumn syntheticB = new Categorical("b", new String[] {"x", "y", null, "x"});
    assertEquals(0.5, ContingencySimilarity.compute(realA, realB, syntheticA, syntheticB), 1e-15);
  }

  @Test
  void contingencySimilarityOfTwoCategoricalColumnsWithDifferentSizes() {
    // R: (p,u) 1/2, (q,v) 1/2. S: (p,u) 2/3, (q,u) 1/3 -> ½ (1/6 + 1/2 + 1/3) = 1/2.
    EvalColumn realA = new Categorical("a", new String[] {"p", "q"});
    EvalColumn realB = new Categorical("b", new String[] {"u", "v"});
    EvalColumn syntheticA = new Categorical("a", new String[] {"p", "p", "q"});
    EvalColumn syntheticB = new Categorical("b", new String[] {"u", "u", "u"});
    assertEquals(0.5, ContingencySimilarity.compute(realA, realB, syntheticA, syntheticB), 1e-15);
  }
}
