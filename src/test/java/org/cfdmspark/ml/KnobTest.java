package org.cfdmspark.ml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import java.util.List;
import java.util.Map;
import org.cfdmspark.config.Knob;
import org.cfdmspark.config.KnobException;
import org.cfdmspark.config.Settings;
import org.cfdmspark.engine.EstimatorKind;
import org.cfdmspark.engine.NoisePolicy;
import org.cfdmspark.engine.Sigma;
import org.cfdmspark.engine.SigmaDefault;
import org.cfdmspark.engine.TrainingSet;
import org.cfdmspark.job.JobKnobs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KnobTest {

  @ParameterizedTest(name = "--{0} {1}")
  @CsvSource({
      "sigma, -0.1, a number >= 0 or auto",
      "sigma, abc, a number >= 0 or auto",
      "draws, 0, an integer in [1, 1024]",
      "steps, 0, an integer in [1, 1000000]",
      "start-time, 1, 'a number in [0, 1)'",
      "start-time, -0.5, 'a number in [0, 1)'",
      "noise-policy, sometimes, one of trajectory|step",
      "estimator, fast, one of exact|nn",
      "neighbors, 0, an integer in [1, 1000000]",
      "random-points, -1, an integer in [0, 1000000]",
      "num-samples, 0, an integer >= 1",
      "num-samples, -5, an integer >= 1",
      "seed, 1.5, any 64-bit integer"})
  void rejectsInvalidValuesNamingTheKnobAndItsRange(String name, String raw, String range) {
    Settings defaults = Settings.defaults(JobKnobs.GENERATE);
    KnobException error = assertThrows(KnobException.class, () -> defaults.withText(name, raw));
    assertTrue(error.getMessage().startsWith("--" + name + ": '" + raw + "' is not valid"), error.getMessage());
    assertTrue(error.getMessage().contains(range), error.getMessage());
  }

  @Test
  void knobsARunIgnoresAreNamedInOneWarning() {
    Settings defaults = Settings.defaults(ModelKnobs.ALL);
    assertEquals(null, ModelKnobs.ignoredKnobs(defaults.withText("parent-noise", "1")), "σ-CFDM applies it");
    assertEquals(null, ModelKnobs.ignoredKnobs(defaults.withText("generator", "smote")), "nothing given");
    assertEquals("warning: --parent-noise, --leave-one-out act on σ-CFDM's barycentres only; --generator smote "
        + "ignores them", ModelKnobs.ignoredKnobs(defaults.withText("generator", "smote")
            .withText("parent-noise", "1").withText("leave-one-out", "true")));
    assertEquals("warning: --final-noise acts on σ-CFDM's barycentres only; --sigma 0 samples training rows as they "
        + "are and ignores it", ModelKnobs.ignoredKnobs(defaults.withText("sigma", "0")
            .withText("final-noise", "0.1")));
    // Through the estimator, as the jobs fit: a knob left at its default is not taken for given (a new user saw
    // every smote run warn about four knobs nobody gave).
    Settings smote = Settings.defaults(ModelKnobs.ALL).withText("generator", "smote");
    assertEquals(null, ModelKnobs.ignoredKnobs(CfdmSynthesizer.of(smote).settings()));
    assertEquals("warning: --leave-one-out acts on σ-CFDM's barycentres only; --generator smote ignores it",
        ModelKnobs.ignoredKnobs(CfdmSynthesizer.of(smote.withText("leave-one-out", "true")).settings()));
    assertEquals(null, ModelKnobs.ignoredKnobs(new CfdmSynthesizer().setKnob("generator", "copy").settings()));
    // generate's --target kept from the redraw is not a knob given to a generator that ignores it.
    assertEquals(null, ModelKnobs.ignoredKnobs(ModelKnobs.keepFromRedraw(smote, "income")));
    assertEquals(List.of("auto", "-income"), ModelKnobs.keepFromRedraw(defaults, "income")
        .get(ModelKnobs.REDRAW_COLUMNS));
  }

  @Test
  void redrawColumnsDefaultsToAutoReadsNoneBackAndRefusesEmptyText() {
    Knob<List<String>> knob = ModelKnobs.REDRAW_COLUMNS;
    assertEquals(List.of("auto"), Settings.defaults(ModelKnobs.ALL).get(knob));
    assertEquals(List.of(), knob.parse("none"));
    assertEquals(List.of(), knob.parse("(none)"), "the empty text of models and config files written before");
    assertEquals("none", knob.format(List.of()));
    KnobException empty = assertThrows(KnobException.class, () -> knob.parse(" "));
    assertTrue(empty.getMessage().startsWith("--redraw-columns: ' ' is not valid; expected auto"), empty.getMessage());
    // A column named none is written quoted, and so reads back as that column, not as no column.
    assertEquals("\"none\"", knob.format(List.of("none")));
    assertEquals(List.of("none"), knob.parse(knob.format(List.of("none"))));
    assertEquals(List.of("SEX", "AGE"), knob.parse(knob.format(List.of("SEX", "AGE"))));
  }

  @Test
  void compareWarnsOnceAndRunsTheOtherGeneratorsWithoutTheBarycentreKnobs() {
    Settings defaults = Settings.defaults(ModelKnobs.ALL);
    assertEquals(null, ModelKnobs.ignoredByBaselines(defaults.withText("sigma", "0.3")), "σ acts on every run");
    Settings given = defaults.withText("leave-one-out", "true").withText("final-noise", "0.3")
        .withText("sigma", "0.3");
    assertEquals("warning: --final-noise, --leave-one-out act on σ-CFDM's barycentres only; the other generators "
        + "compared ignore them", ModelKnobs.ignoredByBaselines(given));
    Settings mixup = ModelKnobs.withoutBarycentreKnobs(given.withText("generator", "mixup"));
    assertEquals(null, ModelKnobs.ignoredKnobs(mixup), "the run itself warns no more");
    assertFalse(mixup.isGiven(ModelKnobs.LEAVE_ONE_OUT));
    assertEquals(false, mixup.get(ModelKnobs.LEAVE_ONE_OUT));
    assertEquals(null, mixup.get(ModelKnobs.FINAL_NOISE), "back to auto");
    assertEquals(GeneratorKind.MIXUP, mixup.get(ModelKnobs.GENERATOR), "every other knob kept");
    assertEquals("0.3", ModelKnobs.SIGMA.format(mixup.get(ModelKnobs.SIGMA)));
  }

  @Test
  void parsesValidValues() {
    Settings settings = Settings.defaults(ModelKnobs.ALL)
        .withText("sigma", "0.25").withText("draws", "3").withText("start-time", "0")
        .withText("noise-policy", "STEP").withText("estimator", "nn").withText("seed", "-7");
    assertEquals(Sigma.of(0.25), settings.get(ModelKnobs.SIGMA));
    assertEquals(3, settings.get(ModelKnobs.DRAWS));
    assertEquals(NoisePolicy.STEP, settings.get(ModelKnobs.NOISE_POLICY));
    assertEquals(EstimatorKind.NN, settings.get(ModelKnobs.ESTIMATOR));
    assertEquals(-7L, settings.get(ModelKnobs.SEED));
    assertEquals("step", settings.asText().get("noise-policy"));
    assertEquals(Sigma.AUTO, Settings.defaults(ModelKnobs.ALL).withText("sigma", "AUTO").get(ModelKnobs.SIGMA));
  }

  @Test
  void unknownSettingNamesTheKnownOnes() {
    KnobException error = assertThrows(KnobException.class,
        () -> Settings.defaults(ModelKnobs.ALL).withText("sigmaa", "1"));
    assertTrue(error.getMessage().startsWith("unknown setting 'sigmaa'; did you mean 'sigma'? (known settings: "),
        error.getMessage());
    assertTrue(error.getMessage().contains("sigma, "), error.getMessage());
    KnobException far = assertThrows(KnobException.class,
        () -> Settings.defaults(ModelKnobs.ALL).withText("bandwidth", "1"));
    assertTrue(far.getMessage().startsWith("unknown setting 'bandwidth' (known settings: "), far.getMessage());
  }

  @Test
  void automaticSigmaFollowsTheNeighbourSpacing() {
    // Points on a line 0.5 apart in d = 4: every nearest-neighbour distance is 0.5.
    double[][] rows = new double[20][4];
    for (int i = 0; i < rows.length; i++) {
      rows[i][0] = 0.5 * i;
    }
    TrainingSet training = TrainingSet.of(rows);
    assertEquals(0.5, SigmaDefault.medianNearestNeighbourDistance(training.points()), 1e-6);
    assertEquals(0.5 / 2, Sigma.AUTO.resolve(training, 1), 1e-6);
    // The model's σ auto: the spacing rule, three times it when number columns hold normal scores.
    Settings defaults = Settings.defaults(ModelKnobs.ALL);
    assertEquals(0.5 / 2, ModelKnobs.samplerConfig(defaults, training, false, 0).sigma(), 1e-6);
    assertEquals(3 * 0.5 / 2, ModelKnobs.samplerConfig(defaults, training, true, 0).sigma(), 1e-6);
    assertEquals(0.3, ModelKnobs.samplerConfig(defaults.with(ModelKnobs.SIGMA, Sigma.of(0.3)), training, true, 0)
        .sigma(), 0.0);
    assertEquals(0.0, SigmaDefault.medianNearestNeighbourDistance(TrainingSet.of(new double[][] {{1, 2}}).points()));
  }
  @Test
  void sigmaAutosMultipleFallsToOneOnTablesOfRepeatedRows() {
    assertEquals(3, ModelKnobs.sigmaAutoMultiple(true, 0), 0);
    assertEquals(3, ModelKnobs.sigmaAutoMultiple(true, 0.1), 0, "distinct enough: the measured multiple");
    assertEquals(2, ModelKnobs.sigmaAutoMultiple(true, 0.2), 1e-12, "halfway down");
    assertEquals(1, ModelKnobs.sigmaAutoMultiple(true, 0.3), 1e-12);
    assertEquals(1, ModelKnobs.sigmaAutoMultiple(true, 0.6), 1e-12, "mostly repeated rows: the spacing itself");
    assertEquals(1, ModelKnobs.sigmaAutoMultiple(true, 0.9), 1e-12);
    assertEquals(0.5, ModelKnobs.sigmaAutoMultiple(true, 0.95), 1e-12, "half the rows that occur once at 90 %");
    assertEquals(0, ModelKnobs.sigmaAutoMultiple(true, 1), 0, "every row repeated: resample them");
    assertEquals(1, ModelKnobs.sigmaAutoMultiple(false, 0.2), 0, "no number columns: the spacing");
    assertEquals(0.5, ModelKnobs.sigmaAutoMultiple(false, 0.95), 1e-12, "no number columns, nearly all repeated");
    Settings standard = Settings.defaults(ModelKnobs.ALL).withText("numeric-scale", "standard");
    double[][] line = new double[20][4];
    for (int i = 0; i < line.length; i++) {
      line[i][0] = 0.5 * i;
    }
    assertEquals(0.25, ModelKnobs.samplerConfig(standard, TrainingSet.of(line), false, 0.9).sigma(), 1e-6,
        "--numeric-scale standard: the earliest defaults' spacing rule, repeated rows or not");
    // Through the config: 0.5 apart in d = 4 (spacing rule 0.25), 20 % of the rows repeated.
    double[][] rows = new double[20][4];
    for (int i = 0; i < rows.length; i++) {
      rows[i][0] = 0.5 * i;
    }
    assertEquals(2 * 0.25, ModelKnobs.samplerConfig(Settings.defaults(ModelKnobs.ALL), TrainingSet.of(rows), true,
        0.2).sigma(), 1e-6);
  }

  @Test
  void automaticStepsAreFewForTheSmoothedClosedFormAndTheMethodsElsewhere() {
    Settings defaults = Settings.defaults(ModelKnobs.ALL);
    assertEquals(20, ModelKnobs.steps(defaults), "σ auto");
    assertEquals(20, ModelKnobs.steps(defaults.with(ModelKnobs.SIGMA, Sigma.of(0.3))));
    assertEquals(100, ModelKnobs.steps(defaults.with(ModelKnobs.SIGMA, Sigma.of(0))), "σ 0 must land on a row");
    assertEquals(100, ModelKnobs.steps(defaults.with(ModelKnobs.GENERATOR, GeneratorKind.SCORE_NET)));
    assertEquals(100, ModelKnobs.steps(defaults.with(ModelKnobs.GENERATOR, GeneratorKind.RANDOM_FEATURES)));
    assertEquals(20, ModelKnobs.steps(defaults.with(ModelKnobs.GENERATOR, GeneratorKind.SMOTE)));
    assertEquals(40, ModelKnobs.steps(defaults.withText("steps", "40").with(ModelKnobs.SIGMA, Sigma.of(0))),
        "a value given wins");
    assertEquals(null, defaults.withText("steps", "AUTO").get(ModelKnobs.STEPS));
    assertEquals(20, ModelKnobs.samplerConfig(defaults, TrainingSet.of(new double[][] {{0}, {1}}), true, 0).steps());
  }

  @Test
  void resolvedValuesAreTheStepsAndTheFinalNoiseDecodingApplies() {
    Settings defaults = Settings.defaults(ModelKnobs.ALL);
    assertEquals(Map.of("steps", 20, "final-noise", 0.2), ModelKnobs.resolved(defaults));
    assertEquals(Map.of("steps", 20, "final-noise", 0.0),
        ModelKnobs.resolved(defaults.withText("numeric-scale", "standard")), "no noise in standardised units");
    assertEquals(Map.of("steps", 100, "final-noise", 0.0),
        ModelKnobs.resolved(defaults.with(ModelKnobs.SIGMA, Sigma.of(0))), "σ 0 samples the rows as they are");
    assertEquals(Map.of("steps", 20, "final-noise", 0.0),
        ModelKnobs.resolved(defaults.with(ModelKnobs.GENERATOR, GeneratorKind.MIXUP)), "a baseline gets none");
    assertEquals(Map.of("steps", 7, "final-noise", 0.5),
        ModelKnobs.resolved(defaults.withText("steps", "7").withText("final-noise", "0.5")), "values given win");
  }
}
