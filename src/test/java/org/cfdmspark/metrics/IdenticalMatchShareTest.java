package org.cfdmspark.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.cfdmspark.metrics.EvalColumn.Categorical;
import org.cfdmspark.metrics.EvalColumn.Numeric;
import org.junit.jupiter.api.Test;

class IdenticalMatchShareTest {
  private static EvalTable table(double[] x, String[] c) {
    return EvalTable.of(new Numeric("x", x), new Categorical("c", c));
  }

  @Test
  void sharesOfSyntheticAndHeldOutRowsEqualToATrainingRow() {
    EvalTable train = table(new double[] {1, 2, Double.NaN}, new String[] {"a", "b", null});
    // (1, a) and (NaN, null) are training rows, (2, a) and (3, b) are not: 2 of 4.
    EvalTable synthetic = table(new double[] {1, 2, Double.NaN, 3}, new String[] {"a", "a", null, "b"});
    // (2, b) is one, (1, b) is not: 1 of 2.
    EvalTable holdout = table(new double[] {2, 1}, new String[] {"b", "b"});
    IdenticalMatchShare share = IdenticalMatchShare.compute(train, synthetic, holdout);
    assertEquals(0.5, share.synthetic(), 1e-12);
    assertEquals(0.5, share.holdout(), 1e-12);
    assertNull(IdenticalMatchShare.compute(train, synthetic, null).holdout());
  }
}
