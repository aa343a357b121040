package org.cfdmspark.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import java.nio.file.Path;
import java.util.List;
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
}
