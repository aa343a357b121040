package org.cfdmspark.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.SparkSession;
import org.cfdmspark.config.BadInputException;
import org.cfdmspark.config.Settings;
import org.cfdmspark.testkit.Stderr;
import org.cfdmspark.testkit.TestSpark;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportJobTest {
  private static SparkSession spark;

  @TempDir
  Path dir;

  @BeforeAll
  static void startSpark() {
    spark = TestSpark.local(2);
  }

  @Test
  void penguinsReportWithHoldoutHasTheDocumentedKeysSaneRangesAndItsImages() throws Throwable {
    Path output = dir.resolve("penguins");
    Settings settings = TestSpark.settings("input", TestSpark.testData("penguins.csv"), "output",
        output.toString(), "num-samples", "300", "steps", "20", "holdout-fraction", "0.2", "seed", "5",
        "target", "species", "report", "true");
    String stderr = Stderr.of(() -> GenerateJob.run(spark, settings));
    assertFalse(stderr.contains("report:"), "progress off (the tests' default): no step lines\n" + stderr);

    Path reportDir = output.resolve(ReportJob.DIRECTORY);
    JsonNode report = new ObjectMapper().readTree(reportDir.resolve(ReportJob.JSON).toFile());
    for (String key : List.of("verdict", "train", "synthetic", "holdout", "columns", "encoding", "options",
        "comparisons", "privacy", "plots", "utility", "identical_match_share", "memorised_fraction", "validity")) {
      assertTrue(report.has(key), "report.json has " + key);
    }
    assertEquals(344, report.at("/train/rows").asLong() + report.at("/holdout/rows").asLong());
    assertEquals(300, report.at("/synthetic/rows").asLong());
    for (String comparison : List.of("synthetic_vs_train", "synthetic_vs_holdout", "train_vs_holdout")) {
      JsonNode c = report.at("/comparisons/" + comparison);
      assertInUnit(c.at("/fidelity/overall"), comparison + " overall");
      assertInUnit(c.at("/fidelity/column_shapes"), comparison + " column shapes");
      assertInUnit(c.at("/fidelity/column_pair_trends"), comparison + " column pair trends");
      assertInUnit(c.at("/detection/score"), comparison + " detection");
      assertInUnit(c.at("/gbt_detection/score"), comparison + " gradient-boosted detection");
      assertEquals(8, c.at("/fidelity/columns").size(), "one score per penguins column");
      assertTrue(c.at("/sliced_wasserstein2").asDouble() >= 0);
      assertTrue(Double.isFinite(c.at("/mmd2").asDouble()));
    }
    JsonNode floor = report.at("/comparisons/train_vs_holdout/fidelity/overall");
    assertTrue(floor.asDouble() > 0.8, "fresh rows of the same source score high: " + floor);
    JsonNode privacy = report.at("/privacy");
    for (String share : List.of("closer_to_train_share", "ideal_closer_to_train_share", "near_copy_rate",
        "dcr_overfitting_protection")) {
      assertInUnit(privacy.get(share), share);
    }
    assertTrue(privacy.at("/dcr_synthetic_to_train/median").asDouble() > 0);
    assertTrue(privacy.at("/dcr_holdout_to_train/median").asDouble()
        >= privacy.at("/dcr_holdout_to_train/percentile5").asDouble());

    // Species is told apart by bill and flipper sizes: trees trained on real rows find Gentoo (the last species in
    // sorted order) almost perfectly.
    JsonNode utility = report.at("/utility");
    assertEquals("roc_auc", utility.get("metric").asText());
    assertEquals("Gentoo", utility.get("positive_class").asText());
    assertTrue(utility.get("real").asDouble() > 0.95, utility.toString());
    assertInUnit(utility.get("synthetic"), "TSTR AUC");
    assertEquals(utility.get("real").asDouble() - utility.get("synthetic").asDouble(), utility.get("gap").asDouble(),
        1e-12);
    assertInUnit(report.at("/identical_match_share/synthetic"), "identical-match share");
    assertInUnit(report.at("/identical_match_share/holdout"), "its holdout reference");
    JsonNode memorised = report.at("/memorised_fraction");
    assertTrue(memorised.get("lower").asDouble() <= memorised.get("fraction").asDouble()
        && memorised.get("fraction").asDouble() <= memorised.get("upper").asDouble(), memorised.toString());
    assertInUnit(memorised.get("holdout"), "memorised share of held-out rows");
    // Decoding clips numbers to the training range and votes among training categories.
    assertEquals(1.0, report.at("/validity/boundary_adherence/score").asDouble());
    assertEquals(1.0, report.at("/validity/category_adherence/score").asDouble());

    JsonNode verdict = report.get("verdict");
    List<String> aspects = new ArrayList<>();
    verdict.forEach(line -> aspects.add(line.get("aspect").asText()));
    assertEquals(List.of("fidelity", "fidelity", "fidelity", "fidelity", "fidelity", "fidelity", "privacy", "privacy",
        "privacy", "privacy", "utility", "validity"), aspects, verdict.toString());
    assertTrue(verdict.get(2).get("text").asText().startsWith("worst column ")
        && verdict.get(3).get("text").asText().startsWith("worst pair "), verdict.toString());
    for (JsonNode line : verdict) {
      assertTrue(Set.of("at the floor", "near", "short", "ok", "check").contains(line.get("status").asText()),
          line.toString());
    }
    assertEquals("ok", verdict.get(9).get("status").asText(), "adherence 1, as asserted above: " + verdict.get(9));

    String html = Files.readString(reportDir.resolve(ReportJob.HTML));
    assertTrue(html.contains("TSTR species"), "the utility row");
    assertTrue(html.indexOf("<h2>Verdict</h2>") < html.indexOf("<h2>Tables</h2>"), "the verdict comes first");
    for (JsonNode line : verdict) {
      assertTrue(html.contains("<b>" + line.get("status").asText() + "</b></td><td class=\"text\">"
          + line.get("text").asText().replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")),
          "report.html shows " + line);
    }
    Matcher images = Pattern.compile("<img src=\"([^\"]+)\"").matcher(html);
    int count = 0;
    while (images.find()) {
      assertTrue(Files.size(reportDir.resolve(images.group(1))) > 1000, images.group(1) + " exists");
      count++;
    }
    assertEquals(8 + 2 + 2, count, "8 marginals, 2 correlation heatmaps, PCA and DCR");
    assertFalse(html.contains("http"), "nothing to fetch: the page opens offline");
  }

  /**
   * README's two commands: generate with a holdout, then report with the whole input as --train. The input holds
   * every held-out row, so the report sets them aside and scores what generate --report scores on the true
   * training rows.
   */
  @Test
  void theInputBeforeTheSplitAsTrainIsReportedOnAsTheTrainingRows() throws Throwable {
    Path output = dir.resolve("split");
    String penguins = TestSpark.testData("penguins.csv");
    Settings generate = TestSpark.settings("input", penguins, "output", output.toString(), "num-samples", "200",
        "steps", "10", "holdout-fraction", "0.2", "seed", "5", "report", "true");
    GenerateJob.run(spark, generate);
    JsonNode onTrainingRows = new ObjectMapper().readTree(output.resolve(ReportJob.DIRECTORY)
        .resolve(ReportJob.JSON).toFile());

    Path reportDir = dir.resolve("input-as-train");
    Settings report = Settings.defaults(ReportKnobs.ALL).with(JobKnobs.PROGRESS, false)
        .withText("train", penguins).withText("synthetic", output.toString())
        .withText("holdout", output.resolve("_holdout").toString()).withText("output", reportDir.toString())
        .withText("seed", "5");
    String stderr = Stderr.of(() -> ReportJob.run(spark, report));
    JsonNode onInput = new ObjectMapper().readTree(reportDir.resolve(ReportJob.JSON).toFile());

    long held = onTrainingRows.at("/holdout/rows").asLong();
    assertEquals(344, onTrainingRows.at("/train/rows").asLong() + held, "penguins.csv has 344 rows");
    assertEquals(0, onTrainingRows.at("/holdout_set_aside").asLong(), "generate's training rows are used whole");
    assertEquals(held, onInput.at("/holdout_set_aside").asLong(), onInput.toString());
    assertEquals(344 - held, onInput.at("/train/rows").asLong());
    assertTrue(stderr.contains("report: --train holds all " + held + " --holdout rows (it is the input before "
        + "the split): set aside"), stderr);
    for (String section : List.of("privacy", "identical_match_share", "memorised_fraction")) {
      assertSameFigures(onTrainingRows.get(section), onInput.get(section), section);
    }
    assertTrue(onInput.at("/privacy/dcr_holdout_to_train/median").asDouble() > 0, "not every held-out row a copy");
  }

  /** generate --report reads the input twice (the fit's, the report's): its notes are printed once. */
  @Test
  void aRunWithItsReportPrintsEachNoteOfTheInputOnce() throws Throwable {
    StringBuilder csv = new StringBuilder("x,region\n");
    for (int i = 0; i < 120; i++) {
      csv.append(i % 23 + 0.5).append(',').append(i % 6 == 0 ? "" : i % 6 == 1 ? "NA" : i % 2 == 0 ? "EU" : "AS")
          .append('\n');
    }
    Path input = Files.writeString(dir.resolve("regions.csv"), csv);
    String stderr = Stderr.of(() -> GenerateJob.run(spark, TestSpark.settings("input", input.toString(), "output",
        dir.resolve("regions-out").toString(), "num-samples", "100", "steps", "10", "report", "true")));
    assertEquals(1, stderr.lines().filter(line -> line.startsWith("note: column 'region' has 20 empty cells and 20 "
        + "'NA' cells")).count(), stderr);
  }

  @Test
  void keyColumnsAreOnlyCheckedForUniqueness() throws Throwable {
    Path output = dir.resolve("keys");
    Settings settings = TestSpark.settings("input", TestSpark.testData("cases/09-unique-int-pk.csv"), "output",
        output.toString(), "num-samples", "300", "steps", "20", "seed", "5", "progress", "true", "report", "true");
    String stderr = Stderr.of(() -> GenerateJob.run(spark, settings));
    // No holdout and no target: one comparison, no TSTR; each step's line says when it began.
    Pattern step = Pattern.compile("(?m)^report: synthetic vs train: .*\\(\\d+\\.\\d s\\)$");
    assertTrue(step.matcher(stderr).find(), stderr);
    assertTrue(stderr.contains("report: done ("), stderr);
    assertFalse(stderr.lines().filter(line -> line.startsWith("report:"))
        .anyMatch(line -> line.contains("holdout") || line.contains("TSTR")), stderr);
    JsonNode report = new ObjectMapper().readTree(output.resolve(ReportJob.DIRECTORY).resolve(ReportJob.JSON)
        .toFile());
    assertEquals("no floor", report.at("/verdict/0/status").asText(), "no holdout: " + report.at("/verdict/0"));
    assertFalse(report.get("verdict").toString().contains("\"utility\""), "no target, no utility line");
    JsonNode last = report.at("/columns/" + (report.at("/columns").size() - 1));
    assertEquals("customer_id", last.get("name").asText(), "listed after the compared columns");
    assertEquals("key", last.get("kind").asText(), report.at("/columns").toString());
    JsonNode fidelity = report.at("/comparisons/synthetic_vs_train/fidelity/columns");
    assertEquals(3, fidelity.size(), "age, plan and monthly_fee; not the key: " + fidelity);
    assertFalse(fidelity.toString().contains("customer_id"), fidelity.toString());
    JsonNode keys = report.at("/validity/key_uniqueness/columns");
    assertEquals(1, keys.size(), keys.toString());
    assertEquals("customer_id", keys.at("/0/column").asText());
    assertEquals(1.0, keys.at("/0/score").asDouble(), "new keys are unique");
  }

  /**
   * report reads a run's tables as the run did: a semicolon file whose free-text column the run left out needs
   * --csv-sep and --exclude, which the run's manifest holds (a new user's report failed on each in turn).
   */
  @Test
  void aReportOfARunsOutputReadsItsTablesAsTheRunDid() throws Throwable {
    StringBuilder csv = new StringBuilder("x;y;comment\n");
    for (int i = 0; i < 120; i++) {
      csv.append(i % 17 + 0.5).append(';').append(i % 5 == 0 ? "a" : "b").append(';').append("note ").append(i)
          .append('\n');
    }
    Path input = Files.writeString(dir.resolve("notes.csv"), csv);
    Path synthetic = dir.resolve("notes-out");
    GenerateJob.run(spark, TestSpark.settings("input", input.toString(), "output", synthetic.toString(),
        "num-samples", "50", "steps", "10", "csv-sep", ";", "exclude", "comment"));
    Settings report = Settings.defaults(ReportKnobs.ALL).with(JobKnobs.PROGRESS, false)
        .withText("train", input.toString()).withText("synthetic", synthetic.toString())
        .withText("output", dir.resolve("notes-report").toString());
    String stderr = Stderr.of(() -> ReportJob.run(spark, report));
    assertTrue(stderr.contains("note: reading the tables as the run that wrote") && stderr.contains("--csv-sep ';'")
        && stderr.contains("--exclude comment"), stderr);
    JsonNode json = new ObjectMapper().readTree(dir.resolve("notes-report").resolve(ReportJob.JSON).toFile());
    assertEquals(2, json.at("/columns").size(), json.at("/columns").toString());
    Settings given = report.withText("exclude", "y");
    assertThrows(BadInputException.class, () -> ReportJob.run(spark, given.withText("output",
        dir.resolve("notes-report-2").toString())), "a given --exclude wins: the comment column is compared then");
  }

  /**
   * report reads a run's columns as the kinds the run was told they are: a column of numbers and a text marker that
   * the run modelled with --categorical (a new user's report failed on it until the option was repeated).
   */
  @Test
  void aReportOfARunsOutputTakesItsColumnKinds() throws Throwable {
    StringBuilder csv = new StringBuilder("x,grade\n");
    for (int i = 0; i < 120; i++) {
      csv.append(i % 17 + 0.5).append(',').append(i % 6 == 0 ? "none" : String.valueOf(i % 4)).append('\n');
    }
    Path input = Files.writeString(dir.resolve("grades.csv"), csv);
    Path synthetic = dir.resolve("grades-out");
    GenerateJob.run(spark, TestSpark.settings("input", input.toString(), "output", synthetic.toString(),
        "num-samples", "50", "steps", "10", "holdout-fraction", "0.2", "categorical", "grade"));
    Settings report = Settings.defaults(ReportKnobs.ALL).with(JobKnobs.PROGRESS, false)
        .withText("train", input.toString()).withText("synthetic", synthetic.toString())
        .withText("holdout", synthetic.resolve("_holdout").toString())
        .withText("output", dir.resolve("grades-report").toString());
    String stderr = Stderr.of(() -> ReportJob.run(spark, report));
    assertTrue(stderr.contains("note: reading the tables as the run that wrote") && stderr.contains("--categorical "
        + "grade"), stderr);
    JsonNode columns = new ObjectMapper().readTree(dir.resolve("grades-report").resolve(ReportJob.JSON).toFile())
        .at("/columns");
    assertEquals("categorical", columns.at("/1/kind").asText(), columns.toString());
  }

  @Test
  void aRunsColumnsComeInTheOrderOfColumnsAndItsReportReadsThemWithItsHoldout() throws Throwable {
    StringBuilder csv = new StringBuilder("x,y,comment\n");
    for (int i = 0; i < 120; i++) {
      csv.append(i % 17 + 0.5).append(',').append(i % 5 == 0 ? "a" : "b").append(",note ").append(i).append('\n');
    }
    Path input = Files.writeString(dir.resolve("listed.csv"), csv);
    Path synthetic = dir.resolve("listed-out");
    GenerateJob.run(spark, TestSpark.settings("input", input.toString(), "output", synthetic.toString(),
        "num-samples", "50", "steps", "10", "columns", "y,comment,x", "ignore", "comment", "holdout-fraction", "0.2"));
    Path part;
    try (java.util.stream.Stream<Path> files = Files.list(synthetic)) {
      part = files.filter(p -> p.getFileName().toString().startsWith("part-")).findFirst().orElseThrow();
    }
    assertEquals("y,comment,x", Files.readAllLines(part).get(0), "as --columns lists them, the --ignore one too");
    Settings report = Settings.defaults(ReportKnobs.ALL).with(JobKnobs.PROGRESS, false)
        .withText("train", input.toString()).withText("synthetic", synthetic.toString())
        .withText("holdout", synthetic.resolve("_holdout").toString())
        .withText("output", dir.resolve("listed-report").toString());
    // The held-out rows hold no --ignore column (the synthetic ones hold it empty): the run's --ignore leaves it out.
    String stderr = Stderr.of(() -> ReportJob.run(spark, report));
    assertTrue(stderr.contains("--columns y,comment,x") && stderr.contains("--ignore comment"), stderr);
    JsonNode json = new ObjectMapper().readTree(dir.resolve("listed-report").resolve(ReportJob.JSON).toFile());
    assertEquals(2, json.at("/columns").size(), json.at("/columns").toString());
  }

  /**
   * report on a sample output reads the tables as on the generate output of the same settings: the model holds how
   * fit read its input (the null text, a --date pattern, a left-out column), and sample's manifest records it.
   */
  @Test
  void aReportOfASampleOutputReadsItsTablesAsOfAGenerateOutput() throws Throwable {
    StringBuilder csv = new StringBuilder("x,visit,y,comment\n");
    for (int i = 0; i < 120; i++) {
      csv.append(i % 11 == 0 ? "?" : String.valueOf(i % 17 + 0.5)).append(',')
          .append(String.format("2023%02d%02d", i % 12 + 1, i % 28 + 1)).append(',').append(i % 5 == 0 ? "a" : "b")
          .append(",note ").append(i).append('\n');
    }
    Path input = Files.writeString(dir.resolve("visits.csv"), csv);
    String[] read = {"null-value", "?", "date", "visit=yyyyMMdd", "exclude", "comment", "seed", "5", "steps", "10"};
    Path generated = dir.resolve("visits-generated");
    GenerateJob.run(spark, withText(TestSpark.settings("input", input.toString(), "output", generated.toString(),
        "num-samples", "50"), read));
    Path model = dir.resolve("visits-model");
    FitJob.run(spark, withText(Settings.defaults(JobKnobs.FIT).withText("input", input.toString())
        .withText("model", model.toString()), read));
    Path sampled = dir.resolve("visits-sampled");
    SampleJob.run(spark, Settings.defaults(JobKnobs.SAMPLE).with(JobKnobs.PROGRESS, false)
        .withText("model", model.toString()).withText("output", sampled.toString()).withText("num-samples", "50"));
    assertEquals(TestSpark.csvLines(generated), TestSpark.csvLines(sampled), "fit then sample writes what generate "
        + "writes");

    List<String> notes = new ArrayList<>();
    List<JsonNode> reports = new ArrayList<>();
    for (Path synthetic : List.of(generated, sampled)) {
      Path reportDir = dir.resolve(synthetic.getFileName() + "-report");
      Settings report = Settings.defaults(ReportKnobs.ALL).with(JobKnobs.PROGRESS, false)
          .withText("train", input.toString()).withText("synthetic", synthetic.toString())
          .withText("output", reportDir.toString());
      String stderr = Stderr.of(() -> ReportJob.run(spark, report));
      notes.add(stderr.lines().filter(line -> line.startsWith("note: reading the tables as the run"))
          .map(line -> line.replace(synthetic.toString(), "OUT")).findFirst().orElse(stderr));
      reports.add(new ObjectMapper().readTree(reportDir.resolve(ReportJob.JSON).toFile()));
    }
    assertEquals(notes.get(0), notes.get(1), "the same read settings from both manifests");
    assertTrue(notes.get(1).contains("--null-value '?'") && notes.get(1).contains("--date visit=yyyyMMdd")
        && notes.get(1).contains("--exclude comment"), notes.get(1));
    assertSameFigures(reports.get(0).get("columns"), reports.get(1).get("columns"), "columns");
    assertSameFigures(reports.get(0).get("comparisons"), reports.get(1).get("comparisons"), "comparisons");
  }

  private static Settings withText(Settings settings, String... namesAndValues) {
    for (int i = 0; i < namesAndValues.length; i += 2) {
      settings = settings.withText(namesAndValues[i], namesAndValues[i + 1]);
    }
    return settings;
  }

  @Test
  void anUnknownTargetIsRefusedBeforeSampling() {
    Path output = dir.resolve("no-such-target");
    Settings settings = TestSpark.settings("input", TestSpark.testData("penguins.csv"), "output",
        output.toString(), "num-samples", "10", "report", "true", "target", "beak");
    BadInputException error = assertThrows(BadInputException.class, () -> GenerateJob.run(spark, settings));
    assertTrue(error.getMessage().contains("--target beak is not among the compared columns"), error.getMessage());
    assertFalse(Files.exists(output), "nothing written");
  }

  /** A key column (every value distinct) cannot be a label: refused after the fit, before a row is written. */
  @Test
  void aKeyColumnAsTargetIsRefusedBeforeAnyRowIsWritten() {
    Path output = dir.resolve("key-target");
    Settings settings = TestSpark.settings("input", TestSpark.testData("cases/09-unique-int-pk.csv"), "output",
        output.toString(), "num-samples", "10", "report", "true", "holdout-fraction", "0.2", "target",
        "customer_id");
    BadInputException error = assertThrows(BadInputException.class, () -> GenerateJob.run(spark, settings));
    assertEquals("--target customer_id is a key column (every value distinct, id-like: its values are made new, not "
        + "modelled), so no model can learn it; name a label column as --target, or model it with --no-key "
        + "customer_id", error.getMessage());
    assertFalse(Files.exists(output), "nothing written");
  }

  /** The same keys and values, numbers within rounding (the codec's sums run over the rows in another order). */
  private static void assertSameFigures(JsonNode expected, JsonNode actual, String path) {
    if (expected.isNumber()) {
      assertTrue(actual.isNumber(), path + " = " + actual);
      assertEquals(expected.asDouble(), actual.asDouble(), 1e-9, path);
    } else if (expected.isContainerNode()) {
      assertEquals(expected.size(), actual.size(), path + ": " + actual);
      expected.fieldNames().forEachRemaining(name -> assertSameFigures(expected.get(name), actual.get(name),
          path + "/" + name));
      for (int i = 0; expected.isArray() && i < expected.size(); i++) {
        assertSameFigures(expected.get(i), actual.get(i), path + "/" + i);
      }
    } else {
      assertEquals(expected, actual, path);
    }
  }

  private static void assertInUnit(JsonNode value, String what) {
    assertNotNull(value, what);
    assertTrue(value.isNumber() && value.asDouble() >= 0 && value.asDouble() <= 1, what + " = " + value);
  }
}
