package org.cfdmspark.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.cfdmspark.spark.TestSpark;
import org.junit.jupiter.api.Test;

class TableCodecTest {

  @Test
  void decodesToInputUnitsRoundingIntegersAndClippingToTheObservedRange() {
    NumericColumnCodec age = new NumericColumnCodec("age", NumericType.INTEGER, 40, 10, 18, 90, true, null,
        false);
    float[] encoded = new float[1];
    age.encode(50, encoded, 0);
    assertEquals(1.0f, encoded[0]);
    assertEquals(52, age.decode(new double[] {1.24}, 0), "rounded");
    assertEquals(90, age.decode(new double[] {9}, 0), "clipped to the maximum");
    assertEquals(18, age.decode(new double[] {-9}, 0), "clipped to the minimum");
    NumericColumnCodec income = new NumericColumnCodec("income", NumericType.DOUBLE, 1.5, 0.5, 0, 3, false,
        null, false);
    assertEquals(1.75, income.decode(new double[] {0.5}, 0));
  }

  @Test
  void discreteColumnsDecodeToTheNearestValueSeenInTraining() {
    NumericColumnCodec term = new NumericColumnCodec("term", NumericType.INTEGER, 36, 12, 12, 60, true,
        new double[] {12, 36, 60}, false);
    assertEquals(36, term.decode(new double[] {(47.9 - 36) / 12}, 0), "47.9 is nearer 36 than 60");
    assertEquals(60, term.decode(new double[] {(48.1 - 36) / 12}, 0));
    assertEquals(12, term.decode(new double[] {-5}, 0), "below the range");
    assertEquals(60, term.decode(new double[] {5}, 0), "above the range");
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
    assertEquals(60, term.decode(new double[] {0.2, 0.5, 0.3}, 0), "the vote, not the average");
    assertEquals(null, term.decode(new double[] {0.2, 0.3, 0.5}, 0), "missing wins");
  }

  @Test
  void constantColumnEncodesToZeroAndDecodesToTheConstant() {
    NumericColumnCodec constant = new NumericColumnCodec("c", NumericType.LONG, 7, 0, 7, 7, true, null, false);
    float[] encoded = {Float.NaN};
    constant.encode(7L, encoded, 0);
    assertEquals(0f, encoded[0]);
    assertEquals(7L, constant.decode(new double[] {0.3}, 0));
  }

  @Test
  void fitsMeanSdAndRangePerColumnAndLaysColumnsSideBySide() {
    SparkSession spark = TestSpark.local(2);
    StructType schema = DataTypes.createStructType(List.of(
        DataTypes.createStructField("n", DataTypes.ShortType, false),
        DataTypes.createStructField("x", DataTypes.FloatType, false)));
    List<Row> rows = new java.util.ArrayList<>();
    for (short i = 0; i < 20; i++) {
      rows.add(RowFactory.create(i, 2.5f)); // 20 distinct whole numbers: numeric, not codes
    }
    Dataset<Row> table = spark.createDataFrame(rows, schema);
    TableCodec codec = TableCodec.fit(table, ColumnOverrides.none());

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
    NumericColumnCodec age = new NumericColumnCodec("age", NumericType.INTEGER, 40, 10, 18, 90, true, null,
        false);
    CategoricalColumnCodec colour = new CategoricalColumnCodec("colour", DataTypes.StringType,
        new Object[] {"red", "blue"}, false);
    TableCodec codec = new TableCodec(List.of(age, colour), 2);
    float[] row = new float[codec.width()];
    codec.encode(RowFactory.create(52, "blue"), row, 0);

    // 51.6 rounds to 52 and the blended category votes blue: the raw point is off the row, the decoded one on it.
    double[] z = {1.16, 0.3, 0.4};
    float[] decoded = new float[codec.width()];
    codec.encodeDecoded(z, 0, new Object[2], decoded);
    for (int j = 0; j < row.length; j++) {
      assertEquals(row[j], decoded[j], "coordinate " + j);
    }
  }

  @Test
  void manyValuedColumnsAreNotCollected() {
    SparkSession spark = TestSpark.local(2);
    Dataset<Row> table = spark.range(500).selectExpr("CAST(id AS DOUBLE) / 2 AS x");
    NumericColumnCodec x = (NumericColumnCodec) TableCodec.fit(table, ColumnOverrides.none()).columns().get(0);
    assertEquals(null, x.levels(), "500 distinct values: no levels, and no set of them built");
    assertEquals(249.5, x.max());
  }
}
