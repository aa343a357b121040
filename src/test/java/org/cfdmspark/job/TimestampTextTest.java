package org.cfdmspark.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.cfdmspark.testkit.SparkTest;
import org.cfdmspark.testkit.TestData;
import org.cfdmspark.testkit.TestSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CSV timestamps' text ({@link TimestampText}) whatever the session's zone: text without an offset is wall-clock
 * time, so that a run in a zone with summer time models and writes what a run in UTC does.
 */
@SparkTest
class TimestampTextTest {
  private static final String NEW_YORK = "America/New_York";

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
