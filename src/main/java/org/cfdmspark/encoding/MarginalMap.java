package org.cfdmspark.encoding;

import java.io.Serializable;

/**
 * The stretch of a number column's value slot about the training rows' mean that gives the sampler's readings the
 * spread of the training rows they started from: x ↦ μ + (x − μ)·k. A barycentre of M rows has a narrower spread
 * than its rows (an average shrinks), and σ-CFDM's samples are barycentres; the map stretches them back, one column
 * at a time, keeping their order, so pairs of columns keep their ranks. It is the variance correction of the
 * smoothed bootstrap (Silverman 1986, §6.4.1), which shrinks a kernel estimate's samples back to the data's
 * variance, here the other way.
 *
 * <p>k comes from a pilot of samples paired with the training rows their trajectories started from:
 * k² = Σ (x_s − μ)² / Σ (r_s − μ)² over the pairs, x_s the start row's value and r_s the sample's reading. The start
 * rows are drawn uniformly, so their spread is the training rows' in expectation, and a sample sits near its start
 * row, so the pilot's own luck (which rows it started from) cancels from the ratio: a ratio of the pilot's spread
 * to the training rows' spread moved by ±2.5 % between pilots of 2,000 on california, as much as the shrinking
 * itself (README, "The marginal stretch"). Only the spread is corrected: a barycentre's mean is the training
 * mean's in expectation.
 *
 * @param center μ, the training rows' mean of the slot (slot units: normal scores or standard deviations)
 * @param stretch k, above 0
 */
public record MarginalMap(double center, double stretch) implements Serializable {
  public MarginalMap {
    if (!(stretch > 0) || !Double.isFinite(center + stretch)) {
      throw new IllegalArgumentException("a marginal map needs a finite center and a stretch above 0, got " + center
          + ", " + stretch);
    }
  }

  /**
   * The map for a pilot: {@code readings[s]} is sample s's reading and {@code starts[s]} the value of the training
   * row its trajectory started from, NaN where either has none (a point mass or a missing cell); {@code center} is
   * the training rows' mean. Null when no pair deviates from the center on both sides of the ratio.
   */
  public static MarginalMap fit(double[] readings, double[] starts, double center) {
    if (readings.length != starts.length) {
      throw new IllegalArgumentException(readings.length + " readings for " + starts.length + " start values");
    }
    double startSpread = 0;
    double readingSpread = 0;
    for (int s = 0; s < readings.length; s++) {
      if (!Double.isNaN(readings[s]) && !Double.isNaN(starts[s])) {
        startSpread += (starts[s] - center) * (starts[s] - center);
        readingSpread += (readings[s] - center) * (readings[s] - center);
      }
    }
    return startSpread > 0 && readingSpread > 0 ? new MarginalMap(center, Math.sqrt(startSpread / readingSpread))
        : null;
  }

  /** The mapped reading. */
  public double apply(double x) {
    return center + (x - center) * stretch;
  }
}
