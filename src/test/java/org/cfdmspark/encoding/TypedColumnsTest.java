package org.cfdmspark.encoding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.StructType;
import org.cfdmspark.config.BadInputException;
import org.cfdmspark.testkit.TestSpark;
import org.junit.jupiter.api.Test;

/** Key detection's rule, decimal columns and timestamps without a zone. */
class TypedColumnsTest {

  @Test
  void keysAreSequencesOrIdNamedAndAllDistinctSparseMeasuresAreNot() {
    SparkSession spark = TestSpark.local(2);
    Random random = new Random(13);
    int n = 300;
    List<Integer> sequence = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      sequence.add(5000 + i);
    }
    Collections.shuffle(sequence, random);
    List<Row> rows = new ArrayList<>();
    java.util.Set<Integer> incomes = new java.util.HashSet<>();
    java.util.Set<Long> accounts = new java.util.HashSet<>();
    for (int i = 0; i < n; i++) {
      int income;
      do {
        income = 12_000 + random.nextInt(238_000);
      } while (!incomes.add(income)); // all distinct, as 300 incomes in a wide range often are
      long account;
      do {
        account = 1_000_000_000L + random.nextInt(900_000_000);
      } while (!accounts.add(account));
      rows.add(RowFactory.create(sequence.get(i), income, account, "u" + Integer.toHexString(1_000_000 + i * 7919)));
    }
    StructType schema = new StructType().add("row", DataTypes.IntegerType).add("income", DataTypes.IntegerType)
        .add("accountNumber", DataTypes.LongType).add("user", DataTypes.StringType);
    Dataset<Row> table = spark.createDataFrame(rows, schema);
    TableCodec codec = TableCodec.fit(table, ColumnOverrides.none());
    assertEquals(List.of("row", "accountNumber", "user"), codec.keyColumns(),
        "a sequence, a sparse id-named column and distinct tokens are keys; all-distinct sparse incomes are not");
    assertInstanceOf(NumericColumnCodec.class, codec.columns().get(1));

    Dataset<Row> prose = spark.range(100).selectExpr("CONCAT('note ', id) AS note",
        "CONCAT(REPEAT('x', 70), id) AS blob");
    assertEquals(List.of(), TableCodec.fit(prose, ColumnOverrides.none()).keyColumns(),
        "spaced text and 70-character blobs are not keys");
  }

  @Test
  void decimalColumnsDecodeToTheirPrecisionAndScaleAndSurviveJson() {
    SparkSession spark = TestSpark.local(2);
    DecimalType money = DataTypes.createDecimalType(10, 2);
    DecimalType units = DataTypes.createDecimalType(12, 0);
    List<Row> rows = new ArrayList<>();
    Random random = new Random(3);
    for (int i = 0; i < 200; i++) {
      rows.add(RowFactory.create(BigDecimal.valueOf(100 + random.nextInt(90_000), 2),
          BigDecimal.valueOf(random.nextInt(3)), BigDecimal.valueOf(1_000_000_000L + random.nextInt(1_000_000))));
    }
    StructType schema = new StructType().add("price", money).add("grade", units).add("volume", units);
    TableCodec codec = TableCodec.fit(spark.createDataFrame(rows, schema), ColumnOverrides.none());
    assertEquals(schema.apply("price").dataType(), codec.schema().apply("price").dataType());
    assertEquals(units, codec.schema().apply("grade").dataType(), "few values: categories of the same type");
    assertEquals(units, codec.schema().apply("volume").dataType());
    TableCodec restored = CodecJson.fromJson(CodecJson.toJson(codec));
    for (TableCodec c : List.of(codec, restored)) {
      float[] encoded = new float[c.width()];
      c.encode(rows.get(0), encoded, 0);
      Object[] cells = new Object[3];
      double[] z = new double[encoded.length];
      for (int j = 0; j < z.length; j++) {
        z[j] = encoded[j];
      }
      c.decode(z, 0, cells, 0);
      assertEquals(rows.get(0).getDecimal(0), cells[0], "a decoded row's price, at scale 2");
      assertEquals(2, ((BigDecimal) cells[0]).scale());
      assertEquals(rows.get(0).getDecimal(1), cells[1]);
      assertEquals(rows.get(0).getDecimal(2), cells[2], "whole decimals exact");
    }
  }

  @Test
  void wholeDecimalsBeyondALongAreRefusedWithTheTextFix() {
    SparkSession spark = TestSpark.local(2);
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      rows.add(RowFactory.create(new BigDecimal("98765432109876543210").add(BigDecimal.valueOf(i)), i % 4));
    }
    StructType schema = new StructType().add("ref", DataTypes.createDecimalType(20, 0))
        .add("qty", DataTypes.IntegerType);
    BadInputException refusal = org.junit.jupiter.api.Assertions.assertThrows(BadInputException.class,
        () -> TableCodec.fit(spark.createDataFrame(rows, schema), ColumnOverrides.none()));
    assertTrue(refusal.getMessage().contains("--string ref"), refusal.getMessage());
  }

  @Test
  void timestampsWithoutAZoneAreWholeMicrosecondsOfTheirFields() {
    SparkSession spark = TestSpark.local(2);
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      rows.add(RowFactory.create(LocalDateTime.of(2024, 3, 31, 1, 30).plusMinutes(7L * i).plusNanos(i * 1000L)));
    }
    StructType schema = new StructType().add("at", DataTypes.TimestampNTZType);
    TableCodec codec = TableCodec.fit(spark.createDataFrame(rows, schema), ColumnOverrides.none());
    NumericColumnCodec at = (NumericColumnCodec) codec.columns().get(0);
    assertEquals(NumericType.TIMESTAMP_NTZ, at.type());
    // 02:30 on 2024-03-31 does not exist in Europe's zones; without a zone it is an ordinary local time.
    LocalDateTime first = rows.get(0).getAs(0);
    assertEquals(first.toEpochSecond(java.time.ZoneOffset.UTC) * 1_000_000 + 0, (long) at.lowest());
    for (Row row : rows) {
      float[] encoded = new float[1];
      at.encode(row.get(0), encoded, 0);
      Object back = at.decode(new double[] {encoded[0]}, 0, 0L);
      assertInstanceOf(LocalDateTime.class, back);
      LocalDateTime value = (LocalDateTime) back;
      assertTrue(Math.abs(java.time.Duration.between((LocalDateTime) row.get(0), value).toMillis()) < 1000,
          row.get(0) + " came back as " + value);
    }
  }
}
