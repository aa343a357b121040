package org.cfdmspark.engine;

import org.cfdmspark.knn.DotProductKernel;
import org.cfdmspark.knn.RowMatrix;

/**
 * The exact posterior mean over all N training points: the training rows are streamed in blocks through the
 * dot-product kernel, and each block's logits are folded into a running log-sum-exp, so no queries × N matrix
 * is ever held. Cost per query: N·d multiply-adds and at most N exponentials.
 */
public final class ExactPosteriorMean extends PosteriorMean {
  static final int ROW_BLOCK = 256;

  private final DotProductKernel kernel;
  private final SoftmaxMean softmax;
  private double[] logits = new double[0];
  private double[] blockMaxima = new double[0];

  public ExactPosteriorMean(TrainingSet training, DotProductKernel kernel) {
    super(training);
    this.kernel = kernel;
    this.softmax = new SoftmaxMean(training.points());
  }

  @Override
  protected void estimateAt(double[] queries, int count, double t, long[] queryKeys, double[] out,
      long[] drawKeys, int[] drawnRows, int[] excludedRows) {
    RowMatrix x = training.points();
    int n = x.rows();
    double dotWeight = dotWeight(t);
    double normWeight = normWeight(t);
    if (logits.length < count * ROW_BLOCK) {
      logits = new double[count * ROW_BLOCK];
      blockMaxima = new double[count];
    }
    softmax.reset(count, drawKeys);
    for (int firstRow = 0; firstRow < n; firstRow += ROW_BLOCK) {
      int rowCount = Math.min(ROW_BLOCK, n - firstRow);
      kernel.logits(queries, 0, count, x, firstRow, rowCount, dotWeight, normWeight, logits, blockMaxima);
      if (excludedRows != null) {
        leaveOut(excludedRows, count, firstRow, rowCount);
      }
      for (int q = 0; q < count; q++) {
        softmax.addContiguous(q, logits, q * rowCount, firstRow, rowCount, blockMaxima[q]);
      }
    }
    int d = x.dimension();
    for (int q = 0; q < count; q++) {
      softmax.finish(q, out, q * d);
      if (drawKeys != null) {
        drawnRows[q] = softmax.drawnRow(q);
      }
    }
  }

  /**
   * Gives each query's excluded row, when it lies in this block, logit −∞, and its block maximum anew without it:
   * at late t one row's logit can exceed the others' by more than the negligible range, and a maximum taken from the
   * excluded row would skip them all.
   */
  private void leaveOut(int[] excludedRows, int count, int firstRow, int rowCount) {
    for (int q = 0; q < count; q++) {
      int at = excludedRows[q] - firstRow;
      if (at >= 0 && at < rowCount) {
        logits[q * rowCount + at] = Double.NEGATIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int r = 0; r < rowCount; r++) {
          max = Math.max(max, logits[q * rowCount + r]);
        }
        blockMaxima[q] = max;
      }
    }
  }

  /** Exponentials evaluated so far, i.e. (query, row) terms within the negligible range of the running max. */
  public long exponentials() {
    return softmax.exponentials();
  }
}
