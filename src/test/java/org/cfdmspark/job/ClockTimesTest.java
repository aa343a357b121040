package org.cfdmspark.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.cfdmspark.testkit.SparkTest;
import org.cfdmspark.testkit.TestSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Clock times without a date (08:30, 8:05, 00:59:26, 00:01:23.456): read on one fixed day rather than the run's,
 * modelled on their grain and written back in their input's form, whatever the run's date and zone.
 */
@SparkTest
class ClockTimesTest {
  @TempDir
  Path dir;

  /**
   * 400 rows: shift starts on quarter hours 08:00-17:45 (HH:mm, a few missing), starts written H:mm, durations
   * under three hours (HH:mm:ss), lap times with milliseconds, and an amount.
   */
  private Path clockCsv() throws Exception {
    Random random = new Random(5);
    StringBuilder csv = new StringBuilder("shift,start,duration,lap,amount\n");
    for (int i = 0; i < 400; i++) {
      int quarter = 32 + random.nextInt(40);
      int seconds = random.nextInt(3 * 3600);
      csv.append(i % 25 == 0 ? "" : String.format("%02d:%02d", quarter / 4, quarter % 4 * 15)).append(',')
          .append(String.format("%d:%02d", 6 + random.nextInt(9), 5 * random.nextInt(12))).append(',')
          .append(String.format("%02d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60)).append(',')
          .append(String.format("00:0%d:%02d.%03d", 1 + random.nextInt(3), random.nextInt(60), random.nextInt(1000)))
          .append(',').append(String.format("%.2f", 10 + random.nextDouble() * 90)).append('\n');
    }
    Path input = dir.resolve("clock.csv");
    Files.writeString(input, csv);
    return input;
  }

  @Test
  void clockTimesAreReadOnOneFixedDayNotTheRunsDate(SparkSession spark) throws Exception {
    Dataset<Row> table = TableReader.read(spark, FileFormat.CSV, TestSpark.settings(), clockCsv().toString());
    for (String name : List.of("shift", "start", "duration", "lap")) {
      assertEquals(DataTypes.TimestampNTZType, table.schema().apply(name).dataType(), name);
    }
    Row second = table.collectAsList().get(1); // the first row's shift is missing
    String[] text = Files.readAllLines(dir.resolve("clock.csv")).get(2).split(",");
    assertEquals(LocalDateTime.parse("1970-01-01T" + text[0]), second.get(0), "the shift as written, on 1970-01-01");
    assertEquals(LocalDateTime.parse("1970-01-01T" + text[3]), second.get(3), "milliseconds kept");
  }

  @Test
  void clockTimesComeBackInTheirOwnFormOnTheirGridWhateverTheZone(SparkSession spark) throws Exception {
    Path input = clockCsv();
    List<String> utc = generate(spark, input, "UTC");
    // Monrovia was 44 minutes 30 seconds behind UTC in 1970: a zone-dependent day would leave the quarter hours.
    List<String> monrovia = generate(spark, input, "Africa/Monrovia");
    assertEquals(utc, monrovia, "the same text in any session zone");
    assertEquals(600, utc.size());
    boolean oneDigitHour = false;
    for (String line : utc) {
      String[] cells = line.split(",", -1);
      assertTrue(cells[0].isEmpty() || cells[0].matches("\\d\\d:(00|15|30|45)") && cells[0].compareTo("08:00") >= 0
          && cells[0].compareTo("17:45") <= 0, "a quarter hour within the shifts' range: " + line);
      assertTrue(cells[1].matches("([6-9]|1[0-4]):\\d\\d"), "H:mm as the input wrote it: " + line);
      oneDigitHour |= cells[1].length() == 4;
      assertTrue(cells[2].matches("0[0-2]:[0-5]\\d:[0-5]\\d"), "HH:mm:ss under three hours: " + line);
      assertTrue(cells[3].matches("00:0[1-3]:[0-5]\\d\\.\\d{3}"), "milliseconds as written: " + line);
    }
    assertTrue(oneDigitHour, "hours before 10 in one digit, as in the input");
  }

  private List<String> generate(SparkSession spark, Path input, String zone) throws Exception {
    String sessionZone = spark.conf().get("spark.sql.session.timeZone");
    spark.conf().set("spark.sql.session.timeZone", zone);
    try {
      Path output = dir.resolve("out-" + zone.replace('/', '_'));
      GenerateJob.run(spark, TestSpark.settings("input", input.toString(), "output", output.toString(),
          "num-samples", "600", "seed", "3", "steps", "20"));
      return TestSpark.csvLines(output);
    } finally {
      spark.conf().set("spark.sql.session.timeZone", sessionZone);
    }
  }

  @Test
  void aDatePatternWithoutADayReadsTimesOfDayAndItsNoteOnClockTimesIsTrue(SparkSession spark) throws Exception {
    Files.writeString(dir.resolve("codes.csv"), "hhmm,shift\n0830,08:30\n1745,17:45\n0005,00:05\n");
    Dataset<Row> table = TableReader.read(spark, FileFormat.CSV, TestSpark.settings(),
        dir.resolve("codes.csv").toString());
    PrintStream err = System.err;
    ByteArrayOutputStream notes = new ByteArrayOutputStream();
    Dataset<Row> dated;
    try {
      System.setErr(new PrintStream(notes, true, StandardCharsets.UTF_8));
      dated = DateCodes.read(table, List.of("hhmm=HHmm", "shift=HH:mm"));
    } finally {
      System.setErr(err);
    }
    assertTrue(notes.toString(StandardCharsets.UTF_8).contains("column 'shift' is read as clock times (HH:mm) "
        + "already and written back in its input's form"), notes.toString(StandardCharsets.UTF_8));
    assertEquals(DataTypes.TimestampNTZType, dated.schema().apply("hhmm").dataType(), "zone-free, like shift");
    assertEquals(LocalDateTime.of(1970, 1, 1, 8, 30), dated.first().get(0));
    List<Row> written = dated.select(SampleWriter.written(dated.schema(), FileFormat.CSV)).collectAsList();
    List<String> text = new ArrayList<>();
    written.forEach(row -> text.add(row.getString(0) + "," + row.getString(1)));
    assertEquals(List.of("0830,08:30", "1745,17:45", "0005,00:05"), text);
  }

  @Test
  void durationsOfADayOrMoreStayText(SparkSession spark) throws Exception {
    Files.writeString(dir.resolve("durations.csv"), "duration,n\n00:59:26,1\n27:10:00,2\n01:21:00,3\n");
    StructField duration = TableReader.read(spark, FileFormat.CSV, TestSpark.settings(),
        dir.resolve("durations.csv").toString()).schema().apply("duration");
    assertEquals(DataTypes.StringType, duration.dataType(), "no clock time, and no timestamp on the run's day");
  }
}
