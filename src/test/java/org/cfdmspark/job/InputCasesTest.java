package org.cfdmspark.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.cfdmspark.config.BadInputException;
import org.cfdmspark.metrics.KSComplement;
import org.cfdmspark.testkit.SparkTest;
import org.cfdmspark.testkit.TestData;
import org.cfdmspark.testkit.TestSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The input cases of issue 13 (src/test/resources/data/cases, see its README) of the kinds keys, numbers, constraints. */
@SparkTest
class InputCasesTest {
  @TempDir
  Path dir;

  private GenerateResult generate(String input, String... more) {
    List<String> knobs = new ArrayList<>(List.of("input", input, "output", dir.resolve("out").toString(),
        "num-samples", "500", "seed", "5"));
    knobs.addAll(List.of(more));
    return GenerateJob.run(TestSpark.local(2), TestSpark.settings(knobs.toArray(String[]::new)));
  }

  /** A CSV file of the header and 200 rows made by {@code row} from a Random seeded with {@code seed}. */
  private Path table(String name, String header, long seed, java.util.function.Function<Random, String> row)
      throws java.io.IOException {
    Random random = new Random(seed);
    List<String> lines = new ArrayList<>(List.of(header));
    for (int i = 0; i < 200; i++) {
      lines.add(row.apply(random));
    }
    return Files.write(dir.resolve(name), lines);
  }

  private Dataset<Row> output(SparkSession spark) {
    return spark.read().option("header", "true").option("inferSchema", "true").csv(dir.resolve("out").toString());
  }

  @Test
  void aUniqueIntegerKeyIsRegeneratedUniqueAndNew(SparkSession spark) {
    String input = TestData.path("cases/09-unique-int-pk.csv");
    GenerateResult result = generate(input);
    assertEquals(List.of("customer_id"), result.manifest().keys());
    Dataset<Row> synthetic = output(spark);
    assertEquals(DataTypes.IntegerType, synthetic.schema().apply("customer_id").dataType());
    Set<Integer> training = new HashSet<>();
    for (Row row : TestData.csv(spark, "cases/09-unique-int-pk.csv").select("customer_id").collectAsList()) {
      training.add(row.getInt(0));
    }
    Set<Integer> keys = new HashSet<>();
    for (Row row : synthetic.select("customer_id").collectAsList()) {
      assertFalse(training.contains(row.getInt(0)), "a training key: " + row.get(0));
      assertTrue(keys.add(row.getInt(0)), "a repeated key: " + row.get(0));
    }
    assertEquals(500, keys.size());
  }

  @Test
  void noKeyModelsTheColumn(SparkSession spark) {
    GenerateResult result = generate(TestData.path("cases/09-unique-int-pk.csv"), "no-key", "customer_id");
    assertEquals(List.of(), result.manifest().keys());
  }

  @Test
  void tinyNumbersKeepTheirDistributionAndDigits(SparkSession spark) {
    String input = TestData.path("cases/18-tiny-floats.csv");
    generate(input, "num-samples", "600");
    double[] real = column(TestData.csv(spark, "cases/18-tiny-floats.csv"), "conc_mol");
    double[] synthetic = column(output(spark), "conc_mol");
    assertTrue(KSComplement.compute(real, synthetic) >= 0.85, "conc_mol in distribution, not collapsed");
    assertTrue(java.util.Arrays.stream(synthetic).distinct().count() > 100, "many values, not the minimum");
    for (String name : List.of("conc_mol", "p_value")) {
      for (double x : column(output(spark), name)) {
        assertTrue(new BigDecimal(Double.toString(x)).stripTrailingZeros().precision() <= 4,
            name + " = " + x + " has more digits than the input's 4");
      }
    }
  }

  @Test
  void booleansKeepTheirSpellingAndNullRate(SparkSession spark) throws Exception {
    generate(TestData.path("cases/06-boolean-nulls.csv"), "num-samples", "800");
    int missing = 0;
    for (String line : TestSpark.csvLines(dir.resolve("out"))) {
      String first = line.substring(0, line.indexOf(','));
      assertTrue(Set.of("True", "False", "").contains(first), "is_member spelt " + first);
      missing += first.isEmpty() ? 1 : 0;
    }
    assertEquals(0.106, missing / 800.0, 0.04, "missing rate of is_member");
  }

  @Test
  void anOrderBetweenTwoColumnsHoldsOnEveryRowAfterRounding(SparkSession spark) throws Exception {
    Path input = dir.resolve("shifts.csv");
    Random random = new Random(7);
    List<String> lines = new ArrayList<>(List.of("start_hour,end_hour,paid,invoice"));
    for (int i = 0; i < 400; i++) {
      int start = random.nextInt(22);
      double invoice = Math.round(random.nextDouble() * 10_000) / 100.0;
      double paid = random.nextInt(4) == 0 ? invoice : Math.round(invoice * random.nextDouble() * 100) / 100.0;
      lines.add(start + "," + (start + 1 + random.nextInt(Math.min(3, 23 - start))) + "," + paid + "," + invoice);
    }
    Files.write(input, lines);
    GenerateResult result = generate(input.toString(), "num-samples", "3000", "point-masses", "false");
    assertTrue(result.manifest().constraints().containsAll(List.of("start_hour < end_hour", "paid <= invoice")),
        "found: " + result.manifest().constraints());
    for (Row row : output(spark).collectAsList()) {
      assertTrue(row.getInt(0) < row.getInt(1), "start_hour < end_hour broken: " + row);
      assertTrue(row.getDouble(2) <= row.getDouble(3), "paid <= invoice broken: " + row);
    }
  }

  @Test
  void anAmountPaidInFullInMostRowsIsPaidInFullAsOften(SparkSession spark) throws Exception {
    Path input = dir.resolve("invoices.csv");
    Random random = new Random(11);
    List<String> lines = new ArrayList<>(List.of("invoice,paid,items"));
    int paidInFull = 0;
    for (int i = 0; i < 600; i++) {
      double invoice = Math.round(1_000 + random.nextDouble() * 99_000) / 100.0;
      boolean full = random.nextDouble() < 0.6;
      paidInFull += full ? 1 : 0;
      double paid = full ? invoice : Math.round(invoice * random.nextDouble() * 100) / 100.0;
      lines.add(invoice + "," + paid + "," + (1 + random.nextInt(9)));
    }
    Files.write(input, lines);
    GenerateResult result = generate(input.toString(), "num-samples", "2000");
    assertTrue(result.manifest().constraints().stream().anyMatch(c -> c.startsWith("paid = invoice in ")),
        "found: " + result.manifest().constraints());
    List<Row> rows = output(spark).collectAsList();
    long equal = rows.stream().filter(row -> row.getDouble(0) == row.getDouble(1)).count();
    // 0.58 of samples paid in full against 0.61 of training rows; 0.29 without the equality (the sampling error
    // of 2,000 rows is 0.011).
    assertEquals(paidInFull / 600.0, equal / (double) rows.size(), 0.1, "share of rows paid in full");
  }

  @Test
  void aTableWithItsOwnSampleIdAndStratumColumnsIsSampledAndKeepsThem(SparkSession spark) throws Exception {
    // The sampler's id table once named its columns sample_id and stratum whatever the table: such a table failed
    // after its fit, with or without --sample-id.
    Path input = table("visits.csv", "sample_id,stratum,site,minutes", 21, random -> (1 + random.nextInt(40))
        + "," + (random.nextBoolean() ? "a" : "b") + "," + (random.nextBoolean() ? "north" : "south") + ","
        + Math.round(random.nextGaussian() * 1000 + 5000) / 100.0);
    generate(input.toString(), "stratify-by", "site", "categorical", "sample_id");
    List<Row> rows = output(spark).collectAsList();
    assertEquals(500, rows.size());
    assertEquals(List.of("sample_id", "stratum", "site", "minutes"), List.of(output(spark).columns()));
    assertTrue(rows.stream().allMatch(row -> row.getInt(0) >= 1 && row.getInt(0) <= 40
        && Set.of("a", "b").contains(row.getString(1))), "the table's own columns, sampled");
    BadInputException refused = assertThrows(BadInputException.class,
        () -> generate(input.toString(), "sample-id", "true", "mode", "overwrite"));
    assertTrue(refused.getMessage().startsWith("--sample-id true adds a column 'sample_id'"), refused.getMessage());
  }

  @Test
  void aStatedConstraintThatTrainingRowsBreakIsRefusedWithTheCount() {
    BadInputException refused = assertThrows(BadInputException.class, () -> generate(
        TestData.path("cases/09-unique-int-pk.csv"), "constraint", "monthly_fee <= age"));
    assertTrue(refused.getMessage().contains("monthly_fee <= age") && refused.getMessage().contains(" of the "),
        refused.getMessage());
  }

  @Test
  void isoDatesComeBackAsDatesWithinTheTrainingRange(SparkSession spark) throws Exception {
    generate(TestData.path("cases/01-iso-dates.csv"), "num-samples", "600");
    Row range = TestData.csv(spark, "cases/01-iso-dates.csv").selectExpr("min(visit_date)", "max(visit_date)")
        .first();
    Dataset<Row> synthetic = output(spark);
    assertEquals(DataTypes.DateType, synthetic.schema().apply("visit_date").dataType());
    Set<Object> distinct = new HashSet<>();
    for (Row row : synthetic.select("visit_date").collectAsList()) {
      java.sql.Date date = row.getDate(0);
      assertTrue(!date.before(range.getDate(0)) && !date.after(range.getDate(1)), "outside the range: " + date);
      distinct.add(date);
    }
    assertTrue(distinct.size() > 100, "new dates, not a few: " + distinct.size());
    for (String line : TestSpark.csvLines(dir.resolve("out"))) {
      assertTrue(line.matches("\\d{4}-\\d{2}-\\d{2},.*"), "written as yyyy-MM-dd: " + line);
    }
  }

  @Test
  void timestampsKeepTheirOrderOffsetsAndWholeSeconds(SparkSession spark) throws Exception {
    GenerateResult result = generate(TestData.path("cases/02-tz-timestamps.csv"));
    assertTrue(result.manifest().constraints().contains("session_start < session_end"),
        "found: " + result.manifest().constraints());
    Dataset<Row> synthetic = output(spark);
    assertEquals(DataTypes.TimestampType, synthetic.schema().apply("session_start").dataType());
    for (Row row : synthetic.select("session_start", "session_end").collectAsList()) {
      assertTrue(row.getTimestamp(0).before(row.getTimestamp(1)), "start < end broken: " + row);
      assertEquals(0, row.getTimestamp(0).getNanos(), "whole seconds, as the input: " + row);
    }
    Set<String> offsets = new HashSet<>();
    for (String line : TestSpark.csvLines(dir.resolve("out"))) {
      String[] cells = line.split(",");
      for (int c = 0; c < 2; c++) {
        assertTrue(cells[c].matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}[+-]\\d{2}:\\d{2}"),
            "the input's form: " + cells[c]);
        offsets.add(cells[c].substring(19));
      }
    }
    assertEquals(Set.of("+01:00", "+02:00"), offsets, "winter and summer offsets, as the input has");
  }

  @Test
  void integerCodedDatesStayDates(SparkSession spark) throws Exception {
    Path input = dir.resolve("visits.csv");
    Random random = new Random(11);
    List<String> lines = new ArrayList<>(List.of("visit,returned,cost"));
    java.time.LocalDate first = java.time.LocalDate.of(2023, 1, 1);
    for (int i = 0; i < 300; i++) {
      java.time.LocalDate visit = first.plusDays(random.nextInt(365));
      java.time.LocalDate returned = visit.plusDays(1 + random.nextInt(40));
      lines.add(visit.format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE) + ","
          + returned.format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE) + "," + random.nextInt(500));
    }
    Files.write(input, lines);
    GenerateResult result = generate(input.toString(), "date", "visit=yyyyMMdd,returned=yyyyMMdd",
        "num-samples", "1000");
    assertTrue(result.manifest().constraints().contains("visit < returned"), "found: "
        + result.manifest().constraints());
    Dataset<Row> synthetic = output(spark);
    assertEquals(DataTypes.IntegerType, synthetic.schema().apply("visit").dataType());
    for (Row row : synthetic.collectAsList()) {
      java.time.LocalDate visit = java.time.LocalDate.parse(String.valueOf(row.getInt(0)),
          java.time.format.DateTimeFormatter.BASIC_ISO_DATE); // 20230732 would throw
      java.time.LocalDate returned = java.time.LocalDate.parse(String.valueOf(row.getInt(1)),
          java.time.format.DateTimeFormatter.BASIC_ISO_DATE);
      assertTrue(visit.getYear() == 2023 && visit.isBefore(returned), row.toString());
    }
  }

  @Test
  void aDatePatternWithATimeOfDayKeepsTheTime() throws Exception {
    Path input = table("readings.csv", "taken,level", 4, random -> String.format("2024%02d%02d%02d%02d,%d",
        1 + random.nextInt(12), 1 + random.nextInt(28), random.nextInt(24), random.nextInt(60), random.nextInt(90)));
    // The report reads the written samples back in the pattern: it cast 202404230845 to a timestamp as seconds
    // since 1970 (a year past 8000; the column scored 0), and failed on a pattern with a space ('20240423 0845').
    generate(input.toString(), "date", "taken=yyyyMMddHHmm", "num-samples", "300", "report", "true");
    JsonNode columns = new ObjectMapper().readTree(dir.resolve("out").resolve(ReportJob.DIRECTORY)
        .resolve("report.json").toFile()).at("/comparisons/synthetic_vs_train/fidelity/columns");
    for (JsonNode column : columns) {
      assertTrue(column.at("/score").asDouble() > 0.8, column.toString());
    }
    assertEquals(2, columns.size(), columns.toString());
    java.time.format.DateTimeFormatter form = java.time.format.DateTimeFormatter.ofPattern("uuuuMMddHHmm")
        .withResolverStyle(java.time.format.ResolverStyle.STRICT);
    Set<String> times = new HashSet<>();
    for (String line : TestSpark.csvLines(dir.resolve("out"))) {
      String taken = line.split(",")[0];
      assertEquals(2024, java.time.LocalDateTime.parse(taken, form).getYear(), "the input's pattern: " + line);
      times.add(taken.substring(8));
    }
    assertTrue(times.size() > 50, "the time of day is modelled, not cut to midnight: " + times);
  }

  @Test
  void aDatePatternOnTimestampsTheReaderTypedKeepsTheirForm() throws Exception {
    // Spark types ISO text as timestamps itself; re-parsing its rendering ('2024-08-23 05:25:00') refused the right
    // pattern, and writing the column back as timestamps changed its form to 2024-08-23T05:25:00.000Z.
    Path input = table("iso.csv", "at,level", 6, random -> String.format("2024-%02d-%02dT%02d:%02d:00,%d",
        1 + random.nextInt(12), 1 + random.nextInt(28), random.nextInt(24), random.nextInt(60), random.nextInt(90)));
    generate(input.toString(), "date", "at=yyyy-MM-dd'T'HH:mm:ss", "num-samples", "100");
    for (String line : TestSpark.csvLines(dir.resolve("out"))) {
      assertTrue(line.matches("2024-\\d{2}-\\d{2}T\\d{2}:\\d{2}:00,\\d+"), "the input's form: " + line);
    }
  }

  @Test
  void twelveHourTimestampsKeepTheCaseOfTheirAmAndPm() throws Exception {
    for (List<String> halves : List.of(List.of("AM", "PM"), List.of("am", "pm"))) {
      // Spark writes the half-day letter in upper case: a column of 10:05pm came back as 10:05PM.
      Path input = table("clock-" + halves.get(0) + ".csv", "when,level", 7, random -> String.format(
          "%02d/%02d/2024 %02d:%02d%s,%d", 1 + random.nextInt(12), 1 + random.nextInt(28), 1 + random.nextInt(12),
          random.nextInt(60), halves.get(random.nextInt(2)), random.nextInt(90)));
      String form = "(" + String.join("|", halves) + ")";
      // --date parses the column itself; --datetime-format has the CSV reader parse it: each writes its own way.
      for (String option : List.of("date=when=", "datetime-format=")) {
        String[] knob = option.split("=", 2);
        generate(input.toString(), knob[0], knob[1] + "MM/dd/yyyy hh:mma", "num-samples", "100", "mode",
            "overwrite");
        for (String line : TestSpark.csvLines(dir.resolve("out"))) {
          assertTrue(line.matches("\\d{2}/\\d{2}/2024 \\d{2}:\\d{2}" + form + ",\\d+"),
              knob[0] + ", the input's form: " + line);
        }
      }
    }
  }

  @Test
  void datetimeTextInAGivenPatternIsModelledAndWrittenInIt() throws Exception {
    Path input = table("calls.csv", "called,minutes", 3, random -> String.format("%02d/%02d/2024 %02d:%02d,%d",
        1 + random.nextInt(28), 1 + random.nextInt(12), random.nextInt(24), random.nextInt(60), random.nextInt(90)));
    generate(input.toString(), "datetime-format", "dd/MM/yyyy HH:mm", "num-samples", "300");
    for (String line : TestSpark.csvLines(dir.resolve("out"))) {
      assertTrue(line.matches("\\d{2}/\\d{2}/2024 \\d{2}:\\d{2},\\d+"), "the input's pattern: " + line);
    }
  }

  private static double[] column(Dataset<Row> table, String name) {
    return table.select(name).collectAsList().stream().filter(r -> !r.isNullAt(0))
        .mapToDouble(r -> ((Number) r.get(0)).doubleValue()).toArray();
  }
}
