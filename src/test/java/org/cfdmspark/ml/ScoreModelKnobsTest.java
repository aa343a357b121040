package org.cfdmspark.ml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.cfdmspark.config.BadInputException;
import org.cfdmspark.config.KnobException;
import org.cfdmspark.config.Settings;
import org.junit.jupiter.api.Test;

class ScoreModelKnobsTest {
  private static final long FOUR_GB = 4L << 30;

  private static Settings settings(String... namesAndValues) {
    Settings settings = Settings.defaults(ModelKnobs.ALL);
    for (int i = 0; i < namesAndValues.length; i += 2) {
      settings = settings.withText(namesAndValues[i], namesAndValues[i + 1]);
    }
    return settings;
  }

  @Test
  void outOfRangeKnobsAreRefusedWithTheirRange() {
    assertEquals("--noise-draws: '0' is not valid; expected an integer in [1, 1024]",
        assertThrows(KnobException.class, () -> settings("noise-draws", "0")).getMessage());
    assertEquals("--ridge: '-0.5' is not valid; expected a number >= 0",
        assertThrows(KnobException.class, () -> settings("ridge", "-0.5")).getMessage());
    assertTrue(assertThrows(KnobException.class, () -> settings("generator", "gan")).getMessage()
        .contains("one of cfdm|random-features|score-net"));
    assertEquals(GeneratorKind.RANDOM_FEATURES, settings("generator", "random-features").get(ModelKnobs.GENERATOR));
  }

  @Test
  void featuresWhoseGramMatricesOverflowTheDriverAreRefusedWithAPThatFits() {
    BadInputException error = assertThrows(BadInputException.class, () -> ScoreModelKnobs.checkFeatures(
        settings("generator", "random-features", "features", "100000"), FOUR_GB));
    String message = error.getMessage();
    assertFalse(message.contains("\n"), message);
    // 3 · 8 · p² ≤ 2 GiB  ⇔  p ≤ √(2^31 / 24) = 9459.3
    assertTrue(message.startsWith("--features 100000 needs 3 p x p matrices of doubles (223.5 GB)"), message);
    assertTrue(message.contains("give --features 9459 or less"), message);
    ScoreModelKnobs.checkFeatures(settings("generator", "random-features", "features", "9459"), FOUR_GB);
    assertThrows(BadInputException.class, () -> ScoreModelKnobs.checkFeatures(
        settings("generator", "random-features", "features", "9460"), FOUR_GB));
    ScoreModelKnobs.checkFeatures(settings("generator", "cfdm", "features", "100000"), FOUR_GB);
  }

  @Test
  void aScoreNetworkOnTooFewRowsForItsValidationSplitIsRefused() {
    Settings net = settings("generator", "score-net", "validation-fraction", "0.1");
    BadInputException error = assertThrows(BadInputException.class,
        () -> ScoreModelKnobs.checkRows(net, 60, 100));
    assertEquals("--generator score-net holds out --validation-fraction 0.1 of the training rows for early "
        + "stopping and needs at least 100 rows; the training rows are 60: give more rows, a larger "
        + "--validation-fraction, or --generator cfdm", error.getMessage());
    ScoreModelKnobs.checkRows(net, 100, 100);
    ScoreModelKnobs.checkRows(settings("generator", "cfdm"), 60, 100);
  }
}
