package org.cfdmspark.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import org.junit.jupiter.api.Test;

class ColumnShapeMetricsTest {
  private static final double NAN = Double.NaN;

  @Test
  void ksComplementEvaluatesTheGapAfterEveryCopyOfATiedValue() {
    // F_R after 1, 2, 3, 4: 1/4, 3/4, 1, 1; F_S: 0, 3/4, 3/4, 1 -> largest gap 1/4. Stepping through the tie
    // at 2 one copy at a time would see F_R = 3/4 against F_S = 0 and report 3/4.
    double[] real = {2, 1, 3, 2};
    double[] synthetic = {2, 4, 2, 2};
    assertEquals(0.75, KSComplement.compute(real, synthetic), 1e-15);
    assertEquals(0.75, KSComplement.compute(synthetic, real), 1e-15);
  }

  @Test
  void ksComplementIgnoresMissingValues() {
    assertEquals(0.75, KSComplement.compute(new double[] {NAN, 2, 1, 3, 2}, new double[] {2, 4, NAN, 2, 2}), 1e-15);
  }

  @Test
  void ksComplementIsOneForEqualSamplesAndZeroForDisjointOnes() {
    assertEquals(1.0, KSComplement.compute(new double[] {3, 1, 2}, new double[] {1, 2, 3, 3, 2, 1}), 1e-15);
    assertEquals(0.0, KSComplement.compute(new double[] {1, 2}, new double[] {5, 6, 7}), 1e-15);
  }

  @Test
  void ksComplementIsUndefinedWithoutValuesOnOneSide() {
    assertTrue(Double.isNaN(KSComplement.compute(new double[] {NAN}, new double[] {1})));
  }

  @Test
  void tvComplementCountsCategoriesMissingOnOneSideWithFrequencyZero() {
    // R: a 1/2, b 1/4, c 1/4. S over its 4 non-missing values: a 1/4, b 1/2, d 1/4.
    // ½ (|1/2 − 1/4| + |1/4 − 1/2| + |1/4 − 0| + |0 − 1/4|) = 1/2.
    String[] real = {"a", "a", "b", "c"};
    String[] synthetic = {"a", "b", null, "b", "d"};
    assertEquals(0.5, TVComplement.compute(real, synthetic), 1e-15);
  }

  @Test
  void tvComplementIsOneForEqualProportions() {
    assertEquals(1.0, TVComplement.compute(new String[] {"x", "y"}, new String[] {"y", "x", "x", "y"}), 1e-15);
  }
}
