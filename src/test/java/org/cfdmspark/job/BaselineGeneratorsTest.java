package org.cfdmspark.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.cfdmspark.config.BadInputException;
import org.cfdmspark.config.Settings;
import org.cfdmspark.encoding.ColumnNames;
import org.cfdmspark.testkit.TestSpark;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --generator's baselines through the job (encoding, strata, guard, output) and report --compare. */
class BaselineGeneratorsTest {
  private static final List<String> BASELINES = List.of("mixup", "smote", "copula", "copy");
  /** The knobs "given on the command line" of the compare runs: --num-samples; the holdout takes its default. */
  private static final Set<String> GIVEN = Set.of("num-samples");
  private static SparkSession spark;

  @TempDir
  Path dir;

  @BeforeAll
  static void startSpark() {
    spark = TestSpark.local(2);
  }

  private List<String> sample(String generator, String partitions) throws Exception {
    Path output = dir.resolve(generator + "-p" + partitions);
    GenerateJob.run(spark, TestSpark.settings("input", TestSpark.testData("penguins.csv"), "output",
        output.toString(), "generator", generator, "stratify-by", "species", "num-samples", "300", "seed", "11",
        "partitions", partitions, "sample-id", "true"));
    return TestSpark.csvLines(output);
  }

  @Test
  void everyBaselineGivesTheSameRowsForOneThreeAndEightPartitions() throws Exception {
    for (String generator : BASELINES) {
      List<String> one = sample(generator, "1");
      assertEquals(300, one.size(), generator);
      assertEquals(one, sample(generator, "3"), generator + " with 3 partitions");
      assertEquals(one, sample(generator, "8"), generator + " with 8 partitions");
    }
  }

  @Test
  void copyWritesTrainingRowsAndTheOthersNewOnes() {
    Dataset<Row> training = spark.read().option("header", "true").option("inferSchema", "true")
        .option("nullValue", "NA").csv(TestSpark.testData("penguins.csv"));
    Column[] typed = Arrays.stream(training.schema().fields())
        .map(f -> ColumnNames.column(f.name()).cast(f.dataType()).as(f.name())).toArray(Column[]::new);
    for (String generator : BASELINES) {
      Path output = dir.resolve("rows-" + generator);
      GenerateJob.run(spark, TestSpark.settings("input", TestSpark.testData("penguins.csv"), "output",
          output.toString(), "generator", generator, "num-samples", "200", "seed", "3", "guard", "false"));
      // The output writes missing cells as penguins.csv does, NA.
      Dataset<Row> sampled = spark.read().option("header", "true").option("inferSchema", "true")
          .option("nullValue", "NA").csv(output.toString()).select(typed);
      long distinct = sampled.distinct().count();
      long notTraining = sampled.except(training).count();
      if (generator.equals("copy")) {
        assertEquals(0, notTraining, "every copy is a training row");
      } else {
        assertTrue(notTraining > distinct / 2, generator + ": only " + notTraining + " of " + distinct
            + " distinct rows are new");
      }
    }
  }

  /**
   * copy draws training rows uniformly, guard or not: the 10 of 200 rows that have a twin (5 pairs) take about 5 %
   * of 2,000 copies (binomial sd 0.5 %). With the guard on it once redrew every copy until it fell on a
   * row with a twin, which the guard lets pass: a new user's 500 copies held 149 distinct rows.
   */
  @Test
  void copyDrawsTrainingRowsUniformlyEvenWhenSomeHaveTwins() throws Exception {
    StringBuilder csv = new StringBuilder("x,y\n");
    Set<String> twinRows = new java.util.HashSet<>();
    for (int i = 0; i < 200; i++) {
      int row = i < 190 ? i : 190 + (i - 190) / 2; // the last 10 rows are 5 pairs of twins
      String line = (row * 37 % 200 + 0.25) / 10 + "," + (row * 7 % 31 + 0.5);
      csv.append(line).append('\n');
      if (i >= 190) {
        twinRows.add(line);
      }
    }
    Path input = dir.resolve("twins.csv");
    Files.writeString(input, csv);
    Path output = dir.resolve("copies");
    GenerateJob.run(spark, TestSpark.settings("input", input.toString(), "output", output.toString(),
        "generator", "copy", "num-samples", "2000", "seed", "5"));
    List<String> lines = TestSpark.csvLines(output);
    long twins = lines.stream().filter(twinRows::contains).count();
    assertEquals(2000, lines.size());
    assertTrue(csv.toString().contains(lines.get(0) + "\n"), lines.get(0) + " is written as its training row");
    assertEquals(0.05, twins / 2000.0, 0.02, "rows with a twin are 5 % of the training rows");
    assertTrue(lines.stream().distinct().count() > 150, "copies spread over the rows");
  }

  @Test
  void compareTabulatesEveryGeneratorOnTheSameInput() throws Exception {
    Path output = dir.resolve("compare");
    Settings settings = Settings.defaults(ReportKnobs.ALL).with(JobKnobs.PROGRESS, false)
        .withText("input", TestSpark.testData("penguins.csv")).withText("output", output.toString())
        .withText("num-samples", "150").withText("steps", "10").withText("seed", "4")
        .withText("distance-rows", "150").withText("plot-columns", "0");
    SweepJob.compare(spark, settings, GIVEN);
    JsonNode table = new ObjectMapper().readTree(output.resolve(SweepJob.COMPARE_JSON).toFile());
    assertEquals("generator", table.get("knob").asText());
    JsonNode rows = table.get("rows");
    // Every generator, in --generator's order: σ-CFDM, the trained score models, the baselines.
    List<String> generators = List.of("cfdm", "random-features", "score-net", "mixup", "smote", "copula", "copy");
    assertEquals(generators.size(), rows.size());
    for (int k = 0; k < rows.size(); k++) {
      JsonNode row = rows.get(k);
      assertEquals(generators.get(k), row.get("value").asText());
      assertEquals(150, row.get("samples").asLong());
      for (String figure : List.of("overall_fidelity", "detection", "sliced_w2", "holdout_sliced_w2",
          "floor_sliced_w2", "near_copy_rate", "closer_to_train_share", "exact_copy_rate")) {
        assertTrue(row.get(figure).isNumber() && row.get(figure).asDouble() >= 0, generators.get(k) + " "
            + figure + " = " + row.get(figure));
      }
      assertTrue(Files.exists(output.resolve(row.get("report").asText())), "each run has its report");
    }
    // copy is the memorisation reference: every row a training row; σ-CFDM's guard keeps copies out.
    JsonNode copy = rows.get(generators.indexOf("copy"));
    assertEquals(1.0, copy.get("exact_copy_rate").asDouble());
    assertEquals(1.0, copy.get("near_copy_rate").asDouble());
    assertTrue(rows.get(0).get("exact_copy_rate").asDouble() < 0.05, "cfdm: " + rows.get(0));
    // One floor for all: the same training and holdout rows in every run.
    assertEquals(rows.get(0).get("floor_sliced_w2").asDouble(),
        rows.get(generators.indexOf("copula")).get("floor_sliced_w2").asDouble());
    assertNotEquals(rows.get(generators.indexOf("mixup")).get("sliced_w2").asDouble(),
        rows.get(generators.indexOf("smote")).get("sliced_w2").asDouble());
    String html = Files.readString(output.resolve(SweepJob.COMPARE_HTML));
    for (String generator : generators) {
      assertTrue(html.contains("<tr><td>" + generator + "</td>"), "the page lists " + generator);
    }
    assertTrue(Files.size(output.resolve(SweepJob.COMPARE_PLOT)) > 1000, "the plot is drawn");
  }

  @Test
  void compareAndSweepExcludeEachOther() {
    Settings settings = Settings.defaults(ReportKnobs.ALL).withText("input", TestSpark.testData("penguins.csv"))
        .withText("output", dir.resolve("both").toString()).withText("sweep", "sigma=0,0.1");
    BadInputException e = assertThrows(BadInputException.class, () -> SweepJob.compare(spark, settings, GIVEN));
    assertTrue(e.getMessage().contains("--sweep"), e.getMessage());
  }
}
