package org.cfdmspark.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import org.junit.jupiter.api.Test;

class SlicedWassersteinTest {

  @Test
  void isZeroForIdenticalSets() {
    double[][] a = Samples.gaussian(100, 3, 0, 1);
    assertEquals(0.0, SlicedWasserstein.compute(a, a.clone(), 20, 7));
  }

  @Test
  void isTheShiftForAShiftedOneDimensionalSet() {
    // In 1-D every direction is ±1 and the sorted projections differ by exactly the shift.
    double[][] a = Samples.gaussian(200, 1, 0, 2);
    assertEquals(0.7, SlicedWasserstein.compute(a, Samples.shifted(a, 0.7), 5, 3), 1e-5);
  }

  @Test
  void averagesTheProjectedShiftOverUniformDirections() {
    // A shift c projects to |⟨θ, c⟩| along θ; for uniform θ on the circle its mean is 2|c|/π.
    double[][] a = Samples.gaussian(200, 2, 0, 4);
    double sw = SlicedWasserstein.compute(a, Samples.shifted(a, 3, 4), 2000, 5);
    assertEquals(2 * 5 / Math.PI, sw, 0.05 * 2 * 5 / Math.PI);
  }

  @Test
  void subsamplesTheLargerSetAndDependsOnlyOnTheSeed() {
    double[][] a = Samples.gaussian(600, 2, 0, 6);
    double[][] b = Samples.gaussian(300, 2, 0, 7);
    double sw = SlicedWasserstein.compute(a, b, 50, 11);
    assertEquals(sw, SlicedWasserstein.compute(a, b, 50, 11));
    assertTrue(sw < 0.2, "same distribution gave " + sw);
    assertTrue(SlicedWasserstein.compute(a, Samples.gaussian(300, 2, 1, 8), 50, 11) > 0.5);
  }
}
