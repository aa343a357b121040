package org.cfdmspark.ml;

import java.util.List;
import java.util.Locale;
import org.cfdmspark.config.BadInputException;
import org.cfdmspark.config.Knob;
import org.cfdmspark.config.Settings;

/**
 * The knobs of the trained score models (method.md §9), chosen by {@code --generator random-features|score-net}:
 * the random-feature model's p, m and λ, the score network's shape and training. The trained models sample with
 * σ = 0 (σ smooths the closed form only). Range errors (m < 1, λ < 0, …) are the knobs' own; the two checks that
 * need the run's facts (driver heap, training rows) are {@link #checkFeatures} and {@link #checkRows}, to be
 * called before any fitting.
 */
public final class ScoreModelKnobs {
  private ScoreModelKnobs() {
  }

  /** Matrices of p × p doubles the random-feature fit holds on the driver at once (see {@link #checkFeatures}). */
  public static final int GRAM_COPIES = 3;

  public static final Knob<Integer> FEATURES = Knob.integer("features", 1000, 1, 1_000_000,
      "random-features: p, the number of frozen random features; memorisation sets in once p exceeds the "
          + "training rows. The fit holds " + GRAM_COPIES + " p x p matrices of doubles (" + GRAM_COPIES
          + "·8·p² bytes) on the driver and one per task, one grid time at a time.");
  public static final Knob<Integer> NOISE_DRAWS = Knob.integer("noise-draws", 1, 1, 1024,
      "random-features: m, noisy copies of each training row per grid time in the ridge fit.");
  public static final Knob<Double> RIDGE = Knob.decimal("ridge", 1e-3, 0, Double.POSITIVE_INFINITY, true,
      "random-features: ridge λ per sample: the read-out minimises mean ‖x − Bᵀφ(z)‖² + λ‖B‖².");
  public static final Knob<Integer> HIDDEN_WIDTH = Knob.integer("hidden-width", 128, 1, 65_536,
      "score-net: neurons per hidden layer.");
  public static final Knob<Integer> HIDDEN_LAYERS = Knob.integer("hidden-layers", 2, 1, 64,
      "score-net: hidden layers (SiLU activations) between the input [z; time embedding] and x̂.");
  public static final Knob<Integer> EPOCHS = Knob.integer("epochs", 100, 1, 1_000_000,
      "score-net: most passes over the training rows.");
  public static final Knob<Integer> PATIENCE = Knob.integer("patience", 10, 0, 1_000_000,
      "score-net: stop after this many epochs without a lower held-out DSM loss and keep the best network; "
          + "0 = train every epoch and keep the last.");
  public static final Knob<Double> VALIDATION_FRACTION = Knob.decimal("validation-fraction", 0.1, 0.01, 0.9, true,
      "score-net: share of the training rows held out (seeded) for the held-out DSM loss of early stopping.");
  public static final Knob<Double> LEARNING_RATE = Knob.decimal("learning-rate", 1e-3, 1e-7, 1, true,
      "score-net: Adam's step size at the first epoch (it follows a cosine to 0 over --epochs).");
  public static final Knob<Integer> BATCH_SIZE = Knob.integer("batch-size", 128, 1, 1_000_000,
      "score-net: training rows per Adam step.");

  /** All of them, in the order docs and manifests list them. */
  public static final List<Knob<?>> ALL = List.of(FEATURES, NOISE_DRAWS, RIDGE, HIDDEN_WIDTH, HIDDEN_LAYERS,
      EPOCHS, PATIENCE, VALIDATION_FRACTION, LEARNING_RATE, BATCH_SIZE);

  /**
   * Refuses a random-feature p whose fit would not fit the driver: {@value #GRAM_COPIES} p × p matrices of
   * doubles (the merged sum, the partial sum being merged, the Cholesky factor) must take at most half of
   * {@code heapBytes}, leaving the rest to Spark and the training rows.
   *
   * @throws BadInputException naming the bound and the largest p that fits
   */
  public static void checkFeatures(Settings settings, long heapBytes) {
    if (settings.get(ModelKnobs.GENERATOR) != GeneratorKind.RANDOM_FEATURES) {
      return;
    }
    long p = settings.get(FEATURES);
    double need = GRAM_COPIES * 8.0 * p * p;
    if (need <= heapBytes / 2.0) {
      return;
    }
    long largest = (long) Math.floor(Math.sqrt(heapBytes / 2.0 / (GRAM_COPIES * 8.0)));
    throw new BadInputException(FEATURES.option() + " " + p + " needs " + GRAM_COPIES + " p x p matrices of "
        + "doubles (" + gigabytes(need) + ") on the driver per grid time, more than half of its "
        + gigabytes(heapBytes) + " heap; give " + FEATURES.option() + " " + largest + " or less, or raise "
        + "spark.driver.memory");
  }

  /**
   * Refuses a score network on fewer training rows than its validation split needs (at least
   * {@link org.cfdmspark.engine.ScoreNetworkSpec#MIN_VALIDATION_ROWS} held out and two to fit on).
   *
   * @param minimumRows the fewest rows the split needs at this validation fraction
   * @throws BadInputException naming the rows given, the rows needed and the fix
   */
  public static void checkRows(Settings settings, long rows, long minimumRows) {
    if (settings.get(ModelKnobs.GENERATOR) != GeneratorKind.SCORE_NET || rows >= minimumRows) {
      return;
    }
    throw new BadInputException(ModelKnobs.GENERATOR.option() + " score-net holds out " + VALIDATION_FRACTION.option() + " "
        + VALIDATION_FRACTION.format(settings.get(VALIDATION_FRACTION)) + " of the training rows for early "
        + "stopping and needs at least " + minimumRows + " rows; the training rows are " + rows + ": give more "
        + "rows, a larger " + VALIDATION_FRACTION.option() + ", or " + ModelKnobs.GENERATOR.option() + " cfdm");
  }

  private static String gigabytes(double bytes) {
    return String.format(Locale.ROOT, "%.1f GB", bytes / (1L << 30));
  }

}
