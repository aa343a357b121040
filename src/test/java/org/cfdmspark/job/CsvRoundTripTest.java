package org.cfdmspark.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.cfdmspark.config.Settings;
import org.cfdmspark.encoding.ColumnNames;
import org.cfdmspark.testkit.SparkTest;
import org.cfdmspark.testkit.TestData;
import org.cfdmspark.testkit.TestSpark;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The reader/writer pair: every test table and input case, read in its dialect and written back in the same
 * dialect (no sampling) the way samples and held-out rows are written ({@link SampleWriter#written}), reads back
 * to the same columns (names byte for byte), types and cells, row for row; and its cells' text is the input's,
 * cell for cell (numbers in their input's form: 12.50, 34 beside 39.1, 5.00E+05, 2.418e-06; missing cells as
 * the --null-value text or empty, as each column's were: Adult's ?, the penguins' NA in numbers and text, case
 * 03's empty column beside its NA one), but for the one
 * {@link ByDesign} exception: a double cannot have two texts.
 */
@SparkTest
class CsvRoundTripTest {

  @TempDir
  Path dir;

  /**
   * A test table and the options that read it; where its text cannot come back as it was by design, the one
   * {@link ByDesign} exception to that.
   */
  record Table(String file, ByDesign exception, String... options) {
    Table(String file, String... options) {
      this(file, null, options);
    }

    @Override
    public String toString() {
      return file;
    }
  }

  /**
   * Input text that is written otherwise by design: in {@code column}, cells matching {@code pattern} are expected
   * back as {@code replacement} (a regular expression replacement), for the reason given.
   */
  record ByDesign(String column, String pattern, String replacement, String why) {
  }

  static Stream<Table> tables() {
    List<Table> tables = new ArrayList<>(List.of(new Table("adult_train.csv.gz", "null-value", "?"),
        new Table("credit_default.csv.gz"), new Table("california_housing.csv.gz"), new Table("credit_data.csv.gz"),
        new Table("penguins.csv"), new Table("cases/12-semicolon-separated.csv", "csv-sep", ";", "decimal-comma",
            "true"),
        new Table("cases/25-timestamp-pattern-beside-iso.csv", "datetime-format", "dd/MM/yyyy HH:mm")));
    for (String name : new String[] {"01-iso-dates", "02-tz-timestamps", "03-all-null-column", "06-boolean-nulls",
        "09-unique-int-pk", "10-special-colnames", "11-quoted-newlines", "11b-quoted-quotes", "22-duplicate-rows",
        "23-timestamps-without-zone", "26-timestamps-across-summer-time"}) {
      tables.add(new Table("cases/" + name + ".csv"));
    }
    tables.add(new Table("cases/18-tiny-floats.csv", new ByDesign("delta", "^(-?)0\\.000$", "$10.0",
        "6 zeros written 0.000 and -0.000 are the same doubles as the column's 402 zeros written 0.0 and -0.0: a"
            + " double has one text, the majority's")));
    tables.add(new Table("cases/27-timestamps-beside-dates-alone.csv", new ByDesign("when",
        "^(\\d{4}-\\d\\d-\\d\\d)$", "$1 00:00:00", "29 dates alone among 271 date-times are the same timestamps"
            + " as those days' midnights, written in the date-times' form, the majority's")));
    return tables.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("tables")
  void writtenTableReadsBackCellForCell(Table table, SparkSession spark) {
    Settings settings = TestSpark.settings(table.options());
    String input = TestData.path(table.file());
    TableReader.Counted read = TableReader.readCounted(spark, FileFormat.CSV, settings, input);
    Dataset<Row> original = TimestampText.keep(read.table(), read.text(), settings.get(JobKnobs.DATETIME_FORMAT));
    Path written = dir.resolve("written");
    CsvDialect dialect = CsvDialect.of(settings);
    SampleWriter.writer(original.select(SampleWriter.written(original.schema(), FileFormat.CSV)), FileFormat.CSV,
        dialect).mode(SaveMode.ErrorIfExists).save(written.toString());
    Dataset<Row> back = TableReader.read(spark, FileFormat.CSV, settings, written.toString());

    assertEquals(List.of(original.columns()), List.of(back.columns()), "column names");
    assertEquals(withoutMetadata(original.schema()), withoutMetadata(back.schema()), "types");
    assertEquals(sortedCells(original), sortedCells(back), "cells");
    // the text itself, every cell read as text in the same dialect, the --null-value text as text (empty cells
    // null): missing cells come back in the input's form, ? as ?, NA as NA and empty as empty
    Settings nullTextKept = settings.withText(JobKnobs.NULL_VALUE.name(), "");
    Dataset<Row> inputText = TableReader.readCounted(spark, FileFormat.CSV, nullTextKept, input).text().get();
    ByDesign exception = table.exception();
    if (exception != null) {
      inputText = inputText.withColumn(exception.column(), functions.regexp_replace(
          ColumnNames.column(exception.column()), exception.pattern(), exception.replacement()));
    }
    List<String> expected = sortedCells(inputText);
    List<String> actual = sortedCells(TableReader.readCounted(spark, FileFormat.CSV, nullTextKept,
        written.toString()).text().get());
    assertEquals(expected.size(), actual.size(), "rows");
    List<String> notWritten = minus(expected, actual);
    List<String> notRead = minus(actual, expected);
    assertTrue(notWritten.isEmpty(), notWritten.size() + " rows' text not written back; the first: "
        + notWritten.subList(0, Math.min(5, notWritten.size())) + ", written instead: "
        + notRead.subList(0, Math.min(5, notRead.size())));
  }

  /**
   * Timestamps without an offset come back in their own text in a session zone with summer time too (Spark's
   * writer gave 2022-03-22T12:06:32.000-04:00, and -05:00 in winter, for 2022-03-22T12:06:32), times that zone
   * skips or repeats included (2023-03-12 02:30:00 came back as 03:30:00).
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("timestampsWithoutAnOffset")
  void timestampsWithoutAnOffsetReadBackCellForCellInAZoneWithSummerTime(Table table, SparkSession spark) {
    String zone = spark.conf().get("spark.sql.session.timeZone");
    spark.conf().set("spark.sql.session.timeZone", "America/New_York");
    try {
      writtenTableReadsBackCellForCell(table, spark);
    } finally {
      spark.conf().set("spark.sql.session.timeZone", zone);
    }
  }

  static Stream<Table> timestampsWithoutAnOffset() {
    return Stream.of(new Table("cases/23-timestamps-without-zone.csv"),
        new Table("cases/26-timestamps-across-summer-time.csv"));
  }

  /** The rows of {@code rows} less those of {@code less}, each as often as it occurs. */
  private static List<String> minus(List<String> rows, List<String> less) {
    Map<String, Integer> left = new HashMap<>();
    less.forEach(row -> left.merge(row, 1, Integer::sum));
    return rows.stream().filter(row -> left.merge(row, -1, Integer::sum) < 0).toList();
  }

  /** The types, without the metadata the reader adds from the text (which the written text must give again). */
  private static StructType withoutMetadata(StructType schema) {
    return new StructType(Arrays.stream(schema.fields())
        .map(f -> new StructField(f.name(), f.dataType(), f.nullable(), Metadata.empty()))
        .toArray(StructField[]::new));
  }

  /** Every row's cells as text (doubles exactly, nulls as null), rows sorted: the write may reorder them. */
  private static List<String> sortedCells(Dataset<Row> table) {
    return table.collectAsList().stream().map(Row::toString).sorted().toList();
  }
}
