package org.cfdmspark.testkit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.cfdmspark.config.Settings;
import org.cfdmspark.job.JobKnobs;

/**
 * Test fixtures: one local SparkSession shared by all test classes (startup costs seconds; it is replaced only
 * when a test needs another core count), the test data sets, and settings built from knob text.
 */
public final class TestSpark {
  private static SparkSession session;

  private TestSpark() {
  }

  /** A local session with this many cores, reusing the current one when it matches. */
  public static synchronized SparkSession local(int cores) {
    String master = "local[" + cores + "]";
    if (session != null && !session.sparkContext().isStopped() && session.sparkContext().master().equals(master)) {
      return session;
    }
    if (session != null) {
      session.stop();
    }
    session = SparkSession.builder().master(master).appName("cfdm-spark-test")
        .config("spark.ui.enabled", "false")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.sql.shuffle.partitions", "2")
        .getOrCreate();
    return session;
  }

  /** A file of the test data sets (src/test/resources/data, or wherever Surefire's cfdm.test.data points). */
  public static String testData(String name) {
    return Path.of(System.getProperty("cfdm.test.data", "src/test/resources/data"), name).toAbsolutePath()
        .toString();
  }

  /** Generate settings from alternating knob names and values; progress is off unless given. */
  public static Settings settings(String... namesAndValues) {
    Settings settings = Settings.defaults(JobKnobs.GENERATE).with(JobKnobs.PROGRESS, false);
    for (int i = 0; i < namesAndValues.length; i += 2) {
      settings = settings.withText(namesAndValues[i], namesAndValues[i + 1]);
    }
    return settings;
  }

  /** The data lines (header dropped) of every CSV part file in a Spark output directory, sorted. */
  public static List<String> csvLines(Path directory) throws Exception {
    List<String> lines = new ArrayList<>();
    try (Stream<Path> files = Files.list(directory)) {
      for (Path part : files.filter(p -> p.getFileName().toString().startsWith("part-")).sorted().toList()) {
        List<String> partLines = Files.readAllLines(part);
        lines.addAll(partLines.subList(Math.min(1, partLines.size()), partLines.size()));
      }
    }
    lines.sort(null);
    return lines;
  }

  /** The names in a directory (hidden ones too), sorted. */
  public static List<String> listing(Path directory) throws Exception {
    try (Stream<Path> entries = Files.list(directory)) {
      return entries.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}
