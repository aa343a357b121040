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
  void stretchesReadingsToTheSpreadOfTheirStartRows() {
    // Readings are 0.8 of their start rows' deviations from the center 1: k = 1/0.8 whatever the start rows were.
    Random random = new Random(1);
    for (double spread : new double[] {0.5, 1, 3}) {
      double[] starts = new double[300];
      double[] readings = new double[300];
      for (int s = 0; s < starts.length; s++) {
        starts[s] = 1 + spread * random.nextGaussian();
        readings[s] = 1 + 0.8 * (starts[s] - 1);
      }
      MarginalMap map = MarginalMap.fit(readings, starts, 1);
      assertEquals(1.25, map.stretch(), 1e-12, "start rows of spread " + spread);
      assertEquals(1 + 1.25 * 2, map.apply(3), 1e-12);
      assertEquals(1, map.apply(1), 1e-12, "the center stays");
    }
  }

  @Test
  void pairsWithoutAValueOnEitherSideAreLeftOut() {
    // Pairs (2, 3) and (0, −1) about 1: Σ (x − 1)² = 8, Σ (r − 1)² = 2, k = 2; the NaN pairs count for nothing.
    MarginalMap map = MarginalMap.fit(new double[] {2, Double.NaN, 0, 5}, new double[] {3, 7, -1, Double.NaN}, 1);
    assertEquals(2, map.stretch(), 1e-12);
  }

  @Test
  void readingsOrStartsThatDoNotDeviateGetNoMap() {
    assertNull(MarginalMap.fit(new double[] {1, 1, 1}, new double[] {0, 2, 3}, 1));
    assertNull(MarginalMap.fit(new double[] {1, 2}, new double[] {1, 1}, 1));
    assertNull(MarginalMap.fit(new double[] {Double.NaN}, new double[] {2}, 1));
    assertThrows(IllegalArgumentException.class, () -> new MarginalMap(0, 0));
    assertThrows(IllegalArgumentException.class, () -> MarginalMap.fit(new double[2], new double[3], 0));
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
    float[] encoded = new float[codec.width()];
    int at = 0;
    for (double value : new double[] {60, 0, 30}) {
      codec.encodeCells(new Object[] {value}, encoded);
      System.arraycopy(encoded, 0, rows, at, encoded.length);
      at += encoded.length;
    }
    assertArrayEquals(new double[] {1, Double.NaN, -2}, codec.trainingReadings(0, rows, 3), 1e-6);
  }
}
