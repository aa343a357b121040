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
    assertEquals(0.5, mapped.reading(other, 0, 7L, 1.5), 1e-12, "no final noise: its draw is not added");
    double[] mass = {-5, 1};
    assertEquals(0.0, (Double) mapped.decode(mass, 0, 7L), 0);
    assertTrue(Double.isNaN(mapped.reading(mass, 0, 7L, 1.5)), "a point mass has no reading");
  }

  @Test
  void trainingReadingsAreTheValueSlotsOfRowsOffThePointMasses() {
    NumericColumnCodec x = new NumericColumnCodec("x", NumericType.DOUBLE, 50, 10, 0, 100,
        NumericColumnCodec.UNROUNDED, null, new double[] {0}, false);
    TableCodec codec = new TableCodec(List.of(x), 3);
    float[] rows = encodedRows(codec, 60.0, 0.0, 30.0);
    assertArrayEquals(new double[] {1, Double.NaN, -2}, codec.trainingReadings(0, rows, 3), 1e-6);
  }

  @Test
  void theMissingScaleWeighsEachKindOfStartRowByItsShareInTraining() {
    // 10 missing start rows, weights 0.6 and 0.8 (mean 0.7), 40 others, 0.3 and 0.5 (mean 0.4), whatever the
    // pilot's own share of missing starts (1/5 here). At a training share of 0.2 the samples' mean weight is
    // 0.2·0.7 + 0.8·0.4 = 0.46 and c = 0.2/0.46; at 0.5, 0.55 and c = 0.5/0.55.
    double[] weights = new double[50];
    double[] startMissing = new double[50];
    for (int s = 0; s < 50; s++) {
      startMissing[s] = s < 10 ? 1 : 0;
      weights[s] = (s < 10 ? 0.6 : 0.3) + (s % 2 == 0 ? 0 : 0.2);
    }
    assertEquals(0.2 / 0.46, MarginalMap.missingScale(weights, startMissing, 0.2, 10), 1e-12);
    assertEquals(0.5 / 0.55, MarginalMap.missingScale(weights, startMissing, 0.5, 10), 1e-12);
    // At 0.6 the mean weight is 0.58: off by 0.02, within 2 standard errors (0.021 each: √(0.6²·0.0111/10 +
    // 0.4²·0.0103/40)), so no scale.
    assertTrue(Double.isNaN(MarginalMap.missingScale(weights, startMissing, 0.6, 10)), "within the noise");
    assertTrue(Double.isNaN(MarginalMap.missingScale(weights, startMissing, 0.2, 11)), "too few missing starts");
    assertTrue(Double.isNaN(MarginalMap.missingScale(new double[] {1, 1}, new double[] {1, 1}, 0.5, 1)),
        "no start row with a value");
    assertTrue(Double.isNaN(MarginalMap.missingScale(new double[4], new double[] {1, 1, 0, 0}, 0.5, 1)), "no weight");
    assertThrows(IllegalArgumentException.class, () -> MarginalMap.missingScale(new double[2], new double[3], 0, 1));
  }

  @Test
  void decodingDrawsTheMissingCellWithTheScaledChanceCappedAtOne() {
    // A column with missing cells, standardised (mean 50, sd 10): slots [value, missing].
    NumericColumnCodec plain = new NumericColumnCodec("x", NumericType.DOUBLE, 50, 10, 0, 100,
        NumericColumnCodec.UNROUNDED, null, null, true);
    NumericColumnCodec mapped = plain.mapped(new MarginalMap(0, 1, 0.5));
    double[] barycentre = {0.4, 0.3}; // 30 % of its weight on missing rows; the others' value slot is 0.4 / 0.7
    int rows = 40_000;
    int plainMissing = 0;
    int mappedMissing = 0;
    for (long bits = 0; bits < rows; bits++) {
      plainMissing += plain.decode(barycentre, 0, bits * 0x9E3779B97F4A7C15L) == null ? 1 : 0;
      Object cell = mapped.decode(barycentre, 0, bits * 0x9E3779B97F4A7C15L);
      mappedMissing += cell == null ? 1 : 0;
      if (cell != null) {
        assertEquals(50 + 10 * 0.4 / 0.7, (Double) cell, 1e-9, "a drawn value is the other rows' barycentre");
      }
    }
    // Binomial(40,000, p): four standard deviations of the share are below 0.01.
    assertEquals(0.30, (double) plainMissing / rows, 0.01);
    assertEquals(0.15, (double) mappedMissing / rows, 0.01);
    assertEquals(0.3, mapped.missingWeight(barycentre, 0), 0);
    assertEquals(1, new MarginalMap(0, 1, 1.5).missingChance(0.8), 0, "a chance is at most 1");
    assertEquals(0.6, new MarginalMap(0, 1, 1.5).missingChance(0.4), 1e-12);
  }

  @Test
  void aMapSavedBeforeTheMissingScaleReadsAsNoScale() {
    // Jackson reads a record's absent double as 0.
    assertEquals(1, new MarginalMap(0.1, 1.2, 0).missingScale(), 0);
    assertEquals(1, new MarginalMap(0.1, 1.2).missingScale(), 0);
    assertThrows(IllegalArgumentException.class, () -> new MarginalMap(0, 1, -1));
  }

  @Test
  void trainingRowsTellTheirMissingCells() {
    NumericColumnCodec x = new NumericColumnCodec("x", NumericType.DOUBLE, 50, 10, 0, 100,
        NumericColumnCodec.UNROUNDED, null, new double[] {0}, true);
    TableCodec codec = new TableCodec(List.of(x), 3);
    float[] rows = encodedRows(codec, 60.0, null, 0.0);
    assertArrayEquals(new double[] {0, 1, 0}, codec.trainingMissing(0, rows, 3), 0);
    double[] samples = {0.5, 0.25, 0.25, 1, 0, 0};
    assertArrayEquals(new double[] {0.25, 0}, codec.missingWeights(0, samples, 2), 0);
  }

  /** The one-column rows holding {@code values}, encoded one after another. */
  private static float[] encodedRows(TableCodec codec, Double... values) {
    float[] rows = new float[values.length * codec.width()];
    float[] encoded = new float[codec.width()];
    for (int r = 0; r < values.length; r++) {
      codec.encodeCells(new Object[] {values[r]}, encoded);
      System.arraycopy(encoded, 0, rows, r * encoded.length, encoded.length);
    }
    return rows;
  }
}
