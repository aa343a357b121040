package org.cfdmspark.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.stream.Stream;
import org.cfdmspark.testkit.TestSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * A worker lost mid-run (its JVM killed) costs only retried tasks: the run finishes on the remaining worker with
 * exactly the rows of a local run, no duplicate or partial part file, and the manifest counts the failure.
 */
class WorkerLossIT {
  @RegisterExtension
  final ProcessGuard processes = new ProcessGuard();

  /** Kept when the test fails: the cluster's and the run's logs are in it. */
  @TempDir(cleanup = CleanupMode.ON_SUCCESS)
  Path dir;

  @Test
  void runSurvivesTheLossOfAWorker() throws Exception {
    List<String> expected = CreditRun.localRows(processes, dir);
    StandaloneCluster cluster = processes.cluster(dir.resolve("cluster"), 2);
    Path output = dir.resolve("synthetic");
    Submission run = processes.submit(dir.resolve("run.log"), cluster.environment(),
        CreditRun.args(cluster.masterUrl(), output));

    Matcher progress = run.awaitLine(CreditRun.PROGRESS, CreditRun.RUN_TIMEOUT);
    double percent = Double.parseDouble(progress.group(1));
    assertTrue(percent < 75, "sampling was " + percent + "% done before the worker could be killed; "
        + "raise CreditRun.SAMPLES so that the fault lands mid-way");
    cluster.killWorker(0);
    assertEquals(0, run.await(CreditRun.RUN_TIMEOUT), () -> "the run did not survive the lost worker:\n"
        + run.output());

    List<String> rows = TestSpark.csvLines(output);
    assertEquals(expected, rows, "rows (sorted) differ from the local run's");
    assertEquals(CreditRun.SAMPLES, rows.stream().map(row -> row.substring(0, row.indexOf(','))).distinct()
        .count(), "distinct sample ids");
    assertEquals(CreditRun.PARTITIONS, partFiles(output), "one part file per partition, none twice");
    assertTrue(!TestSpark.listing(output).contains("_temporary"), "no task attempt's files left in the output");
    assertEquals(List.of("synthetic"), TestSpark.listing(dir).stream().filter(name -> name.contains("synthetic"))
        .toList(), "no staging directory left beside the output");
    JsonNode tasks = CreditRun.manifest(output).path("tasks");
    assertTrue(tasks.path("failed").asLong() >= 1 && tasks.path("retried").asLong() >= 1,
        "the manifest should count the lost tasks and their retries: " + tasks + "\n" + run.output());
    // Evidence for whoever reads the Failsafe report: where the fault landed and what the manifest says.
    System.out.println("worker killed at " + percent + "% of sampling; manifest tasks: " + tasks);
  }

  private static long partFiles(Path output) throws Exception {
    try (Stream<Path> files = Files.list(output)) {
      return files.filter(p -> p.getFileName().toString().startsWith("part-")).count();
    }
  }
}
