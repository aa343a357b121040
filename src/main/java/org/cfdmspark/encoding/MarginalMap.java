package org.cfdmspark.encoding;

import java.io.Serializable;

/**
 * The stretch of a number column's value slot about the training rows' mean that gives the sampler's readings the
 * training rows' standard deviation: x ↦ μ + (x − μ)·s_t/s_r. A barycentre of M rows has a narrower spread than
 * its rows (an average shrinks), and σ-CFDM's samples are barycentres; the map stretches them back, one column at a
 * time, keeping their order, so pairs of columns keep their ranks. It is the variance correction of the smoothed
 * bootstrap (Silverman 1986, §6.4.1), which shrinks a kernel estimate's samples back to the data's variance, here
 * the other way. Only the spread is corrected: a barycentre's mean is the training mean's in expectation, and a
 * pilot's mean would move every value by its own noise (README, "Leaving the start row out").
 *
 * @param center μ, the training rows' mean of the slot (slot units: normal scores or standard deviations)
 * @param stretch s_t/s_r, the training rows' standard deviation of the slot over the pilot readings', above 0
 */
public record MarginalMap(double center, double stretch) implements Serializable {
  public MarginalMap {
    if (!(stretch > 0) || !Double.isFinite(center + stretch)) {
      throw new IllegalArgumentException("a marginal map needs a finite center and a stretch above 0, got " + center
          + ", " + stretch);
    }
  }

  /**
   * The map that gives {@code readings} the standard deviation of {@code targets} about their mean; null when
   * either does not vary (nothing to stretch, or nothing to stretch to) or is empty.
   */
  public static MarginalMap fit(double[] readings, double[] targets) {
    if (readings.length < 2 || targets.length < 2) {
      return null;
    }
    double readingSd = sd(readings);
    double targetSd = sd(targets);
    return readingSd > 0 && targetSd > 0 ? new MarginalMap(mean(targets), targetSd / readingSd) : null;
  }

  /** The mapped reading. */
  public double apply(double x) {
    return center + (x - center) * stretch;
  }

  private static double mean(double[] values) {
    double sum = 0;
    for (double v : values) {
      sum += v;
    }
    return sum / values.length;
  }

  /** The standard deviation, dividing by n (the moments of the values as they are). */
  private static double sd(double[] values) {
    double mean = mean(values);
    double sum = 0;
    for (double v : values) {
      sum += (v - mean) * (v - mean);
    }
    return Math.sqrt(sum / values.length);
  }
}
