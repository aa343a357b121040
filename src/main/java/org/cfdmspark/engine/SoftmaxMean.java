package org.cfdmspark.engine;

import org.cfdmspark.knn.RowMatrix;

/**
 * Streaming softmax-weighted averages of training rows for a block of queries: logits arrive in pieces and
 * each query keeps a running maximum, a running sum of exp(logit − max) and the matching weighted sum of rows,
 * rescaled whenever the maximum rises (the log-sum-exp trick, so no exp ever overflows). Terms more than
 * {@link #NEGLIGIBLE} below the running maximum are skipped: they weigh less than e^-60 ≈ 1e-26 each.
 */
final class SoftmaxMean {
  static final double NEGLIGIBLE = 60;

  private final RowMatrix rows;
  private final int d;
  private double[] maxima = new double[0];
  private double[] sums = new double[0];
  private double[] weighted = new double[0];
  private long exponentials;

  SoftmaxMean(RowMatrix rows) {
    this.rows = rows;
    this.d = rows.dimension();
  }

  /** Starts {@code count} empty averages. */
  void reset(int count) {
    if (maxima.length < count) {
      maxima = new double[count];
      sums = new double[count];
      weighted = new double[count * d];
    }
    java.util.Arrays.fill(maxima, 0, count, Double.NEGATIVE_INFINITY);
    java.util.Arrays.fill(sums, 0, count, 0);
    java.util.Arrays.fill(weighted, 0, count * d, 0);
  }

  /**
   * Adds rows firstRow .. firstRow+count−1 with logits[offset ..] to query q's average; {@code blockMax} is the
   * largest of those logits (the kernel's logit pass finds it on the way).
   */
  void addContiguous(int q, double[] logits, int offset, int firstRow, int count, double blockMax) {
    raiseMaximum(q, blockMax);
    double max = maxima[q];
    if (blockMax - max <= -NEGLIGIBLE) {
      return; // the whole block is negligible: the common case once the maximum is known
    }
    for (int r = 0; r < count; r++) {
      double excess = logits[offset + r] - max;
      if (excess > -NEGLIGIBLE) {
        addRow(q, Math.exp(excess), firstRow + r);
      }
    }
  }

  /** Adds rows rowIndices[rowOffset + r] with logits[offset + r], r < count, to query q's average. */
  void addIndexed(int q, double[] logits, int offset, int[] rowIndices, int rowOffset, int count) {
    double blockMax = Double.NEGATIVE_INFINITY;
    for (int r = 0; r < count; r++) {
      blockMax = Math.max(blockMax, logits[offset + r]);
    }
    raiseMaximum(q, blockMax);
    double max = maxima[q];
    for (int r = 0; r < count; r++) {
      double excess = logits[offset + r] - max;
      if (excess > -NEGLIGIBLE) {
        addRow(q, Math.exp(excess), rowIndices[rowOffset + r]);
      }
    }
  }

  /** Exponentials evaluated so far (terms not skipped): the benchmark counts them in its ceiling. */
  long exponentials() {
    return exponentials;
  }

  /** Writes query q's weighted average to out[outOffset ..]. */
  void finish(int q, double[] out, int outOffset) {
    double inverse = 1 / sums[q];
    for (int j = 0; j < d; j++) {
      out[outOffset + j] = weighted[q * d + j] * inverse;
    }
  }

  private void raiseMaximum(int q, double blockMax) {
    if (blockMax > maxima[q]) {
      double rescale = Math.exp(maxima[q] - blockMax); // 0 for the first piece
      sums[q] *= rescale;
      for (int j = 0; j < d; j++) {
        weighted[q * d + j] *= rescale;
      }
      maxima[q] = blockMax;
    }
  }

  private void addRow(int q, double weight, int row) {
    exponentials++;
    sums[q] += weight;
    float[] x = rows.values();
    int rowBase = row * d;
    int base = q * d;
    for (int j = 0; j < d; j++) {
      weighted[base + j] += weight * x[rowBase + j];
    }
  }
}
