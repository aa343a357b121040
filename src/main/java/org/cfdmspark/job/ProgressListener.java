package org.cfdmspark.job;

import java.io.PrintStream;
import java.math.BigInteger;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeoutException;
import org.apache.spark.SparkContext;
import org.apache.spark.Success$;
import org.apache.spark.scheduler.AccumulableInfo;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerExecutorMetricsUpdate;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.scheduler.StageInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import scala.Tuple4;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Progress of the sampling stage as plain lines on a stream, at most one per {@link #MIN_INTERVAL_NANOS}.
 * Finished tasks count their whole partition (spark.range gives partition i the ids
 * [i·n/P, (i+1)·n/P), so its size is known); running tasks count the samples their executors last reported
 * through the sampling accumulator in heartbeats. Only the stage of jobs started under this listener's tag
 * is counted, so other work in the same SparkContext does not move the numbers.
 *
 * <p>It also counts task attempts that failed (lost executor, error, killed) and the successful attempts that
 * were retries, for the manifest: a run that survived faults says so.
 */
final class ProgressListener extends SparkListener {
  static final long MIN_INTERVAL_NANOS = 500_000_000L;
  private static final String TAG_PROPERTY = "cfdm.progress.tag";
  /** How long a finished job waits for Spark's listener bus to deliver its last task events. */
  private static final long DRAIN_TIMEOUT_MILLIS = 60_000;
  private static final Logger LOG = LoggerFactory.getLogger(ProgressListener.class);

  private final String tag = UUID.randomUUID().toString();
  private final long total;
  private final int partitions;
  private final long accumulatorId;
  private final PrintStream out;
  private final long startNanos = System.nanoTime();
  private final Set<Integer> stages = new HashSet<>();
  private final BitSet finishedPartitions = new BitSet();
  private final Map<Long, Long> runningTasks = new HashMap<>();
  private long finishedSamples;
  private long failedTasks;
  private long retriedTasks;
  private long lastPrintNanos = startNanos;
  private boolean closed;

  /** @param out where progress lines go, or null to count tasks without printing */
  ProgressListener(long total, int partitions, long accumulatorId, PrintStream out) {
    this.total = total;
    this.partitions = partitions;
    this.accumulatorId = accumulatorId;
    this.out = out;
  }

  /** Starts listening to the jobs this thread runs next. */
  void attach(SparkContext context) {
    context.setLocalProperty(TAG_PROPERTY, tag);
    context.addSparkListener(this);
  }

  /**
   * Stops listening; after a success first lets the listener bus deliver the job's remaining task events (Spark
   * posts them before the action returns but delivers them asynchronously), so that {@link #tasks} is complete,
   * then prints the closing line.
   */
  void detach(SparkContext context, boolean succeeded) {
    context.setLocalProperty(TAG_PROPERTY, null);
    if (succeeded) {
      try {
        // private[spark] in Scala, public to Java: the only way to know the bus has caught up.
        context.listenerBus().waitUntilEmpty(DRAIN_TIMEOUT_MILLIS);
      } catch (TimeoutException e) {
        LOG.warn("Spark's listener bus did not catch up in {} ms; the manifest's task counts may be low",
            DRAIN_TIMEOUT_MILLIS);
      }
    }
    context.removeSparkListener(this);
    synchronized (this) {
      closed = true;
      if (succeeded && out != null) {
        out.println(ProgressLine.finished(total, (System.nanoTime() - startNanos) / 1e9));
      }
    }
  }

  /** Failed task attempts and successful retries of the sampling stage so far. */
  synchronized RunManifest.TaskCounts tasks() {
    return new RunManifest.TaskCounts(failedTasks, retriedTasks);
  }

  @Override
  public synchronized void onJobStart(SparkListenerJobStart jobStart) {
    if (jobStart.properties() != null && tag.equals(jobStart.properties().getProperty(TAG_PROPERTY))) {
      for (StageInfo stage : CollectionConverters.asJava(jobStart.stageInfos())) {
        if (stage.numTasks() == partitions) {
          stages.add(stage.stageId());
        }
      }
    }
  }

  @Override
  public synchronized void onTaskEnd(SparkListenerTaskEnd taskEnd) {
    if (!stages.contains(taskEnd.stageId())) {
      return;
    }
    runningTasks.remove(taskEnd.taskInfo().taskId());
    if (!Success$.MODULE$.equals(taskEnd.reason())) {
      failedTasks++;
    } else if (taskEnd.taskInfo().attemptNumber() > 0) {
      retriedTasks++;
    }
    int partition = taskEnd.taskInfo().index();
    if (taskEnd.taskInfo().successful() && !finishedPartitions.get(partition)) {
      finishedPartitions.set(partition);
      finishedSamples += partitionStart(partition + 1) - partitionStart(partition);
    }
    report();
  }

  @Override
  public synchronized void onExecutorMetricsUpdate(SparkListenerExecutorMetricsUpdate update) {
    for (Tuple4<Object, Object, Object, scala.collection.immutable.Seq<AccumulableInfo>> task
        : CollectionConverters.asJava(update.accumUpdates())) {
      if (!stages.contains((Integer) task._2())) {
        continue;
      }
      for (AccumulableInfo info : CollectionConverters.asJava(task._4())) {
        if (info.id() == accumulatorId && info.update().isDefined()) {
          runningTasks.put((Long) task._1(), ((Number) info.update().get()).longValue());
        }
      }
    }
    report();
  }

  /** The first id of partition i, exactly as spark.range splits [0, total) into P partitions. */
  private long partitionStart(int partition) {
    return BigInteger.valueOf(partition).multiply(BigInteger.valueOf(total))
        .divide(BigInteger.valueOf(partitions)).longValue();
  }

  private void report() {
    long now = System.nanoTime();
    if (out == null || closed || now - lastPrintNanos < MIN_INTERVAL_NANOS) {
      return;
    }
    long done = finishedSamples;
    for (long running : runningTasks.values()) {
      done += running;
    }
    if (done >= total) {
      return; // the closing line says it, with the whole phase's time
    }
    lastPrintNanos = now;
    out.println(ProgressLine.format(Math.min(done, total), total, (now - startNanos) / 1e9));
  }
}
