package org.cfdmspark.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cfdmspark.config.Settings;
import org.cfdmspark.engine.Sigma;
import org.cfdmspark.job.JobKnobs;
import org.cfdmspark.ml.ModelKnobs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliTest {

  /** Output, error text and exit code of one CLI run. */
  record Outcome(int code, String out, String err) {
  }

  static Outcome run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Outcome(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void readmeCarriesTheKnobTableOfTheSingleDefinition() throws IOException {
    String readme = Files.readString(Path.of("README.md"));
    String table = KnobDocs.markdownTable(Main.generateKnobs());
    assertTrue(readme.contains(table), "README.md's knob table is out of date; regenerate it with "
        + "`./submit.sh knobs` and paste it in:\n" + table);
    assertEquals(table, run("knobs").out());
  }

  @Test
  void confFolderCarriesEverySettingAtItsDefault() throws IOException {
    String template = KnobDocs.propertiesTemplate(Main.generateKnobs());
    assertEquals(template, Files.readString(Path.of("conf/cfdm.properties")),
        "conf/cfdm.properties is out of date; regenerate it with ./submit.sh knobs --properties");
    assertEquals(template, run("knobs", "--properties").out());
  }

  @Test
  void commandLineBeatsConfFileBeatsDefaults(@TempDir Path dir) throws IOException {
    Path conf = dir.resolve("job.properties");
    Files.writeString(conf, "# a comment\nsigma = 0.4\ndraws = 6\n");
    Settings settings = SettingsResolver.resolve(ModelKnobs.ALL, conf, Map.of("draws", "3"));
    assertEquals(Sigma.of(0.4), settings.get(ModelKnobs.SIGMA));
    assertEquals(3, settings.get(ModelKnobs.DRAWS));
    assertEquals(ModelKnobs.STEPS.defaultValue(), settings.get(ModelKnobs.STEPS));
  }

  @Test
  void aTsvInputIsTabSeparatedUnlessASeparatorIsGiven() {
    Settings tsv = SettingsResolver.resolve(GenerateCommand.KNOBS, null, Map.of("input", "/data/t.tsv.gz"));
    assertEquals("\\t", tsv.get(org.cfdmspark.job.JobKnobs.CSV_SEP));
    Settings given = SettingsResolver.resolve(GenerateCommand.KNOBS, null, Map.of("input", "/data/t.tsv",
        "csv-sep", ";"));
    assertEquals(";", given.get(org.cfdmspark.job.JobKnobs.CSV_SEP));
    Settings csv = SettingsResolver.resolve(GenerateCommand.KNOBS, null, Map.of("input", "/data/t.csv"));
    assertEquals(",", csv.get(org.cfdmspark.job.JobKnobs.CSV_SEP));
  }

  @Test
  void oneConfFileServesEveryCommandOfAPipeline(@TempDir Path dir) throws IOException {
    Path conf = dir.resolve("pipeline.properties");
    Files.writeString(conf, "num-samples = 300\nprogress = false\nsigma = 0.4\n");
    Settings fit = SettingsResolver.resolve(JobKnobs.FIT, conf, Map.of());
    assertEquals(Sigma.of(0.4), fit.get(ModelKnobs.SIGMA), "fit's own key is read");
    Settings generate = SettingsResolver.resolve(JobKnobs.GENERATE, conf, Map.of());
    assertEquals(300L, generate.get(JobKnobs.NUM_SAMPLES).longValue(), "generate's keys are its own");
  }

  @Test
  void confFileWithAnUnknownKeyIsRejected(@TempDir Path dir) throws IOException {
    Path conf = dir.resolve("job.properties");
    Files.writeString(conf, "sigam = 0.4\n");
    var error = org.junit.jupiter.api.Assertions.assertThrows(org.cfdmspark.config.BadInputException.class,
        () -> SettingsResolver.resolve(ModelKnobs.ALL, conf, Map.of()));
    assertTrue(error.getMessage().contains("unknown setting 'sigam'"), error.getMessage());
  }

  @Test
  void usageErrorsExitWithCodeTwoAndOneLine() {
    Outcome none = run();
    assertEquals(ExitCodes.BAD_INPUT, none.code());
    assertEquals(1, none.err().strip().lines().count(), none.err());
    Outcome unknown = run("frobnicate");
    assertEquals(ExitCodes.BAD_INPUT, unknown.code());
    assertTrue(unknown.err().contains("frobnicate"), unknown.err());
  }

  @Test
  void helpAndVersionNeedNoCommand() {
    for (String[] args : new String[][] {{"--help"}, {"-h"}, {"help"}}) {
      Outcome help = run(args);
      assertEquals(ExitCodes.SUCCESS, help.code(), String.join(" ", args) + ": " + help.err());
      assertTrue(help.out().startsWith("Usage: cfdm-spark "), help.out());
      assertTrue(help.out().contains("generate") && help.out().contains("report"), "lists the commands: " + help.out());
      assertEquals("", help.err(), String.join(" ", args));
    }
    Outcome generate = run("help", "generate");
    assertEquals(ExitCodes.SUCCESS, generate.code(), generate.err());
    assertTrue(generate.out().startsWith("Usage: ./submit.sh [spark options] generate --input PATH --output DIR"),
        generate.out());
    assertTrue(generate.out().contains("--holdout-fraction"), generate.out());
    assertTrue(generate.out().indexOf("--input=") < generate.out().indexOf("--sigma="),
        "the options a run needs first, not alphabetically");
    assertTrue(!Main.mayRunAJob(new String[] {"help"}) && !Main.mayRunAJob(new String[] {"generate", "-h"})
        && !Main.mayRunAJob(new String[] {"knobs", "--properties"}) && !Main.mayRunAJob(new String[] {"-V"})
        && Main.mayRunAJob(new String[] {"generate", "--demo"}), "only a job compiles its kernels at start");
    for (String flag : new String[] {"--version", "-V"}) {
      Outcome version = run(flag);
      assertEquals(ExitCodes.SUCCESS, version.code(), flag + ": " + version.err());
      assertTrue(version.out().matches("cfdm-spark \\d+\\.\\d+\\.\\d+\\S*\\R"), flag + ": " + version.out());
    }
    assertOneLineError("frobnicate", "help", "frobnicate");
  }

  @Test
  void aSparkOptionAfterTheCommandIsToldToGoBeforeIt() {
    for (String[] args : new String[][] {
        {"generate", "--input", "in.csv", "--output", "out", "--master", "local[2]"},
        {"generate", "--input", "in.csv", "--output", "out", "--report", "--master", "local[2]"},
        {"generate", "--input", "in.csv", "--driver-memory=4g", "--output", "out"}}) {
      assertOneLineError("is a Spark option: it goes before the command, as in ./submit.sh --", args);
    }
  }

  @Test
  void aModelSettingGivenToSampleIsToldToGoToFit() {
    for (String[] args : new String[][] {
        {"sample", "--model", "m", "--output", "out", "--category-draw", "vote"},
        {"sample", "--model", "m", "--sigma=1", "--output", "out"}}) {
      assertOneLineError("is a setting of the model, fixed when fit made it: give it to fit", args);
    }
  }

  @Test
  void anotherCommandsSettingNamesTheCommandsThatTakeIt() {
    assertOneLineError("--partitions is a setting of generate, sample and report, not of fit",
        "fit", "--input", "in.csv", "--model", "m", "--partitions", "4");
    assertOneLineError("--num-samples is a setting of generate, sample and report, not of fit",
        "fit", "--input", "in.csv", "--model", "m", "--num-samples", "5");
    assertOneLineError("--model is a setting of fit and sample, not of generate",
        "generate", "--input", "in.csv", "--output", "out", "--model", "m");
    assertOneLineError("--output is a setting of generate, sample, report and study, not of fit; fit writes its "
        + "model to --model DIR", "fit", "--input", "in.csv", "--output", "m");
  }

  /** A script that gives fit and sample the same flags: fit takes --progress, bare or with a value. */
  @Test
  void fitTakesProgressAsSampleDoes() {
    for (String[] progress : new String[][] {{"--progress", "false"}, {"--progress=true"}, {"--progress"}}) {
      List<String> args = new ArrayList<>(List.of("--input", "in.csv", "--model", "m"));
      args.addAll(List.of(progress));
      var parsed = new picocli.CommandLine(ModelCommand.fit().spec()).parseArgs(args.toArray(String[]::new));
      Settings settings = SettingsResolver.resolve(JobKnobs.FIT, null, KnobOptions.given(parsed, JobKnobs.FIT));
      assertEquals(!progress[progress.length - 1].equals("false"), settings.get(JobKnobs.PROGRESS),
          String.join(" ", progress));
    }
  }

  /** The command line fails with exit code 2 and one line on stderr that holds {@code fragment}. */
  private static void assertOneLineError(String fragment, String... args) {
    Outcome outcome = run(args);
    assertEquals(ExitCodes.BAD_INPUT, outcome.code(), String.join(" ", args));
    assertEquals(1, outcome.err().strip().lines().count(), outcome.err());
    assertTrue(outcome.err().contains(fragment), outcome.err());
  }

  @Test
  void aMisspeltOptionGetsTheNearestNames() {
    Outcome outcome = run("generate", "--input", "in.csv", "--output", "out", "--num-sample", "5");
    assertEquals(ExitCodes.BAD_INPUT, outcome.code());
    assertTrue(outcome.err().contains("unknown option --num-sample;") && outcome.err().contains("did you mean")
        && outcome.err().contains("--num-samples"), outcome.err());
    assertTrue(!outcome.err().contains("'5'"), "the value is not an option: " + outcome.err());
    assertEquals(1, outcome.err().strip().lines().count(), outcome.err());
  }

  @Test
  void everyCommandPrintsItsHelpWithEveryKnobAndNoWarning() {
    for (String command : new String[] {"generate", "fit", "sample", "report", "bench", "study", "knobs"}) {
      // picocli reports a help text it cannot format (a bare %) on System.err, not on the stream Main is given.
      ByteArrayOutputStream warnings = new ByteArrayOutputStream();
      PrintStream stderr = System.err;
      Outcome help;
      System.setErr(new PrintStream(warnings, true, StandardCharsets.UTF_8));
      try {
        help = run(command, "--help");
      } finally {
        System.setErr(stderr);
      }
      assertEquals(ExitCodes.SUCCESS, help.code(), command + " --help: " + help.err());
      assertTrue(help.out().startsWith("Usage: " + CliCommand.SYNOPSIS_START + command), help.out());
      assertEquals("", help.err() + warnings.toString(StandardCharsets.UTF_8), command + " --help wrote to stderr");
    }
    assertTrue(run("generate", "--help").out().replaceAll("\\s+", " ").contains("5 % of its cells"),
        "a % in a help text printed as is");
    String generate = run("generate", "--help").out();
    for (var knob : Main.generateKnobs()) {
      assertTrue(generate.contains(knob.option()), "generate --help lacks " + knob.option());
    }
  }

  @Test
  void aListOptionMayBeRepeatedAndQuoteNamesWithCommas() {
    var parsed = new picocli.CommandLine(new GenerateCommand().spec()).parseArgs("--exclude", "\"weight, kg\"",
        "--exclude", "age,\"says \"\"hi\"\"\"");
    Settings settings = SettingsResolver.resolve(GenerateCommand.KNOBS, null, KnobOptions.given(parsed,
        GenerateCommand.KNOBS));
    assertEquals(java.util.List.of("weight, kg", "age", "says \"hi\""),
        settings.get(org.cfdmspark.job.JobKnobs.EXCLUDE));
  }
}
