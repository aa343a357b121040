package org.cfdmspark.encoding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.cfdmspark.testkit.SparkTest;
import org.junit.jupiter.api.Test;

/** Numbers keep their input form at any magnitude (issue 13, item 4). */
@SparkTest
class DecimalDigitsTest {

  @Test
  void scaleAndPrecisionAreThoseOfTheShortestText() {
    assertEquals(2, DecimalDigits.scale(128.92));
    assertEquals(5, DecimalDigits.precision(128.92));
    assertEquals(12, DecimalDigits.scale(4.435e-9));
    assertEquals(4, DecimalDigits.precision(4.435e-9));
    assertEquals(-2, DecimalDigits.scale(1200));
    assertEquals(2, DecimalDigits.precision(1200));
  }

  @Test
  void roundingKeepsTheFinerOfDecimalsAndDigits() {
    assertEquals(0.04076, DecimalDigits.round(0.04075999807854026, 15, 4));
    assertEquals(4.435e-9, DecimalDigits.round(4.4350000123e-9, 12, 4));
    assertEquals(9.12, DecimalDigits.round(9.1234, 2, 5));
    assertEquals(1200.0, DecimalDigits.round(1234.5, 0, 2));
    assertEquals("2.5E-30", Double.toString(DecimalDigits.round(2.5000001e-30, 31, 2)), "past 10^22: BigDecimal");
  }

  @Test
  void aColumnOfMagnitudeOneBillionthIsNotCollapsed(SparkSession spark) {
    // 200 concentrations of 4 significant digits between 1e-9 and 1e-8
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      rows.add(RowFactory.create(Double.parseDouble((1000 + 37 * i) + "e-12")));
    }
    StructType schema = DataTypes.createStructType(List.of(
        DataTypes.createStructField("conc", DataTypes.DoubleType, false)));
    NumericColumnCodec conc = (NumericColumnCodec) TableCodec.fit(spark.createDataFrame(rows, schema),
        ColumnOverrides.none()).columns().get(0);
    assertEquals(4, conc.digits());
    double mid = 5.0e-9;
    Object decoded = conc.decode(new double[] {(mid + 1.23456e-12 - conc.mean()) / conc.sd()}, 0, 0L);
    assertEquals(5.001e-9, (double) decoded, 1e-21, "rounded to 4 digits, not to the minimum");
  }

  @Test
  void aFloatColumnHasTheDecimalsOfItsFloats(SparkSession spark) {
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      rows.add(RowFactory.create(30 + i / 10f));
    }
    StructType schema = DataTypes.createStructType(List.of(
        DataTypes.createStructField("mm", DataTypes.FloatType, false)));
    NumericColumnCodec mm = (NumericColumnCodec) TableCodec.fit(spark.createDataFrame(rows, schema),
        ColumnOverrides.none()).columns().get(0);
    assertEquals(1, mm.decimals(), "38.3f, not its double 38.29999923706055");
  }

  @Test
  void negativeZerosStayNegative(SparkSession spark) {
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      rows.add(RowFactory.create(i % 3 == 0 ? -0.0 : -0.001 * (i % 7 + 1)));
    }
    StructType schema = DataTypes.createStructType(List.of(
        DataTypes.createStructField("delta", DataTypes.DoubleType, false)));
    TableCodec codec = TableCodec.fit(spark.createDataFrame(rows, schema), ColumnOverrides.none());
    NumericColumnCodec delta = (NumericColumnCodec) codec.columns().get(0);
    assertEquals(true, delta.negativeZero());
    float[] encoded = new float[codec.width()];
    codec.encode(RowFactory.create(-0.0), encoded, 0);
    double[] z = new double[encoded.length];
    for (int j = 0; j < z.length; j++) {
      z[j] = encoded[j];
    }
    Object[] cells = new Object[1];
    codec.decode(z, 0, cells, 0);
    assertEquals("-0.0", String.valueOf(cells[0]));
  }

  @Test
  void sixtyFourBitIntegersComeBackExactly(SparkSession spark) {
    long base = 9_007_199_254_740_993L; // 2^53 + 1: not a double
    List<Row> many = new ArrayList<>();
    List<Row> few = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      many.add(RowFactory.create(base + 3L * i));
      few.add(RowFactory.create(base + i % 5));
    }
    StructType schema = DataTypes.createStructType(List.of(
        DataTypes.createStructField("id", DataTypes.LongType, false)));
    TableCodec continuous = TableCodec.fit(spark.createDataFrame(many, schema), new ColumnOverrides(Set.of(),
        Set.of(), ColumnOverrides.DEFAULT_MAX_CATEGORIES, true, Set.of(), Set.of("id"), List.of())); // not a key
    TableCodec codes = TableCodec.fit(spark.createDataFrame(few, schema), ColumnOverrides.none());
    for (Row row : List.of(many.get(0), many.get(1), many.get(99))) {
      assertEquals(row.get(0), roundTrip(continuous, row));
    }
    for (Row row : few) {
      assertEquals(row.get(0), roundTrip(codes, row));
    }
  }

  private static Object roundTrip(TableCodec codec, Row row) {
    float[] encoded = new float[codec.width()];
    codec.encode(row, encoded, 0);
    double[] z = new double[encoded.length];
    for (int j = 0; j < z.length; j++) {
      z[j] = encoded[j];
    }
    Object[] cells = new Object[1];
    codec.decode(z, 0, cells, 0);
    return cells[0];
  }
}
