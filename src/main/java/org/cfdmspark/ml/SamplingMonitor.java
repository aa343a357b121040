package org.cfdmspark.ml;

import java.io.Serializable;
import org.apache.spark.SparkContext;
import org.apache.spark.util.LongAccumulator;

/**
 * Counters the executors add to while sampling: rows sampled so far (for progress lines) and what the near-copy
 * guard did. Register one per sampling action; its values are final once the action has completed.
 */
public final class SamplingMonitor implements Serializable {
  private static final long serialVersionUID = 1L;

  private final LongAccumulator sampled;
  private final GuardTally guardTally;

  private SamplingMonitor(LongAccumulator sampled, GuardTally guardTally) {
    this.sampled = sampled;
    this.guardTally = guardTally;
  }

  /** New counters registered with {@code spark}. */
  public static SamplingMonitor register(SparkContext spark) {
    return new SamplingMonitor(spark.longAccumulator("cfdm samples"), new GuardTally(spark));
  }

  /** Rows sampled so far (a retried task's rows count again). */
  public LongAccumulator sampled() {
    return sampled;
  }

  public GuardTally guardTally() {
    return guardTally;
  }
}
