package org.cfdmspark.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.SaveMode;
import org.cfdmspark.config.Settings;
import org.cfdmspark.testkit.SparkTest;
import org.cfdmspark.testkit.TestData;
import org.cfdmspark.testkit.TestSpark;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The reader/writer pair: every test table and input case, read in its dialect and written back in the same
 * dialect (no sampling), reads back to the same columns (names byte for byte), types and cells, row for row.
 */
@SparkTest
class CsvRoundTripTest {

  @TempDir
  Path dir;

  /** A test table and the options that read it. */
  record Table(String file, String... options) {
    @Override
    public String toString() {
      return file;
    }
  }

  static Stream<Table> tables() {
    List<Table> tables = new ArrayList<>(List.of(new Table("adult_train.csv.gz", "null-value", "?"),
        new Table("credit_default.csv.gz"), new Table("california_housing.csv.gz"), new Table("credit_data.csv.gz"),
        new Table("penguins.csv"), new Table("cases/12-semicolon-separated.csv", "csv-sep", ";", "decimal-comma",
            "true")));
    for (String name : new String[] {"01-iso-dates", "02-tz-timestamps", "03-all-null-column", "06-boolean-nulls",
        "09-unique-int-pk", "10-special-colnames", "11-quoted-newlines", "11b-quoted-quotes", "18-tiny-floats",
        "22-duplicate-rows"}) {
      tables.add(new Table("cases/" + name + ".csv"));
    }
    return tables.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("tables")
  void writtenTableReadsBackCellForCell(Table table, SparkSession spark) {
    Settings settings = TestSpark.settings(table.options());
    Dataset<Row> original = TableReader.read(spark, FileFormat.CSV, settings, TestData.path(table.file()));
    Path written = dir.resolve("written");
    CsvDialect dialect = CsvDialect.of(settings);
    dialect.writer(dialect.forWriting(original)).mode(SaveMode.ErrorIfExists).save(written.toString());
    Dataset<Row> back = TableReader.read(spark, FileFormat.CSV, settings, written.toString());

    assertEquals(List.of(original.columns()), List.of(back.columns()), "column names");
    assertEquals(original.schema(), back.schema(), "types");
    assertEquals(sortedCells(original), sortedCells(back), "cells");
  }

  /** Every row's cells as text (doubles exactly, nulls as null), rows sorted: the write may reorder them. */
  private static List<String> sortedCells(Dataset<Row> table) {
    return table.collectAsList().stream().map(Row::toString).sorted().toList();
  }
}
