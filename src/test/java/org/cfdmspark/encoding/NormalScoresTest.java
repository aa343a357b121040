package org.cfdmspark.encoding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.special.Erf;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.cfdmspark.testkit.TestSpark;
import org.junit.jupiter.api.Test;

class NormalScoresTest {
  /** Knots 0, 1, …, 512: the CDF of the uniform distribution on [0, 512]. */
  private static final double[] UNIFORM = uniformKnots();

  private static double[] uniformKnots() {
    double[] q = new double[NormalScores.KNOTS];
    for (int k = 0; k < q.length; k++) {
      q[k] = k;
    }
    return q;
  }

  /** The value of the uniform knots whose squeezed probability is {@code p}. */
  private static double atSqueezed(double p) {
    double e = 0.5 / 512;
    return 512 * (p - e) / (1 - 2 * e);
  }

  @Test
  void scoresAreNormalQuantilesOfTheEmpiricalCdf() {
    // Φ(1) = 0.841344746068543, Φ(−1.959963984540054) = 0.025 (standard normal tables)
    assertEquals(0, NormalScores.score(null, UNIFORM, 256), 1e-12, "the median scores 0");
    assertEquals(1, NormalScores.score(null, UNIFORM, atSqueezed(0.841344746068543)), 1e-9);
    assertEquals(-1.959963984540054, NormalScores.score(null, UNIFORM, atSqueezed(0.025)), 1e-9);
  }

  @Test
  void valuesInvertScoresAndStayInsideTheKnots() {
    for (double x : new double[] {0, 0.7, 3.25, 100, 256, 400.5, 511.2, 512}) {
      assertEquals(x, NormalScores.value(null, UNIFORM, NormalScores.score(null, UNIFORM, x)), 1e-9);
    }
    assertEquals(0, NormalScores.value(null, UNIFORM, -40), "far below: the minimum");
    assertEquals(512, NormalScores.value(null, UNIFORM, 40), "far above: the maximum");
    // the extremes are squeezed a half knot inside (0, 1), so their scores are finite: Φ⁻¹(1/1024) = −3.0972
    assertEquals(-3.0972, NormalScores.score(null, UNIFORM, 0), 1e-4);
    assertEquals(-3.0972, NormalScores.score(null, UNIFORM, -5), 1e-4, "below the range: as the minimum");
  }

  @Test
  void aValueHeldByManyKnotsTakesTheMiddleOfTheirProbabilities() {
    // 25 % of the column is 0 (knots 0..128), the rest spread over (0, 384]
    double[] q = new double[NormalScores.KNOTS];
    for (int k = 0; k < q.length; k++) {
      q[k] = k <= 128 ? 0 : k - 128;
    }
    double middle = NormalScores.squeeze(null, 0.125, q.length); // the middle of [0, 0.25]
    assertEquals(middle, 0.5 * Erf.erfc(-NormalScores.score(null, q, 0) / Math.sqrt(2)), 1e-12, "Φ(score) = F");
    assertEquals(0.0, NormalScores.value(null, q, -2), "scores inside the mass decode to it");
    assertEquals(0.0, NormalScores.value(null, q, NormalScores.score(null, q, 0)));
  }

  @Test
  void aSkewedColumnFittedAsNormalScoresEncodesStandardNormalAndDecodesBack() {
    SparkSession spark = TestSpark.local(2);
    StructType schema = DataTypes.createStructType(List.of(
        DataTypes.createStructField("amount", DataTypes.DoubleType, false)));
    List<Row> rows = new ArrayList<>();
    int n = 4000;
    for (int i = 0; i < n; i++) {
      rows.add(RowFactory.create(Math.exp(4 * (i + 0.5) / n) * 10)); // log-uniform: heavily right-skewed
    }
    Dataset<Row> table = spark.createDataFrame(rows, schema);
    ColumnOverrides normal = new ColumnOverrides(java.util.Set.of(), java.util.Set.of(), 200, false,
        java.util.Set.of(), java.util.Set.of(), List.of(), true, 0);
    NumericColumnCodec amount = (NumericColumnCodec) TableCodec.fit(table, normal).columns().get(0);
    float[] out = new float[1];
    double sum = 0;
    double squares = 0;
    for (int i = 0; i < n; i++) {
      Row row = rows.get(i);
      amount.encode(row.get(0), out, 0);
      sum += out[0];
      squares += out[0] * out[0];
      double back = (Double) amount.decode(new double[] {out[0]}, 0, 0L);
      assertEquals(row.getDouble(0), back, 1e-3 * row.getDouble(0), "decode(encode(x)) = x");
    }
    double mean = sum / n;
    assertEquals(0, mean, 0.01, "normal scores are centred");
    assertEquals(1, Math.sqrt(squares / n - mean * mean), 0.02, "and of unit spread");
    TableCodec standard = TableCodec.fit(table, ColumnOverrides.none());
    assertTrue(((NumericColumnCodec) standard.columns().get(0)).quantiles() == null, "standard by default");
  }

  @Test
  void legacyModelsReadTheUniformGridAsBefore() {
    // a model saved without a grid: u = (Φ(s) − e) / (1 − 2e)·512, read linearly between knots ⌊u⌋ and ⌊u⌋ + 1
    double[] q = new double[NormalScores.KNOTS];
    for (int k = 0; k < q.length; k++) {
      q[k] = k * k; // a skewed column
    }
    for (double s = -3.5; s <= 3.5; s += 0.01) {
      double u = (0.5 * Erf.erfc(-s / Math.sqrt(2)) - 0.5 / 512) / (1 - 1.0 / 512) * 512;
      int k = (int) Math.min(511, Math.max(0, Math.floor(u)));
      double frac = Math.min(1, Math.max(0, u - k));
      assertEquals(q[k] + frac * (q[k + 1] - q[k]), NormalScores.value(null, q, s), 0.0, "s = " + s);
    }
  }

  @Test
  void theGridAddsOrderStatisticsAtBothEnds() {
    double[] small = NormalScores.probabilities(1000);
    assertEquals(NormalScores.KNOTS, small.length, "under 1,024 values: the uniform grid");
    double[] p = NormalScores.probabilities(27000); // T = 52: 51 extra knots per end
    assertEquals(NormalScores.KNOTS + 2 * 51, p.length);
    assertEquals(0.0, p[0]);
    assertEquals(1.0, p[p.length - 1]);
    assertEquals(1.0 / (512 * 52), p[1], 1e-18);
    assertEquals(1 - 1.0 / (512 * 52), p[p.length - 2], 1e-15);
    int uniform = 0;
    for (int k = 1; k < p.length; k++) {
      assertTrue(p[k] > p[k - 1], "ascending at " + k);
      uniform += Math.abs(p[k] * 512 - Math.rint(p[k] * 512)) < 1e-9 ? 1 : 0;
    }
    assertEquals(NormalScores.KNOTS - 1, uniform, "every k/512 is still a knot");
    assertEquals(NormalScores.KNOTS + 2 * (NormalScores.MAX_TAIL - 1), NormalScores.probabilities(10_000_000).length);
  }

  @Test
  void aHeavyTailDecodesToTheTrainingRowsTail() {
    // Pareto (α = 1.5, x ≥ 1) at the n plotting positions: the top 1/512 starts at 512^(1/1.5) = 64, and the
    // largest value, (2n)^(1/1.5) ≈ 1,170, is far beyond the tail's mean (3 · 64 = 192 in the limit)
    int n = 20000;
    Object[] cells = new Object[n];
    double[] sorted = new double[n];
    for (int i = 0; i < n; i++) {
      sorted[i] = Math.pow(1 - (i + 0.5) / n, -1 / 1.5);
      cells[n - 1 - i] = sorted[i];
    }
    NumericColumnCodec codec = (NumericColumnCodec) new NumericFitter(NumericType.DOUBLE, false, false, true, 0)
        .fit("amount", cells);
    int top = n / 512; // 39 rows
    double tailMean = 0;
    for (int i = n - top; i < n; i++) {
      tailMean += sorted[i] / top;
    }
    // scores spread evenly in probability over the top step of 1/512, as the training rows there encode; the grid
    // cuts it into 39 steps of 1/19,968, so the top value scores Φ⁻¹(1 − 1/39,936) = 4.06, not Φ⁻¹(1 − 1/1024)
    int m = 1000;
    double decodedMean = 0;
    double largest = 0;
    for (int k = 0; k < m; k++) {
      double u = NormalScores.squeeze(codec.probabilities(), 1 - (k + 0.5) / (512.0 * m),
          codec.quantiles().length);
      double x = (Double) codec.decode(new double[] {Math.sqrt(2) * Erf.erfInv(2 * u - 1)}, 0, 0L);
      decodedMean += x / m;
      largest = Math.max(largest, x);
    }
    assertEquals(tailMean, decodedMean, 0.1 * tailMean, "the top 1/512 decodes to the training rows' top 1/512");
    assertTrue(largest > sorted[n - 2] && largest <= sorted[n - 1], "up to the maximum");
    assertEquals(sorted[n - 1], (Double) codec.decode(new double[] {40}, 0, 0L), 0.0, "the maximum");
    assertEquals(sorted[0], (Double) codec.decode(new double[] {-40}, 0, 0L), 0.0, "and the minimum");
    for (int i = 0; i < n; i += 7) {
      assertEquals(sorted[i], NormalScores.value(codec.probabilities(), codec.quantiles(),
          NormalScores.score(codec.probabilities(), codec.quantiles(), sorted[i])), 1e-9 * sorted[i],
          "value inverts score on the tail grid");
    }
  }
  @Test
  void aSmallTablesValuesAreNotLevelsAndItsKnotsInterpolateBetweenThem() {
    // 20 distinct 2-decimal values: every value is a sample of a continuum, not a level, and no value holds the 10
    // rows a point mass needs; the 513 knots read between the 20 order statistics, so a reading between two
    // values' scores decodes between them, not onto one of them.
    Object[] cells = new Object[20];
    for (int i = 0; i < cells.length; i++) {
      cells[i] = 5 + 0.37 * i * i / 10.0 + 0.01 * (i % 3);
    }
    NumericColumnCodec codec = (NumericColumnCodec) new NumericFitter(NumericType.DOUBLE, false, true, true, 0)
        .fit("a", cells);
    assertNull(codec.levels(), "distinct values that do not repeat");
    assertEquals(0, codec.masses().length);
    java.util.Set<Object> training = new java.util.HashSet<>(java.util.Arrays.asList(cells));
    int copies = 0;
    int m = 1000;
    for (int k = 0; k < m; k++) {
      double z = Math.sqrt(2) * Erf.erfInv(2 * (k + 0.5) / m - 1);
      copies += training.contains(codec.decode(new double[] {z}, 0, 0L)) ? 1 : 0;
    }
    assertTrue(copies < 0.1 * m, copies + " of " + m + " readings decode to a training value");
    // The type-7 knots keep the range and invert the score at each value.
    assertEquals((Double) cells[0], (Double) codec.decode(new double[] {-40}, 0, 0L), 0.0);
    assertEquals((Double) cells[19], (Double) codec.decode(new double[] {40}, 0, 0L), 0.0);
  }

  @Test
  void otherReadingsDecodeToTheValuesOtherThanThePointMassesInTheirProportions() {
    // ages 20..69, 29 held by 8 % of the rows (a point mass), every other age by 1.87 %
    List<Object> cells = new ArrayList<>();
    for (int age = 20; age < 70; age++) {
      for (int i = 0; i < (age == 29 ? 400 : 92); i++) {
        cells.add((long) age);
      }
    }
    NumericColumnCodec codec = (NumericColumnCodec) new NumericFitter(NumericType.LONG, false, true, true, 0)
        .fit("age", cells.toArray());
    assertEquals(1, codec.masses().length, "29 is a point mass");
    float[] encoded = new float[codec.width()];
    codec.encode(29L, encoded, 0);
    assertEquals(29L, codec.decode(new double[] {encoded[0], 1}, 0, 0L), "the mass's vote decodes to it");
    // standard normal readings in the "other" state (indicator 0), at m evenly spaced quantiles: a model that
    // reproduces the other rows' scores decodes to the other rows' values, 1/49 each, and 29 only by its vote
    int m = 20000;
    int[] counts = new int[70];
    for (int k = 0; k < m; k++) {
      double z = Math.sqrt(2) * Erf.erfInv(2 * (k + 0.5) / m - 1);
      counts[(int) (long) (Long) codec.decode(new double[] {z, 0}, 0, 0L)]++;
    }
    assertTrue(counts[29] < 0.002 * m, "29 from the other state: " + counts[29] + " of " + m);
    for (int age = 20; age < 70; age++) {
      if (age != 29) {
        assertEquals(1 / 49.0, counts[age] / (double) m, 0.003, "share of age " + age);
      }
    }
    codec.encode(35L, encoded, 0);
    assertEquals(35L, codec.decode(new double[] {encoded[0], 0}, 0, 0L), "a training row's value decodes back");
  }
}
