package org.cfdmspark.encoding;

import org.cfdmspark.knn.SplitMix64;

/**
 * Arg-max decoding of a block of state scores (categories, or a number column's point masses and missing state)
 * with ties broken by the row's own bits instead of by position. At the end of a trajectory every perturbed
 * posterior mean is a single training row, so a block holds multiples of 1/M and an even split between two
 * states ties exactly; a rule such as "ties to the first state" hands all those samples to one state and starves
 * the others (on credit_data it halved the missing rate of Income). Breaking a tie by bits of the sample itself
 * picks each tied state about equally often and still gives a row that depends on its id alone.
 */
final class Vote {
  /** Scores closer than this count as tied: sums of M shares of 1 differ by rounding only. */
  private static final double TIE = 1e-9;

  private Vote() {
  }

  /** The winning index among scores[offset .. offset + count); {@code tieBreak} chooses among tied maxima. */
  static int winner(double[] scores, int offset, int count, long tieBreak) {
    double best = Double.NEGATIVE_INFINITY;
    for (int k = 0; k < count; k++) {
      best = Math.max(best, scores[offset + k]);
    }
    int tied = 0;
    for (int k = 0; k < count; k++) {
      tied += scores[offset + k] >= best - TIE ? 1 : 0;
    }
    int pick = tied == 1 ? 0 : (int) Long.remainderUnsigned(tieBreak, tied);
    for (int k = 0; k < count; k++) {
      if (scores[offset + k] >= best - TIE && pick-- == 0) {
        return k;
      }
    }
    throw new IllegalArgumentException("no finite score among " + count);
  }

  /** Well-mixed bits of the encoded row z[offset .. offset + width) (SplitMix64's finaliser over its values). */
  static long rowBits(double[] z, int offset, int width) {
    long h = 0;
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
