package org.cfdmspark.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.cfdmspark.job.RunManifest;
import org.cfdmspark.testkit.TestSpark;

/**
 * The generate run the process tests make: the real credit default table, a fixed seed, sample ids; about half
 * a minute of sampling on this machine, long enough to kill something mid-way. Its result in {@code local[2]}
 * is computed once per JVM and is the reference every other run must reproduce exactly.
 */
final class CreditRun {
  static final int SAMPLES = 480;
  /** Several tasks per executor: one can be lost while others are still to run. */
  static final int PARTITIONS = 8;
  static final Duration RUN_TIMEOUT = Duration.ofMinutes(10);
  static final Map<String, String> LOCAL_ENVIRONMENT = Map.of("SPARK_LOCAL_IP", "127.0.0.1");
  /**
   * A progress line of the driver once some rows are sampled and written but not all, e.g. {@code sampling:
   * 12.5% (60 of 480 rows)}: a fault injected then lands mid-way. (0.0% lines come from heartbeats early on.)
   */
  static final Pattern PROGRESS = Pattern.compile("^sampling: ([1-9]\\d?\\.\\d)% ");
  private static List<String> localRows;

  private CreditRun() {
  }

  /** {@code submit.sh} arguments: the run on {@code master}, to {@code output}, plus {@code more} generate options. */
  static List<String> args(String master, Path output, String... more) {
    List<String> args = new ArrayList<>(List.of("--master", master, "--conf", "spark.ui.enabled=false",
        "generate", "--input", TestSpark.testData("credit_default.csv.gz"), "--exclude", "ID",
        "--num-samples", String.valueOf(SAMPLES), "--steps", "50", "--seed", "20261123", "--sample-id", "true",
        "--partitions", String.valueOf(PARTITIONS), "--output", output.toString()));
    args.addAll(List.of(more));
    return args;
  }

  /** The sorted data rows of the run in local[2] (run on first use, in {@code dir}). */
  static synchronized List<String> localRows(ProcessGuard processes, Path dir) throws Exception {
    if (localRows == null) {
      Path output = dir.resolve("local-reference");
      Submission run = processes.submit(dir.resolve("local-reference.log"), LOCAL_ENVIRONMENT,
          args("local[2]", output));
      assertEquals(0, run.await(RUN_TIMEOUT), () -> "the local reference run failed:\n" + run.output());
      localRows = TestSpark.csvLines(output);
      assertEquals(SAMPLES, localRows.size(), "rows of the local reference run");
    }
    return localRows;
  }

  /** The run's manifest. */
  static JsonNode manifest(Path output) throws Exception {
    return new ObjectMapper().readTree(output.resolve(RunManifest.FILE_NAME).toFile());
  }
}
