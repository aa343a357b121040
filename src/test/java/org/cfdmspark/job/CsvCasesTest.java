package org.cfdmspark.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.cfdmspark.config.BadInputException;
import org.cfdmspark.config.NameList;
import org.cfdmspark.config.Settings;
import org.cfdmspark.testkit.SparkTest;
import org.cfdmspark.testkit.TestData;
import org.cfdmspark.testkit.TestSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CSV-dialect input cases of src/test/resources/data/cases: what its README says a correct generator does. */
@SparkTest
class CsvCasesTest {
  /** The header of 10-special-colnames.csv, as its README lists the names (escapes for the Java source only). */
  private static final List<String> SPECIAL_NAMES = List.of("Patient Age", "bmi.value", "Gr\u00f6\u00dfe (cm)",
      "weight, kg", "smoker's status", "blood`type", "says \"hi\"");

  @TempDir
  Path dir;

  @Test
  void quotedLineBreaksStayInsideOneRecord(SparkSession spark) throws Exception {
    String input = TestData.path("cases/11-quoted-newlines.csv");
    Dataset<Row> table = read(spark, input);
    assertEquals(600, table.count(), "600 records, not one per physical line");
    assertEquals(Set.of("low", "medium", "high"), distinct(table, "priority"),
        "no fragment of a comment spills into another column");
    assertEquals(0, table.where("resolution_hours IS NULL").count());
    assertTrue(table.where("comment LIKE '%\nsee attached'").count() > 0, "the line break is part of the cell");
    assertEquals(sortedLines(Path.of(input)), writtenLines(table, settings()), "written back as read");
  }

  @Test
  void doubledQuotesAreOneQuoteInTheCellAndDoubledAgainInTheFile(SparkSession spark) throws Exception {
    String input = TestData.path("cases/11b-quoted-quotes.csv");
    Dataset<Row> table = read(spark, input);
    assertEquals(600, table.count());
    assertTrue(distinct(table, "item").containsAll(Set.of("6\" sub", "12\" pizza", "wrap, large")),
        distinct(table, "item").toString());
    assertEquals(sortedLines(Path.of(input)), writtenLines(table, settings()),
        "cells with quotes written as RFC 4180 readers expect: quoted, inner quotes doubled");
  }

  @Test
  void specialColumnNamesAreKeptByteForByteAndEveryListOptionCanNameThem(SparkSession spark) throws Exception {
    Path input = Path.of(TestData.path("cases/10-special-colnames.csv"));
    Dataset<Row> table = read(spark, input.toString());
    assertEquals(SPECIAL_NAMES, List.of(table.columns()));
    assertEquals(500, table.count());
    Path written = write(table, settings());
    assertEquals(Files.readAllLines(input, StandardCharsets.UTF_8).get(0), header(written),
        "the header written back byte for byte");

    String allQuoted = NameList.format(SPECIAL_NAMES);
    InputTable all = InputTable.read(spark, TestSpark.settings("input", input.toString(), "columns", allQuoted));
    assertEquals(SPECIAL_NAMES, List.of(all.table().columns()));
    InputTable some = InputTable.read(spark, TestSpark.settings("input", input.toString(),
        "exclude", "\"weight, kg\", \"says \"\"hi\"\"\"", "categorical", "bmi.value,Patient Age"));
    List<String> left = new ArrayList<>(SPECIAL_NAMES);
    left.removeAll(List.of("weight, kg", "says \"hi\""));
    assertEquals(left, List.of(some.table().columns()));
  }

  @Test
  void spacesAroundTextCellsAreKeptAsRead(SparkSession spark) throws Exception {
    // LendingClub's term is " 36 months": Spark's CSV writer trims cells unless told not to, which turned every
    // sample's term into a value no training row has.
    Path input = dir.resolve("spaces.csv");
    Files.write(input, List.of("term,grade,amount", " 36 months,A ,1000", " 60 months, B,2500", " 36 months,A ,1200",
        "36 months,C,900"), StandardCharsets.UTF_8);
    Dataset<Row> table = read(spark, input.toString());
    assertEquals(Set.of(" 36 months", " 60 months", "36 months"), distinct(table, "term"));
    assertEquals(Set.of("A ", " B", "C"), distinct(table, "grade"));
    assertEquals(sortedLines(input), writtenLines(table, settings()), "written back as read");
  }

  @Test
  void semicolonFileIsRefusedNamingTheSeparatorThenReadWithIt(SparkSession spark) throws Exception {
    String input = TestData.path("cases/12-semicolon-separated.csv");
    BadInputException refused = assertThrows(BadInputException.class, () -> read(spark, input));
    assertTrue(refused.getMessage().contains("--csv-sep ';'") && refused.getMessage().contains("--decimal-comma"),
        refused.getMessage());

    Settings semicolon = settings("csv-sep", ";", "decimal-comma", "true");
    Dataset<Row> table = TableReader.read(spark, FileFormat.CSV, semicolon, input);
    assertEquals(List.of("regio", "leeftijd", "inkomen", "score"), List.of(table.columns()));
    assertEquals(500, table.count());
    assertEquals(DataTypes.DoubleType, table.schema().apply("inkomen").dataType());
    assertEquals(DataTypes.DoubleType, table.schema().apply("score").dataType());
    Row first = table.first(); // Zuid;28;1918,97;3,7
    assertEquals(1918.97, first.getDouble(2));
    assertEquals(3.7, first.getDouble(3));
    List<String> lines = writtenLines(table, semicolon);
    assertTrue(lines.contains("Zuid;28;1918,97;3,7"), "written back with ; and decimal commas: " + lines.get(0));
  }

  @Test
  void zeroPaddedCodesAreTextAndStringColumnsStayText(SparkSession spark) throws Exception {
    Path input = dir.resolve("codes.csv");
    Files.writeString(input, "zip,fips,n,x\n01234,6001,1,0.5\n90210,06037,2,0\n12345,36061,3,1.5\n");
    Dataset<Row> table = read(spark, input.toString());
    assertEquals(DataTypes.StringType, table.schema().apply("zip").dataType());
    assertEquals(DataTypes.StringType, table.schema().apply("fips").dataType());
    assertEquals(DataTypes.IntegerType, table.schema().apply("n").dataType(), "no zero padding: a number");
    assertEquals(DataTypes.DoubleType, table.schema().apply("x").dataType(), "0 and 0.5 are not padded");
    assertEquals(Set.of("01234", "90210", "12345"), distinct(table, "zip"));
    Dataset<Row> declared = TableReader.read(spark, FileFormat.CSV, settings("string", "n"), input.toString());
    assertEquals(DataTypes.StringType, declared.schema().apply("n").dataType());
  }

  @Test
  void allMissingColumnsAreKeptEmptyAndTheRestModelledInOneRun(SparkSession spark) {
    String input = TestData.path("cases/03-all-null-column.csv");
    Path output = dir.resolve("synthetic");
    GenerateJob.run(spark, settings("input", input, "output", output.toString(), "num-samples", "200",
        "steps", "10", "seed", "5"));
    Dataset<Row> synthetic = read(spark, output.toString());
    assertEquals(List.of("segment", "spend", "visits", "middle_name", "fax_number"), List.of(synthetic.columns()));
    assertEquals(200, synthetic.count());
    assertEquals(200, synthetic.where("middle_name IS NULL AND fax_number IS NULL").count(), "kept all-null");
    assertEquals(0, synthetic.where("segment IS NULL OR spend IS NULL OR visits IS NULL").count(),
        "the other columns modelled (the input has no missing cell in them)");
  }

  private static Settings settings(String... options) {
    return TestSpark.settings(options);
  }

  private static Dataset<Row> read(SparkSession spark, String path) {
    return TableReader.read(spark, FileFormat.CSV, settings(), path);
  }

  private static Set<String> distinct(Dataset<Row> table, String column) {
    Set<String> values = new java.util.TreeSet<>();
    table.select(column).distinct().collectAsList().forEach(row -> values.add(row.getString(0)));
    return values;
  }

  private Path write(Dataset<Row> table, Settings settings) {
    CsvDialect dialect = CsvDialect.of(settings);
    Path written = dir.resolve("written");
    dialect.writer(dialect.forWriting(table)).mode(SaveMode.Overwrite).save(written.toString());
    return written;
  }

  /** The data lines of the table written in the dialect of {@code settings}, sorted. */
  private List<String> writtenLines(Dataset<Row> table, Settings settings) throws Exception {
    return TestSpark.csvLines(write(table, settings));
  }

  private static String header(Path written) throws Exception {
    try (var parts = Files.list(written)) {
      Path part = parts.filter(p -> p.getFileName().toString().startsWith("part-")).findFirst().orElseThrow();
      return Files.readAllLines(part, StandardCharsets.UTF_8).get(0);
    }
  }

  /** The physical data lines of a file (header dropped), sorted. */
  private static List<String> sortedLines(Path file) throws Exception {
    List<String> lines = new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
    lines.remove(0);
    lines.sort(null);
    return lines;
  }
}
