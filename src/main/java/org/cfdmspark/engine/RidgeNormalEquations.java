package org.cfdmspark.engine;

import dev.ludovic.netlib.lapack.LAPACK;
import java.io.Serializable;
import org.netlib.util.intW;

/**
 * The normal equations of a multi-output ridge regression, accumulated one sample at a time and mergeable, so
 * that partitions can sum their parts (Spark's {@code treeAggregate}): G = ΦᵀΦ (p × p), C = ΦᵀY (p × d) and the
 * sample count s, for samples (φ, y) with φ in R^p and y in R^d. The read-out solves
 * (G + s·λ·I)·B = C, i.e. it minimises (1/s)·Σ‖y − Bᵀφ‖² + λ‖B‖²_F.
 *
 * <p>Memory: p² + p·d doubles (8·p² bytes dominate: 8 MB at p = 1,000, 800 MB at p = 10,000), allocated on
 * the first sample so that an empty accumulator (Spark's zero value, shipped with every task) is small.
 * Samples are buffered in blocks of {@value #BLOCK} and added to G a tile of rows at a time, so G streams
 * through the cache once per block instead of once per sample; every entry still sums its samples in arrival
 * order, so the result is the same as adding them one by one. Not thread-safe.
 */
public final class RidgeNormalEquations implements Serializable {
  private static final long serialVersionUID = 1L;
  static final int BLOCK = 64;
  private static final int TILE = 32;

  private final int p;
  private final int d;
  private double[] gram; // row-major, upper triangle (b >= a) filled
  private double[] cross; // column-major p × d
  private long samples;
  private double[] blockFeatures;
  private double[] blockTargets;
  private int pending;

  public RidgeNormalEquations(int features, int outputs) {
    if (features < 1 || outputs < 1) {
      throw new IllegalArgumentException("need p >= 1 features and d >= 1 outputs, got " + features + ", " + outputs);
    }
    this.p = features;
    this.d = outputs;
  }

  /** Adds the sample (features[fOffset .. + p), targets[tOffset .. + d)). */
  public RidgeNormalEquations add(double[] features, int fOffset, double[] targets, int tOffset) {
    if (blockFeatures == null) {
      blockFeatures = new double[BLOCK * p];
      blockTargets = new double[BLOCK * d];
    }
    System.arraycopy(features, fOffset, blockFeatures, pending * p, p);
    System.arraycopy(targets, tOffset, blockTargets, pending * d, d);
    if (++pending == BLOCK) {
      flush();
    }
    return this;
  }

  /** Adds {@code other}'s samples to this one; returns this. */
  public RidgeNormalEquations merge(RidgeNormalEquations other) {
    if (other.p != p || other.d != d) {
      throw new IllegalArgumentException("cannot merge " + other.p + " x " + other.d + " into " + p + " x " + d);
    }
    flush();
    other.flush();
    if (other.gram == null) {
      return this;
    }
    if (gram == null) {
      gram = other.gram.clone();
      cross = other.cross.clone();
    } else {
      for (int i = 0; i < gram.length; i++) {
        gram[i] += other.gram[i];
      }
      for (int i = 0; i < cross.length; i++) {
        cross[i] += other.cross[i];
      }
    }
    samples += other.samples;
    return this;
  }

  public long samples() {
    return samples + pending;
  }

  /** G = ΦᵀΦ as a full symmetric p × p matrix (row-major, a copy). */
  public double[] gram() {
    flush();
    double[] full = new double[p * p];
    if (gram != null) {
      for (int a = 0; a < p; a++) {
        for (int b = a; b < p; b++) {
          full[a * p + b] = gram[a * p + b];
          full[b * p + a] = gram[a * p + b];
        }
      }
    }
    return full;
  }

  /** C = ΦᵀY, column-major p × d (a copy). */
  public double[] cross() {
    flush();
    return cross == null ? new double[p * d] : cross.clone();
  }

  /**
   * The read-out B (p × d, column-major: B[a + j·p]) solving (G + s·λ·I)·B = C by a Cholesky factorisation
   * (LAPACK dposv).
   *
   * @throws IllegalStateException if there are no samples, or if G + s·λ·I is not numerically positive
   *     definite (λ = 0 with p at least the sample count): the message asks for a larger ridge
   */
  public double[] solve(double ridge) {
    flush();
    if (samples == 0) {
      throw new IllegalStateException("no samples to fit the ridge regression to");
    }
    // G's upper triangle in row-major order is the lower triangle of the same array read column-major.
    double[] matrix = gram.clone();
    double shift = samples * ridge;
    for (int a = 0; a < p; a++) {
      matrix[a * p + a] += shift;
    }
    double[] solution = cross.clone();
    intW info = new intW(0);
    LAPACK.getInstance().dposv("L", p, d, matrix, p, solution, p, info);
    if (info.val != 0) {
      throw new IllegalStateException("the ridge system of " + p + " features on " + samples + " samples is "
          + "singular at ridge " + ridge + " (LAPACK dposv info " + info.val + "); give a larger --ridge");
    }
    return solution;
  }

  private void flush() {
    if (pending == 0) {
      return;
    }
    if (gram == null) {
      gram = new double[p * p];
      cross = new double[p * d];
    }
    // Tiles of TILE rows of G stay in cache while every sample of the block passes over them.
    for (int tileStart = 0; tileStart < p; tileStart += TILE) {
      int tileEnd = Math.min(p, tileStart + TILE);
      for (int r = 0; r < pending; r++) {
        int base = r * p;
        for (int a = tileStart; a < tileEnd; a++) {
          double fa = blockFeatures[base + a];
          int row = a * p;
          for (int b = a; b < p; b++) {
            gram[row + b] += fa * blockFeatures[base + b];
          }
        }
      }
    }
    for (int j = 0; j < d; j++) {
      int column = j * p;
      for (int r = 0; r < pending; r++) {
        double y = blockTargets[r * d + j];
        int base = r * p;
        for (int a = 0; a < p; a++) {
          cross[column + a] += blockFeatures[base + a] * y;
        }
      }
    }
    samples += pending;
    pending = 0;
  }
}
