package org.cfdmspark.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.cfdmspark.config.BadInputException;
import org.cfdmspark.config.Settings;
import org.cfdmspark.testkit.SparkTest;
import org.cfdmspark.testkit.TestSpark;
import org.junit.jupiter.api.Test;

/**
 * The holdout split numbers equal rows on the driver (issue 16); these tests hold it to the split as it was defined
 * and computed before, in Spark: a row_number() window over the values numbers equal rows, the k-th copy (k ≥ 2)
 * hashes k before the values.
 */
@SparkTest
class HoldoutSplitTest {
  private static final long SEED = 7;
  private static final StructType SCHEMA = new StructType().add("i", DataTypes.IntegerType)
      .add("l", DataTypes.LongType).add("d", DataTypes.DoubleType).add("s", DataTypes.StringType)
      .add("day", DataTypes.DateType).add("b", DataTypes.BooleanType);
  private static final List<String> COLUMNS = List.of("i", "l", "d", "s", "day", "b");

  @Test
  void holdsOutTheRowsTheWindowedSplitHeldOut(SparkSession spark) {
    // Every column type, missing cells, and repeated rows (some ten times) among single ones.
    List<Row> rows = new ArrayList<>();
    Random random = new Random(3);
    for (int r = 0; r < 600; r++) {
      Row row = typedRow(random, r % 7 == 0 ? 5 : 1000);
      int copies = r % 50 == 0 ? 10 : r % 5 == 0 ? 2 : 1;
      for (int k = 0; k < copies; k++) {
        rows.add(row);
      }
    }
    Collections.shuffle(rows, random);
    Dataset<Row> table = spark.createDataFrame(rows, SCHEMA).repartition(3);
    HoldoutSplit.Parts parts = HoldoutSplit.split(table, COLUMNS, settings("0.3"));

    Map<Row, Integer> held = counts(parts.holdout().collectAsList());
    Map<Row, Integer> kept = counts(parts.training().collectAsList());
    assertEquals(counts(windowed(table, 0.3, true).collectAsList()), held);
    assertEquals(counts(windowed(table, 0.3, false).collectAsList()), kept);
    long repeatedSplit = held.keySet().stream().filter(kept::containsKey).count();
    assertTrue(repeatedSplit > 0, "some repeated rows have copies on both sides");
    assertEquals(rows.size(), held.values().stream().mapToInt(Integer::intValue).sum()
        + kept.values().stream().mapToInt(Integer::intValue).sum());
  }

  @Test
  void copiesOfOneRowAreHeldOutByTheirOccurrenceNumbers(SparkSession spark) {
    // 2,000 copies of (1, "x"): copy k is held out when xxhash64(seed, k, 1, "x") is low (k = 1: without k).
    Dataset<Row> rows = spark.range(2000).selectExpr("1 AS a", "'x' AS b").union(
        spark.range(300).selectExpr("CAST(id AS INT) + 2 AS a", "'y' AS b"));
    HoldoutSplit.Parts parts = HoldoutSplit.split(rows, List.of("a", "b"), settings("0.2"));

    Column first = functions.xxhash64(functions.lit(SEED), functions.lit(1), functions.lit("x"));
    Column later = functions.xxhash64(functions.lit(SEED), functions.col("k"), functions.lit(1), functions.lit("x"));
    long expected = spark.range(1, 2001).selectExpr("CAST(id AS INT) AS k")
        .select(functions.when(functions.col("k").equalTo(1), first).otherwise(later).as("h"))
        .where(functions.shiftrightunsigned(functions.col("h"), 11).cast("double").lt(0.2 * Math.pow(2, 53)))
        .count();
    assertEquals(expected, parts.holdout().where("a = 1").count());
    assertEquals(2000 - expected, parts.training().where("a = 1").count());
    assertTrue(expected > 330 && expected < 470, "Binomial(2000, 0.2): " + expected);
  }

  @Test
  void withoutAHoldoutEveryRowTrains(SparkSession spark) {
    Dataset<Row> rows = spark.range(50).selectExpr("id AS a");
    HoldoutSplit.Parts parts = HoldoutSplit.split(rows, List.of("a"), TestSpark.settings());
    assertEquals(rows, parts.training());
    assertEquals(null, parts.holdout());
  }

  @Test
  void refusesMoreRowsThanTheBudgetCouldTrainOn(SparkSession spark) {
    // 1 MB holds 2,621 rows of 100 floats; with half held out, more than 4 x as many are refused.
    List<String> columns = java.util.stream.IntStream.range(0, 100).mapToObj(c -> "c" + c).toList();
    Dataset<Row> rows = spark.range(12_000).selectExpr(columns.stream().map(c -> "id AS " + c)
        .toArray(String[]::new));
    BadInputException error = assertThrows(BadInputException.class,
        () -> HoldoutSplit.split(rows, columns, settings("0.5").withText("broadcast-budget-mb", "1")));
    assertTrue(error.getMessage().contains("--broadcast-budget-mb 1"), error.getMessage());
  }

  private static Settings settings(String fraction) {
    return TestSpark.settings("holdout-fraction", fraction, "seed", String.valueOf(SEED));
  }

  /** A row over {@link #SCHEMA}, values drawn from {@code range} per column, a tenth of cells missing. */
  private static Row typedRow(Random random, int range) {
    Object[] cells = {random.nextInt(range), (long) random.nextInt(range) << 33, random.nextInt(range) / 4.0,
        "v" + random.nextInt(range), Date.valueOf(LocalDate.of(2000, 1, 1).plusDays(random.nextInt(range))),
        random.nextBoolean()};
    for (int c = 0; c < cells.length; c++) {
      if (random.nextInt(10) == 0) {
        cells[c] = null;
      }
    }
    return RowFactory.create(cells);
  }

  /** The split as it was computed before (numbering equal rows by a window over every column). */
  private static Dataset<Row> windowed(Dataset<Row> rows, double fraction, boolean heldOut) {
    Column[] values = COLUMNS.stream().map(functions::col).toArray(Column[]::new);
    Dataset<Row> numbered = rows.withColumn("k", functions.row_number().over(Window.partitionBy(values)
        .orderBy(values)));
    List<Column> single = new ArrayList<>(List.of(functions.lit(SEED)));
    single.addAll(List.of(values));
    List<Column> repeat = new ArrayList<>(single);
    repeat.add(1, functions.col("k"));
    Column hash = functions.when(functions.col("k").equalTo(1), functions.xxhash64(single.toArray(Column[]::new)))
        .otherwise(functions.xxhash64(repeat.toArray(Column[]::new)));
    Column held = functions.shiftrightunsigned(hash, 11).cast("double").divide(Math.pow(2, 53)).lt(fraction);
    return numbered.where(heldOut ? held : functions.not(held)).select(values);
  }

  private static Map<Row, Integer> counts(List<Row> rows) {
    Map<Row, Integer> counts = new HashMap<>();
    rows.forEach(row -> counts.merge(row, 1, Integer::sum));
    return counts;
  }
}
