package org.cfdmspark.ml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.ml.param.Param;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.cfdmspark.config.BadInputException;
import org.cfdmspark.config.Json;
import org.cfdmspark.config.KnobException;
import org.cfdmspark.testkit.SparkTest;
import org.cfdmspark.testkit.Stderr;
import org.cfdmspark.testkit.TestData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Spark ML API: fit once, sample many, transform ids, save and load, Params. */
@SparkTest
class CfdmModelTest {
  private static Dataset<Row> penguins;
  private static CfdmModel model;

  @TempDir
  Path dir;

  @BeforeAll
  static void fit(SparkSession spark) {
    penguins = TestData.csv(spark, "penguins.csv").cache();
    model = new CfdmSynthesizer().setSeed(11).setSteps(20).fit(penguins);
  }

  @Test
  void samplesHaveTheInputSchemaAndAreAPureFunctionOfTheIds() {
    Dataset<Row> rows = model.sample(300);
    assertEquals(penguins.schema(), rows.schema());
    assertEquals(300, rows.count());
    List<Row> reference = model.transform(model.sampleIds(300, 1)).orderBy(CfdmModel.SAMPLE_ID).collectAsList();
    for (int partitions : new int[] {3, 8}) {
      assertEquals(reference,
          model.transform(model.sampleIds(300, partitions)).orderBy(CfdmModel.SAMPLE_ID).collectAsList(),
          partitions + " partitions");
    }
    // Any id column works, in any order: sample 17 is sample 17.
    Row seventeen = reference.get(17);
    Dataset<Row> ids = penguins.sparkSession().range(17, 18).toDF(CfdmModel.SAMPLE_ID);
    assertEquals(seventeen, model.transform(ids).first());
  }

  @Test
  void sigmaZeroSamplesTrainingRowsEvenWithNoiseKnobsSet() throws Throwable {
    // σ 0 memorises (method.md §4): with the default 100 steps the flow's last posterior mean is one training row,
    // so every sample must be a row of the input as written, noise or not.
    CfdmSynthesizer unsmoothed = new CfdmSynthesizer().setSeed(4).setKnob("sigma", "0")
        .setKnob("numeric-scale", "normal-scores").setKnob("final-noise", "0.15").setKnob("local-noise", "1")
        .setKnob("parent-noise", "1").setKnob("leave-one-out", "true").setKnob("marginal-map", "true");
    CfdmModel[] memorising = new CfdmModel[1];
    String warnings = Stderr.of(() -> memorising[0] = unsmoothed.fit(penguins));
    Dataset<Row> rows = memorising[0].sample(200);
    assertEquals(200, rows.count());
    assertEquals(0, rows.except(penguins).count(), "samples that are not training rows");
    // The guard cannot act without σ: the user is told, in one line, that the output is copies.
    assertEquals(1, warnings.lines().filter(line -> line.startsWith("warning: --sigma 0 leaves sigma-CFDM no "
        + "smoothing: the samples are copies of training rows") && line.contains("use --sigma auto")).count(),
        warnings);
    assertTrue(Stderr.of(() -> new CfdmSynthesizer().setSeed(4).setKnob("draws", "1").fit(penguins))
        .contains("warning: --draws 1 leaves sigma-CFDM no smoothing: the samples are copies of training rows and the "
            + "near-copy guard is off; give --draws 2 or more (the default is 4)"), "--draws 1: its own fix");
    assertFalse(Stderr.of(() -> new CfdmSynthesizer().setSeed(4).setSteps(10).fit(penguins)).contains("copies"),
        "σ auto smooths: no such warning");
  }

  @Test
  void theSummaryNamesTheRedrawnColumnsAndNotAKeyBeforeOne() {
    // "tag" holds a distinct id per row: a key of no slots, starting where island's block does.
    Dataset<Row> tagged = penguins.withColumn("tag", functions.concat(functions.lit("P"),
        functions.monotonically_increasing_id().cast("string")))
        .select("species", "tag", "island", "bill_length_mm", "bill_depth_mm", "flipper_length_mm", "body_mass_g",
            "sex", "year");
    CfdmModel fitted = new CfdmSynthesizer().setSeed(3).setSteps(20).setKnob("redraw-columns", "island,sex")
        .fit(tagged);
    assertEquals(List.of("island", "sex"), fitted.summary().strata().get(0).redrawnColumns());
  }

  @Test
  void aSavedModelLoadsAndSamplesBitIdentically() throws Exception {
    // credit_data's 4,455 rows get the marginal stretch (penguins' 344 are too few for its pilot).
    CfdmModel stretched = new CfdmSynthesizer().setSeed(7).setSteps(20).setKnob("leave-one-out", "true")
        .fit(TestData.csv(penguins.sparkSession(), "credit_data.csv.gz"));
    assertFalse(stretched.summary().marginalStretches().isEmpty(), "the stretch is part of the model");
    assertTrue(stretched.summary().missingScales().containsKey("Income"), "Income: 8.6 % missing");
    for (CfdmModel fitted : List.of(model,
        new CfdmSynthesizer().setSeed(5).setStratifyBy("species").setKnob("index", "ivf")
            .setKnob("parent-noise", "1").setKnob("leave-one-out", "true").setKnob("redraw-columns", "island,sex")
            .fit(penguins), stretched)) {
      String path = dir.resolve("model-" + fitted.uid() + fitted.summary().strata().size()).toString();
      fitted.write().save(path);
      CfdmModel loaded = CfdmModel.load(path);
      assertEquals(fitted.sample(1000).collectAsList(), loaded.sample(1000).collectAsList());
      assertEquals(fitted.summary(), loaded.summary());
      assertEquals(fitted.settings().asText(), loaded.settings().asText());
      assertEquals(fitted.uid(), loaded.uid());
    }
  }

  @Test
  void aLoadedModelNamesItsMetadataBySha256AndRefusesRowsThatAreNotItsOwn() throws Exception {
    assertEquals(null, model.savedSha256(), "a fitted model was never saved");
    String path = dir.resolve("named").toString();
    model.write().save(path);
    Path metadata = Path.of(path, ModelStore.METADATA);
    String sha256 = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
        .digest(Files.readAllBytes(metadata)));
    assertEquals(sha256, CfdmModel.load(path).savedSha256());

    // Another fit of as many rows, whose rows are put in this model's place: a model replaced between the reads of
    // its metadata and of its rows loaded as a mix of the two, silently.
    String other = dir.resolve("other").toString();
    new CfdmSynthesizer().setSeed(11).setSteps(20)
        .fit(penguins.withColumn("bill_length_mm", functions.negate(functions.col("bill_length_mm")))).write()
        .save(other);
    Path rows = Path.of(path, "strata", "0");
    try (var files = Files.walk(rows)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
    }
    try (var files = Files.walk(Path.of(other, "strata", "0"))) {
      for (Path file : files.toList()) {
        Files.copy(file, rows.resolve(Path.of(other, "strata", "0").relativize(file)),
            java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      }
    }
    BadInputException mixed = assertThrows(BadInputException.class, () -> CfdmModel.load(path));
    assertTrue(mixed.getMessage().contains("is corrupt") && mixed.getMessage().contains("rows are not the ones saved"),
        mixed.getMessage());

    // A truncated rows file, and no rows at all: Spark's own reading errors, one line of ours each.
    String truncated = dir.resolve("truncated").toString();
    model.write().save(truncated);
    try (var files = Files.list(Path.of(truncated, "strata", "0"))) {
      for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".parquet")).toList()) {
        Files.write(file, java.util.Arrays.copyOf(Files.readAllBytes(file), 300));
        Files.deleteIfExists(file.resolveSibling("." + file.getFileName() + ".crc"));
      }
    }
    BadInputException cut = assertThrows(BadInputException.class, () -> CfdmModel.load(truncated));
    assertTrue(cut.getMessage().contains("is corrupt"), cut.getMessage());
    String empty = dir.resolve("empty").toString();
    model.write().save(empty);
    try (var files = Files.walk(Path.of(empty, "strata"))) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
    }
    BadInputException gone = assertThrows(BadInputException.class, () -> CfdmModel.load(empty));
    assertTrue(gone.getMessage().contains("is corrupt"), gone.getMessage());
  }

  @Test
  void aModelSavedBeforeTheRedrawOrWithItsOldEmptyTextLoadsWithoutIt() throws Exception {
    String name = ModelKnobs.REDRAW_COLUMNS.name();
    assertEquals(List.of("auto"), model.settings().get(ModelKnobs.REDRAW_COLUMNS), "the default");
    for (String saved : new String[] {null, "(none)"}) {
      String path = dir.resolve("old-" + saved).toString();
      model.write().save(path);
      Path metadata = Path.of(path, ModelStore.METADATA);
      ObjectNode document = (ObjectNode) Json.mapper().readTree(metadata.toFile());
      ObjectNode settings = (ObjectNode) document.get("settings");
      assertEquals("auto", settings.get(name).asText());
      if (saved == null) {
        settings.remove(name);
      } else {
        settings.put(name, saved);
      }
      // Such a model stored no fitted redraw either: its load fits one from the settings.
      assertTrue(document.get("strata").get(0).get("column_redraw").get("from").size() > 0, "penguins' year");
      document.get("strata").forEach(stratum -> ((ObjectNode) stratum).remove("column_redraw"));
      Json.mapper().writeValue(metadata.toFile(), document);
      Files.deleteIfExists(metadata.resolveSibling("." + ModelStore.METADATA + ".crc")); // Hadoop's old checksum
      CfdmModel loaded = CfdmModel.load(path);
      assertEquals(List.of(), loaded.settings().get(ModelKnobs.REDRAW_COLUMNS), "saved as " + saved);
      assertNotEquals(model.sample(200).collectAsList(), loaded.sample(200).collectAsList(),
          "without the redraw, other samples");
    }
  }

  @Test
  void stratifiedSamplingFollowsTheCountsAskedFor() {
    CfdmModel stratified = new CfdmSynthesizer().setSeed(2).setSteps(10).setStratifyBy("species")
        .fit(penguins);
    Dataset<Row> rows = stratified.sample(Map.of("Adelie", 40L, "Gentoo", 10L));
    Map<String, Long> counts = new java.util.TreeMap<>();
    rows.groupBy("species").count().collectAsList().forEach(r -> counts.put(r.getString(0), r.getLong(1)));
    assertEquals(Map.of("Adelie", 40L, "Gentoo", 10L), counts);
    BadInputException unknown = assertThrows(BadInputException.class,
        () -> stratified.sample(Map.of("Emperor", 5L)));
    assertTrue(unknown.getMessage().contains("'Emperor' is not a value of species"), unknown.getMessage());
    assertTrue(unknown.getMessage().contains("Adelie, Chinstrap, Gentoo"), unknown.getMessage());
    long total = stratified.allocation(100).values().stream().mapToLong(Long::longValue).sum();
    assertEquals(100, total);
    BadInputException unstratified = assertThrows(BadInputException.class, () -> model.sample(Map.of("east", 3L)));
    assertTrue(unstratified.getMessage().startsWith("counts per value need a model fitted with --stratify-by"),
        "not \"'east' is not a value of null\": " + unstratified.getMessage());
  }

  @Test
  void anotherSamplingSeedGivesOtherRowsFromTheSameFit() {
    List<Row> first = model.sample(50).collectAsList();
    assertEquals(first, model.withSamplingSeed(11).sample(50).collectAsList(), "the fitted seed");
    assertNotEquals(first, model.withSamplingSeed(12).sample(50).collectAsList());
  }

  @Test
  void paramsAreTheModelKnobsWithTheirDefaultsAndRanges() {
    CfdmSynthesizer synthesizer = new CfdmSynthesizer();
    assertEquals(ModelKnobs.ALL.size(), synthesizer.params().length);
    Param<?> draws = synthesizer.param("draws");
    assertEquals("draws", draws.name());
    assertEquals(4, synthesizer.getOrDefault(draws));
    assertTrue(synthesizer.explainParams().contains("startTime: Start time T"), synthesizer.explainParams());
    assertThrows(KnobException.class, () -> synthesizer.setKnob("draws", "0"));
    assertThrows(KnobException.class, () -> synthesizer.setKnob("no-such-knob", "1"));
    assertThrows(IllegalArgumentException.class, () -> synthesizer.setDraws(0));
    CfdmSynthesizer copy = synthesizer.setSigma(0.25).copy(new org.apache.spark.ml.param.ParamMap());
    assertEquals("0.25", copy.settings().asText().get("sigma"));
    assertEquals(synthesizer.uid(), copy.uid());
  }

  @Test
  void schemaProblemsAreRefusedBeforeAnySparkWork() {
    BadInputException error = assertThrows(BadInputException.class,
        () -> new CfdmSynthesizer().setCategorical("no_such").setStratifyBy("other").transformSchema(
            penguins.schema()));
    assertTrue(error.getMessage().contains("\"no_such\" in --categorical"), error.getMessage());
    assertTrue(error.getMessage().contains("--stratify-by other must be a modelled column"), error.getMessage());
    BadInputException ids = assertThrows(BadInputException.class,
        () -> model.transform(penguins.sparkSession().range(3).toDF("id")));
    assertTrue(ids.getMessage().contains("no 'sample_id' column"), ids.getMessage());
  }

  @Test
  void ignoredColumnsStayInTheSchemaAsNulls() {
    CfdmModel ignoring = new CfdmSynthesizer().setSeed(1).setSteps(10).setIgnore("sex", "year").fit(penguins);
    Dataset<Row> rows = ignoring.sample(64);
    assertEquals(List.of(penguins.columns()), List.of(rows.columns()));
    assertEquals(64, rows.where(functions.col("sex").isNull().and(functions.col("year").isNull())).count());
    assertEquals(0, rows.where(functions.col("species").isNull()).count());
  }
}
