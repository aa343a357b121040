package org.cfdmspark.encoding;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.special.Erf;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.cfdmspark.testkit.SparkTest;
import org.cfdmspark.testkit.TestData;
import org.junit.jupiter.api.Test;

/** A codec read back from its JSON encodes and decodes exactly as the one that was written. */
@SparkTest
class CodecJsonTest {

  @Test
  void creditDataCodecSurvivesItsJson(SparkSession spark) {
    Dataset<Row> table = TestData.csv(spark, "credit_data.csv.gz");
    assertRoundTrip(TableCodec.fit(table, ColumnOverrides.none()), table.collectAsList());
  }

  @Test
  void normalScoresAndFinalNoiseSurviveTheirJson(SparkSession spark) {
    Dataset<Row> table = TestData.csv(spark, "credit_data.csv.gz");
    TableCodec codec = TableCodec.fit(table, normalScores(0.15));
    TableCodec read = assertRoundTrip(codec, table.collectAsList());
    NumericColumnCodec first = read.columns().stream().filter(c -> c instanceof NumericColumnCodec)
        .map(c -> (NumericColumnCodec) c).findFirst().orElseThrow();
    assertEquals(first.quantiles().length, first.probabilities().length);
    assertEquals(true, first.quantiles().length > NormalScores.KNOTS, "4,454 rows: tail knots at both ends");
    assertEquals(0.15, first.finalNoise());
  }

  @Test
  void theFinalNoisesCorrelationSurvivesItsJson(SparkSession spark) {
    Dataset<Row> table = TestData.csv(spark, "credit_data.csv.gz");
    TableCodec codec = TableCodec.fit(table, normalScores(0.2));
    List<Row> rows = table.collectAsList();
    float[] x = new float[rows.size() * codec.width()];
    for (int r = 0; r < rows.size(); r++) {
      codec.encode(rows.get(r), x, r * codec.width());
    }
    double[][] readings = new double[codec.columns().size()][];
    for (int c = 0; c < readings.length; c++) {
      readings[c] = codec.drawsOwnNoise(c) ? codec.trainingReadings(c, x, rows.size()) : null;
    }
    TableCodec correlated = codec.withNoiseCorrelation(NoiseCorrelation.fit(readings));
    TableCodec read = assertRoundTrip(correlated, rows);
    assertArrayEquals(correlated.noiseCorrelation().columns(), read.noiseCorrelation().columns());
    assertArrayEquals(correlated.noiseCorrelation().factor(), read.noiseCorrelation().factor());
    assertNull(CodecJson.fromJson(CodecJson.toJson(codec)).noiseCorrelation(), "none written, none read");
  }

  @Test
  void voteWeightsSurviveTheirJson(SparkSession spark) {
    Dataset<Row> table = TestData.csv(spark, "credit_data.csv.gz");
    TableCodec codec = TableCodec.fit(table, ColumnOverrides.none());
    double[][] weights = new double[codec.columns().size()][];
    int c = 0;
    while (!(codec.columns().get(c) instanceof CategoricalColumnCodec)) {
      c++;
    }
    weights[c] = new double[codec.columns().get(c).width()];
    Arrays.fill(weights[c], 0.25);
    weights[c][0] = 7.5;
    int n = 0;
    while (!(codec.columns().get(n) instanceof NumericColumnCodec numeric && numeric.masses().length > 0)) {
      n++;
    }
    weights[n] = new double[codec.voteStates(n)];
    Arrays.fill(weights[n], 2);
    TableCodec read = assertRoundTrip(codec.weighted(weights), table.collectAsList());
    assertArrayEquals(weights[c], ((CategoricalColumnCodec) read.columns().get(c)).voteWeights());
    assertArrayEquals(weights[n], ((NumericColumnCodec) read.columns().get(n)).marginalMap().stateWeights());
    assertNull(((CategoricalColumnCodec) CodecJson.fromJson(CodecJson.toJson(codec)).columns().get(c))
        .voteWeights(), "a codec without weights reads back without them");
  }

  @Test
  void aModelSavedBeforeTheTailKnotsReadsItsUniformKnots(SparkSession spark) {
    Dataset<Row> table = TestData.csv(spark, "credit_data.csv.gz");
    ColumnOverrides normal = new ColumnOverrides(java.util.Set.of(), java.util.Set.of(), 200, true,
        java.util.Set.of(), java.util.Set.of(), List.of(), true, 0);
    ObjectNode json = (ObjectNode) CodecJson.toJson(TableCodec.fit(table, normal));
    // the old form: 513 knots at k/512 and no "probabilities" field
    int legacy = 0;
    for (JsonNode column : json.get("columns")) {
      if (column.has("quantiles") && !column.get("quantiles").isNull()) {
        JsonNode p = ((ObjectNode) column).remove("probabilities");
        ArrayNode uniform = ((ObjectNode) column).putArray("quantiles-uniform");
        for (int k = 0; k < p.size(); k++) {
          if (p.get(k).asDouble() * 512 == Math.rint(p.get(k).asDouble() * 512)) {
            uniform.add(column.get("quantiles").get(k));
          }
        }
        ((ObjectNode) column).set("quantiles", ((ObjectNode) column).remove("quantiles-uniform"));
        legacy++;
      }
    }
    assertEquals(true, legacy > 0);
    TableCodec read = CodecJson.fromJson(json);
    for (ColumnCodec column : read.columns()) {
      if (column instanceof NumericColumnCodec numeric && numeric.quantiles() != null) {
        assertEquals(NormalScores.KNOTS, numeric.quantiles().length);
        assertEquals(null, numeric.probabilities());
        double[] q = numeric.quantiles();
        for (int k : new int[] {0, 1, 256, 510, 511, 512}) {
          // the score of knot k on the uniform grid, Φ⁻¹(e + (1 − 2e)·k/512), decodes to that knot
          double s = Math.sqrt(2) * Erf.erfInv(2 * (0.5 / 512 + (1 - 1.0 / 512) * k / 512) - 1);
          double[] z = new double[numeric.width()];
          z[0] = s;
          Object cell = numeric.decode(z, 0, 0L);
          assertEquals(numeric.origin() + q[k], ((Number) cell).doubleValue(), 1e-6 * (1 + Math.abs(q[k])),
              numeric.name() + " knot " + k);
        }
      }
    }
  }

  @Test
  void levelsComeBackInTheirColumnsType(SparkSession spark) {
    StructType schema = DataTypes.createStructType(List.of(
        DataTypes.createStructField("code", DataTypes.LongType, true),
        DataTypes.createStructField("flag", DataTypes.BooleanType, true),
        DataTypes.createStructField("small", DataTypes.ShortType, true),
        DataTypes.createStructField("name", DataTypes.StringType, true)));
    List<Row> rows = List.of(RowFactory.create(7L, true, (short) 1, "a"), RowFactory.create(9L, false, (short) 2,
        null), RowFactory.create(null, true, (short) 3, "b\"c"), RowFactory.create(7L, null, (short) 1, "a"));
    Dataset<Row> table = spark.createDataFrame(rows, schema);
    TableCodec codec = TableCodec.fit(table, new ColumnOverrides(java.util.Set.of("code", "small"),
        java.util.Set.of(), 100, true));
    TableCodec read = assertRoundTrip(codec, rows);
    CategoricalColumnCodec code = (CategoricalColumnCodec) read.columns().get(0);
    assertEquals(Long.class, code.levels()[0].getClass());
    assertEquals(Short.class, ((CategoricalColumnCodec) read.columns().get(2)).levels()[0].getClass());
  }

  @Test
  void keysAndConstraintsSurviveSaving(SparkSession spark) {
    List<Row> rows = new java.util.ArrayList<>();
    for (int i = 0; i < 60; i++) {
      rows.add(RowFactory.create("CUST-" + String.format("%05d", 7 * i), (long) i, i / 2.0, i / 2.0 + (i % 3)));
    }
    StructType schema = DataTypes.createStructType(List.of(
        DataTypes.createStructField("customer", DataTypes.StringType, false),
        DataTypes.createStructField("row", DataTypes.LongType, false),
        DataTypes.createStructField("paid", DataTypes.DoubleType, false),
        DataTypes.createStructField("invoice", DataTypes.DoubleType, false)));
    TableCodec codec = TableCodec.fit(spark.createDataFrame(rows, schema), ColumnOverrides.none());
    assertEquals(List.of("customer", "row"), codec.keyColumns());
    assertEquals(List.of(new Inequality("paid", "invoice", false)), codec.constraints());
    TableCodec read = assertRoundTrip(codec, rows);
    assertEquals(codec.constraints(), read.constraints());
    for (int c = 0; c < 2; c++) {
      KeyColumnCodec saved = (KeyColumnCodec) codec.columns().get(c);
      KeyColumnCodec loaded = (KeyColumnCodec) read.columns().get(c);
      for (long id = 0; id < 100; id++) {
        assertEquals(saved.key(3, id), loaded.key(3, id), saved.name() + " of sample " + id);
      }
    }
  }

  @Test
  void somethingElseIsRefused() throws Exception {
    JsonNode notACodec = new ObjectMapper().readTree("{\"columns\": [{\"kind\": \"hologram\"}]}");
    assertThrows(IllegalArgumentException.class, () -> CodecJson.fromJson(notACodec));
  }

  /** Normal scores with this final noise, the other overrides at their defaults. */
  private static ColumnOverrides normalScores(double finalNoise) {
    return new ColumnOverrides(java.util.Set.of(), java.util.Set.of(), 200, true, java.util.Set.of(),
        java.util.Set.of(), List.of(), true, finalNoise);
  }

  /** The JSON of the read codec equals the written one, and both encode and decode every row alike. */
  private static TableCodec assertRoundTrip(TableCodec codec, List<Row> rows) {
    JsonNode json = CodecJson.toJson(codec);
    TableCodec read = CodecJson.fromJson(json);
    assertEquals(json, CodecJson.toJson(read));
    assertEquals(codec.width(), read.width());
    float[] written = new float[codec.width()];
    float[] reread = new float[codec.width()];
    Object[] decodedWritten = new Object[codec.columns().size()];
    Object[] decodedRead = new Object[codec.columns().size()];
    for (Row row : rows) {
      codec.encode(row, written, 0);
      read.encode(row, reread, 0);
      assertArrayEquals(written, reread);
      double[] z = new double[written.length];
      for (int j = 0; j < z.length; j++) {
        z[j] = written[j];
      }
      codec.decode(z, 0, decodedWritten, 0);
      read.decode(z, 0, decodedRead, 0);
      assertArrayEquals(decodedWritten, decodedRead);
    }
    return read;
  }
}
