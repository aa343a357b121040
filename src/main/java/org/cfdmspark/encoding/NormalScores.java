package org.cfdmspark.encoding;

import org.apache.commons.math3.special.Erf;
import org.cfdmspark.knn.SortedArrays;

/**
 * The quantile-to-normal transform of a number column (the normal-score transform that TabDDPM's preprocessing and
 * the Gaussian copula use): a value x goes to Φ⁻¹(F(x)), F the column's empirical CDF, read off K quantile knots
 * q_0 ≤ … ≤ q_{K−1} at probabilities p_0 = 0 < p_1 < … < p_{K−1} = 1 and interpolated linearly between them. A
 * value held by several knots (a point mass, a tie) takes the middle of their probabilities. Probabilities
 * p ∈ [0, 1] are squeezed linearly into [e, 1 − e], e half the smaller end step of the grid, so scores stay finite
 * (|score| ≤ 3.1 on the uniform grid, ≤ 4.2 with the most tail knots) and the minimum and maximum still map to
 * distinct scores. The inverse reads the knots at the unsqueezed Φ(score): it inverts {@link #score} exactly
 * wherever F is strictly increasing, is monotone, and maps every score into [q_0, q_{K−1}], so barycentres of
 * scores decode inside the column's range, and a barycentre of two payments is their quantile-space midpoint
 * instead of their arithmetic mean (which lifts small values toward large ones on a skewed column).
 *
 * <p>The grid ({@link #probabilities(long)}) is the uniform one k/512 plus, in each end step of 1/512, the
 * probabilities j/(512·T), T = min({@value #MAX_TAIL}, ⌊n/512⌋) for n values: about every order statistic of the
 * top and bottom 1/512 on a column of up to 32,768 values. On the uniform grid alone the top 1/512 of a
 * heavy-tailed column (PAY_AMT2 of credit default: 193,259 to 1,684,259) was read linearly between its last two
 * knots, so the samples landing there averaged 933,384 where the training rows there average 344,051. The tail
 * knots also spread the top and bottom rows' scores out to about Φ⁻¹(1/(2n)) instead of −3.1. A grid of
 * null stands for the uniform 513 knots of models saved before the tail knots, and reads them exactly as then.
 */
final class NormalScores {
  /** Knots of the uniform part of the grid: 512 quantile intervals. */
  static final int KNOTS = 513;
  /** The most extra knots per end step: each end step is cut into at most this many. */
  static final int MAX_TAIL = 64;
  private static final double SQRT2 = Math.sqrt(2);

  private NormalScores() {
  }

  /**
   * The knot probabilities for a column of {@code n} values, ascending from 0 to 1: the uniform grid k/512 and
   * j/(512·T), 1 − j/(512·T) for j = 1 … T − 1, T = min(MAX_TAIL, ⌊n/512⌋) (none when T ≤ 1).
   */
  static double[] probabilities(long n) {
    int tail = (int) Math.max(1, Math.min(MAX_TAIL, n / (KNOTS - 1)));
    double[] p = new double[KNOTS + 2 * (tail - 1)];
    double step = 1.0 / (KNOTS - 1);
    for (int j = 1; j < tail; j++) {
      p[j] = j * step / tail;
      p[p.length - 1 - j] = 1 - j * step / tail;
    }
    for (int k = 1; k < KNOTS - 1; k++) {
      p[tail - 1 + k] = k * step;
    }
    p[p.length - 1] = 1;
    return p;
  }

  /** Φ⁻¹(F(x)) for the knots {@code q} (ascending) at probabilities {@code p} (null: uniform). */
  static double score(double[] p, double[] q, double x) {
    int n = q.length;
    int lo = SortedArrays.lowerBound(q, x);
    int hi = SortedArrays.upperBound(q, x);
    double probability;
    if (lo < hi) {
      probability = p == null ? (lo + hi - 1) / 2.0 / (n - 1) : (p[lo] + p[hi - 1]) / 2;
    } else if (lo == 0) {
      probability = 0;
    } else if (lo == n) {
      probability = 1;
    } else {
      probability = probability(p, lo - 1 + (x - q[lo - 1]) / (q[lo] - q[lo - 1]), n);
    }
    return SQRT2 * Erf.erfInv(2 * squeeze(p, probability, n) - 1);
  }

  /** The value at Φ(s) on the knots {@code q} at probabilities {@code p} (null: uniform): the inverse of score. */
  static double value(double[] p, double[] q, double s) {
    int n = q.length;
    double edge = edge(p, n);
    double u = (0.5 * Erf.erfc(-s / SQRT2) - edge) / (1 - 2 * edge);
    double rank = rank(p, u, n);
    int k = (int) Math.min(n - 2, Math.max(0, Math.floor(rank)));
    double frac = Math.min(1, Math.max(0, rank - k));
    return q[k] + frac * (q[k + 1] - q[k]);
  }

  /** The probability at fractional knot index {@code rank}: linear between knots. */
  private static double probability(double[] p, double rank, int n) {
    if (p == null) {
      return rank / (n - 1);
    }
    int k = (int) Math.min(n - 2, Math.floor(rank));
    return p[k] + (rank - k) * (p[k + 1] - p[k]);
  }

  /** The fractional knot index at probability {@code u}: the inverse of {@link #probability}. */
  private static double rank(double[] p, double u, int n) {
    if (p == null) {
      return u * (n - 1);
    }
    int k = Math.min(n - 2, Math.max(0, SortedArrays.upperBound(p, u) - 1));
    return k + (u - p[k]) / (p[k + 1] - p[k]);
  }

  /** e for the grid {@code p} of n knots (null: uniform): half its smaller end step. */
  static double edge(double[] p, int n) {
    return p == null ? 0.5 / (n - 1) : 0.5 * Math.min(p[1] - p[0], p[n - 1] - p[n - 2]);
  }

  /** p ∈ [0, 1] mapped linearly onto [e, 1 − e]. */
  static double squeeze(double[] grid, double p, int n) {
    double edge = edge(grid, n);
    return edge + (1 - 2 * edge) * p;
  }
}
