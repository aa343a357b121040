package org.cfdmspark.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ScoreNetworkSpecTest {

  private static ScoreNetworkSpec withValidation(double fraction) {
    return new ScoreNetworkSpec(8, 1, 1, 0, fraction, 1e-3, 8);
  }

  @Test
  void minimumRowsLeaveTenHeldOutAndTwoToFit() {
    // ⌊0.1·100⌋ = 10 held out, 90 to fit; 99 rows would hold out 9.
    assertEquals(100, withValidation(0.1).minimumRows());
    // ⌊0.3·34⌋ = 10; ⌊0.3·33⌋ = 9.
    assertEquals(34, withValidation(0.3).minimumRows());
    // ⌊0.9·12⌋ = 10 held out leaves 2 to fit; 11 rows would leave 2 but hold out 9.
    assertEquals(12, withValidation(0.9).minimumRows());
  }
}
