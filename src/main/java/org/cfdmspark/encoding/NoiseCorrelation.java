package org.cfdmspark.encoding;

import dev.ludovic.netlib.lapack.LAPACK;
import java.io.Serializable;
import java.util.Arrays;
import java.util.stream.IntStream;
import org.netlib.util.intW;

/**
 * The final noise of the number columns drawn together (--correlated-noise): the columns' independent standard
 * normal draws g ({@link FinalNoise}) mixed into L g, with L the lower Cholesky factor of R, the correlation of the
 * training rows' value slots (normal scores, or standardised values). Each column's draw keeps variance 1, so its
 * noise is still --final-noise in its own units and its marginal spreads as before; but columns that move together in
 * training are moved together: y = 2x + small noise, drawn apart, had its residual widened threefold (sd 2.0 → 6.0,
 * correlation 0.995 → 0.957), and a tree told credit default's samples from its rows by pairs of bill amounts. The
 * noise vector is N(0, R) (the Gaussian copula's dependence, Nelsen 2006, §2.9, here only for the noise).
 *
 * <p>R is estimated from each column's present values off its point masses (a missing cell or a mass is given the
 * column's mean, so it adds nothing to a covariance), which keeps it positive semi-definite; columns without spread
 * are left out and keep their own draw. R is moved toward the identity by the least of {@link #SHRINKAGE}'s steps that
 * makes the factorisation succeed (exactly equal columns make R singular).
 *
 * @param columns the positions in the codec of the columns mixed, ascending
 * @param factor L packed by rows: L[j][k] (k ≤ j) at j (j + 1) / 2 + k, for the j-th and k-th of {@code columns}
 */
public record NoiseCorrelation(int[] columns, double[] factor) implements Serializable {
  private static final long serialVersionUID = 1L;
  /** The shares of the identity tried in turn until R's Cholesky factorisation succeeds. */
  private static final double[] SHRINKAGE = {0, 1e-9, 1e-6, 1e-3, 1e-2, 1e-1};

  /**
   * @throws IllegalArgumentException unless {@code factor} holds the packed lower triangle of a
   *     {@code columns.length}-square matrix
   */
  public NoiseCorrelation {
    if (factor.length != columns.length * (columns.length + 1) / 2) {
      throw new IllegalArgumentException(factor.length + " factor entries for " + columns.length + " columns");
    }
  }

  /**
   * The mixing fitted on {@code readings[c]}: column c's value slot in each training row (NaN where the row is
   * missing or at a point mass), null for a column not to mix; null when fewer than two columns have spread.
   */
  public static NoiseCorrelation fit(double[][] readings) {
    double[][] all = new double[readings.length][];
    for (int c = 0; c < readings.length; c++) {
      all[c] = readings[c] == null ? null : centred(readings[c]);
    }
    int[] columns = IntStream.range(0, readings.length).filter(c -> all[c] != null && dot(all[c], all[c]) > 0)
        .toArray();
    if (columns.length < 2) {
      return null;
    }
    int n = columns.length;
    double[][] centred = new double[n][];
    for (int j = 0; j < n; j++) {
      centred[j] = all[columns[j]];
    }
    double[] covariance = new double[n * n];
    for (int j = 0; j < n; j++) {
      for (int k = 0; k <= j; k++) {
        double dot = dot(centred[j], centred[k]);
        covariance[j * n + k] = dot;
        covariance[k * n + j] = dot;
      }
    }
    double[] correlation = new double[n * n];
    for (int j = 0; j < n; j++) {
      for (int k = 0; k < n; k++) {
        correlation[j * n + k] = covariance[j * n + k] / Math.sqrt(covariance[j * n + j] * covariance[k * n + k]);
      }
    }
    return new NoiseCorrelation(columns, cholesky(correlation, n));
  }

  /**
   * Mixes the columns' standard normal draws in place: draws[columns[j]] becomes Σ_{k ≤ j} L[j][k] ·
   * draws[columns[k]]; the other entries are left as they are.
   */
  public void mix(double[] draws) {
    int n = columns.length;
    for (int j = n - 1; j >= 0; j--) { // from the last row of L: each row reads only draws not yet mixed
      int row = j * (j + 1) / 2;
      double sum = 0;
      for (int k = 0; k <= j; k++) {
        sum += factor[row + k] * draws[columns[k]];
      }
      draws[columns[j]] = sum;
    }
  }

  /** The correlation L Lᵀ between the j-th and k-th mixed columns: what the mixed draws' covariance is. */
  public double correlation(int j, int k) {
    double sum = 0;
    for (int m = 0; m <= Math.min(j, k); m++) {
      sum += factor[j * (j + 1) / 2 + m] * factor[k * (k + 1) / 2 + m];
    }
    return sum;
  }

  /** The values less their mean, NaN as 0 (the mean); all 0 when the present values are all equal. */
  private static double[] centred(double[] values) {
    double sum = 0;
    int count = 0;
    boolean equal = true;
    double first = Double.NaN;
    for (double v : values) {
      if (!Double.isNaN(v)) {
        first = count == 0 ? v : first;
        equal &= v == first;
        sum += v;
        count++;
      }
    }
    if (equal) { // a mean of equal values can miss them by a rounding, and leave a spread of noise
      return new double[values.length];
    }
    double mean = sum / count;
    double[] out = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = Double.isNaN(values[i]) ? 0 : values[i] - mean;
    }
    return out;
  }

  private static double dot(double[] a, double[] b) {
    double sum = 0;
    for (int i = 0; i < a.length; i++) {
      sum += a[i] * b[i];
    }
    return sum;
  }

  /** The packed lower Cholesky factor of (1 − λ) R + λ I for the least λ of {@link #SHRINKAGE} (LAPACK dpotrf). */
  private static double[] cholesky(double[] correlation, int n) {
    LAPACK lapack = LAPACK.getInstance();
    for (double shrinkage : SHRINKAGE) {
      double[] a = new double[n * n];
      for (int j = 0; j < n; j++) {
        for (int k = 0; k < n; k++) {
          a[j * n + k] = (1 - shrinkage) * correlation[j * n + k] + (j == k ? shrinkage : 0);
        }
      }
      intW info = new intW(0);
      // Symmetric, so row-major is column-major; "U" of the column-major array is the lower triangle by rows.
      lapack.dpotrf("U", n, a, n, info);
      if (info.val == 0) {
        double[] packed = new double[n * (n + 1) / 2];
        for (int j = 0; j < n; j++) {
          for (int k = 0; k <= j; k++) {
            packed[j * (j + 1) / 2 + k] = a[j * n + k]; // column-major U[k][j] = L[j][k]
          }
        }
        return packed;
      }
    }
    throw new IllegalStateException("the final noise's correlation of " + n + " columns has no Cholesky factor "
        + "even at " + SHRINKAGE[SHRINKAGE.length - 1] + " of the identity: " + Arrays.toString(correlation));
  }
}
