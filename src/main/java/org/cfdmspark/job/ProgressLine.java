package org.cfdmspark.job;

import java.util.Locale;
import java.util.Map;
import org.cfdmspark.ml.SamplingMonitor;

/** The text of one progress update: plain, one line, so it reads the same in a terminal and in a log file. */
final class ProgressLine {
  private ProgressLine() {
  }

  /** For example {@code sampling: 42.0% (840 of 2,000 rows), 1,234 rows/s, ETA 1.0 s}. */
  static String format(long done, long total, double elapsedSeconds) {
    double rate = elapsedSeconds > 0 ? done / elapsedSeconds : 0;
    String eta = rate > 0 ? duration((total - done) / rate) : "unknown";
    return String.format(Locale.ROOT, "sampling: %.1f%% (%,d of %,d rows), %,.0f rows/s, ETA %s",
        100.0 * done / total, done, total, rate, eta);
  }

  /** The closing line, with the whole phase's time and rate. */
  static String finished(long total, double elapsedSeconds) {
    return String.format(Locale.ROOT, "sampling: done, %,d rows in %s, %,.0f rows/s", total,
        duration(elapsedSeconds), elapsedSeconds > 0 ? total / elapsedSeconds : 0);
  }

  /**
   * The run's profile in one line, e.g. {@code profile: read 3.8 s, fit 12.2 s, sample_and_write 7.1 s; task
   * seconds in sampling: search 4.0, kernel 6.1, flow other 0.4, guard 2.0, decode 0.3}. Phases are wall
   * seconds; the rest are summed over tasks, so they add up to about cores × the sampling wall time.
   */
  static String profile(Map<String, Double> phases, SamplingMonitor.Profile p) {
    StringBuilder line = new StringBuilder("profile:");
    String separator = " ";
    for (Map.Entry<String, Double> phase : phases.entrySet()) {
      line.append(separator).append(phase.getKey()).append(' ').append(duration(phase.getValue()));
      separator = ", ";
    }
    double other = p.flowSeconds() - p.searchSeconds() - p.kernelSeconds();
    return line.append(String.format(Locale.ROOT, "; task seconds in sampling: search %.1f, kernel %.1f, "
        + "flow other %.1f, guard %.1f, decode %.1f", p.searchSeconds(), p.kernelSeconds(), other,
        p.guardSeconds(), p.decodeSeconds())).toString();
  }

  /** 4.2 s under a minute, else m:ss, or h:mm:ss from an hour. */
  static String duration(double seconds) {
    if (seconds < 59.95) {
      return String.format(Locale.ROOT, "%.1f s", seconds);
    }
    long s = Math.round(seconds);
    return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
        : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
  }
}
