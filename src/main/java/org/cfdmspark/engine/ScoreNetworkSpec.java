package org.cfdmspark.engine;

import java.io.Serializable;

/**
 * The settings of the score network and its training (method.md §9).
 *
 * @param width H, neurons per hidden layer
 * @param depth L, hidden layers
 * @param epochs most passes over the fit rows
 * @param patience stop after this many epochs without a lower held-out loss and keep the best network; 0 = no
 *     early stopping (train every epoch, keep the last network)
 * @param validationFraction share of the training rows held out (seeded) for the held-out loss
 * @param learningRate Adam's step size α
 * @param batchSize rows per Adam step
 */
public record ScoreNetworkSpec(int width, int depth, int epochs, int patience, double validationFraction,
    double learningRate, int batchSize) implements Serializable {
  /** Held-out rows the early-stopping loss needs at least. */
  public static final int MIN_VALIDATION_ROWS = 10;

  public ScoreNetworkSpec {
    if (width < 1 || depth < 1 || epochs < 1 || patience < 0 || batchSize < 1) {
      throw new IllegalArgumentException("need width, depth, epochs, batch size >= 1 and patience >= 0, got "
          + width + ", " + depth + ", " + epochs + ", " + batchSize + ", " + patience);
    }
    if (!(validationFraction > 0 && validationFraction < 1)) {
      throw new IllegalArgumentException("validation fraction must be in (0, 1), got " + validationFraction);
    }
    if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
      throw new IllegalArgumentException("learning rate must be a finite number > 0, got " + learningRate);
    }
  }

  /** Rows held out of n: ⌊f·n⌋. */
  public int validationRows(long n) {
    return (int) Math.floor(validationFraction * n);
  }

  /** Fewest training rows that leave {@link #MIN_VALIDATION_ROWS} held out and two to fit on. */
  public long minimumRows() {
    long rows = Math.max((long) Math.floor(MIN_VALIDATION_ROWS / validationFraction), MIN_VALIDATION_ROWS + 2L);
    while (validationRows(rows) < MIN_VALIDATION_ROWS || rows - validationRows(rows) < 2) {
      rows++;
    }
    return rows;
  }
}
