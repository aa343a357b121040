package org.cfdmspark.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.cfdmspark.config.Knob;
import org.cfdmspark.config.Settings;
import org.cfdmspark.testkit.SparkTest;
import org.cfdmspark.testkit.TestData;
import org.cfdmspark.testkit.TestSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13's typed inputs: Parquet's own types (decimals, dates, timestamps with and without a zone, booleans,
 * longs) modelled and written back as they were; held-out rows written as the input's cells; sample writing in
 * the fit's dialect; thousands separators with a decimal comma; offsets of timestamps near a DST switch.
 */
@SparkTest
class TypedInputsTest {
  @TempDir
  Path dir;

  private static final StructType TYPED = new StructType()
      .add("order_id", DataTypes.LongType, false)
      .add("amount", DataTypes.createDecimalType(10, 2), true)
      .add("day", DataTypes.DateType, true)
      .add("at", DataTypes.TimestampType, true)
      .add("local_at", DataTypes.TimestampNTZType, true)
      .add("paid", DataTypes.BooleanType, true)
      .add("bytes", DataTypes.LongType, true);

  /** 400 orders: a sequential id, amounts with cents (and whole ones), ordered dates and times. */
  private Path typedParquet(SparkSession spark) {
    Random random = new Random(17);
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      LocalDate day = LocalDate.of(2024, 1, 1).plusDays(random.nextInt(300));
      Instant at = day.atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds(random.nextInt(86_400));
      BigDecimal amount = BigDecimal.valueOf(random.nextInt(100_000), 2).add(BigDecimal.valueOf(i % 7 == 0 ? 1 : 0))
          .setScale(2);
      rows.add(RowFactory.create(1000L + i, i % 10 == 0 ? null : amount, Date.valueOf(day), Timestamp.from(at),
          LocalDateTime.ofInstant(at, ZoneOffset.UTC), random.nextBoolean(),
          (long) random.nextInt(1_000_000) * 1_000_003L));
    }
    Path input = dir.resolve("orders.parquet");
    spark.createDataFrame(rows, TYPED).coalesce(1).write().parquet(input.toString());
    return input;
  }

  @Test
  void parquetTypesComeBackAsTheyWereInParquetAndAsIsoTextInCsv(SparkSession spark) throws Exception {
    Path input = typedParquet(spark);
    Path parquet = dir.resolve("out.parquet");
    GenerateJob.run(spark, TestSpark.settings("input", input.toString(), "output", parquet.toString(),
        "num-samples", "300", "seed", "3"));
    Dataset<Row> synthetic = spark.read().parquet(parquet.toString());
    for (int c = 0; c < TYPED.fields().length; c++) {
      assertEquals(TYPED.fields()[c].dataType(), synthetic.schema().fields()[c].dataType(), TYPED.fields()[c].name());
    }
    Row range = spark.read().parquet(input.toString()).selectExpr("min(amount)", "max(amount)", "min(local_at)",
        "max(local_at)").first();
    int nulls = 0;
    Set<BigDecimal> amounts = new HashSet<>();
    for (Row row : synthetic.collectAsList()) {
      if (row.isNullAt(1)) {
        nulls++;
        continue;
      }
      BigDecimal amount = row.getDecimal(1);
      assertEquals(2, amount.scale(), "the column's scale: " + amount);
      assertTrue(amount.compareTo(range.getDecimal(0)) >= 0 && amount.compareTo(range.getDecimal(1)) <= 0,
          "inside the training range: " + amount);
      amounts.add(amount);
      LocalDateTime local = row.getAs("local_at");
      assertTrue(!local.isBefore(range.getAs(2)) && !local.isAfter(range.getAs(3)), "inside the range: " + local);
    }
    assertTrue(amounts.size() > 100, "amounts modelled, not a few values: " + amounts.size());
    assertTrue(nulls > 5 && nulls < 70, "about 10 % missing amounts: " + nulls);

    Path csv = dir.resolve("out-csv");
    GenerateJob.run(spark, TestSpark.settings("input", input.toString(), "output", csv.toString(),
        "num-samples", "300", "seed", "3"));
    String number = "-?\\d+";
    for (String line : TestSpark.csvLines(csv)) {
      assertTrue(line.matches(number + ",(\\d+\\.\\d{2})?,\\d{4}-\\d{2}-\\d{2},"
          + "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2}),"
          + "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?,(true|false)," + number), "ISO text: " + line);
    }
  }

  /**
   * Held-out rows are input lines as they were: timestamps with offsets, and missing cells as the input marked
   * them (NA in a text and a number column, empty in another text column).
   */
  @Test
  void heldOutRowsAreWrittenAsTheInputsCells(SparkSession spark) throws Exception {
    for (Path input : List.of(Path.of(TestData.path("cases/02-tz-timestamps.csv")), missingCellsCsv())) {
      Set<String> inputLines = new HashSet<>(Files.readAllLines(input));
      String name = input.getFileName().toString();
      Path out = dir.resolve("out-" + name);
      GenerateResult result = GenerateJob.run(spark, TestSpark.settings("input", input.toString(), "output",
          out.toString(), "num-samples", "50", "holdout-fraction", "0.3", "seed", "5"));
      List<String> held = TestSpark.csvLines(out.resolve(HoldoutSplit.DIRECTORY));
      assertEquals(result.manifest().rows().read() - result.manifest().rows().used(), held.size());
      for (String line : held) {
        assertTrue(inputLines.contains(line), "not an input line of " + name + ": " + line);
      }

      Path model = dir.resolve("model-" + name);
      Settings fit = Settings.defaults(JobKnobs.FIT).withText("input", input.toString())
          .withText("model", model.toString()).withText("holdout-fraction", "0.3").withText("seed", "5");
      FitJob.run(spark, fit);
      assertEquals(held, TestSpark.csvLines(model.resolve(HoldoutSplit.DIRECTORY)), "fit holds out the same rows");
    }
    List<String> held = TestSpark.csvLines(dir.resolve("out-missing.csv").resolve(HoldoutSplit.DIRECTORY));
    assertTrue(held.stream().anyMatch(line -> line.startsWith("NA,")) && held.stream().anyMatch(line ->
        line.split(",", -1)[1].equals("NA")) && held.stream().anyMatch(line -> line.split(",", -1)[2].isEmpty()),
        "held-out rows with each column's missing cells: " + held);
  }

  /**
   * 200 rows of a text column with 20 % NA cells, a number column with 20 % NA cells, a text column with 20 %
   * empty cells and a number column without missing cells: missing.csv in the test's directory.
   */
  private Path missingCellsCsv() throws Exception {
    List<String> lines = new ArrayList<>(List.of("colour,size,note,count"));
    Random random = new Random(23);
    String[] colours = {"red", "green", "blue"};
    for (int i = 0; i < 200; i++) {
      lines.add((i % 5 == 0 ? "NA" : colours[random.nextInt(3)]) + ","
          + (i % 5 == 1 ? "NA" : (10 + random.nextInt(200)) / 10 + "." + random.nextInt(10)) + ","
          + (i % 5 == 2 ? "" : random.nextBoolean() ? "a" : "b") + "," + random.nextInt(1000));
    }
    Path input = dir.resolve("missing.csv");
    Files.write(input, lines, StandardCharsets.UTF_8);
    return input;
  }

  /**
   * Missing cells are written as the input marked them, column by column, by generate and by sample from a saved
   * model; a model saved before the form was recorded (its schema without {@link MissingText#KEY}) writes them
   * empty, as it did.
   */
  @Test
  void missingCellsAreWrittenAsTheInputMarkedThem(SparkSession spark) throws Exception {
    Path input = missingCellsCsv();
    Path generated = dir.resolve("generated");
    GenerateJob.run(spark, TestSpark.settings("input", input.toString(), "output", generated.toString(),
        "num-samples", "300", "seed", "3"));
    assertMissingCellsWritten(generated, "NA", "");

    Path model = dir.resolve("missing-model");
    FitJob.run(spark, Settings.defaults(JobKnobs.FIT).withText("input", input.toString())
        .withText("model", model.toString()).withText("seed", "3"));
    Path sampled = dir.resolve("sampled");
    SampleJob.run(spark, sample(model, sampled).withText("num-samples", "300"));
    assertMissingCellsWritten(sampled, "NA", "");

    Path metadata = model.resolve("metadata.json");
    ObjectNode saved = (ObjectNode) new ObjectMapper().readTree(metadata.toFile());
    saved.get("input_schema").get("fields").forEach(field -> ((ObjectNode) field.get("metadata"))
        .remove(MissingText.KEY));
    new ObjectMapper().writeValue(metadata.toFile(), saved);
    Files.deleteIfExists(model.resolve(".metadata.json.crc"));
    Path before = dir.resolve("before");
    SampleJob.run(spark, sample(model, before).withText("num-samples", "300"));
    assertMissingCellsWritten(before, "", "");
  }

  /**
   * Every line of the CSV output in {@code directory} (of {@link #missingCellsCsv}'s columns) has missing text and
   * size cells written as {@code nullText} and missing notes as {@code empty}, and each column has some.
   */
  private static void assertMissingCellsWritten(Path directory, String nullText, String empty) throws Exception {
    int[] missing = new int[3];
    List<String> lines = TestSpark.csvLines(directory);
    for (String line : lines) {
      String[] cells = line.split(",", -1);
      assertTrue(cells[0].matches("red|green|blue|" + nullText), "a colour or '" + nullText + "': " + line);
      assertTrue(cells[1].matches("[0-9]+\\.[0-9]|" + nullText), "a size or '" + nullText + "': " + line);
      assertTrue(cells[2].matches("a|b|" + empty), "a note or '" + empty + "': " + line);
      assertTrue(cells[3].matches("[0-9]+"), "a count: " + line);
      missing[0] += cells[0].equals(nullText) ? 1 : 0;
      missing[1] += cells[1].equals(nullText) ? 1 : 0;
      missing[2] += cells[2].equals(empty) ? 1 : 0;
    }
    assertTrue(Arrays.stream(missing).allMatch(n -> n > 0), "missing colours, sizes, notes: "
        + Arrays.toString(missing) + " in " + lines.size() + " lines");
  }

  @Test
  void namesThatEndInTheirPositionAreNotTakenForRepeats(SparkSession spark) throws Exception {
    // Spark renames a repeated name to the name and its position (v, v → v1, v2); pixel_0, pixel_1, … look the same
    // and are distinct names (digits.csv.gz was refused as naming 'pixel_' twice).
    Path input = dir.resolve("pixels.csv");
    StringBuilder csv = new StringBuilder("pixel_0,pixel_1,pixel_2,label\n");
    for (int i = 0; i < 60; i++) {
      csv.append(i % 7).append(',').append(i % 5).append(',').append(i % 3).append(",d").append(i % 2).append('\n');
    }
    Files.writeString(input, csv);
    Path out = dir.resolve("pixels-out");
    GenerateJob.run(spark, TestSpark.settings("input", input.toString(), "output", out.toString(),
        "num-samples", "20", "seed", "3"));
    assertEquals("pixel_0,pixel_1,pixel_2,label", firstLine(out));
  }

  @Test
  void sampleWritesInTheFitsDialectUnlessTold(SparkSession spark) throws Exception {
    String input = TestData.path("cases/12-semicolon-separated.csv");
    Path model = dir.resolve("model");
    FitJob.run(spark, Settings.defaults(JobKnobs.FIT).withText("input", input).withText("model", model.toString())
        .withText("csv-sep", ";").withText("decimal-comma", "true").withText("draws", "3")
        .withText("leave-one-out", "true"));
    Path inherited = dir.resolve("inherited");
    Map<String, String> recorded = SampleJob.run(spark, sample(model, inherited)).manifest().settings();
    assertEquals(List.of("3", "true", "100"), List.of(recorded.get("draws"), recorded.get("leave-one-out"),
        recorded.get("num-samples")), "the manifest of a sample run records the model's knobs beside its own");
    String header = Files.readAllLines(Path.of(input)).get(0);
    assertEquals(header, firstLine(inherited));
    for (String line : TestSpark.csvLines(inherited)) {
      assertTrue(line.matches("[^;]+;\\d+;\\d+,\\d+;\\d+,\\d"), "the fit's dialect: " + line);
    }
    Path told = dir.resolve("told");
    SampleJob.run(spark, sample(model, told).withText("csv-sep", ",").withText("decimal-comma", "false"));
    assertEquals(header.replace(';', ','), firstLine(told), "the command line's dialect");
  }

  private static Settings sample(Path model, Path output) {
    return Settings.defaults(JobKnobs.SAMPLE).with(JobKnobs.PROGRESS, false).withText("model", model.toString())
        .withText("output", output.toString()).withText("num-samples", "100");
  }

  private static String firstLine(Path output) throws Exception {
    try (var files = Files.list(output)) {
      Path part = files.filter(p -> p.getFileName().toString().startsWith("part-")).findFirst().orElseThrow();
      return Files.readAllLines(part).get(0);
    }
  }

  @Test
  void fixedDecimalsKeepTheirTrailingZerosReadWrittenAndSampled(SparkSession spark) throws Exception {
    for (String sep : new String[] {",", ";"}) {
      boolean comma = sep.equals(";");
      List<String> lines = new ArrayList<>(List.of("item" + sep + "price" + sep + "ratio"));
      Random random = new Random(7);
      for (int i = 0; i < 80; i++) {
        // prices always have two decimals, many ending in 0 (12.30, 5.00); ratios have one to three
        String price = BigDecimal.valueOf(10L * random.nextInt(9_000) + (i % 3 == 0 ? 0 : 1 + random.nextInt(9)), 2)
            .toPlainString();
        String ratio = BigDecimal.valueOf(10L * random.nextInt(100) + 1 + random.nextInt(9), 1 + i % 3)
            .toPlainString(); // last digit not 0: the column has no fixed decimals, and a double keeps these
        lines.add("i" + (i % 5) + sep + (comma ? price.replace('.', ',') : price) + sep
            + (comma ? ratio.replace('.', ',') : ratio));
      }
      Path input = dir.resolve("prices" + (comma ? "-comma" : "") + ".csv");
      Files.write(input, lines, StandardCharsets.UTF_8);
      Settings settings = comma ? TestSpark.settings("csv-sep", ";", "decimal-comma", "true") : TestSpark.settings();
      Dataset<Row> table = TableReader.read(spark, FileFormat.CSV, settings, input.toString());
      assertEquals(DataTypes.DoubleType, table.schema().apply("price").dataType());

      Path written = dir.resolve("written" + (comma ? "-comma" : ""));
      CsvDialect dialect = CsvDialect.of(settings);
      dialect.writer(dialect.forWriting(table)).save(written.toString());
      List<String> expected = new ArrayList<>(lines.subList(1, lines.size()));
      expected.sort(null);
      assertEquals(expected, TestSpark.csvLines(written), "12.50 is written 12.50, a ratio as it was");

      Path out = dir.resolve("samples" + (comma ? "-comma" : ""));
      GenerateJob.run(spark, settings.withText("input", input.toString()).withText("output", out.toString())
          .withText("num-samples", "200").withText("steps", "5"));
      String twoDecimals = comma ? "-?[0-9]+,[0-9]{2}" : "-?[0-9]+\\.[0-9]{2}";
      for (String line : TestSpark.csvLines(out)) {
        assertTrue(line.split(sep)[1].matches(twoDecimals), "a sampled price has two decimals: " + line);
      }
    }
  }

  @Test
  void wholeValuesAndScientificNotationKeepTheirFormInSamplesOfASavedModel(SparkSession spark) throws Exception {
    List<String> lines = new ArrayList<>(List.of("site,length,p_value,limit"));
    Random random = new Random(11);
    for (int i = 0; i < 150; i++) {
      // lengths with one decimal, whole ones without (34 beside 39.1), as penguins writes them
      int tenths = 300 + random.nextInt(200);
      String length = i % 4 == 0 ? Integer.toString(tenths / 10) : tenths / 10 + "." + (1 + random.nextInt(9));
      // p-values in C's %.3e; limits plain, but multiples of 100,000 as 5.00E+05 (credit default's LIMIT_BAL)
      String pValue = String.format(Locale.ROOT, "%.3e", (1 + random.nextInt(8999) / 1000.0)
          * Math.pow(10, -3 - random.nextInt(8)));
      int tens = 1 + random.nextInt(79);
      String limit = i % 3 == 0 ? (1 + random.nextInt(5)) + ".00E+05"
          : Integer.toString(10_000 * (tens % 10 == 0 ? tens + 1 : tens));
      lines.add("s" + (i % 3) + "," + length + "," + pValue + "," + limit);
    }
    Path input = dir.resolve("forms.csv");
    Files.write(input, lines, StandardCharsets.UTF_8);
    Path model = dir.resolve("forms-model");
    FitJob.run(spark, Settings.defaults(JobKnobs.FIT).withText("input", input.toString())
        .withText("model", model.toString()).withText("steps", "5"));
    Path out = dir.resolve("forms-samples");
    SampleJob.run(spark, sample(model, out).withText("num-samples", "300"));
    int whole = 0;
    int scientific = 0;
    for (String line : TestSpark.csvLines(out)) {
      String[] cells = line.split(",");
      assertTrue(cells[1].matches("[0-9]+(\\.[1-9])?"), "a length as the input writes one: " + line);
      assertTrue(cells[2].matches("[1-9]\\.[0-9]{3}e-[0-9]{2}"), "a p-value in %.3e: " + line);
      assertTrue(cells[3].matches("[1-9][0-9]*|[1-9]\\.00E\\+05") && !cells[3].matches("[1-9]00000"),
          "a limit as the input writes one (a multiple of 100,000 as 5.00E+05): " + line);
      whole += cells[1].contains(".") ? 0 : 1;
      scientific += cells[3].contains("E") ? 1 : 0;
    }
    assertTrue(whole > 0 && scientific > 0, whole + " whole lengths, " + scientific + " limits in scientific");
  }

  @Test
  void thousandsSeparatorsAreReadWithADecimalCommaAndWrittenBack(SparkSession spark) throws Exception {
    String nbsp = "\u00A0";
    List<String> lines = new ArrayList<>(List.of("name;revenue;population;area"));
    Random random = new Random(5);
    for (int i = 0; i < 60; i++) {
      // last decimals other than 0: a double keeps no trailing zeros (3,70 reads as 3.7 and is written 3,7)
      long cents = 10L * random.nextInt(200_000_000) + 1 + random.nextInt(9);
      String revenue = CsvDialect.grouped(BigDecimal.valueOf(cents, 2).toPlainString(), ".");
      String population = CsvDialect.grouped(Long.toString(random.nextInt(5_000_000)), " ");
      String area = CsvDialect.grouped(BigDecimal.valueOf(10L * random.nextInt(999_999) + 1 + random.nextInt(9), 1)
          .toPlainString(), nbsp);
      lines.add("t" + i + ";" + revenue + ";" + population + ";" + area);
    }
    lines.add("t60;1.234.567,89;1 234;12" + nbsp + "345,5");
    lines.add("t61;-999,5;12;0,5");
    Path input = dir.resolve("towns.csv");
    Files.write(input, lines, StandardCharsets.UTF_8);
    Settings settings = TestSpark.settings("csv-sep", ";", "decimal-comma", "true");
    Dataset<Row> table = TableReader.read(spark, FileFormat.CSV, settings, input.toString());
    assertEquals(List.of(DataTypes.DoubleType, DataTypes.LongType, DataTypes.DoubleType), List.of(
        table.schema().apply("revenue").dataType(), table.schema().apply("population").dataType(),
        table.schema().apply("area").dataType()));
    Row special = table.where("name = 't60'").first();
    assertEquals(1234567.89, special.getDouble(1));
    assertEquals(1234L, special.getLong(2));
    assertEquals(12345.5, special.getDouble(3));

    assertEquals(sortedData(lines), writtenBack(table, settings, "written"),
        "the input's cells, grouped as it grouped them");
  }

  @Test
  void numbersDressedForPeopleAreReadAsNumbersWrittenBackAndSampledInTheirDress(SparkSession spark)
      throws Exception {
    List<String> lines = new ArrayList<>(List.of("item,price,share,count,tax,code,either"));
    Random random = new Random(8);
    for (int i = 0; i < 80; i++) {
      long cents = 1 + random.nextInt(900_000_000);
      String price = (i % 9 == 0 ? "-$" : "$") + grouped(BigDecimal.valueOf(cents, 2));
      String share = (i % 7 == 0 ? "-" : "") + (1 + random.nextInt(999)) / 10 + "." + random.nextInt(10) + "%";
      String count = grouped(random.nextInt(5_000_000));
      String tax = "€ " + grouped(1000 + random.nextInt(9000));
      String code = "0" + random.nextInt(10) + "," + (100 + random.nextInt(900));
      String either = grouped(1000 + random.nextInt(9000));
      lines.add("t" + i + ",\"" + price + "\"," + share + ",\"" + count + "\",\"" + tax + "\",\"" + code + "\",\""
          + either + "\"");
    }
    lines.add("t80,,NA,\"1,234,567\",\"€ 1,000\",\"01,234\",\"1,935\"");
    Path input = dir.resolve("dressed.csv");
    Files.write(input, lines, StandardCharsets.UTF_8);
    Settings settings = TestSpark.settings();
    Dataset<Row> table = TableReader.read(spark, FileFormat.CSV, settings, input.toString());
    // code (zero-padded) and either (1,935 could be 1.935 with a decimal comma) stay text
    assertEquals(List.of(DataTypes.DoubleType, DataTypes.DoubleType, DataTypes.LongType, DataTypes.LongType,
        DataTypes.StringType, DataTypes.StringType), List.of("price", "share", "count", "tax", "code", "either")
        .stream().map(name -> table.schema().apply(name).dataType()).toList());
    Row special = table.where("item = 't80'").first();
    assertTrue(special.isNullAt(1) && special.isNullAt(2), "missing cells");
    assertEquals(1234567L, special.getLong(3));
    assertEquals(1000L, special.getLong(4));
    assertEquals(List.of(-1.0, -1.0), table.where("item = 't0'").collectAsList().stream()
        .flatMap(row -> java.util.stream.Stream.of(Math.signum(row.getDouble(1)), Math.signum(row.getDouble(2))))
        .toList(), "-$ and -%: negative");

    List<String> back = new ArrayList<>(writtenBack(table, settings, "dressed-written"));
    back.replaceAll(line -> line.replace("\"", ""));
    back.sort(null);
    List<String> expected = new ArrayList<>(sortedData(lines));
    expected.replaceAll(line -> line.replace("\"", ""));
    expected.sort(null);
    assertEquals(expected, back, "the input's cells, in their dress");

    Path out = dir.resolve("dressed-samples");
    GenerateJob.run(spark, TestSpark.settings("input", input.toString(), "output", out.toString(),
        "num-samples", "300", "steps", "5", "seed", "3"));
    for (String line : TestSpark.csvLines(out)) {
      List<String> cells = csvCells(line);
      assertTrue(cells.get(1).matches("|-?\\$[1-9][0-9]{0,2}(,[0-9]{3})*\\.[0-9]{2}|-?\\$0\\.[0-9]{2}"),
          "a price as the input writes one: " + line);
      assertTrue(cells.get(2).matches("NA|-?[0-9]+\\.[0-9]%"), "a share as the input writes one: " + line);
      assertTrue(cells.get(3).matches("0|[1-9][0-9]{0,2}(,[0-9]{3})*"), "a count as the input writes one: " + line);
      assertTrue(cells.get(4).matches("€ [1-9],[0-9]{3}"), "a tax as the input writes one: " + line);
    }
  }

  @Test
  void withADecimalCommaDressedNumbersAreReadAndWrittenBackInTheirDress(SparkSession spark) throws Exception {
    List<String> lines = new ArrayList<>(List.of("ort;preis;anteil;menge"));
    Random random = new Random(4);
    for (int i = 0; i < 60; i++) {
      String preis = String.format(Locale.GERMANY, "%,.2f €", (1 + random.nextInt(900_000)) / 100.0);
      String anteil = String.format(Locale.GERMANY, "%.1f %%", (i % 5 == 0 ? -1 : 1) * (1 + random.nextInt(999))
          / 10.0);
      String menge = "€ " + String.format(Locale.GERMANY, "%,d", 1 + random.nextInt(2_000_000));
      lines.add("o" + i + ";" + preis + ";" + anteil + ";" + menge);
    }
    Path input = dir.resolve("preise.csv");
    Files.write(input, lines, StandardCharsets.UTF_8);
    Settings settings = TestSpark.settings("csv-sep", ";", "decimal-comma", "true");
    Dataset<Row> table = TableReader.read(spark, FileFormat.CSV, settings, input.toString());
    assertEquals(List.of(DataTypes.DoubleType, DataTypes.DoubleType, DataTypes.LongType), List.of("preis", "anteil",
        "menge").stream().map(name -> table.schema().apply(name).dataType()).toList());
    assertEquals(sortedData(lines), writtenBack(table, settings, "preise-written"),
        "the input's cells, in their dress and dialect");
  }

  /** {@code table} written in the dialect of {@code settings} to {@code name}: its data lines, sorted. */
  private List<String> writtenBack(Dataset<Row> table, Settings settings, String name) throws Exception {
    Path written = dir.resolve(name);
    CsvDialect dialect = CsvDialect.of(settings);
    dialect.writer(dialect.forWriting(table)).save(written.toString());
    return TestSpark.csvLines(written);
  }

  /** A CSV's lines but its header, sorted. */
  private static List<String> sortedData(List<String> lines) {
    List<String> data = new ArrayList<>(lines.subList(1, lines.size()));
    data.sort(null);
    return data;
  }

  /** Digits (and two decimals, for a fractional number) with the whole part in groups of three and commas. */
  private static String grouped(Number number) {
    return number instanceof BigDecimal decimal ? String.format(Locale.ROOT, "%,.2f", decimal)
        : String.format(Locale.ROOT, "%,d", number.longValue());
  }

  /** The cells of a CSV line whose quoted cells hold no quotes. */
  private static List<String> csvCells(String line) {
    List<String> cells = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    for (char c : line.toCharArray()) {
      if (c == '"') {
        quoted = !quoted;
      } else if (c == ',' && !quoted) {
        cells.add(cell.toString());
        cell.setLength(0);
      } else {
        cell.append(c);
      }
    }
    cells.add(cell.toString());
    return cells;
  }

  @Test
  void anEmptyColumnBesideDecimalCommaNumbersIsReadAsEmptyText(SparkSession spark) throws Exception {
    // an all-missing column has no cells to check: once a null pointer in the read, now text without values
    Path input = dir.resolve("empty-beside-commas.csv");
    Files.write(input, List.of("name;note;price", "a;;3,70", "b;;1.234,5", "c;;12"), StandardCharsets.UTF_8);
    Dataset<Row> table = TableReader.read(spark, FileFormat.CSV,
        TestSpark.settings("csv-sep", ";", "decimal-comma", "true"), input.toString());
    assertEquals(List.of(DataTypes.StringType, DataTypes.StringType, DataTypes.DoubleType),
        Arrays.stream(table.schema().fields()).map(f -> f.dataType()).toList());
    assertEquals(List.of(3.7, 1234.5, 12.0), table.orderBy("name").collectAsList().stream()
        .map(row -> row.getDouble(2)).toList());
    assertEquals(3L, table.where("note IS NULL").count());
  }

  @Test
  void offsetsOfARealZoneFollowItsRulesAcrossTheSwitch(SparkSession spark) throws Exception {
    ZoneId berlin = ZoneId.of("Europe/Berlin");
    DateTimeFormatter form = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");
    Random random = new Random(9);
    List<String> lines = new ArrayList<>(List.of("start,end,kind"));
    Instant switchAt = Instant.parse("2024-03-31T01:00:00Z");
    for (int i = 0; i < 300; i++) {
      Instant start = switchAt.plusSeconds(random.nextInt(4 * 86_400) - 2 * 86_400);
      Instant end = start.plusSeconds(60 + random.nextInt(7_200));
      lines.add(start.atZone(berlin).format(form) + "," + end.atZone(berlin).format(form) + ","
          + (random.nextBoolean() ? "a" : "b"));
    }
    Path input = dir.resolve("switch.csv");
    Files.write(input, lines);
    Path out = dir.resolve("out");
    GenerateJob.run(spark, TestSpark.settings("input", input.toString(), "output", out.toString(),
        "num-samples", "600", "seed", "2"));
    Set<String> offsets = new HashSet<>();
    for (String line : TestSpark.csvLines(out)) {
      for (String cell : line.split(",", 3)) {
        if (cell.length() > 2) {
          OffsetDateTime time = OffsetDateTime.parse(cell);
          assertEquals(berlin.getRules().getOffset(time.toInstant()), time.getOffset(), "Berlin's rule: " + cell);
          offsets.add(time.getOffset().toString());
        }
      }
    }
    assertEquals(Set.of("+01:00", "+02:00"), offsets, "both sides of the switch");
  }

  @Test
  void offsetsThatFollowNoZoneAreTheNearestInputRowsOffset(SparkSession spark) throws Exception {
    // Case 02 writes +01:00 in January and February and +02:00 from March 1: no zone's rule (Europe's switch
    // is on the last Sunday of March), so each output instant takes the offset of the input's nearest one.
    String input = TestData.path("cases/02-tz-timestamps.csv");
    List<List<OffsetDateTime>> training = List.of(new ArrayList<>(), new ArrayList<>()); // per column
    for (String line : Files.readAllLines(Path.of(input)).subList(1, 501)) {
      String[] cells = line.split(",");
      training.get(0).add(OffsetDateTime.parse(cells[0]));
      training.get(1).add(OffsetDateTime.parse(cells[1]));
    }
    Path out = dir.resolve("out");
    GenerateJob.run(spark, TestSpark.settings("input", input, "output", out.toString(), "num-samples", "1000",
        "seed", "4"));
    int march = 0;
    for (String line : TestSpark.csvLines(out)) {
      String[] cells = line.split(",");
      for (int c = 0; c < 2; c++) {
        OffsetDateTime time = OffsetDateTime.parse(cells[c]);
        OffsetDateTime nearest = training.get(c).get(0);
        for (OffsetDateTime t : training.get(c)) {
          long distance = Math.abs(t.toEpochSecond() - time.toEpochSecond());
          if (distance < Math.abs(nearest.toEpochSecond() - time.toEpochSecond())) {
            nearest = t;
          }
        }
        assertEquals(nearest.getOffset(), time.getOffset(), "the offset of the column's nearest input cell: "
            + cells[c]);
        march += time.getMonthValue() == 3 && time.getDayOfMonth() < 31 ? 1 : 0;
      }
    }
    assertTrue(march > 20, "cells in March before Europe's switch, where the input's rule differs: " + march);
  }

  @Test
  void isoTimestampsStayTimestampsBesideADatetimeFormatColumn(SparkSession spark) {
    // Spark infers only text in the --datetime-format as timestamps: last_login was read as text, then taken for
    // a key because its values are all distinct.
    Settings settings = TestSpark.settings("datetime-format", "dd/MM/yyyy HH:mm");
    Dataset<Row> read = TableReader.read(spark, FileFormat.CSV, settings,
        TestData.path("cases/25-timestamp-pattern-beside-iso.csv"));
    assertEquals(DataTypes.TimestampType, read.schema().apply("last_login").dataType(), "the ISO column");
    assertEquals(DataTypes.TimestampType, read.schema().apply("ship_eu").dataType(), "the pattern's column");
    // both read as wall-clock times in UTC, whatever the session's zone
    Row first = read.first();
    assertEquals(Timestamp.from(LocalDateTime.parse("2022-09-13T16:23:55").toInstant(ZoneOffset.UTC)),
        first.getAs("last_login"));
    assertEquals(Timestamp.from(LocalDateTime.parse("2022-09-13T16:23").toInstant(ZoneOffset.UTC)),
        first.getAs("ship_eu"));
    assertEquals(40, read.where("last_login IS NOT NULL AND ship_eu IS NOT NULL").count(), "every cell parsed");
  }

  /** Knob list check: the dialect a model records is what sample can take. */
  @Test
  void anOffsetThatFirstAppearsAfterTheFirstTenThousandRowsIsKept(SparkSession spark) throws Exception {
    // A log sorted by time: 10,000 winter rows at +03:00, then 200 summer rows at +07:00 (no zone's rule).
    // Offsets decided from the file's first rows wrote the summer rows at +03:00.
    DateTimeFormatter form = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");
    List<String> lines = new ArrayList<>(List.of("at,kind"));
    Instant winter = Instant.parse("2024-01-05T00:00:00Z");
    Instant summer = Instant.parse("2024-07-05T00:00:00Z");
    for (int i = 0; i < 10_200; i++) {
      OffsetDateTime at = i < 10_000 ? winter.plusSeconds(60L * i).atOffset(ZoneOffset.ofHours(3))
          : summer.plusSeconds(60L * i).atOffset(ZoneOffset.ofHours(7));
      lines.add(at.format(form) + "," + (i % 3 == 0 ? "a" : "b"));
    }
    List<String> expected = new ArrayList<>(lines.subList(1, lines.size()));
    expected.sort(null);
    assertEquals(expected, TimestampTextTest.writtenAsSamples(spark, dir, lines), "each row's offset as the input "
        + "wrote it");
  }

  @Test
  void everyRecordedDialectKnobIsASampleKnob() {
    for (Knob<?> knob : CsvDialect.KNOBS) {
      assertTrue(JobKnobs.SAMPLE.contains(knob), knob.name());
    }
  }
}
