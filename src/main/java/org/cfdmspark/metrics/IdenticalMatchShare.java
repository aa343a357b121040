package org.cfdmspark.metrics;


/**
 * Identical-match share (metrics.md): the share of synthetic rows equal to some training row after decoding, and
 * as its reference the same share for held-out rows. Where fresh rows of a table repeat training rows (few
 * distinct value combinations), the reference is high too, and a synthetic share at or below it is no leak.
 *
 * @param synthetic share of S rows equal to an R row
 * @param holdout share of H rows equal to an R row; null without a holdout
 */
public record IdenticalMatchShare(double synthetic, Double holdout) {

  /** The shares over tables with the training table's columns; {@code holdout} may be null. */
  public static IdenticalMatchShare compute(EvalTable train, EvalTable synthetic, EvalTable holdout) {
    return new IdenticalMatchShare(ExactCopies.find(train, synthetic).rate(),
        holdout == null ? null : ExactCopies.find(train, holdout).rate());
  }
}
