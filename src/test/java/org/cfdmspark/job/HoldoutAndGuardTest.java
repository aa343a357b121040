package org.cfdmspark.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.cfdmspark.config.Settings;
import org.cfdmspark.report.QualityReport;
import org.cfdmspark.testkit.TestSpark;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --holdout-fraction keeps rows away from the sampler; the guard, or σ auto with a target, keeps near-copies rare. */
class HoldoutAndGuardTest {
  private static SparkSession spark;

  @TempDir
  Path dir;

  @BeforeAll
  static void startSpark() {
    spark = TestSpark.local(2);
  }

  @Test
  void heldOutRowsNeverReachTheSampler() throws Exception {
    String input = TestSpark.testData("penguins.csv");
    Path output = dir.resolve("memorised");
    // σ = 0 memorises: every sample is a training row, so a held-out row in the output would show it was sampled.
    GenerateResult result = GenerateJob.run(spark, TestSpark.settings("input", input, "output", output.toString(),
        "sigma", "0", "num-samples", "400", "holdout-fraction", "0.2", "seed", "9"));

    List<String> all = keys(input);
    List<String> holdout = keys(output.resolve(HoldoutSplit.DIRECTORY).toString());
    Set<String> synthetic = new HashSet<>(keys(output.toString()));
    assertEquals(344, result.rows().read());
    assertEquals(result.rows().read(), result.rows().used() + holdout.size(), "training + holdout = input");
    assertTrue(holdout.size() > 40 && holdout.size() < 100, "about 20 % held out: " + holdout.size());
    Set<String> training = new HashSet<>(all);
    training.removeAll(holdout);
    assertEquals(result.rows().used(), all.stream().filter(training::contains).count(), "holdout ∩ training = ∅");
    // The flow ends at t = 0.99 on a softmax mean of width 0.01: a copy, bar the rare pair of twin rows it blends.
    long copies = synthetic.stream().filter(training::contains).count();
    assertTrue(copies >= 0.9 * synthetic.size(), "σ = 0 samples are training rows: " + copies);
    synthetic.retainAll(new HashSet<>(holdout));
    assertEquals(Set.of(), synthetic, "no held-out row was sampled");

    Path repartitioned = dir.resolve("repartitioned");
    GenerateJob.run(spark, TestSpark.settings("input", input, "output", repartitioned.toString(), "sigma", "0",
        "num-samples", "10", "steps", "5", "holdout-fraction", "0.2", "seed", "9", "partitions", "3"));
    assertEquals(holdout, keys(repartitioned.resolve(HoldoutSplit.DIRECTORY).toString()),
        "the split depends on the rows and the seed only");
  }

  @Test
  void creditDefaultMemorisesAtSigmaZeroAndKeepsNearCopiesUnderFivePercentAtTheDefaults() throws Exception {
    QualityReport memorised = creditRun("sigma0", "sigma", "0");
    assertTrue(memorised.privacy().nearCopyRate() >= 0.9, "σ = 0: " + memorised.privacy().nearCopyRate());

    QualityReport defaults = creditRun("defaults");
    assertTrue(defaults.privacy().nearCopyRate() < 0.05, "default knobs: " + defaults.privacy().nearCopyRate());
    JsonNode guard = manifest("defaults").get("guard");
    long replaced = guard.get("replaced").asLong();
    assertTrue(replaced > 0, "the guard had near-copies to redraw");
    long settled = guard.get("still_near").asLong();
    for (JsonNode widening : guard.get("widened")) {
      settled += widening.get("samples").asLong();
    }
    assertEquals(replaced, settled, "every redrawn near-copy settles at one σ multiple or stays near: " + guard);
    // The guard judges in the report's space (point-mass indicators left out): the same threshold, up to the
    // estimate from 5,000 query rows.
    double reported = defaults.privacy().nearCopyThreshold();
    assertEquals(reported, guard.get("threshold").asDouble(), 0.06 * reported, "guard vs report threshold");
  }

  @Test
  void sigmaAutoAloneReachesItsNearCopyTarget() throws Exception {
    // A target between the spacing rule's pilot rate (about 0.018 here) and the next grid point's (about 0.01),
    // so that the calibration has to raise σ.
    QualityReport calibrated = creditRun("calibrated", "near-copy-target", "0.015", "guard", "false");
    assertTrue(calibrated.privacy().nearCopyRate() < 0.05, "σ auto: " + calibrated.privacy().nearCopyRate());
    // σ auto is the smallest grid point whose pilot meets the target: the one a √2 step below it does not.
    JsonNode manifest = manifest("calibrated");
    JsonNode calibration = manifest.at("/strata/0/sigma_calibration");
    double sigma = calibration.get("sigma").asDouble();
    assertEquals(0.015, calibration.get("target").asDouble());
    assertEquals(sigma, manifest.get("sigma").asDouble());
    Map<Double, Double> rates = new HashMap<>();
    calibration.get("trials").forEach(t -> rates.put(t.get("sigma").asDouble(), t.get("near_copy_rate").asDouble()));
    assertTrue(rates.get(sigma) <= 0.015, "chosen σ " + sigma + " meets the target: " + rates);
    double below = rates.keySet().stream().filter(v -> Math.abs(v * Math.sqrt(2) / sigma - 1) < 1e-9).findFirst()
        .orElseThrow(() -> new AssertionError("the grid point below " + sigma + " was tried: " + rates));
    assertTrue(rates.get(below) > 0.015, "σ / √2 misses the target: " + rates);
  }

  private JsonNode manifest(String run) throws Exception {
    return new ObjectMapper().readTree(dir.resolve(run).resolve(RunManifest.FILE_NAME).toFile());
  }

  /** 1,000 samples of credit default's numeric columns with a 20 % holdout, and their report. */
  private QualityReport creditRun(String name, String... knobs) {
    Settings settings = TestSpark.settings("input", TestSpark.testData("credit_default.csv.gz"), "output",
        dir.resolve(name).toString(), "exclude", "ID", "num-samples", "1000", "holdout-fraction", "0.2", "report",
        "true");
    for (int i = 0; i < knobs.length; i += 2) {
      settings = settings.withText(knobs[i], knobs[i + 1]);
    }
    return GenerateJob.run(spark, settings).report();
  }

  /** Every row of a CSV table as text, numbers to one decimal (float encoding round-trips them only that far). */
  private static List<String> keys(String path) throws Exception {
    List<Row> rows = spark.read().option("header", "true").option("inferSchema", "true").option("nullValue", "NA")
        .csv(ReportJob.readable(spark, path)).collectAsList();
    return rows.stream().map(row -> {
      StringBuilder key = new StringBuilder();
      for (int c = 0; c < row.size(); c++) {
        Object v = row.get(c);
        key.append(v instanceof Number n ? String.format(Locale.ROOT, "%.1f", n.doubleValue()) : v).append('|');
      }
      return key.toString();
    }).sorted().toList();
  }
}
