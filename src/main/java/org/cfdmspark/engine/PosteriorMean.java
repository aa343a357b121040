package org.cfdmspark.engine;

/**
 * An estimator of the posterior mean x̂(q, t) = Σ_i w_i(q, t)·x_i with
 * w_i = softmax_i(−‖q − t·x_i‖² / (2(1−t)²)) (method.md §2). Expanding the square, ‖q‖² cancels in the
 * softmax, leaving the logit (t⟨q, x_i⟩ − t²‖x_i‖²/2) / (1−t)², which needs only dot products: it is
 * {@link org.cfdmspark.knn.DotProductKernel#logit} with the weights {@link #dotWeight} and {@link #normWeight}.
 *
 * <p>Instances own scratch buffers: one per thread.
 */
public abstract class PosteriorMean {
  protected final TrainingSet training;
  /** Nanoseconds in {@link #estimate} so far (one clock read per call, i.e. per block and step). */
  private long estimateNanos;
  /** Nanoseconds of it in the neighbour search, added by estimators that search. */
  protected long searchNanos;

  protected PosteriorMean(TrainingSet training) {
    this.training = training;
  }

  public TrainingSet training() {
    return training;
  }

  /**
   * Writes x̂(q, t) for the {@code count} queries in {@code queries} (row-major, d each) to {@code out}.
   * {@code queryKeys[q]} keys the random stream of query q (see {@link RandomStream}); deterministic
   * estimators ignore it. At t = 0 every weight is equal and the answer is the training mean.
   */
  public final void estimate(double[] queries, int count, double t, long[] queryKeys, double[] out) {
    estimate(queries, count, t, queryKeys, out, null, null);
  }

  /**
   * As {@link #estimate(double[], int, double, long[], double[])}, and with {@code drawKeys} non-null also draws
   * one training row per query with probability equal to its weight w_i(q, t) in x̂(q, t), the draw of query q a
   * pure function of {@code drawKeys[q]} and the weights: {@code drawnRows[q]} is its index, or −1 for an
   * estimator without row weights (a trained score model). So E[x_drawn] = x̂(q, t): a sample can take a block
   * of cells from one row (its categories) and still have the barycentre's shares in expectation.
   */
  public final void estimate(double[] queries, int count, double t, long[] queryKeys, double[] out,
      long[] drawKeys, int[] drawnRows) {
    estimate(queries, count, t, queryKeys, out, drawKeys, drawnRows, null);
  }

  /**
   * As {@link #estimate(double[], int, double, long[], double[], long[], int[])}, with training row
   * {@code excludedRows[q]} left out of query q's posterior mean (and draw): the mean over the other N − 1 rows,
   * x̂_{−i}(q, t). {@code excludedRows} null, or an entry −1, leaves none out. An estimator without row weights (a
   * trained score model) has no row to leave out and ignores it; so does t = 0, whose answer is the training mean
   * (one row in N moves it by O(1/N)).
   */
  public final void estimate(double[] queries, int count, double t, long[] queryKeys, double[] out,
      long[] drawKeys, int[] drawnRows, int[] excludedRows) {
    if (!(t >= 0 && t < 1)) {
      throw new IllegalArgumentException("t must be in [0, 1), got " + t);
    }
    if (t == 0) {
      for (int q = 0; q < count; q++) {
        training.copyMeanTo(out, q * training.dimension());
        if (drawKeys != null) {
          // Every weight is 1/N at t = 0.
          drawnRows[q] = new RandomStream(drawKeys[q]).nextInt(training.size());
        }
      }
      return;
    }
    long start = System.nanoTime();
    estimateAt(queries, count, t, queryKeys, out, drawKeys, drawnRows, excludedRows);
    estimateNanos += System.nanoTime() - start;
  }

  /** Wall nanoseconds spent in {@link #estimate} since construction (this thread's; t = 0 calls not counted). */
  public long estimateNanos() {
    return estimateNanos;
  }

  /** The part of {@link #estimateNanos} spent searching neighbours (0 for estimators that do not search). */
  public long searchNanos() {
    return searchNanos;
  }

  /**
   * As {@link #estimate(double[], int, double, long[], double[], long[], int[], int[])} for t in (0, 1);
   * {@code drawKeys} (and {@code drawnRows}) null when no row is to be drawn, {@code excludedRows} null when none is
   * left out.
   */
  protected abstract void estimateAt(double[] queries, int count, double t, long[] queryKeys, double[] out,
      long[] drawKeys, int[] drawnRows, int[] excludedRows);

  /** t / (1−t)²: the logit's weight on ⟨q, x⟩ at time t. */
  static double dotWeight(double t) {
    double gap = 1 - t;
    return t / (gap * gap);
  }

  /** t² / (2(1−t)²): the logit's weight on ‖x‖² at time t. */
  static double normWeight(double t) {
    double gap = 1 - t;
    return 0.5 * t * t / (gap * gap);
  }
}
