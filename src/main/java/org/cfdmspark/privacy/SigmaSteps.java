package org.cfdmspark.privacy;

/**
 * σ raised in steps of √2: the grid the automatic σ searches ({@link SigmaCalibration}) and the ladder the guard
 * climbs ({@link NearCopyGuard}). A step of √2 rather than 2 stops a pilot or a sample nearer the smallest σ that
 * serves it: every σ beyond that averages more rows and narrows the columns' spread.
 */
public final class SigmaSteps {
  private SigmaSteps() {
  }

  /** The σ multiple {@code steps} steps up: √2^steps. */
  public static double multiple(int steps) {
    return Math.pow(2, steps / 2.0);
  }
}
