package org.cfdmspark.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.cfdmspark.config.Settings;
import org.cfdmspark.testkit.SparkTest;
import org.cfdmspark.testkit.TestData;
import org.cfdmspark.testkit.TestSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CSV timestamps' text ({@link TimestampText}) whatever the session's zone: text without an offset is wall-clock
 * time, so that a run in a zone with summer time models and writes what a run in UTC does; a column of date-times
 * beside dates alone is written in the form most of its cells have.
 */
@SparkTest
class TimestampTextTest {
  private static final String NEW_YORK = "America/New_York";
  private static final DateTimeFormatter OFFSET_FORM = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");

  @TempDir
  Path dir;

  /**
   * The half hours around New York's 2023 switches (02:30 on March 12 does not exist there, 01:30 on November 5
   * happens twice) were read as other instants in a New York session: their gaps changed, so did the samples.
   */
  @Test
  void timesAcrossSummerTimeSwitchesSampleTheSameTextInANewYorkSessionAsInUtc(SparkSession spark)
      throws Exception {
    String input = TestData.path("cases/26-timestamps-across-summer-time.csv");
    List<String> utc = generate(spark, input, "UTC");
    assertEquals(500, utc.size());
    assertEquals(utc, generate(spark, input, NEW_YORK), "the same rows in a zone with summer time");
  }

  /** The user's table: nine date-times in ten, the others a date alone; samples in the date-times' form. */
  @Test
  void samplesOfDateTimesBesideDatesAloneAreWrittenAsTheDateTimes(SparkSession spark) throws Exception {
    String input = TestData.path("cases/27-timestamps-beside-dates-alone.csv");
    List<LocalDateTime> read = Files.readAllLines(Path.of(input)).stream().skip(1).map(line -> line.split(",")[0])
        .filter(cell -> cell.length() > 10).map(cell -> LocalDateTime.parse(cell.replace(' ', 'T'))).sorted().toList();
    List<String> lines = generate(spark, input, NEW_YORK);
    assertEquals(500, lines.size());
    for (String line : lines) {
      String cell = line.split(",", 2)[0];
      assertTrue(cell.matches("2023-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d"), "yyyy-MM-dd HH:mm:ss as most cells: "
          + line);
      LocalDateTime time = LocalDateTime.parse(cell.replace(' ', 'T'));
      // the dates alone are that day's midnight: the range may start at the first one's
      assertTrue(!time.isBefore(read.get(0).toLocalDate().atStartOfDay()) && !time.isAfter(read.get(read.size() - 1)),
          "within the input's range: " + line);
    }
  }

  /** Dates alone the majority: every cell written as a date, those cells as they were, the others' dates. */
  @Test
  void aColumnOfMostlyDatesAloneIsWrittenAsDates(SparkSession spark) throws Exception {
    Random random = new Random(3);
    List<String> lines = new ArrayList<>(List.of("day,kind"));
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      // 23:30 and later too: a date read or written in New York's zone would move to the day after or before
      LocalDateTime time = LocalDateTime.parse("2023-03-01T00:00").plusMinutes(30L * random.nextInt(20_000));
      String kind = random.nextBoolean() ? "a" : "b";
      lines.add((i % 10 == 0 ? time.toString().replace('T', ' ') + ":00" : time.toLocalDate().toString()) + ","
          + kind);
      expected.add(time.toLocalDate() + "," + kind);
    }
    expected.sort(null);
    assertEquals(expected, written(spark, lines, NEW_YORK));
  }

  /**
   * Date-times with offsets (Berlin's: +01:00 in winter, +02:00 in summer) beside dates alone: the date-times as
   * they were, a date alone as the instant Spark reads it, its midnight in UTC, at Berlin's offset.
   */
  @Test
  void dateTimesWithOffsetsBesideDatesAloneKeepTheirOffsets(SparkSession spark) throws Exception {
    ZoneId berlin = ZoneId.of("Europe/Berlin");
    Random random = new Random(4);
    List<String> lines = new ArrayList<>(List.of("at,kind"));
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      LocalDateTime time = LocalDateTime.parse("2024-01-01T00:00").plusMinutes(17L * random.nextInt(30_000));
      String kind = random.nextBoolean() ? "a" : "b";
      String dateTime = time.atZone(berlin).format(OFFSET_FORM);
      LocalDate date = time.toLocalDate();
      lines.add((i % 10 == 0 ? date.toString() : dateTime) + "," + kind);
      expected.add((i % 10 == 0 ? date.atStartOfDay(ZoneOffset.UTC).withZoneSameInstant(berlin).format(OFFSET_FORM)
          : dateTime) + "," + kind);
    }
    expected.sort(null);
    assertEquals(expected, written(spark, lines, NEW_YORK));
  }

  /** {@code lines} read as a CSV and written back as samples are in a session in {@code zone}: its lines, sorted. */
  private List<String> written(SparkSession spark, List<String> lines, String zone) throws Exception {
    String sessionZone = spark.conf().get("spark.sql.session.timeZone");
    spark.conf().set("spark.sql.session.timeZone", zone);
    try {
      return writtenAsSamples(spark, dir, lines);
    } finally {
      spark.conf().set("spark.sql.session.timeZone", sessionZone);
    }
  }

  /**
   * {@code lines} written to {@code dir}/input.csv, read as the job reads a CSV (timestamps' text forms kept) and
   * written back to {@code dir}/written as samples are: its lines, sorted.
   */
  static List<String> writtenAsSamples(SparkSession spark, Path dir, List<String> lines) throws Exception {
    Path input = dir.resolve("input.csv");
    Files.write(input, lines);
    Settings settings = TestSpark.settings();
    TableReader.Counted read = TableReader.readCounted(spark, FileFormat.CSV, settings, input.toString());
    Dataset<Row> table = TimestampText.keep(read.table(), read.text(), null);
    Path written = dir.resolve("written");
    SampleWriter.writer(table.select(SampleWriter.written(table.schema(), FileFormat.CSV)), FileFormat.CSV,
        CsvDialect.of(settings)).save(written.toString());
    return TestSpark.csvLines(written);
  }

  /** 500 samples of {@code input}, seed 1, generated in a session in {@code zone}: the output's lines, sorted. */
  private List<String> generate(SparkSession spark, String input, String zone) throws Exception {
    String sessionZone = spark.conf().get("spark.sql.session.timeZone");
    spark.conf().set("spark.sql.session.timeZone", zone);
    try {
      Path output = dir.resolve("out-" + zone.replace('/', '_'));
      GenerateJob.run(spark, TestSpark.settings("input", input, "output", output.toString(), "num-samples", "500",
          "seed", "1", "steps", "20"));
      return TestSpark.csvLines(output);
    } finally {
      spark.conf().set("spark.sql.session.timeZone", sessionZone);
    }
  }
}
