package org.cfdmspark.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.function.LongSupplier;

/**
 * Wall-clock medians for the benchmark. Warm-up runs go on for at least {@link #WARM_UP_SECONDS} so the JIT
 * has compiled the hot loops before anything is timed; short work is then repeated within each timed
 * repetition until it lasts about {@link #REPETITION_SECONDS}, so timer resolution and call overhead vanish.
 *
 * <p>Single-thread work is timed in CPU time of the measuring thread: the benchmark machine is shared with
 * other builds, and wall-clock time would count the time slices they take. Multi-threaded work can only be
 * timed on the wall clock, so thread-scaling figures are the ones other load can distort.
 */
final class Timing {
  private static final double WARM_UP_SECONDS = 0.5;
  private static final double REPETITION_SECONDS = 0.2;

  private Timing() {
  }

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  /** The median over {@code repetitions} of the CPU seconds one run of single-threaded {@code work} takes. */
  static double medianSeconds(int repetitions, Runnable work) {
    return median(repetitions, work, THREADS::getCurrentThreadCpuTime);
  }

  /** As {@link #medianSeconds} on the wall clock, for work spread over several threads. */
  static double medianWallSeconds(int repetitions, Runnable work) {
    return median(repetitions, work, System::nanoTime);
  }

  private static double median(int repetitions, Runnable work, LongSupplier nanos) {
    long warmUpEnd = System.nanoTime() + (long) (WARM_UP_SECONDS * 1e9);
    long last;
    do {
      long start = nanos.getAsLong();
      work.run();
      last = nanos.getAsLong() - start;
    } while (System.nanoTime() < warmUpEnd);
    int runs = (int) Math.max(1, Math.min(1_000_000, REPETITION_SECONDS * 1e9 / Math.max(1, last)));
    double[] seconds = new double[repetitions];
    for (int r = 0; r < repetitions; r++) {
      long start = nanos.getAsLong();
      for (int i = 0; i < runs; i++) {
        work.run();
      }
      seconds[r] = (nanos.getAsLong() - start) * 1e-9 / runs;
    }
    Arrays.sort(seconds);
    return repetitions % 2 == 1 ? seconds[repetitions / 2]
        : 0.5 * (seconds[repetitions / 2 - 1] + seconds[repetitions / 2]);
  }
}
