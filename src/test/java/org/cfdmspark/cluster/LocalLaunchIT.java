package org.cfdmspark.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cfdmspark.testkit.TestSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * submit.sh's launch in a local master: the executor runs in the driver's JVM, which has the application jar on
 * its class path, so Spark neither serves the jar nor has the executor fetch a copy of it (a cluster's executors
 * still get it: {@link ClusterIT}).
 */
class LocalLaunchIT {
  @RegisterExtension
  final ProcessGuard processes = new ProcessGuard();

  /** Kept when the test fails: the run's log is in it. */
  @TempDir(cleanup = CleanupMode.ON_SUCCESS)
  Path dir;

  @Test
  void localRunDoesNotShipTheApplicationJarToItsOwnExecutor() throws Exception {
    Path output = dir.resolve("output");
    // Spark's INFO lines are the evidence: the executor logs each jar it fetches and adds.
    Submission run = processes.submit(dir.resolve("run.log"), CreditRun.LOCAL_ENVIRONMENT, List.of("--master",
        "local[1]", "--conf", "spark.log.level=INFO", "generate", "--input", TestSpark.testData("penguins.csv"),
        "--num-samples", "20", "--seed", "1", "--progress", "false", "--output", output.toString()));
    assertEquals(0, run.await(CreditRun.RUN_TIMEOUT), () -> "the local run failed:\n" + run.output());
    assertEquals(20, TestSpark.csvLines(output).size(), "rows written");
    String log = run.output();
    assertTrue(log.contains("Starting executor ID driver"), () -> "no INFO lines of the executor:\n" + log);
    assertTrue(log.lines().noneMatch(line -> line.contains("Fetching spark://") && line.contains("/jars/cfdm-spark-")),
        () -> "the local executor fetched the application jar:\n" + log);
  }

  /**
   * Wall-clock times without a zone, a --date pattern's and ISO text's, across New York's spring-forward night: a
   * driver in that zone samples and writes the rows a driver in UTC does (before, 02:30 became 03:30 there).
   */
  @Test
  void aDriverInASummerTimeZoneWritesWhatADriverInUtcWrites() throws Exception {
    StringBuilder csv = new StringBuilder("taken,logged,v\n");
    for (int k = 0; k < 120; k++) {
      LocalDateTime time = LocalDateTime.of(2023, 3, 11, 20, 0).plusMinutes(30L * (k % 24) + 7L * (k / 24));
      csv.append(time.format(DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm"))).append(',')
          .append(time.plusMinutes(45).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"))).append(',')
          .append(k % 10).append('\n');
    }
    Path input = Files.writeString(dir.resolve("night.csv"), csv);
    List<List<String>> rows = new ArrayList<>();
    for (String zone : List.of("UTC", "America/New_York")) {
      Path output = dir.resolve("output-" + zone.replace('/', '-'));
      Map<String, String> environment = new HashMap<>(CreditRun.LOCAL_ENVIRONMENT);
      environment.put("TZ", zone);
      Submission run = processes.submit(dir.resolve(zone.replace('/', '-') + ".log"), environment, List.of("--master",
          "local[1]", "generate", "--input", input.toString(), "--date", "taken=dd/MM/yyyy HH:mm", "--num-samples",
          "200", "--seed", "1", "--progress", "false", "--output", output.toString()));
      assertEquals(0, run.await(CreditRun.RUN_TIMEOUT), () -> "the run in " + zone + " failed:\n" + run.output());
      rows.add(TestSpark.csvLines(output).stream().sorted().toList());
    }
    assertEquals(rows.get(0), rows.get(1), "the rows written in New York against those written in UTC");
    assertTrue(rows.get(1).stream().anyMatch(row -> row.startsWith("12/03/2023 02:")),
        "a wall-clock time of the hour New York skips, as the input has: " + rows.get(1));
  }
}
