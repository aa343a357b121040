package org.cfdmspark.encoding;

import org.cfdmspark.knn.SplitMix64;

/**
 * Decoding of a block of state scores (categories, or a number column's point masses and missing state): the
 * arg-max ({@link #winner}), or a draw in proportion to the scores ({@link #draw}, {@link CategoryDraw}). The
 * arg-max breaks ties by the row's own bits instead of by position. At the end of a trajectory every perturbed
 * posterior mean is a single training row, so a block holds multiples of 1/M and an even split between two
 * states ties exactly; a rule such as "ties to the first state" hands all those samples to one state and starves
 * the others (on credit_data it halved the missing rate of Income). Breaking a tie by bits of the sample itself
 * picks each tied state about equally often and still gives a row that depends on its id alone.
 */
final class Vote {
  /** Scores closer than this count as tied: sums of M shares of 1 differ by rounding only. */
  private static final double TIE = 1e-9;
  /** Mixed into the row's bits for {@link #draw}, apart from the final noise's ({@link FinalNoise}). */
  private static final long DRAW_SALT = 0xBB67AE8584CAA73BL;
  /** Mixed into the row's bits for a weighted {@link #winner}'s choice among tied maxima. */
  private static final long TIE_SALT = 0xA54FF53A5F1D36F1L;
  /** Mixed into the row's bits for {@link #chance}. */
  private static final long CHANCE_SALT = 0x3C6EF372FE94F82BL;
  private static final double UNIT = 0x1.0p-53;

  private Vote() {
  }

  /** The winning index among scores[offset .. offset + count); {@code tieBreak} chooses among tied maxima. */
  static int winner(double[] scores, int offset, int count, long tieBreak) {
    return winner(scores, offset, count, null, tieBreak);
  }

  /**
   * The winning index among scores[offset .. offset + count): among tied maxima, {@code tieBreak} chooses one with
   * probability in proportion to its weight ({@code weights} null: each equally often).
   */
  static int winner(double[] scores, int offset, int count, double[] weights, long tieBreak) {
    double best = best(scores, offset, count);
    int tied = 0;
    double tiedWeight = 0;
    for (int k = 0; k < count; k++) {
      if (scores[offset + k] >= best - TIE) {
        tied++;
        tiedWeight += weights == null ? 1 : weights[k];
      }
    }
    if (tied == 0) {
      throw new IllegalArgumentException("no finite score among " + count);
    }
    if (weights == null) {
      int pick = tied == 1 ? 0 : (int) Long.remainderUnsigned(tieBreak, tied);
      for (int k = 0; k < count; k++) {
        if (scores[offset + k] >= best - TIE && pick-- == 0) {
          return k;
        }
      }
    }
    double u = (SplitMix64.mix(tieBreak ^ TIE_SALT) >>> 11) * UNIT * tiedWeight; // in [0, tiedWeight)
    int last = -1;
    for (int k = 0; k < count; k++) {
      if (scores[offset + k] >= best - TIE) {
        last = k;
        u -= weights[k];
        if (u < 0) {
          return k;
        }
      }
    }
    return last; // u within rounding of tiedWeight
  }

  /** The largest of scores[offset .. offset + count); a score within {@link #TIE} of it ties with it. */
  private static double best(double[] scores, int offset, int count) {
    double best = Double.NEGATIVE_INFINITY;
    for (int k = 0; k < count; k++) {
      best = Math.max(best, scores[offset + k]);
    }
    return best;
  }

  /**
   * Each index's chance to win {@link #winner} with {@code weights} (null: equal), added to shares[0 .. count)
   * times {@code scale}.
   */
  static void addWinningChances(double[] scores, int offset, int count, double[] weights, double scale,
      double[] shares) {
    double best = best(scores, offset, count);
    double tiedWeight = 0;
    for (int k = 0; k < count; k++) {
      tiedWeight += scores[offset + k] >= best - TIE ? weights == null ? 1 : weights[k] : 0;
    }
    for (int k = 0; k < count; k++) {
      if (scores[offset + k] >= best - TIE) {
        shares[k] += scale * (weights == null ? 1 : weights[k]) / tiedWeight;
      }
    }
  }

  /**
   * An index among scores[offset .. offset + count) drawn with probability score / Σ scores (negative scores,
   * rounding below 0, count as 0), by a uniform variate made from {@code bits}: the same bits give the same
   * index. All scores 0 (no state holds weight): the {@link #winner}.
   */
  static int draw(double[] scores, int offset, int count, long bits) {
    double total = 0;
    for (int k = 0; k < count; k++) {
      total += Math.max(scores[offset + k], 0);
    }
    if (!(total > 0)) {
      return winner(scores, offset, count, bits);
    }
    double u = (SplitMix64.mix(bits ^ DRAW_SALT) >>> 11) * UNIT * total; // in [0, total)
    int last = 0;
    for (int k = 0; k < count; k++) {
      double share = Math.max(scores[offset + k], 0);
      if (share > 0) {
        last = k;
        u -= share;
        if (u < 0) {
          return k;
        }
      }
    }
    return last; // u within rounding of total
  }

  /**
   * True with probability {@code p} (clipped to [0, 1]), by a uniform variate made from {@code bits} apart from
   * {@link #draw}'s and the final noise's.
   */
  static boolean chance(double p, long bits) {
    return (SplitMix64.mix(bits ^ CHANCE_SALT) >>> 11) * UNIT < p;
  }

  /**
   * Well-mixed bits of the encoded row z[offset .. offset + width) of sample {@code sampleId} of a run with
   * {@code seed} (SplitMix64's finaliser over them): two samples that land on the same barycentre (the same parents,
   * common in a sparse tail) still get their own final noise and draws, so they do not come out as equal rows.
   */
  static long rowBits(double[] z, int offset, int width, long seed, long sampleId) {
    long h = SplitMix64.mix(SplitMix64.mix(seed) ^ sampleId);
    for (int j = 0; j < width; j++) {
      h = SplitMix64.mix(h ^ Double.doubleToLongBits(z[offset + j]));
    }
    return h;
  }

  /** Tie-break bits for column {@code c} of a row with {@link #rowBits}: independent between columns. */
  static long forColumn(long rowBits, int c) {
    return SplitMix64.mix(rowBits + 0x9E3779B97F4A7C15L * (c + 1));
  }

}
