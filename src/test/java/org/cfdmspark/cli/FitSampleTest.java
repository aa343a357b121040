package org.cfdmspark.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.cfdmspark.config.Json;
import org.cfdmspark.testkit.SparkTest;
import org.cfdmspark.testkit.Stderr;
import org.cfdmspark.testkit.TestData;
import org.cfdmspark.testkit.TestSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** fit then sample, from the command line, writes what generate writes with the same settings. */
@SparkTest
class FitSampleTest {
  @TempDir
  Path dir;

  @Test
  void fitThenSampleEqualsGenerate() throws Exception {
    Path modelDir = generateFitAndSample("--seed", "5", "--steps", "20", "--stratify-by", "island");
    assertEquals(List.of("metadata.json", "strata"),
        TestSpark.listing(modelDir).stream().filter(name -> !name.startsWith(".")).toList());
    List<String> expected = TestSpark.csvLines(dir.resolve("generated"));
    assertEquals(500, expected.size());
    assertEquals(expected, TestSpark.csvLines(dir.resolve("sampled")));

    Path fresh = dir.resolve("fresh");
    run("sample", "--model", modelDir.toString(), "--output", fresh.toString(), "--num-samples", "500",
        "--progress", "false", "--run-id", "2026-11-29");
    assertNotEquals(expected, TestSpark.csvLines(fresh), "another seed draws other rows from the same fit");
  }

  /**
   * fit keeps its --target out of --redraw-columns auto as generate does, so the two still agree; without it,
   * penguins' year (0.04 nats with the other columns) is redrawn.
   */
  @Test
  void fitKeepsItsTargetFromTheColumnRedrawAsGenerateDoes() throws Throwable {
    String input = TestData.path("penguins.csv");
    generateFitAndSample("--seed", "5", "--steps", "20", "--target", "year");
    Path sampled = dir.resolve("sampled");
    assertEquals(TestSpark.csvLines(dir.resolve("generated")), TestSpark.csvLines(sampled));
    assertEquals(List.of(), redrawnColumns(sampled));
    Path untargeted = dir.resolve("untargeted");
    run("generate", "--input", input, "--output", untargeted.toString(), "--num-samples", "500", "--seed", "5",
        "--steps", "20", "--progress", "false");
    assertEquals(List.of("year"), redrawnColumns(untargeted));
    String named = Stderr.of(() -> run("generate", "--input", input, "--output", dir.resolve("named").toString(),
        "--num-samples", "50", "--target", "year", "--redraw-columns", "year", "--progress", "false"));
    assertTrue(named.contains("warning: --redraw-columns names the --target year: its values will come from the "
        + "nearest rows on the other columns"), named);
  }

  /**
   * penguins with the model options {@code model}: 500 rows by generate into dir/generated, and by fit (dir/model,
   * returned) then sample into dir/sampled.
   */
  private Path generateFitAndSample(String... model) {
    String input = TestData.path("penguins.csv");
    run(with(model, "generate", "--input", input, "--output", dir.resolve("generated").toString(), "--num-samples",
        "500", "--progress", "false"));
    Path modelDir = dir.resolve("model");
    run(with(model, "fit", "--input", input, "--model", modelDir.toString()));
    run("sample", "--model", modelDir.toString(), "--output", dir.resolve("sampled").toString(), "--num-samples",
        "500", "--progress", "false");
    return modelDir;
  }

  private static List<String> redrawnColumns(Path output) throws Exception {
    List<String> names = new ArrayList<>();
    Json.mapper().readTree(output.resolve("_manifest.json").toFile()).get("strata").get(0).get("redrawn_columns")
        .forEach(name -> names.add(name.asText()));
    return names;
  }

  /**
   * --counts sets the rows itself: a --num-samples given beside it for another total (on the command line or in a
   * conf file) is noted as ignored, by generate and sample alike; its default or the same total is not.
   */
  @Test
  void aGivenNumSamplesThatCountsReplaceIsNotedAsIgnored() throws Throwable {
    String input = TestData.path("penguins.csv");
    Path modelDir = dir.resolve("model");
    run("fit", "--input", input, "--model", modelDir.toString(), "--seed", "5", "--steps", "20",
        "--stratify-by", "island");
    Path conf = Files.writeString(dir.resolve("pipeline.properties"), "num-samples = 500\n");
    String noted = "note: --num-samples 500 is ignored because --counts asks for 30 rows in all";
    String[][] options = {{"--num-samples", "500"}, {"--conf-file", conf.toString()}, {"--num-samples", "30"}, {}};
    List<List<String>> expected = List.of(List.of(noted), List.of(noted), List.of(), List.of());
    for (int i = 0; i < options.length; i++) {
      String[] args = with(options[i], "sample", "--model", modelDir.toString(), "--output",
          dir.resolve("sampled-" + i).toString(), "--counts", "Biscoe=20,Dream=10", "--progress", "false");
      assertEquals(expected.get(i), numSamplesLines(Stderr.of(() -> run(args))), String.join(" ", args));
    }
    String[] generate = {"generate", "--input", input, "--output", dir.resolve("generated").toString(),
        "--stratify-by", "island", "--counts", "Biscoe=20,Dream=10", "--num-samples", "500", "--steps", "20",
        "--progress", "false"};
    assertEquals(List.of(noted), numSamplesLines(Stderr.of(() -> run(generate))));
  }

  /** A model fitted with σ 0 samples copies of training rows: sample warns of it in generate's one line. */
  @Test
  void sampleWarnsOfAnUnsmoothedModelAsGenerateDoes() throws Throwable {
    String input = TestData.path("penguins.csv");
    String[] model = {"--sigma", "0", "--steps", "20"};
    String generated = Stderr.of(() -> run(with(model, "generate", "--input", input, "--output",
        dir.resolve("generated").toString(), "--num-samples", "50", "--progress", "false")));
    List<String> warning = warnings(generated);
    assertEquals(1, warning.size(), generated);
    assertTrue(warning.get(0).startsWith("warning: --sigma 0 leaves sigma-CFDM no smoothing"), generated);
    Path modelDir = dir.resolve("model");
    run(with(model, "fit", "--input", input, "--model", modelDir.toString()));
    String sampled = Stderr.of(() -> run("sample", "--model", modelDir.toString(), "--output",
        dir.resolve("sampled").toString(), "--num-samples", "50", "--progress", "false"));
    assertEquals(warning, warnings(sampled));
  }

  private static List<String> warnings(String stderr) {
    return stderr.lines().filter(line -> line.startsWith("warning:")).toList();
  }

  /** The lines of {@code stderr} that name --num-samples. */
  private static List<String> numSamplesLines(String stderr) {
    return stderr.lines().filter(line -> line.contains("--num-samples")).toList();
  }

  private static String[] with(String[] more, String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of(more));
    return all.toArray(String[]::new);
  }

  private static void run(String... args) {
    CliTest.Outcome outcome = CliTest.run(args);
    assertEquals(ExitCodes.SUCCESS, outcome.code(), () -> String.join(" ", args) + ":\n" + outcome.err());
  }
}
