package org.cfdmspark.ml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.cfdmspark.config.Knob;
import org.cfdmspark.config.KnobException;
import org.cfdmspark.config.Settings;
import org.cfdmspark.job.JobKnobs;
import org.junit.jupiter.api.Test;

/** setKnob with a name the model does not have: a new user tried the command line's --target and --where. */
class JobOptionHintsTest {

  private static String refusal(String name) {
    KnobException error = assertThrows(KnobException.class, () -> new CfdmSynthesizer().setKnob(name, "x"));
    assertFalse(error.getMessage().contains("\n"), "one line: " + error.getMessage());
    return error.getMessage();
  }

  @Test
  void aJobOptionIsRefusedWithWhatSparkCodeDoesInsteadAndTheModelSettings() {
    String target = refusal("target");
    assertTrue(target.startsWith("'target' is an option of the commands, not a model setting: in Spark code, "
        + "setKnob(\"redraw-columns\", \"auto,-COL\")"), target);
    assertTrue(target.contains("; the model settings are generator, sigma, draws, "), target);
    assertTrue(target.contains(", redraw-columns, "), target);

    String where = refusal("where");
    assertTrue(where.contains("filter(PREDICATE) the DataFrame before fit"), where);
    assertTrue(where.contains("; the model settings are generator, sigma, "), where);
  }

  @Test
  void aMistypedNameIsRefusedWithTheModelSettings() {
    String typo = refusal("sigmaa");
    assertTrue(typo.startsWith("unknown model setting 'sigmaa'; the model settings are generator, sigma, "), typo);
    // The Param lookup by option name gives the same answer.
    KnobException param = assertThrows(KnobException.class, () -> new CfdmSynthesizer().param("sigmaa"));
    assertEquals(typo, param.getMessage());
  }

  @Test
  void everyOptionOfTheCommandsThatIsNotAModelSettingHasAHint() {
    Set<String> jobOptions = new TreeSet<>();
    Stream.of(JobKnobs.FIT, JobKnobs.GENERATE, JobKnobs.SAMPLE).flatMap(List::stream)
        .filter(knob -> !ModelKnobs.ALL.contains(knob)).map(Knob::name).forEach(jobOptions::add);
    assertTrue(jobOptions.containsAll(List.of("target", "where", "input", "num-samples")), jobOptions.toString());
    assertEquals(jobOptions, new TreeSet<>(JobOptionHints.names()));
  }

  @Test
  void theTargetsHintSetsWhatTheCommandsTargetDoes() {
    // generate and fit turn --target churned into this redraw setting (GenerateJob.fit); the hint's setKnob must
    // give the model the same.
    Settings commands = ModelKnobs.keepFromRedraw(Settings.defaults(ModelKnobs.ALL), "churned");
    Settings api = new CfdmSynthesizer().setKnob("redraw-columns", "auto,-churned").settings();
    assertEquals(List.of("auto", "-churned"), api.get(ModelKnobs.REDRAW_COLUMNS));
    assertEquals(commands.get(ModelKnobs.REDRAW_COLUMNS), api.get(ModelKnobs.REDRAW_COLUMNS));
  }

  @Test
  void readmeSaysWhichOptionsAreModelSettingsAndWhatSparkCodeDoesForTheOthers() throws IOException {
    String readme = Files.readString(Path.of("README.md"));
    int start = readme.indexOf("Which options are model settings:");
    String settingsPart = readme.substring(start, readme.indexOf("| command option |", start));
    Set<String> listed = new TreeSet<>();
    Matcher option = Pattern.compile("`--([a-z0-9-]+)").matcher(settingsPart);
    while (option.find()) {
      listed.add(option.group(1));
    }
    assertEquals(new TreeSet<>(ModelKnobs.ALL.stream().map(Knob::name).toList()), listed);
    String table = readme.substring(readme.indexOf("| command option |", start), readme.indexOf("```java", start));
    for (String name : JobOptionHints.names()) {
      assertTrue(table.contains("`--" + name + "`") || table.contains("`--" + name + " "),
          "README's table of command options in Spark code lacks --" + name);
    }
  }
}
