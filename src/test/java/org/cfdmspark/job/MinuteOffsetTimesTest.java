package org.cfdmspark.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.cfdmspark.testkit.SparkTest;
import org.cfdmspark.testkit.TestSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ISO-8601 date-times with an offset written to the minute ({@code 2023-11-23T04:55+01:00}, Python's
 * isoformat(timespec='minutes')): Spark's inference left them text, which was taken for a key and rebuilt
 * character by character (month 16, hour 27). They are read as the instants they name and written back in their
 * own form; the expectations here are java.time's reading of the same text.
 */
@SparkTest
class MinuteOffsetTimesTest {
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final DateTimeFormatter MINUTES_T = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mmxxx");
  private static final DateTimeFormatter MINUTES_SPACE_Z = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mmXXX");

  @TempDir
  Path dir;

  @Test
  void theFormsOfAnInstantToTheMinuteAreDateTimesAndOtherTextIsNot() {
    assertTrue(MinuteOffsetTimes.is("2023-11-23T04:55+01:00"));
    assertTrue(MinuteOffsetTimes.is("2023-11-23 04:55-05:30"));
    assertTrue(MinuteOffsetTimes.is("2023-11-23T04:55Z"));
    assertTrue(MinuteOffsetTimes.is("2023-11-23 04:55:07.25+02:00"), "seconds beside minutes in one column");
    assertFalse(MinuteOffsetTimes.is("2023-02-30T04:55+01:00"), "no February 30");
    assertFalse(MinuteOffsetTimes.is("2023-13-01T04:55+01:00"), "no month 13");
    assertFalse(MinuteOffsetTimes.is("2023-11-23T24:10+01:00"), "no hour 24");
    assertFalse(MinuteOffsetTimes.is("2023-11-23T04:55"), "no offset: Spark reads it itself");
    assertFalse(MinuteOffsetTimes.is("2023-11-23T04:55+0100"), "an offset in another form");
    assertFalse(MinuteOffsetTimes.is(" 2023-11-23T04:55+01:00"), "spaces around");
    assertFalse(MinuteOffsetTimes.is("ORD-2023-11-23T04:55Z"));
  }

  /**
   * Each form (Berlin's +01:00 and +02:00 after a T, UTC's Z after a space) is read as the instants java.time reads
   * and written back as it was.
   */
  @Test
  void minuteDateTimesWithOffsetsAreReadAsTheirInstantsAndWrittenBackInTheirForm(SparkSession spark)
      throws Exception {
    List<List<String>> tables = List.of(times(BERLIN, MINUTES_T, 200, 5), times(ZoneOffset.UTC, MINUTES_SPACE_Z,
        200, 6));
    for (int t = 0; t < tables.size(); t++) {
      List<String> lines = tables.get(t);
      Path input = Files.createDirectories(dir.resolve("form" + t)).resolve("input.csv");
      Files.write(input, lines);
      Dataset<Row> table = TableReader.readCounted(spark, FileFormat.CSV, TestSpark.settings(), input.toString())
          .table();
      assertEquals(DataTypes.TimestampType, table.schema().apply("ts").dataType(),
          "read as timestamps: " + lines.get(1));
      List<Instant> read = table.collectAsList().stream().map(row -> ((Timestamp) row.get(0)).toInstant()).sorted()
          .toList();
      List<Instant> expected = lines.stream().skip(1).map(line -> line.split(",")[0])
          .map(cell -> OffsetDateTime.parse(cell.replace(' ', 'T')).toInstant()).sorted().toList();
      assertEquals(expected, read);
      List<String> sorted = new ArrayList<>(lines.subList(1, lines.size()));
      sorted.sort(null);
      assertEquals(sorted, TimestampTextTest.writtenAsSamples(spark, input.getParent(), lines),
          "written back in the input's form: " + lines.get(1));
    }
  }

  /**
   * The user's table: every sample a real instant within the training rows' range, written to the minute with the
   * offset Berlin's rules give it (before, 636 of 1,000 samples were no date and 180 had the other offset).
   */
  @Test
  void samplesAreInstantsWithinTheTrainingRangeAtTheOffsetsOfTheZone(SparkSession spark) throws Exception {
    List<String> lines = times(BERLIN, MINUTES_T, 300, 7);
    Path input = dir.resolve("dst.csv");
    Files.write(input, lines);
    List<OffsetDateTime> training = lines.stream().skip(1).map(line -> OffsetDateTime.parse(line.split(",")[0]))
        .sorted().toList();
    Path output = dir.resolve("out");
    GenerateJob.run(spark, TestSpark.settings("input", input.toString(), "output", output.toString(),
        "num-samples", "300", "seed", "1", "steps", "20"));
    List<String> samples = TestSpark.csvLines(output);
    assertEquals(300, samples.size());
    for (String line : samples) {
      String cell = line.split(",")[0];
      assertTrue(cell.matches("2023-\\d\\d-\\d\\dT\\d\\d:\\d\\d[+-]\\d\\d:\\d\\d"), "the input's form: " + line);
      OffsetDateTime time = OffsetDateTime.parse(cell); // throws for a cell that is no date-time
      assertFalse(time.isBefore(training.get(0)) || time.isAfter(training.get(training.size() - 1)),
          "within the training range: " + line);
      assertEquals(BERLIN.getRules().getOffset(time.toInstant()), time.getOffset(), "Berlin's offset: " + line);
    }
  }

  /**
   * A header and {@code rows} rows of date-times at random minutes of Berlin's 2023, written in {@code zone} in
   * {@code form}, and a number.
   */
  private static List<String> times(ZoneId zone, DateTimeFormatter form, int rows, long seed) {
    Random random = new Random(seed);
    List<String> lines = new ArrayList<>(List.of("ts,x"));
    for (int i = 0; i < rows; i++) {
      LocalDateTime time = LocalDateTime.parse("2023-01-01T00:00").plusMinutes(random.nextInt(365 * 24 * 60));
      lines.add(time.atZone(BERLIN).withZoneSameInstant(zone).format(form) + "," + random.nextInt(100));
    }
    return lines;
  }
}
