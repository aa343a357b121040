package org.cfdmspark.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.spark.sql.SparkSession;
import org.cfdmspark.testkit.SparkTest;
import org.cfdmspark.testkit.Stderr;
import org.cfdmspark.testkit.TestSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A yearly and a daily table, one row per year or day written as a whole number: before, the column was taken for
 * a key and came out as other numbers of its digits (years 1004–9962, days 12260473), none within the training
 * range. Now every sample's year or day is within it, and the daily table gets the note that reads it as dates.
 */
@SparkTest
class CalendarColumnsTest {
  @TempDir
  Path dir;

  @Test
  void yearsAndDaysOneRowEachComeOutWithinTheirTrainingRange(SparkSession spark) throws Throwable {
    Random random = new Random(8);
    List<String> yearly = new ArrayList<>(List.of("year,gdp"));
    for (int year = 1950; year <= 2023; year++) {
      yearly.add(year + "," + (1900 + 40 * (year - 1950) + random.nextInt(100)) + ".5");
    }
    for (String year : samples(spark, dir, "yearly", yearly)) {
      int value = Integer.parseInt(year); // throws for a year that is not a whole number
      assertTrue(value >= 1950 && value <= 2023, "within 1950-2023: " + year);
    }
    List<String> daily = new ArrayList<>(List.of("day,sales"));
    LocalDate first = LocalDate.of(2023, 1, 1);
    for (int k = 0; k < 300; k++) {
      daily.add(first.plusDays(k).format(DateTimeFormatter.BASIC_ISO_DATE) + "," + (80 + random.nextInt(40)));
    }
    List<String> days = new ArrayList<>();
    String stderr = Stderr.of(() -> days.addAll(samples(spark, dir, "daily", daily)));
    assertTrue(stderr.contains("--date day=yyyyMMdd"), stderr);
    long last = Long.parseLong(first.plusDays(299).format(DateTimeFormatter.BASIC_ISO_DATE));
    for (String day : days) {
      long value = Long.parseLong(day);
      assertTrue(value >= 20230101L && value <= last, "within the training days: " + day);
    }
  }

  /** The first column of 200 samples (seed 1) of the table {@code lines}, written to {@code dir}/{@code name}. */
  private static List<String> samples(SparkSession spark, Path dir, String name, List<String> lines)
      throws Exception {
    Path input = dir.resolve(name + ".csv");
    Files.write(input, lines);
    Path output = dir.resolve(name);
    GenerateJob.run(spark, TestSpark.settings("input", input.toString(), "output", output.toString(),
        "num-samples", "200", "seed", "1", "steps", "20"));
    List<String> samples = TestSpark.csvLines(output).stream().map(line -> line.split(",")[0]).toList();
    assertEquals(200, samples.size());
    return samples;
  }
}
