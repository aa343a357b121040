package org.cfdmspark.encoding;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
    assertEquals(0, NormalScores.score(UNIFORM, 256), 1e-12, "the median scores 0");
    assertEquals(1, NormalScores.score(UNIFORM, atSqueezed(0.841344746068543)), 1e-9);
    assertEquals(-1.959963984540054, NormalScores.score(UNIFORM, atSqueezed(0.025)), 1e-9);
  }

  @Test
  void valuesInvertScoresAndStayInsideTheKnots() {
    for (double x : new double[] {0, 0.7, 3.25, 100, 256, 400.5, 511.2, 512}) {
      assertEquals(x, NormalScores.value(UNIFORM, NormalScores.score(UNIFORM, x)), 1e-9);
    }
    assertEquals(0, NormalScores.value(UNIFORM, -40), "far below: the minimum");
    assertEquals(512, NormalScores.value(UNIFORM, 40), "far above: the maximum");
    // the extremes are squeezed a half knot inside (0, 1), so their scores are finite: Φ⁻¹(1/1024) = −3.0972
    assertEquals(-3.0972, NormalScores.score(UNIFORM, 0), 1e-4);
    assertEquals(-3.0972, NormalScores.score(UNIFORM, -5), 1e-4, "below the range: as the minimum");
  }

  @Test
  void aValueHeldByManyKnotsTakesTheMiddleOfTheirProbabilities() {
    // 25 % of the column is 0 (knots 0..128), the rest spread over (0, 384]
    double[] q = new double[NormalScores.KNOTS];
    for (int k = 0; k < q.length; k++) {
      q[k] = k <= 128 ? 0 : k - 128;
    }
    double middle = NormalScores.squeeze(0.125, q.length); // the middle of [0, 0.25]
    assertEquals(middle, 0.5 * Erf.erfc(-NormalScores.score(q, 0) / Math.sqrt(2)), 1e-12, "Φ(score) = F");
    assertEquals(0.0, NormalScores.value(q, -2), "scores inside the mass decode to it");
    assertEquals(0.0, NormalScores.value(q, NormalScores.score(q, 0)));
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
}
