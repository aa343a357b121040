package org.cfdmspark.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Date;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.cfdmspark.encoding.ColumnNames;
import org.cfdmspark.testkit.SparkTest;
import org.cfdmspark.testkit.TestSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which columns write their missing cells as the --null-value text, and that a column written so differs from
 * Spark's own CSV text in its missing cells only.
 */
@SparkTest
class MissingTextTest {

  @TempDir
  Path dir;

  private static final String[] NAMES = {"a", "b", "c", "d"};

  @Test
  void aColumnWritesTheFormMostOfItsMissingCellsHadTiesEmpty() {
    // a: NA only; b: empty only; c: 3 NA against 2 empty; d: 2 against 2
    assertEquals(Map.of("a", "NA", "c", "NA"),
        MissingText.decide(NAMES, new long[] {5, 0, 3, 2}, new long[] {0, 4, 2, 2}, "NA"));
  }

  @Test
  void aColumnWithoutMissingCellsWritesTheTablesMajorityForm() {
    // c and d have none: the table has 6 NA cells against 4 empty ones, then 3 against 4
    assertEquals(Map.of("a", "?", "c", "?", "d", "?"),
        MissingText.decide(NAMES, new long[] {6, 0, 0, 0}, new long[] {0, 4, 0, 0}, "?"));
    assertEquals(Map.of("a", "?"),
        MissingText.decide(NAMES, new long[] {3, 0, 0, 0}, new long[] {0, 4, 0, 0}, "?"));
  }

  @Test
  void aColumnWithBothFormsGetsANoteNamingTheWayToKeepTheTextAsAValue() {
    // a: NA only; b: empty only; c: 3 NA beside 2 empty (NA may be North America); d: none
    List<String> notes = MissingText.mixedForms(NAMES, new long[] {4, 0, 3, 0}, new long[] {0, 5, 2, 0}, "NA");
    assertEquals(1, notes.size(), "notes: " + notes);
    assertTrue(notes.get(0).startsWith("column 'c' has 2 empty cells and 3 'NA' cells, all read as missing")
        && notes.get(0).endsWith("give --null-value '' so that only empty cells are missing"), notes.get(0));
    assertEquals(List.of(), MissingText.mixedForms(NAMES, new long[] {4, 0, 3, 0}, new long[] {0, 5, 2, 0}, ""),
        "with no null text only empty cells are missing: nothing merged");
  }

  @Test
  void anEmptyNullValueWritesEveryColumnEmpty() {
    assertEquals(Map.of(), MissingText.decide(NAMES, new long[4], new long[] {1, 0, 0, 0}, ""));
  }

  /**
   * Every type a CSV read gives, written with NA for its missing cells, is the text Spark's writer gives it but
   * for those cells: a value converted to text for the NA is written as the writer would have written it.
   */
  @Test
  void aColumnWithTheNullTextIsWrittenAsSparksWriterWritesItButForItsMissingCells(SparkSession spark)
      throws Exception {
    StructType schema = new StructType()
        .add("text", DataTypes.StringType).add("whole", DataTypes.IntegerType).add("big", DataTypes.LongType)
        .add("ratio", DataTypes.DoubleType).add("single", DataTypes.FloatType)
        .add("money", DataTypes.createDecimalType(10, 2)).add("huge", DataTypes.createDecimalType(20, 0))
        .add("flag", DataTypes.BooleanType).add("day", DataTypes.DateType).add("at", DataTypes.TimestampType);
    List<Row> rows = new ArrayList<>(List.of(
        RowFactory.create("x, \"y\"", 7, 1L << 40, 1.0E-5, 2.5f, new BigDecimal("12.50"),
            new BigDecimal("12345678901234567890"), true, Date.valueOf("2024-02-29"),
            Timestamp.valueOf("2024-06-29 23:11:25.5")),
        RowFactory.create("", -3, -2L, 1.0E20, 1.0E-7f, new BigDecimal("-0.05"), BigDecimal.ZERO, false,
            Date.valueOf("1970-01-01"), Timestamp.valueOf("2022-03-22 12:06:32")),
        RowFactory.create(null, null, null, null, null, null, null, null, null, null)));
    Dataset<Row> table = spark.createDataFrame(rows, schema).coalesce(1);
    CsvDialect dialect = CsvDialect.of(TestSpark.settings());
    dialect.writer(dialect.forWriting(table)).save(dir.resolve("plain").toString());
    Column[] withNullText = Arrays.stream(schema.fields()).map(f -> ColumnNames.column(f.name()).as(f.name(),
        MissingText.addTo(f.metadata(), "NA"))).toArray(Column[]::new);
    dialect.writer(dialect.forWriting(table.select(withNullText))).save(dir.resolve("na").toString());

    List<String> plain = TestSpark.csvLines(dir.resolve("plain"));
    String empty = ",".repeat(schema.size() - 1);
    String na = String.join(",", Collections.nCopies(schema.size(), "NA"));
    List<String> expected = plain.stream().map(line -> line.equals(empty) ? na : line).sorted().toList();
    assertEquals(3, plain.size());
    assertTrue(plain.contains(empty), "Spark writes missing cells empty: " + plain);
    assertEquals(expected, TestSpark.csvLines(dir.resolve("na")));
  }

  @Test
  void codesWrittenLikeTheNullTextGetANoteAndOtherValuesDoNot() {
    String[] names = {"country", "amount", "tier"};
    // country: US, FR … beside NA; amount: numbers beside NA; tier: gold, silver beside NA and empty cells.
    List<String> notes = MissingText.valueLike(names, new long[] {20, 5, 3}, new long[] {0, 0, 4},
        new long[] {280, 0, 0}, new long[] {280, 295, 293}, "NA");
    assertEquals(1, notes.size(), notes.toString());
    assertTrue(notes.get(0).startsWith("column 'country' reads its 20 'NA' cells as missing, but its values are "
        + "written like it") && notes.get(0).endsWith("give --null-value ''"), notes.get(0));
    assertEquals(List.of(), MissingText.valueLike(names, new long[] {20, 5, 3}, new long[] {0, 0, 4},
        new long[] {279, 0, 0}, new long[] {280, 295, 293}, "NA"), "one value unlike NA: no note");
    assertEquals(List.of(), MissingText.valueLike(names, new long[] {20, 5, 3}, new long[] {0, 0, 4},
        new long[] {280, 0, 0}, new long[] {280, 295, 293}, ""), "only empty cells are missing");
    assertTrue(MissingText.shapedLike("US", "NA") && MissingText.shapedLike("a1", "n2")
        && MissingText.shapedLike("N/A", "N/A"));
    assertTrue(!MissingText.shapedLike("Us", "NA") && !MissingText.shapedLike("USA", "NA")
        && !MissingText.shapedLike("1.5", "N/A"));
  }
}
