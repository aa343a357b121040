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
  private final DoubleAccumulator guardSeconds;
  private final DoubleAccumulator decodeSeconds;

  private SamplingMonitor(SparkContext spark) {
    this.sampled = spark.longAccumulator("cfdm samples");
    this.guardTally = new GuardTally(spark);
    this.flowSeconds = spark.doubleAccumulator("cfdm flow seconds");
    this.guardSeconds = spark.doubleAccumulator("cfdm guard seconds");
    this.decodeSeconds = spark.doubleAccumulator("cfdm decode seconds");
  }

  /** New counters registered with {@code spark}. */
  public static SamplingMonitor register(SparkContext spark) {
    return new SamplingMonitor(spark);
  }

  /**
   * Where sampling spent its time, summed over all tasks (so up to cores × wall time): drawing the samples (the
   * flow: neighbour search and posterior means), the guard's checks and redraws, and decoding to rows.
   *
   * @param flowSeconds task seconds in the generator's first draws
   * @param guardSeconds task seconds in the near-copy checks and redraws
   * @param decodeSeconds task seconds decoding encoded samples to rows
   */
  public record Profile(double flowSeconds, double guardSeconds, double decodeSeconds) {
  }

  /** The profile so far (final once the sampling action has completed). */
  public Profile profile() {
    return new Profile(flowSeconds.value(), guardSeconds.value(), decodeSeconds.value());
  }

  void addFlow(long nanos) {
    flowSeconds.add(nanos / 1e9);
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
