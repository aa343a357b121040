package org.cfdmspark.engine;

import dev.ludovic.netlib.lapack.LAPACK;
import java.io.Serializable;
import java.util.Arrays;
import org.netlib.util.intW;

/**
 * The Gaussian copula baseline ({@code --generator copula}; Nelsen, An Introduction to Copulas, 2006, §2.9; the
 * model of SDV's GaussianCopula with empirical marginals): each encoded column j is mapped to normal scores
 * s_ij = Φ⁻¹(r_ij / (N + 1)) with r_ij the row's rank in the column (ties: their mean rank); R is the
 * correlation matrix of the scores. A sample draws z ~ N(0, R) and maps each z_j back through the column's
 * empirical quantile function at Φ(z_j) (linear between order statistics), so every column keeps its training
 * marginal and the columns their rank correlation. Fitted on the driver from a stratum's encoded rows; categories
 * and point masses are decoded from the sampled scores by the codec's vote.
 */
public final class GaussianCopula implements Serializable {
  private static final long serialVersionUID = 1L;

  private final int n;
  private final int d;
  /** sorted[j * n + r]: the r-th smallest value of column j. */
  private final float[] sorted;
  /** factor[j * d + k]: A with A Aᵀ = R (eigenvectors scaled by √λ, negative rounding errors of λ to 0). */
  private final double[] factor;
  private final double[] correlation;

  private GaussianCopula(int n, int d, float[] sorted, double[] correlation, double[] factor) {
    this.n = n;
    this.d = d;
    this.sorted = sorted;
    this.correlation = correlation;
    this.factor = factor;
  }

  /** Fits the copula to the rows of {@code training} (at least 2). */
  public static GaussianCopula fit(TrainingSet training) {
    int n = training.size();
    int d = training.dimension();
    if (n < 2) {
      throw new IllegalArgumentException("a copula needs at least 2 rows, got " + n);
    }
    float[] x = training.points().values();
    float[] sorted = new float[n * d];
    double[] scores = new double[n * d];
    Integer[] order = new Integer[n];
    for (int j = 0; j < d; j++) {
      final int column = j;
      for (int i = 0; i < n; i++) {
        order[i] = i;
      }
      Arrays.sort(order, (a, b) -> Float.compare(x[a * d + column], x[b * d + column]));
      for (int start = 0; start < n; ) {
        float value = x[order[start] * d + j];
        int end = start;
        while (end < n && x[order[end] * d + j] == value) {
          end++;
        }
        double meanRank = (start + 1 + end) / 2.0; // ranks start+1 .. end
        double score = StandardNormal.quantile(meanRank / (n + 1));
        for (int r = start; r < end; r++) {
          sorted[j * n + r] = value;
          scores[j * n + order[r]] = score;
        }
        start = end;
      }
    }
    double[] correlation = correlation(scores, n, d);
    return new GaussianCopula(n, d, sorted, correlation, factor(correlation, d));
  }

  /** Pearson correlation of the score columns; a constant column correlates with nothing (its row is e_j). */
  private static double[] correlation(double[] scores, int n, int d) {
    double[] centred = scores.clone();
    double[] norm = new double[d];
    for (int j = 0; j < d; j++) {
      double mean = 0;
      for (int i = 0; i < n; i++) {
        mean += centred[j * n + i];
      }
      mean /= n;
      double ss = 0;
      for (int i = 0; i < n; i++) {
        centred[j * n + i] -= mean;
        ss += centred[j * n + i] * centred[j * n + i];
      }
      norm[j] = Math.sqrt(ss);
    }
    double[] r = new double[d * d];
    for (int j = 0; j < d; j++) {
      r[j * d + j] = 1;
      for (int k = 0; k < j; k++) {
        double v = 0;
        if (norm[j] > 0 && norm[k] > 0) {
          double dot = 0;
          for (int i = 0; i < n; i++) {
            dot += centred[j * n + i] * centred[k * n + i];
          }
          v = dot / (norm[j] * norm[k]);
        }
        r[j * d + k] = v;
        r[k * d + j] = v;
      }
    }
    return r;
  }

  /** A = V diag(√max(λ, 0)) from R = V diag(λ) Vᵀ (LAPACK dsyev): R of one-hot blocks is singular. */
  private static double[] factor(double[] correlation, int d) {
    double[] v = correlation.clone(); // symmetric: column-major = row-major
    double[] lambda = new double[d];
    intW info = new intW(0);
    double[] query = new double[1];
    LAPACK lapack = LAPACK.getInstance();
    lapack.dsyev("V", "U", d, v, d, lambda, query, -1, info);
    double[] work = new double[Math.max(1, (int) query[0])];
    lapack.dsyev("V", "U", d, v, d, lambda, work, work.length, info);
    if (info.val != 0) {
      throw new IllegalStateException("the eigen-decomposition of the copula's correlation failed: dsyev info "
          + info.val);
    }
    double[] a = new double[d * d];
    for (int k = 0; k < d; k++) {
      double scale = Math.sqrt(Math.max(lambda[k], 0));
      for (int j = 0; j < d; j++) {
        a[j * d + k] = v[k * d + j] * scale; // column k of V (column-major) is eigenvector k
      }
    }
    return a;
  }

  public int dimension() {
    return d;
  }

  /** The correlation of the normal scores, R[j][k] (a copy). */
  public double[][] correlation() {
    double[][] r = new double[d][];
    for (int j = 0; j < d; j++) {
      r[j] = Arrays.copyOfRange(correlation, j * d, j * d + d);
    }
    return r;
  }

  /** A sampler drawing sample i from the stream (seed, i, attempt): the guard's attempt k is a fresh draw. */
  public BlockSampler sampler(long seed, int attempt) {
    return new Sampler(seed, attempt);
  }

  /** Column j's empirical quantile at u in [0, 1]: linear between order statistics (Hyndman–Fan type 7). */
  double quantile(int j, double u) {
    double h = (n - 1) * u;
    int low = (int) Math.min(Math.floor(h), n - 1);
    int high = Math.min(low + 1, n - 1);
    double lowValue = sorted[j * n + low];
    return lowValue + (h - low) * (sorted[j * n + high] - lowValue);
  }

  private final class Sampler implements BlockSampler {
    private final long seed;
    private final int attempt;
    private final RandomStream random = new RandomStream();
    private final double[] epsilon = new double[d];

    Sampler(long seed, int attempt) {
      this.seed = seed;
      this.attempt = attempt;
    }

    @Override
    public int blockSize() {
      return FlowSampler.DEFAULT_BLOCK_SIZE;
    }

    @Override
    public void sampleBlock(long[] ids, int count, double[] out, int outOffset) {
      for (int b = 0; b < count; b++) {
        random.reset(BaselineStreams.key(seed, ids[b], attempt, BaselineStreams.MIX));
        random.nextGaussians(epsilon, 0, d);
        for (int j = 0; j < d; j++) {
          double z = 0;
          for (int k = 0; k < d; k++) {
            z += factor[j * d + k] * epsilon[k];
          }
          out[outOffset + b * d + j] = quantile(j, StandardNormal.cdf(z));
        }
      }
    }
  }
}
