package org.cfdmspark.engine;

import org.cfdmspark.knn.RowMatrix;

/**
 * Streaming softmax-weighted averages of training rows for a block of queries: logits arrive in pieces and
 * each query keeps a running maximum, a running sum of exp(logit − max) and the matching weighted sum of rows,
 * rescaled whenever the maximum rises (the log-sum-exp trick, so no exp ever overflows). Terms more than
 * {@link #NEGLIGIBLE} below the running maximum are skipped: they weigh less than e^-60 ≈ 1e-26 each.
 *
 * <p>With draw keys, each query also draws one of its rows with probability equal to its softmax weight, by the
 * Gumbel-max trick: the row maximising logit + G, G = −log(−log u) a standard Gumbel variable with u a pure
 * function of (key, row) (Gumbel 1954; Maddison, Tarlow and Minka 2014). That needs no normalisation and no
 * order, so the rows can arrive in pieces and the draw is the same whatever the pieces.
 */
final class SoftmaxMean {
  static final double NEGLIGIBLE = 60;

  private final RowMatrix rows;
  private final int d;
  private double[] maxima = new double[0];
  private double[] sums = new double[0];
  private double[] weighted = new double[0];
  private long exponentials;
  /** The draw keys of the current queries; null when no row is drawn. */
  private long[] drawKeys;
  private double[] drawScores = new double[0];
  private int[] drawnRows = new int[0];

  SoftmaxMean(RowMatrix rows) {
    this.rows = rows;
    this.d = rows.dimension();
  }

  /** Starts {@code count} empty averages. */
  void reset(int count) {
    reset(count, null);
  }

  /**
   * Starts {@code count} empty averages; with {@code keys} non-null, query q also draws a row from the stream of
   * {@code keys[q]} ({@link #drawnRow}).
   */
  void reset(int count, long[] keys) {
    if (maxima.length < count) {
      maxima = new double[count];
      sums = new double[count];
      weighted = new double[count * d];
      drawScores = new double[count];
      drawnRows = new int[count];
    }
    java.util.Arrays.fill(maxima, 0, count, Double.NEGATIVE_INFINITY);
    java.util.Arrays.fill(sums, 0, count, 0);
    java.util.Arrays.fill(weighted, 0, count * d, 0);
    drawKeys = keys;
    if (keys != null) {
      java.util.Arrays.fill(drawScores, 0, count, Double.NEGATIVE_INFINITY);
      java.util.Arrays.fill(drawnRows, 0, count, -1);
    }
  }

  /** The row query q drew (reset with keys): row i with probability equal to its weight in the average. */
  int drawnRow(int q) {
    return drawnRows[q];
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
        addRow(q, excess, firstRow + r);
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
        addRow(q, excess, rowIndices[rowOffset + r]);
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

  /** Adds a row whose logit is {@code excess} above the query's running maximum. */
  private void addRow(int q, double excess, int row) {
    double weight = Math.exp(excess);
    exponentials++;
    if (drawKeys != null) {
      // logit + Gumbel, the logit as excess + running maximum (the maximum moves; the logit does not).
      double score = excess + maxima[q] + gumbel(drawKeys[q], row);
      if (score > drawScores[q]) {
        drawScores[q] = score;
        drawnRows[q] = row;
      }
    }
    sums[q] += weight;
    float[] x = rows.values();
    int rowBase = row * d;
    int base = q * d;
    for (int j = 0; j < d; j++) {
      weighted[base + j] += weight * x[rowBase + j];
    }
  }

  /** A standard Gumbel variable, a pure function of (key, row): number row + 1 of the key's stream. */
  private static double gumbel(long key, int row) {
    long bits = RandomStream.numberAt(key, row + 1L);
    double u = ((bits >>> 11) + 0.5) * 0x1.0p-53; // in (0, 1): both logarithms finite
    return -Math.log(-Math.log(u));
  }
}
