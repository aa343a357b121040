package org.cfdmspark.encoding;

import org.apache.commons.math3.special.Erf;

/**
 * The quantile-to-normal transform of a number column (the normal-score transform that TabDDPM's preprocessing and
 * the Gaussian copula use): a value x goes to Φ⁻¹(F(x)), F the column's empirical CDF, read off K quantile knots
 * q_0 ≤ … ≤ q_{K−1} at probabilities k/(K−1) and interpolated linearly between them. A value held by several knots
 * (a point mass, a tie) takes the middle of their probabilities. Probabilities p ∈ [0, 1] are squeezed linearly
 * into [e, 1 − e], e = 1/(2(K−1)), so scores stay finite (|score| ≤ 3.1 for K = 513) and the minimum and maximum
 * still map to distinct scores. The inverse reads the knots at the unsqueezed Φ(score): it inverts {@link #score}
 * exactly wherever F is strictly increasing, is monotone, and maps every score into [q_0, q_{K−1}], so barycentres
 * of scores decode inside the column's range, and a barycentre of two payments is their quantile-space midpoint
 * instead of their arithmetic mean (which lifts small values toward large ones on a skewed column).
 */
final class NormalScores {
  /** Knots fitted per column: 512 quantile intervals. */
  static final int KNOTS = 513;
  private static final double SQRT2 = Math.sqrt(2);

  private NormalScores() {
  }

  /** The probabilities 0, 1/(K−1), …, 1 at which the knots are read. */
  static double[] probabilities() {
    double[] p = new double[KNOTS];
    for (int k = 0; k < KNOTS; k++) {
      p[k] = k / (double) (KNOTS - 1);
    }
    return p;
  }

  /** Φ⁻¹(F(x)) for the knots {@code q} (ascending). */
  static double score(double[] q, double x) {
    int n = q.length;
    int lo = lowerBound(q, x);
    int hi = upperBound(q, x);
    double rank;
    if (lo < hi) {
      rank = (lo + hi - 1) / 2.0;
    } else if (lo == 0) {
      rank = 0;
    } else if (lo == n) {
      rank = n - 1;
    } else {
      rank = lo - 1 + (x - q[lo - 1]) / (q[lo] - q[lo - 1]);
    }
    return SQRT2 * Erf.erfInv(2 * squeeze(rank / (n - 1), n) - 1);
  }

  /** The value at Φ(s) on the knots {@code q}: the inverse of {@link #score} where F is strictly increasing. */
  static double value(double[] q, double s) {
    int n = q.length;
    double edge = edge(n);
    double u = (0.5 * Erf.erfc(-s / SQRT2) - edge) / (1 - 2 * edge) * (n - 1);
    int k = (int) Math.min(n - 2, Math.max(0, Math.floor(u)));
    double frac = Math.min(1, Math.max(0, u - k));
    return q[k] + frac * (q[k + 1] - q[k]);
  }

  /** e for n knots: half a knot's probability. */
  static double edge(int n) {
    return 0.5 / (n - 1);
  }

  /** p ∈ [0, 1] mapped linearly onto [e, 1 − e]. */
  static double squeeze(double p, int n) {
    double edge = edge(n);
    return edge + (1 - 2 * edge) * p;
  }

  /** The first index whose knot is ≥ x. */
  private static int lowerBound(double[] q, double x) {
    int lo = 0;
    int hi = q.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (q[mid] < x) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** The first index whose knot is > x. */
  private static int upperBound(double[] q, double x) {
    int lo = 0;
    int hi = q.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (q[mid] <= x) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }
}
