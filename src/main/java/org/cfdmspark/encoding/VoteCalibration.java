package org.cfdmspark.encoding;

/**
 * Weights for a categorical column's vote that give each category its training share. A barycentre of M rows votes
 * for the category most of them share, which moves the shares: a category that is rarely a majority among neighbours
 * (a minority level spread among others) comes out rarer than in training, and a common one more often, as a
 * barycentre narrows a number column (the categorical side of {@link MarginalMap}; credit default with
 * --leave-one-out, vote: SEX, EDUCATION, PAY_0 and the label 0.02–0.04 off in total variation against 0.003–0.017
 * when drawn). The weighted vote keeps the plain vote's winner wherever one category has the most parents, and splits a
 * tie (two of four parents each, common at M = 4) in proportion to the categories' weights instead of evenly: a
 * category no parent has never wins and a clear majority always does, so a sample's categories stay those its
 * parents share. The weights are fitted on a pilot of barycentres by damped multiplicative updates of each slot's
 * weight by (training share / expected voted share), the iterative proportional fitting of the voted marginal to the
 * training one, within [1/{@value #MAX_WEIGHT}, {@value #MAX_WEIGHT}]; each slot's aim is its training share shrunk
 * towards its plain share by the pilot's noise (James and Stein 1961), so that a slot that misses by noise alone is
 * not steered.
 */
public final class VoteCalibration {
  /** The largest weight (and 1 / the smallest): a tie goes at most 64 : 1 one way. */
  static final double MAX_WEIGHT = 8;
  /**
   * A column is weighted only when its plain vote misses the training shares by more than this many times the total
   * variation the pilot shows by chance ({@link #noiseVariation}): Adult's 15 occupations, at that floor, came out
   * 0.021 → 0.029 from training with every slot steered, credit default's label and PAY_0, at 3–4 times it,
   * 0.018 → 0.004 and 0.028 → 0.018.
   */
  static final double NOISE_MULTIPLE = 2;
  /** A slot expected fewer times than this in the pilot keeps a weight of at most 1. */
  static final double RARE = 5;
  /** Rounds of updates; the voted shares settle in well under this on the shared tables. */
  static final int ROUNDS = 60;
  /** Each round moves a log-weight by this share of its log-ratio: full steps overshoot where ties are few. */
  private static final double STEP = 0.5;
  /** The vote keeps its even split of ties unless the weights move its shares towards their aim by more than this. */
  static final double MIN_GAIN = 0.005;

  private VoteCalibration() {
  }

  /**
   * The weights for one column of {@code width} slots.
   *
   * @param blocks the pilot's blocks, sample s's slot k at {@code blocks[s * stride + offset + k]} (a barycentre's
   *     shares, in any common scale)
   * @param samples the number of blocks
   * @param target each slot's share of the training rows (summing to 1)
   * @return the weights, or null when they do not bring the voted shares closer to their aim (above) by
   *     {@value #MIN_GAIN} in total variation (or the column has one slot)
   */
  public static double[] fit(double[] blocks, int samples, int stride, int offset, double[] target) {
    int width = target.length;
    if (width < 2 || samples == 0) {
      return null;
    }
    double[] logWeights = new double[width];
    double[] voted = new double[width];
    voteShares(blocks, samples, stride, offset, null, voted);
    double floor = 0.5 / samples; // a slot never voted still moves, by a bounded step
    double limit = Math.log(MAX_WEIGHT);
    // Each slot is steered to its training share shrunk towards its plain share by its noise in the pilot (the
    // James-Stein factor 1 - se² / miss²): over a column of many categories (Adult's 15 occupations) steering every
    // slot to its training share fitted the pilot's luck, and the output's shares came out further from training's
    // (occupation 0.021 -> 0.038 in total variation); a slot that misses by its noise alone is left where it is.
    double[] aim = new double[width];
    boolean[] steered = new boolean[width];
    double steeredAim = 0;
    double kept = 0;
    for (int k = 0; k < width; k++) {
      double miss = target[k] - voted[k];
      double shrink = miss == 0 ? 0 : Math.max(0, 1 - target[k] * (1 - target[k]) / samples / (miss * miss));
      steered[k] = shrink > 0;
      aim[k] = voted[k] + miss * shrink;
      steeredAim += steered[k] ? aim[k] : 0;
      kept += steered[k] ? 0 : voted[k];
    }
    if (!(steeredAim > 0) || totalVariation(voted, target) < NOISE_MULTIPLE * noiseVariation(target, samples)) {
      return null;
    }
    for (int k = 0; k < width; k++) {
      aim[k] = steered[k] ? aim[k] * (1 - kept) / steeredAim : aim[k]; // the steered slots share what is left
    }
    double plainToAim = totalVariation(voted, aim);
    double best = plainToAim;
    double[] bestWeights = null;
    for (int round = 0; round < ROUNDS; round++) {
      for (int k = 0; k < width; k++) {
        if (!steered[k]) {
          continue;
        }
        double step = STEP * (Math.log(aim[k] + floor) - Math.log(voted[k] + floor));
        // A category the pilot would see fewer than RARE times is never favoured: its share is noise there, and a
        // value a few training rows hold is the one a sample must not hand on more often than they do.
        double highest = target[k] * samples < RARE ? 0 : limit;
        logWeights[k] = Math.max(-limit, Math.min(highest, logWeights[k] + step));
      }
      double[] weights = new double[width];
      for (int k = 0; k < width; k++) {
        weights[k] = Math.exp(logWeights[k]);
      }
      double distance = totalVariation(voteShares(blocks, samples, stride, offset, weights, voted), aim);
      if (distance < best) {
        best = distance;
        bestWeights = weights;
      }
    }
    return plainToAim - best > MIN_GAIN ? bestWeights : null;
  }

  /**
   * Fills {@code shares} with the share of the blocks the (weighted) vote gives each slot, a tie's chances as
   * {@link Vote#winner} splits it, and returns it.
   */
  static double[] voteShares(double[] blocks, int samples, int stride, int offset, double[] weights,
      double[] shares) {
    java.util.Arrays.fill(shares, 0);
    for (int s = 0; s < samples; s++) {
      Vote.addWinningChances(blocks, s * stride + offset, shares.length, weights, 1.0 / samples, shares);
    }
    return shares;
  }

  /**
   * The total variation distance from {@code target} that a pilot of {@code samples} draws shows by chance alone:
   * Σ_k √(t_k (1 − t_k) / samples) / √(2π), half the expected absolute binomial deviations.
   */
  static double noiseVariation(double[] target, int samples) {
    double sum = 0;
    for (double t : target) {
      sum += Math.sqrt(t * (1 - t) / samples);
    }
    return sum / Math.sqrt(2 * Math.PI);
  }

  private static double totalVariation(double[] shares, double[] target) {
    double sum = 0;
    for (int k = 0; k < shares.length; k++) {
      sum += Math.abs(shares[k] - target[k]);
    }
    return sum / 2;
  }
}
