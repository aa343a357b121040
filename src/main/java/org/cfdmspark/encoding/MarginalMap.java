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
 * <p>The map also scales the chance of the column's missing state, which decoding draws with the barycentre's
 * weight w of missing rows: a row whose value is missing sits at the middle of the value slot (0), where the
 * barycentres of its neighbours come most often, so the weights sum to more than the rows' missing share (credit_data's
 * Income: 8.6 % missing in training, 9.7 % in the samples; a new user's 9 % column came out at 11–12 %). From the
 * same pilot, c is the training rows' missing share over the samples' mean w ({@link #missingScale}), and the
 * chance is min(1, c·w).
 *
 * <p>And it weights the vote among the column's value states (its point masses and "another value") as a categorical
 * column's vote is weighted ({@link VoteCalibration}): a barycentre of rows most of which hold the mass votes for
 * it, so a 15 % minority of other values thinned to 8 % (a new user's count of delinquencies, 85 % zeros).
 *
 * @param center μ, the training rows' mean of the slot (slot units: normal scores or standard deviations)
 * @param stretch k, above 0; 1 where the pilot had too few values to measure it
 * @param missingScale c, above 0; 1 for a column without missing cells or too few in the pilot, and in models saved
 *     before it existed (read as 0, the JSON's missing field)
 * @param stateWeights the vote's weights of the states "another value", then each point mass; null = the plain vote
 */
public record MarginalMap(double center, double stretch, double missingScale, double[] stateWeights)
    implements Serializable {
  /** Standard errors by which the pilot's mean weight of missing rows must miss the share to be corrected. */
  static final double SIGNIFICANT = 2;

  public MarginalMap {
    missingScale = missingScale == 0 ? 1 : missingScale;
    if (!(stretch > 0) || !(missingScale > 0) || !Double.isFinite(center + stretch + missingScale)) {
      throw new IllegalArgumentException("a marginal map needs a finite center, stretch and missing scale, the last "
          + "two above 0, got " + center + ", " + stretch + ", " + missingScale);
    }
  }

  /** A map of the value slot only. */
  public MarginalMap(double center, double stretch) {
    this(center, stretch, 1);
  }

  /** A map of the value slot and the missing state's chance. */
  public MarginalMap(double center, double stretch, double missingScale) {
    this(center, stretch, missingScale, null);
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

  /**
   * c for a pilot: {@code missingWeights[s]} is sample s's weight of missing rows and {@code startMissing[s]} 1 when
   * the training row its trajectory started from lacks the value, else 0; {@code share} is the training rows' share
   * of missing cells. The samples' mean weight is estimated per kind of start row and weighted by the kinds' shares
   * in training, m = share·w̄₁ + (1 − share)·w̄₀ (post-stratified, so the pilot's luck in how many missing rows
   * it started from cancels), and c = share / m. NaN — no scale — when fewer than {@code fewest} start rows lack the
   * value, none holds one, or m is within {@value #SIGNIFICANT} standard errors of the share (the pilot cannot tell
   * its bias from its noise: credit_data's Assets, 1.1 % missing, about 21 missing start rows, got scales of 1.20
   * and 0.77 at two seeds).
   */
  public static double missingScale(double[] missingWeights, double[] startMissing, double share, int fewest) {
    if (missingWeights.length != startMissing.length) {
      throw new IllegalArgumentException(missingWeights.length + " missing weights for " + startMissing.length
          + " start rows");
    }
    double[] sums = new double[2];
    double[] squares = new double[2];
    int[] counts = new int[2];
    for (int s = 0; s < missingWeights.length; s++) {
      int kind = startMissing[s] != 0 ? 1 : 0;
      sums[kind] += missingWeights[s];
      squares[kind] += missingWeights[s] * missingWeights[s];
      counts[kind]++;
    }
    if (counts[1] < Math.max(2, fewest) || counts[0] < 2) {
      return Double.NaN;
    }
    double[] shares = {1 - share, share};
    double mean = 0;
    double variance = 0;
    for (int kind = 0; kind < 2; kind++) {
      double kindMean = sums[kind] / counts[kind];
      double kindVariance = Math.max(0, squares[kind] - counts[kind] * kindMean * kindMean) / (counts[kind] - 1);
      mean += shares[kind] * kindMean;
      variance += shares[kind] * shares[kind] * kindVariance / counts[kind];
    }
    return mean > 0 && Math.abs(mean - share) >= SIGNIFICANT * Math.sqrt(variance) ? share / mean : Double.NaN;
  }

  /** This map with the missing state's chance scaled by {@code scale}. */
  public MarginalMap withMissingScale(double scale) {
    return new MarginalMap(center, stretch, scale, stateWeights);
  }

  /** This map with the vote among value states weighted by {@code weights} (null: the plain vote). */
  public MarginalMap withStateWeights(double[] weights) {
    return new MarginalMap(center, stretch, missingScale, weights);
  }

  /** The mapped reading. */
  public double apply(double x) {
    return center + (x - center) * stretch;
  }

  /** The chance of the missing state for a barycentre whose weight of missing rows is {@code weight}. */
  public double missingChance(double weight) {
    return Math.min(1, weight * missingScale);
  }
}
