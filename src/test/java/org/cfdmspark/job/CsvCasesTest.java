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
import java.util.concurrent.atomic.AtomicReference;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.cfdmspark.config.BadInputException;
import org.cfdmspark.config.NameList;
import org.cfdmspark.config.Settings;
import org.cfdmspark.testkit.SparkTest;
import org.cfdmspark.testkit.Stderr;
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
  void wholeNumbersTooLongForALongAreTextAndBecomeNewKeys(SparkSession spark) throws Exception {
    // 20-digit references: as numbers they were doubles, whose 16 digits made the 300 of them one value.
    StringBuilder csv = new StringBuilder("ref20,long_id,qty\n");
    for (int i = 0; i < 300; i++) {
      csv.append(new java.math.BigInteger("98765432109876543210").add(java.math.BigInteger.valueOf(i))).append(',')
          .append(1_000_000_000_000L + 7L * i).append(',').append(1 + i % 9).append('\n');
    }
    Path input = dir.resolve("refs.csv");
    Files.writeString(input, csv);
    Dataset<Row> table = read(spark, input.toString());
    assertEquals(DataTypes.StringType, table.schema().apply("ref20").dataType());
    assertEquals(DataTypes.LongType, table.schema().apply("long_id").dataType(), "within a long: a number");
    Path output = dir.resolve("refs-out");
    GenerateJob.run(spark, settings("input", input.toString(), "output", output.toString(), "num-samples", "200",
        "steps", "10", "seed", "5"));
    Set<String> written = distinct(read(spark, output.toString()), "ref20");
    assertEquals(200, written.size(), "a key: a new value per sample");
    assertTrue(written.stream().allMatch(v -> v.length() == 20 && v.startsWith("987654321098765")), "its form: "
        + written.iterator().next());
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

  @Test
  void partFilesWithTheirColumnsInAnotherOrderAreReadByName(SparkSession spark) throws Exception {
    // Spark reads every part positionally under one file's header: the second part's c values landed in a.
    Path parts = Files.createDirectory(dir.resolve("parts"));
    List<String> first = new ArrayList<>(List.of("grp,a,c"));
    List<String> second = new ArrayList<>(List.of("grp,c,a"));
    for (int i = 0; i < 50; i++) {
      first.add("x," + (i % 10) + ".25," + (100 + i));
      second.add("y," + (200 + i) + "," + (i % 10) + ".75");
    }
    Files.write(parts.resolve("part-00000.csv"), first);
    Files.write(parts.resolve("part-00001.csv"), second);
    Files.writeString(parts.resolve("part-00002.csv"), ""); // an empty part: no header, no rows
    Files.writeString(parts.resolve("_SUCCESS"), "");
    Files.writeString(parts.resolve(".part-00000.csv.crc"), "not,a,part\n");

    TableReader.Counted read = TableReader.readCounted(spark, FileFormat.CSV, settings(), parts.toString());
    Dataset<Row> table = read.table();
    assertEquals(List.of("grp", "a", "c"), List.of(table.columns()));
    assertEquals(DataTypes.DoubleType, table.schema().apply("a").dataType());
    assertEquals(DataTypes.IntegerType, table.schema().apply("c").dataType());
    assertEquals(100, read.rows());
    assertEquals(0, table.where("a >= 10 OR c < 100").count(), "every value in its own column");
    assertEquals(50, table.where("grp = 'y' AND c >= 200").count());
    assertEquals(0, read.text().get().where("a NOT LIKE '%.%' OR c LIKE '%.%'").count(), "the text aligned too");

    // a part with a fractional c: the column takes the type that holds both
    List<String> third = new ArrayList<>(List.of("c,a,grp"));
    third.add("2.5,1.25,z");
    Files.write(parts.resolve("part-00003.csv"), third);
    Dataset<Row> widened = read(spark, parts.toString());
    assertEquals(DataTypes.DoubleType, widened.schema().apply("c").dataType());
    assertEquals(1, widened.where("grp = 'z' AND c = 2.5 AND a = 1.25").count());

    Files.write(parts.resolve("part-00003.csv"), List.of("grp,a,d", "z,1.25,3"));
    BadInputException refused = assertThrows(BadInputException.class, () -> read(spark, parts.toString()));
    assertTrue(refused.getMessage().contains("part-00000.csv' has \"grp\", \"a\", \"c\"")
        && refused.getMessage().contains("part-00003.csv' has \"grp\", \"a\", \"d\""), refused.getMessage());
  }

  @Test
  void aFileInAnotherCharacterSetIsRefusedUntilItIsNamed(SparkSession spark) throws Exception {
    // Read as UTF-8, Latin-1's umlauts became U+FFFD without a word, and were modelled and written so.
    Path input = dir.resolve("latin1.csv");
    List<String> lines = new ArrayList<>(List.of("ort,wert"));
    List<String> towns = List.of("S\u00fcd", "K\u00f6ln", "Z\u00fcrich", "Nord");
    for (int i = 0; i < 40; i++) {
      lines.add(towns.get(i % 4) + "," + (50 + i) + ".5");
    }
    Files.write(input, lines, StandardCharsets.ISO_8859_1);
    BadInputException refused = assertThrows(BadInputException.class, () -> read(spark, input.toString()));
    assertTrue(refused.getMessage().contains("30 cells of column 'ort'")
        && refused.getMessage().contains("'K\uFFFDln'") && refused.getMessage().contains("--encoding ISO-8859-1"),
        refused.getMessage());

    Path output = dir.resolve("synthetic");
    GenerateJob.run(spark, settings("input", input.toString(), "encoding", "ISO-8859-1", "output",
        output.toString(), "num-samples", "200", "steps", "10", "seed", "5"));
    Set<String> written = new java.util.TreeSet<>();
    try (var files = Files.list(output)) {
      for (Path part : files.filter(p -> p.getFileName().toString().startsWith("part-")).toList()) {
        Files.readAllLines(part, StandardCharsets.ISO_8859_1).stream().skip(1)
            .forEach(line -> written.add(line.split(",")[0]));
      }
    }
    // UTF-8 output would read here as S\u00c3\u00bcd: the output is in the --encoding, as the input was
    assertTrue(towns.containsAll(written) && written.size() > 2, "written in ISO-8859-1: " + written);
  }

  @Test
  void aUtf16FileIsRefusedBeforeParsingNamingItsEncodingThenReadWithIt(SparkSession spark) throws Exception {
    // Read as UTF-8, its NUL bytes and line breaks made the error blame a row's number of fields.
    List<String> lines = List.of("ort,wert", "S\u00fcd,1.5", "K\u00f6ln,2.5", "Nord,3.5");
    Path marked = dir.resolve("utf16.csv");
    Files.write(marked, lines, StandardCharsets.UTF_16); // with a byte-order mark
    BadInputException refused = assertThrows(BadInputException.class, () -> read(spark, marked.toString()));
    assertTrue(refused.getMessage().contains("is UTF-16 text (its byte-order mark says so)")
        && refused.getMessage().endsWith("give --encoding UTF-16"), refused.getMessage());
    Path unmarked = dir.resolve("utf16le.csv");
    Files.write(unmarked, lines, StandardCharsets.UTF_16LE);
    assertTrue(assertThrows(BadInputException.class, () -> read(spark, unmarked.toString())).getMessage()
        .endsWith("give --encoding UTF-16LE"));
    Dataset<Row> table = TableReader.read(spark, FileFormat.CSV, settings("encoding", "UTF-16"), marked.toString());
    assertEquals(List.of("ort", "wert"), List.of(table.columns()));
    assertEquals(Set.of("S\u00fcd", "K\u00f6ln", "Nord"), distinct(table, "ort"));
  }

  @Test
  void aHeaderThatLooksLikeARowOfDataIsNotedAndYearsAreNot(SparkSession spark) throws Throwable {
    // Without a header line Spark names the columns after the first row, silently.
    Path headless = dir.resolve("headless.csv");
    List<String> rows = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      rows.add(List.of("Oslo", "Lima", "Pune").get(i % 3) + "," + (20 + i % 7) + "," + (40 + i) + ".25");
    }
    Files.write(headless, rows);
    String note = Stderr.of(() -> read(spark, headless.toString()));
    assertTrue(note.contains("note: the header of '" + headless + "' looks like a row of data (column 'Oslo' holds "
        + "the value 'Oslo' in 9 rows; column '20' holds the value '20' in 4 rows; column '40.25' is named by a "
        + "number, and holds numbers)") && note.contains("add one naming its columns"), note);
    assertEquals(1, note.lines().filter(line -> line.contains("looks like a row of data")).count(), note);
    // Years over counts, and names that are no value of their column: a header as meant.
    Path years = dir.resolve("years.csv");
    rows = new ArrayList<>(List.of("region,2023,2024"));
    for (int i = 0; i < 30; i++) {
      rows.add(List.of("North", "South").get(i % 2) + "," + (100 + i) + "," + (300 + i));
    }
    Files.write(years, rows);
    String none = Stderr.of(() -> read(spark, years.toString()));
    assertTrue(!none.contains("looks like a row of data"), none);
  }

  @Test
  void aNamelessColumnIsRefusedAndATrailingSeparatorDropped(SparkSession spark) throws Exception {
    // Spark names a column whose header cell is empty _c1: a name the user never wrote, in the output.
    Path blank = dir.resolve("blank.csv");
    Files.write(blank, List.of("grp,,c", "x,1.5,3", "y,2.5,4"));
    BadInputException refused = assertThrows(BadInputException.class, () -> read(spark, blank.toString()));
    assertTrue(refused.getMessage().contains("column 2 of its header has no name (it holds 2 values)")
        && refused.getMessage().endsWith("--exclude _c1 (Spark's name for it, counting columns from 0)"),
        refused.getMessage());
    InputTable excluded = InputTable.read(spark, settings("input", blank.toString(), "exclude", "_c1"));
    assertEquals(List.of("grp", "c"), List.of(excluded.table().columns()));

    Path middle = dir.resolve("middle.csv");
    Files.write(middle, List.of("grp,,c", "x,,3", "y,,4"));
    assertThrows(BadInputException.class, () -> read(spark, middle.toString()), "an empty column between two");
    Path nullText = dir.resolve("null-text.csv");
    Files.write(nullText, List.of("grp,NA,c", "x,1.5,3", "y,2.5,4"));
    assertTrue(assertThrows(BadInputException.class, () -> read(spark, nullText.toString())).getMessage()
        .contains("is named 'NA', the --null-value text"));

    // a separator at the end of every line (spreadsheet exports): no column, left out
    Path trailing = dir.resolve("trailing.csv");
    Files.write(trailing, List.of("grp,a,c,", "x,1.50,3,", "y,2.25,,", "x,NA,5,"));
    Dataset<Row> table = read(spark, trailing.toString());
    assertEquals(List.of("grp", "a", "c"), List.of(table.columns()));
    assertEquals(List.of("x,1.50,3", "x,NA,5", "y,2.25,"), writtenLines(table, settings()),
        "the other columns written as read");
  }

  @Test
  void blankCellsAmongNumbersAreMissingWithANoteAndATextColumnKeepsThem(SparkSession spark) throws Throwable {
    // Spaces of any width and tabs: Spark read each such column as text, and the advice to give --null-value '   '
    // failed again (the option's value is trimmed, and one text cannot name every width).
    Noted read = readNoted(spark, "cases/28-blank-number-cells.csv");
    Dataset<Row> table = read.table();
    String notes = read.notes();
    assertEquals(DataTypes.DoubleType, table.schema().apply("amount").dataType());
    assertEquals(DataTypes.LongType, table.schema().apply("count").dataType());
    assertEquals(DataTypes.DoubleType, table.schema().apply("price").dataType(), "dressed: $1,200.50");
    assertEquals(DataTypes.StringType, table.schema().apply("zip").dataType(), "codes stay text");
    // amount, count and zip have 3, 3 and 2 blank cells; price 2; label's 3 blank cells are values
    assertEquals(3, table.where("amount is null").count());
    assertEquals(3, table.where("count is null").count());
    assertEquals(2, table.where("price is null").count());
    assertEquals(2, table.where("zip is null").count());
    assertEquals(0, table.where("label is null").count());
    assertEquals(Set.of(" ", "  ", "x", "y"), distinct(table, "label"));
    assertEquals(57.6, table.first().getDouble(0));
    assertEquals(1200.50, table.first().getDouble(2));
    assertTrue(notes.contains("note: column 'amount' holds numbers and 3 blank cells (white space only) of 12: "
        + "read as missing") && notes.contains("column 'zip' holds numbers and 2 blank cells")
        && !notes.contains("'label'"), notes);
    List<String> lines = writtenLines(table, settings());
    assertTrue(lines.contains(",7,$950.00,02345, "), "a blank number written as a missing cell: " + lines);
  }

  @Test
  void backslashEscapedQuotesAreRefusedNamingCsvEscapeThenReadWithIt(SparkSession spark) {
    // Read with doubled quotes, "6\" sub" was the value "6\" sub" with its quotes, silently.
    String silent = TestData.path("cases/29-backslash-escaped-quotes.csv");
    String refused = assertThrows(BadInputException.class, () -> read(spark, silent)).getMessage();
    assertTrue(refused.contains("quotes escaped by a backslash") && refused.contains("give --csv-escape '\\'"),
        refused);
    Dataset<Row> table = TableReader.read(spark, FileFormat.CSV, settings("csv-escape", "\\"), silent);
    assertEquals(Set.of("6\" sub", "12\" pizza", "plain"), distinct(table, "item"));
    // A file of doubled quotes whose values hold a backslash before a quote: read as asked.
    Dataset<Row> asked = TableReader.read(spark, FileFormat.CSV, settings("csv-escape", "\""), silent);
    assertEquals(6, asked.count());
    // Where the misreading breaks the rows' number of fields, that error names the option too.
    String ragged = TestData.path("cases/29b-backslash-escaped-quotes-with-commas.csv");
    String fields = assertThrows(BadInputException.class, () -> read(spark, ragged)).getMessage();
    assertTrue(fields.contains("whose number of fields is not the header's") && fields.contains("--csv-escape '\\'"),
        fields);
    assertEquals(Set.of("say \"hi\", ok", "6\" sub", "plain"), distinct(TableReader.read(spark, FileFormat.CSV,
        settings("csv-escape", "\\"), ragged), "item"));
  }

  @Test
  void aQuotedEmptyCellIsMissingAsTheNoteSays(SparkSession spark) throws Throwable {
    // 2 empty cells, 3 quoted empty ones and 2 NA: the note said all 5 empty ones were missing, but a text column
    // kept the quoted ones as the value "".
    Noted read = readNoted(spark, "cases/30-quoted-empty-text.csv");
    Dataset<Row> table = read.table();
    String notes = read.notes();
    assertTrue(notes.contains("column 't' has 5 empty cells and 2 'NA' cells, all read as missing"), notes);
    assertEquals(7, table.where("t is null").count());
    assertEquals(Set.of("foo", "bar"), distinct(table.where("t is not null"), "t"));
  }

  private static Settings settings(String... options) {
    return TestSpark.settings(options);
  }

  /** A case file's table as read at the defaults, with the notes the read printed on stderr. */
  private record Noted(Dataset<Row> table, String notes) {
  }

  private static Noted readNoted(SparkSession spark, String caseFile) throws Throwable {
    AtomicReference<Dataset<Row>> read = new AtomicReference<>();
    String notes = Stderr.of(() -> read.set(read(spark, TestData.path(caseFile))));
    return new Noted(read.get(), notes);
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
