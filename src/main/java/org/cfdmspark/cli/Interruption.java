package org.cfdmspark.cli;

import java.io.PrintStream;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;

/**
 * A run stopped by a signal (SIGTERM, Ctrl-C): one line on stderr instead of Spark's cancelled jobs, each logged
 * with its stack trace (a new user's SIGTERM during sampling printed 270 lines). The JVM runs its shutdown hooks on
 * the signal; this one silences the logs before Spark's hook cancels the running jobs, says what became of the
 * output, and marks the run so that the command's failure, which follows, prints nothing more.
 */
final class Interruption {
  private static volatile boolean interrupted;
  private static volatile boolean finished;

  private Interruption() {
  }

  /** Installs the hook; {@link #finished} before a normal exit keeps it quiet. */
  static void install(PrintStream err) {
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      if (!finished) {
        interrupted = true;
        Configurator.setRootLevel(Level.OFF);
        err.println("interrupted: the run stopped before its output was complete, and nothing was written there "
            + "(its hidden staging folder is deleted as the run ends, or by the next run to that output)");
        err.flush();
      }
    }, "cfdm-interruption"));
  }

  /** The run is over: its exit is not an interruption. */
  static void finished() {
    finished = true;
  }

  /** Whether a signal stopped the run (its failure is then the interruption's, already told). */
  static boolean interrupted() {
    return interrupted;
  }
}
