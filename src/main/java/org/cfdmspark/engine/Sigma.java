package org.cfdmspark.engine;

import java.io.Serializable;
import java.util.Locale;

/**
 * The smoothing scale σ as the user gives it: a number in standardised units, or {@code auto}, which
 * {@link SigmaDefault} derives from the training set's nearest-neighbour spacing.
 */
public record Sigma(boolean auto, double value) implements Serializable {
  public static final Sigma AUTO = new Sigma(true, Double.NaN);

  public static Sigma of(double value) {
    return new Sigma(false, value);
  }

  public static Sigma parse(String raw) {
    return raw.trim().toLowerCase(Locale.ROOT).equals("auto") ? AUTO : of(Double.parseDouble(raw));
  }

  public boolean isValid() {
    return auto || (value >= 0 && Double.isFinite(value));
  }

  /** σ for this training set, auto being {@code autoMultiple} times the spacing rule ({@link SigmaDefault}). */
  public double resolve(TrainingSet training, double autoMultiple) {
    return resolve(training, autoMultiple, training.dimension());
  }

  /** As {@link #resolve(TrainingSet, double)}, the spacing rule's d being {@code spacingDimension}. */
  public double resolve(TrainingSet training, double autoMultiple, int spacingDimension) {
    return auto ? autoMultiple * SigmaDefault.of(training, spacingDimension) : value;
  }

  @Override
  public String toString() {
    return auto ? "auto" : String.valueOf(value);
  }
}
