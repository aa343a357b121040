package org.cfdmspark.knn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The bounds against a count by a plain loop, on arrays with runs of equal values, empty and of one value. */
class SortedArraysTest {
  @Test
  void theBoundsCountTheValuesBelowAndAtOrBelow() {
    Random random = new Random(4);
    for (int trial = 0; trial < 300; trial++) {
      double[] sorted = new double[random.nextInt(12)];
      for (int i = 0; i < sorted.length; i++) {
        sorted[i] = random.nextInt(5); // runs of equals
      }
      Arrays.sort(sorted);
      for (double x = -1; x <= 5; x += 0.5) {
        double at = x;
        assertEquals(Arrays.stream(sorted).filter(v -> v < at).count(), SortedArrays.lowerBound(sorted, x),
            Arrays.toString(sorted) + " below " + x);
        assertEquals(Arrays.stream(sorted).filter(v -> v <= at).count(), SortedArrays.upperBound(sorted, x),
            Arrays.toString(sorted) + " at or below " + x);
      }
    }
  }
}
