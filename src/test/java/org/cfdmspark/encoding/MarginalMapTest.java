package org.cfdmspark.encoding;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MarginalMapTest {
  @Test
  void stretchesAboutTheTargetsMeanToTheirStandardDeviation() {
    // Readings 1, 2, 3 (sd √(2/3)); targets 0, 10 (mean 5, sd 5): x ↦ 5 + (x − 5)·5/√(2/3).
    MarginalMap map = MarginalMap.fit(new double[] {1, 2, 3}, new double[] {0, 10});
    double stretch = 5 / Math.sqrt(2.0 / 3);
    assertEquals(5, map.apply(5), 1e-12);
    assertEquals(5 - 2 * stretch, map.apply(3), 1e-12);
    assertEquals(5 + 3 * stretch, map.apply(8), 1e-12);
  }

  @Test
  void takesANarrowNormalToTheStandardNormal() {
    // Readings N(0, 0.5²), targets N(0, 1): the map is x ↦ 2x, up to the samples' noise.
    Random random = new Random(1);
    double[] readings = new double[20000];
    double[] targets = new double[20000];
    for (int i = 0; i < readings.length; i++) {
      readings[i] = 0.5 * random.nextGaussian();
      targets[i] = random.nextGaussian();
    }
    MarginalMap map = MarginalMap.fit(readings, targets);
    for (double x : new double[] {-0.8, -0.3, 0, 0.4, 0.9}) {
      assertEquals(2 * x, map.apply(x), 0.05, "at " + x);
    }
  }

  @Test
  void readingsOrTargetsThatDoNotVaryGetNoMap() {
    assertNull(MarginalMap.fit(new double[] {1, 1, 1}, new double[] {0, 2}));
    assertNull(MarginalMap.fit(new double[] {1, 2}, new double[] {3, 3}));
    assertNull(MarginalMap.fit(new double[] {1, 2}, new double[0]));
    assertThrows(IllegalArgumentException.class, () -> new MarginalMap(0, 0));
  }

  @Test
  void decodingMapsTheValueSlotReadingAndLeavesPointMassesAlone() {
    // Standardised: mean 50, sd 10; a point mass at 0. The map doubles readings: 0.5 decodes as 1.0, i.e. 60.
    NumericColumnCodec plain = new NumericColumnCodec("x", NumericType.DOUBLE, 50, 10, 0, 100,
        NumericColumnCodec.UNROUNDED, null, new double[] {0}, false);
    NumericColumnCodec mapped = plain.mapped(new MarginalMap(0, 2));
    double[] other = {0.5, 0};
    assertEquals(55.0, (Double) plain.decode(other, 0, 7L), 1e-9);
    assertEquals(60.0, (Double) mapped.decode(other, 0, 7L), 1e-9);
    assertEquals(0.5, mapped.reading(other, 0, 7L), 1e-12);
    double[] mass = {-5, 1};
    assertEquals(0.0, (Double) mapped.decode(mass, 0, 7L), 0);
    assertTrue(Double.isNaN(mapped.reading(mass, 0, 7L)), "a point mass has no reading");
  }

  @Test
  void trainingReadingsAreTheValueSlotsOfRowsOffThePointMasses() {
    NumericColumnCodec x = new NumericColumnCodec("x", NumericType.DOUBLE, 50, 10, 0, 100,
        NumericColumnCodec.UNROUNDED, null, new double[] {0}, false);
    TableCodec codec = new TableCodec(List.of(x), 3);
    float[] rows = new float[3 * codec.width()];
    float[] encoded = new float[2];
    int at = 0;
    for (double value : new double[] {60, 0, 30}) {
      codec.encodeCells(new Object[] {value}, encoded);
      System.arraycopy(encoded, 0, rows, at, 2);
      at += 2;
    }
    assertArrayEquals(new double[] {1, -2}, codec.trainingReadings(0, rows, 3), 1e-6);
  }
}
