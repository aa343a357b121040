package org.cfdmspark.ml;

import java.io.Serializable;
import org.apache.spark.SparkContext;
import org.apache.spark.util.DoubleAccumulator;
import org.apache.spark.util.LongAccumulator;

/**
 * Counters the executors add to while sampling: rows sampled so far (for progress lines), what the near-copy
 * guard did, and where the time went (a profile). Register one per sampling action; its values are final once the action has completed.
 */
public final class SamplingMonitor implements Serializable {
  private static final long serialVersionUID = 1L;

  private final LongAccumulator sampled;
  private final GuardTally guardTally;
  private final DoubleAccumulator flowSeconds;
  private final DoubleAccumulator searchSeconds;
  private final DoubleAccumulator kernelSeconds;
  private final DoubleAccumulator guardSeconds;
  private final DoubleAccumulator decodeSeconds;

  private SamplingMonitor(SparkContext spark) {
    this.sampled = spark.longAccumulator("cfdm samples");
    this.guardTally = new GuardTally(spark);
    this.flowSeconds = spark.doubleAccumulator("cfdm flow seconds");
    this.searchSeconds = spark.doubleAccumulator("cfdm search seconds");
    this.kernelSeconds = spark.doubleAccumulator("cfdm kernel seconds");
    this.guardSeconds = spark.doubleAccumulator("cfdm guard seconds");
    this.decodeSeconds = spark.doubleAccumulator("cfdm decode seconds");
  }

  /** New counters registered with {@code spark}. */
  public static SamplingMonitor register(SparkContext spark) {
    return new SamplingMonitor(spark);
  }

  /**
   * Where sampling spent its time, summed over all tasks (so up to cores × wall time): drawing the samples (the
   * flow), split into its neighbour searches, the rest of its posterior-mean arithmetic (the kernel: logits,
   * softmax, weighted row sums) and the remainder (start points, smoothing noise, Euler updates); then the guard's
   * checks and redraws, and decoding to rows. Clocks are read once per block and step, never per row.
   *
   * @param flowSeconds task seconds in the generator's first draws (search + kernel + the remainder)
   * @param searchSeconds of which in neighbour searches (0 for the exact estimator and the trained models)
   * @param kernelSeconds of which in posterior-mean arithmetic other than the search
   * @param guardSeconds task seconds in the near-copy checks and redraws (their searches and kernels included)
   * @param decodeSeconds task seconds decoding encoded samples to rows
   */
  public record Profile(double flowSeconds, double searchSeconds, double kernelSeconds, double guardSeconds,
      double decodeSeconds) {
  }

  /** The profile so far (final once the sampling action has completed). */
  public Profile profile() {
    return new Profile(flowSeconds.value(), searchSeconds.value(), kernelSeconds.value(), guardSeconds.value(),
        decodeSeconds.value());
  }

  /** @param meanNanos posterior-mean time within {@code nanos}; {@code searchNanos} of it searching */
  void addFlow(long nanos, long searchNanos, long meanNanos) {
    flowSeconds.add(nanos / 1e9);
    searchSeconds.add(searchNanos / 1e9);
    kernelSeconds.add((meanNanos - searchNanos) / 1e9);
  }

  void addGuard(long nanos) {
    guardSeconds.add(nanos / 1e9);
  }

  void addDecode(long nanos) {
    decodeSeconds.add(nanos / 1e9);
  }

  /** Rows sampled so far (a retried task's rows count again). */
  public LongAccumulator sampled() {
    return sampled;
  }

  public GuardTally guardTally() {
    return guardTally;
  }
}
