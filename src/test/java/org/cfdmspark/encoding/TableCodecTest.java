package org.cfdmspark.encoding;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.cfdmspark.config.BadInputException;
import org.cfdmspark.testkit.TestSpark;
import org.junit.jupiter.api.Test;

class TableCodecTest {

  @Test
  void decodesToInputUnitsRoundingIntegersAndClippingToTheObservedRange() {
    NumericColumnCodec age = new NumericColumnCodec("age", NumericType.INTEGER, 40, 10, 18, 90, 0, null,
        null, false);
    float[] encoded = new float[1];
    age.encode(50, encoded, 0);
    assertEquals(1.0f, encoded[0]);
    assertEquals(52, age.decode(new double[] {1.24}, 0, 0L), "rounded");
    assertEquals(90, age.decode(new double[] {9}, 0, 0L), "clipped to the maximum");
    assertEquals(18, age.decode(new double[] {-9}, 0, 0L), "clipped to the minimum");
    NumericColumnCodec income = new NumericColumnCodec("income", NumericType.DOUBLE, 1.5, 0.5, 0, 3,
        NumericColumnCodec.UNROUNDED,
        null, null, false);
    assertEquals(1.75, income.decode(new double[] {0.5}, 0, 0L));
  }

  @Test
  void discreteColumnsDecodeToTheNearestValueSeenInTraining() {
    NumericColumnCodec term = new NumericColumnCodec("term", NumericType.INTEGER, 36, 12, 12, 60, 0,
        new double[] {12, 36, 60}, null, false);
    assertEquals(36, term.decode(new double[] {(47.9 - 36) / 12}, 0, 0L), "47.9 is nearer 36 than 60");
    assertEquals(60, term.decode(new double[] {(48.1 - 36) / 12}, 0, 0L));
    assertEquals(12, term.decode(new double[] {-5}, 0, 0L), "below the range");
    assertEquals(60, term.decode(new double[] {5}, 0, 0L), "above the range");
  }

  @Test
  void fewWholeNumbersAreModelledAsCodes() {
    SparkSession spark = TestSpark.local(2);
    StructType schema = DataTypes.createStructType(List.of(
        DataTypes.createStructField("term", DataTypes.IntegerType, true)));
    Dataset<Row> table = spark.createDataFrame(List.of(RowFactory.create(12), RowFactory.create(60),
        RowFactory.create(60), RowFactory.create((Object) null)), schema);
    CategoricalColumnCodec term = (CategoricalColumnCodec) TableCodec.fit(table, ColumnOverrides.none()).columns()
        .get(0);
    assertEquals(List.of(12, 60), List.of(term.levels()));
    assertTrue(term.hasMissing());
    assertEquals(60, term.decode(new double[] {0.2, 0.5, 0.3}, 0, 0L), "the vote, not the average");
    assertEquals(null, term.decode(new double[] {0.2, 0.3, 0.5}, 0, 0L), "missing wins");
  }

  @Test
  void constantColumnEncodesToZeroAndDecodesToTheConstant() {
    NumericColumnCodec constant = new NumericColumnCodec("c", NumericType.LONG, 7, 0, 7, 7, 0, null, null, false);
    float[] encoded = {Float.NaN};
    constant.encode(7L, encoded, 0);
    assertEquals(0f, encoded[0]);
    assertEquals(7L, constant.decode(new double[] {0.3}, 0, 0L));
  }

  @Test
  void fitsMeanSdAndRangePerColumnAndLaysColumnsSideBySide() {
    SparkSession spark = TestSpark.local(2);
    StructType schema = DataTypes.createStructType(List.of(
        DataTypes.createStructField("n", DataTypes.ShortType, false),
        DataTypes.createStructField("x", DataTypes.FloatType, false)));
    List<Row> rows = new java.util.ArrayList<>();
    for (short i = 0; i < 20; i++) {
      rows.add(RowFactory.create(i, 2.5f)); // 20 distinct whole numbers: numeric, not codes (nor a key)
    }
    Dataset<Row> table = spark.createDataFrame(rows, schema);
    TableCodec codec = TableCodec.fit(table, notKey("n"));

    assertEquals(20, codec.fittedRows());
    assertEquals(schema, codec.schema());
    NumericColumnCodec n = (NumericColumnCodec) codec.columns().get(0);
    double sd = Math.sqrt(399.0 / 12);
    assertEquals(9.5, n.mean(), 1e-12);
    assertEquals(sd, n.sd(), 1e-12, "population standard deviation");
    assertEquals(0, n.min());
    assertEquals(19, n.max());
    assertEquals(20, n.levels().length, "few values (second pass): decoded values snap to them");
    float[] encoded = new float[2];
    codec.encode(RowFactory.create((short) 19, 2.5f), encoded, 0);
    assertEquals((float) (9.5 / sd), encoded[0], 1e-6);
    assertEquals(0f, encoded[1], "constant column");
    Object[] cells = new Object[3];
    codec.decode(new double[] {1.2 / sd, 0}, 0, cells, 1);
    assertEquals(List.of((short) 11, 2.5f), List.of(cells[1], cells[2]), "9.5 + 1.2 rounded");
  }

  @Test
  void encodeDecodedLandsOnTheEncodingOfTheRowTheUserReceives() {
    NumericColumnCodec age = new NumericColumnCodec("age", NumericType.INTEGER, 40, 10, 18, 90, 0, null,
        null, false);
    CategoricalColumnCodec colour = new CategoricalColumnCodec("colour", DataTypes.StringType,
        new Object[] {"red", "blue"}, false);
    TableCodec codec = new TableCodec(List.of(age, colour), 2);
    float[] row = new float[codec.width()];
    codec.encode(RowFactory.create(52, "blue"), row, 0);

    // 51.6 rounds to 52 and the blended category votes blue: the raw point is off the row, the decoded one on it.
    double[] z = {1.16, 0.3, 0.4};
    float[] decoded = new float[codec.width()];
    codec.encodeDecoded(z, 0, new Object[2], decoded, 0, 0);
    for (int j = 0; j < row.length; j++) {
      assertEquals(row[j], decoded[j], "coordinate " + j);
    }
  }

  @Test
  void aColumnOfDistinctTextWithoutSpacesIsAKey() {
    Dataset<Row> table = TestSpark.local(2).range(5000).selectExpr("CONCAT('customer-', id) AS id");
    KeyColumnCodec id = (KeyColumnCodec) TableCodec.fit(table, ColumnOverrides.none()).columns().get(0);
    String key = (String) id.key(1, 0);
    assertTrue(key.matches("customer-[1-9][0-9]*"), key + " keeps the keys' form");
    assertTrue(Long.parseLong(key.substring("customer-".length())) >= 5000, key + " is not a training key");
  }

  @Test
  void samplesOnTheSameBarycentreGetTheirOwnFinalNoise() {
    // Two trajectories that land on the same parents give the same encoded row; before the sample id keyed the
    // decoding's draws, both came out as one row (78 repeats in 3,000 samples of a heavy-tailed table).
    Dataset<Row> table = TestSpark.local(2).range(500).selectExpr("CAST(id AS DOUBLE) / 7 AS x");
    TableCodec codec = TableCodec.fit(table, new ColumnOverrides(java.util.Set.of(), java.util.Set.of(), 200, true,
        java.util.Set.of(), java.util.Set.of(), List.of(), true, 0.2));
    float[] encoded = new float[codec.width()];
    codec.encode(RowFactory.create(30.0), encoded, 0);
    double[] z = new double[encoded.length];
    for (int j = 0; j < z.length; j++) {
      z[j] = encoded[j];
    }
    Object[] first = new Object[1];
    Object[] again = new Object[1];
    codec.decode(z, 0, first, 0, 1, 5);
    codec.decode(z, 0, again, 0, 1, 5);
    assertEquals(first[0], again[0], "a sample decodes the same every time");
    java.util.Set<Object> values = new java.util.HashSet<>();
    for (long id = 0; id < 20; id++) {
      codec.decode(z, 0, again, 0, 1, id);
      values.add(again[0]);
    }
    codec.decode(z, 0, again, 0, 2, 5);
    values.add(again[0]);
    assertTrue(values.size() >= 18, "20 ids and another seed on one barycentre gave " + values.size() + " values");
  }

  @Test
  void distinctDatesInAnUnreadPatternAreNotAKey() {
    // 60 distinct US dates: without the check they were taken for ids and keys drawn per position (13/39/2021).
    Dataset<Row> table = TestSpark.local(2).range(60)
        .selectExpr("DATE_FORMAT(DATE_ADD(DATE'2021-01-01', CAST(id * 5 AS INT)), 'MM/dd/yyyy') AS visit");
    ColumnCodec visit = TableCodec.fit(table, ColumnOverrides.none()).columns().get(0);
    assertTrue(visit instanceof CategoricalColumnCodec, visit.getClass().getSimpleName());
  }

  /** No overrides but that {@code column} is not a key. */
  private static ColumnOverrides notKey(String column) {
    return new ColumnOverrides(java.util.Set.of(), java.util.Set.of(), ColumnOverrides.DEFAULT_MAX_CATEGORIES, true,
        java.util.Set.of(), java.util.Set.of(column), List.of());
  }

  @Test
  void manyValuedColumnsAreNotCollected() {
    SparkSession spark = TestSpark.local(2);
    Dataset<Row> table = spark.range(500).selectExpr("CAST(id AS DOUBLE) / 2 AS x");
    NumericColumnCodec x = (NumericColumnCodec) TableCodec.fit(table, ColumnOverrides.none()).columns().get(0);
    assertEquals(null, x.levels(), "500 distinct values: no levels, and no set of them built");
    assertEquals(249.5, x.max());
  }

  @Test
  void decodedValuesKeepTheDecimalsOfTheColumn() {
    SparkSession spark = TestSpark.local(2);
    // 100 values with one decimal (bill lengths in mm), and 100 with more decimals than are worth rounding to.
    Dataset<Row> table = spark.range(100).selectExpr("30 + id / 10 AS mm", "id / 7 AS ratio");
    TableCodec codec = TableCodec.fit(table, ColumnOverrides.none());
    NumericColumnCodec mm = (NumericColumnCodec) codec.columns().get(0);
    NumericColumnCodec ratio = (NumericColumnCodec) codec.columns().get(1);
    assertEquals(1, mm.decimals());
    assertEquals(NumericColumnCodec.UNROUNDED, ratio.decimals());
    float[] encoded = new float[codec.width()];
    codec.encode(RowFactory.create(38.3, 3 / 7.0), encoded, 0);
    double[] z = {encoded[0], encoded[1]};
    Object[] cells = new Object[2];
    codec.decode(z, 0, cells, 0);
    assertEquals(38.3, cells[0], "a training value comes back as it was, not as its float encoding");
    assertEquals(3 / 7.0, (double) cells[1], 1e-6);
    assertTrue((double) cells[1] != 3 / 7.0, "unrounded: the float encoding shows");
  }

  @Test
  void aManyValuedTextColumnIsRefusedWithItsDistinctCount() {
    SparkSession spark = TestSpark.local(2);
    Dataset<Row> table = spark.range(5000).selectExpr("CONCAT('customer-', id) AS id");
    BadInputException error = assertThrows(BadInputException.class, () -> TableCodec.fit(table, notKey("id")));
    assertTrue(error.getMessage().startsWith("column 'id' has 5000 distinct values"), error.getMessage());
    assertTrue(error.getMessage().contains("more than --max-categories 200"), error.getMessage());
  }

  @Test
  void pointMassesAreFoundExactlyAndDecodedByVote() {
    SparkSession spark = TestSpark.local(2);
    // 60 zeros and 140 distinct values: 0 holds 30 % of the cells, every other value 0.5 %.
    Dataset<Row> table = spark.range(200).selectExpr("CAST(IF(id < 60, 0, id) AS INT) AS debt");
    NumericColumnCodec debt = (NumericColumnCodec) TableCodec.fit(table, ColumnOverrides.none()).columns().get(0);
    assertEquals(null, debt.levels());
    assertArrayEquals(new double[] {0}, debt.masses());
    assertEquals(2, debt.width());

    float[] zero = new float[2];
    float[] large = new float[2];
    debt.encode(0, zero, 0);
    debt.encode(100, large, 0);
    assertEquals(1f, zero[1], "the mass's indicator");
    assertEquals(0f, large[1]);
    assertEquals((float) ((100 - debt.mean()) / debt.sd()), large[0], 1e-6, "the value slot is the plain scale");
    assertEquals(0, debt.decode(blend(0.75, zero, large), 0, 0L), "three zero rows of four: zero");
    assertEquals(100, debt.decode(blend(0.25, zero, large), 0, 0L),
        "one zero row of four: the other rows' own value, not 75");
  }

  @Test
  void anEvenSplitIsSettledByTheRowNotByPosition() {
    CategoricalColumnCodec colour = new CategoricalColumnCodec("colour", DataTypes.StringType,
        new Object[] {"blue", "red"}, false);
    int blue = 0;
    int draws = 2000;
    for (long bits = 0; bits < draws; bits++) {
      long tieBreak = bits * 0x9E3779B97F4A7C15L;
      blue += "blue".equals(colour.decode(new double[] {0.35, 0.35}, 0, tieBreak)) ? 1 : 0;
      assertEquals("red", colour.decode(new double[] {0.3, 0.7}, 0, tieBreak), "a majority is never overruled");
    }
    assertTrue(Math.abs(blue - draws / 2) < 150, "ties go either way: " + blue + " blue of " + draws);
  }

  @Test
  void aNumberColumnsMissingStateIsDrawnWithItsWeight() {
    // A vote gave missing cells only to barycentres whose rows mostly lack the value: scattered missing cells came
    // out at two thirds of their rate (credit_data's Income). Drawn, a weight of w gives a share of w.
    NumericColumnCodec income = new NumericColumnCodec("income", NumericType.INTEGER, 100, 30, 10, 900, 0,
        null, null, true);
    int draws = 4000;
    for (double weight : new double[] {0.1, 0.25, 0.5, 0.75}) {
      int missing = 0;
      for (long bits = 0; bits < draws; bits++) {
        missing += income.decode(new double[] {(1 - weight) * 0.3, weight}, 0, bits * 0x9E3779B97F4A7C15L) == null
            ? 1 : 0;
      }
      // 4 binomial standard errors: at most 0.027 at w = 0.5
      assertEquals(weight, missing / (double) draws, 4 * Math.sqrt(weight * (1 - weight) / draws),
          "missing share at weight " + weight);
    }
    assertEquals(null, income.decode(new double[] {0, 1}, 0, 12345L), "no row has the value");
    assertEquals(190L, ((Number) income.decode(new double[] {3, 0}, 0, 12345L)).longValue(),
        "no row lacks it: the value, 3 sd of 30 above the mean of 100");
  }

  /** The barycentre share·a + (1 − share)·b of two encoded rows. */
  private static double[] blend(double share, float[] a, float[] b) {
    double[] z = new double[a.length];
    for (int j = 0; j < z.length; j++) {
      z[j] = share * a[j] + (1 - share) * b[j];
    }
    return z;
  }
}
