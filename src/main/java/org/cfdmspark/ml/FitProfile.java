package org.cfdmspark.ml;

import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where a fit spent its time, for the run manifest's profile (the log line of each stratum says the same): wall
 * seconds per step (collect, sort, codec, then encode, repeated_rows, search, sigma_spacing, near_copy_threshold,
 * sigma_calibration, guard_and_generator, summed over strata; then noise_correlation, category_draw, auto's pilot,
 * marginal_map), in the order first
 * timed, and {@code process_cpu}: the driver process's CPU seconds over the whole fit (all its threads, the JIT
 * compiler's and the garbage collector's included; absent where the JVM does not measure it), which, unlike wall
 * time, another process on the machine does not inflate. Not thread-safe: the fit runs on one thread.
 */
final class FitProfile {
  private final Map<String, Double> seconds = new LinkedHashMap<>();

  /** Adds the wall seconds since {@code startNanos} ({@link System#nanoTime}) to {@code step}; returns them. */
  double add(String step, long startNanos) {
    double elapsed = (System.nanoTime() - startNanos) / 1e9;
    seconds.merge(step, elapsed, Double::sum);
    return elapsed;
  }

  /** Records the process CPU seconds since {@code startNanos} ({@link #processCpuNanos}), when measured. */
  void addCpu(long startNanos) {
    long now = processCpuNanos();
    if (startNanos >= 0 && now >= 0) {
      seconds.put("process_cpu", (now - startNanos) / 1e9);
    }
  }

  /** The steps' seconds so far, in order (a copy). */
  Map<String, Double> seconds() {
    return new LinkedHashMap<>(seconds);
  }

  /** The CPU time of this JVM's process in nanoseconds, or −1 where the platform does not give it. */
  static long processCpuNanos() {
    OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
    return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : -1;
  }
}
