package org.cfdmspark.job;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.util.ShutdownHookManager;

/**
 * The cleanups of the runs in progress, run if the JVM shuts down before a run has finished: a signal (SIGINT,
 * SIGTERM) ends a run so, and the main thread's own cleanup, which follows the failure of the jobs that Spark's
 * shutdown cancels, does not always get to run before the JVM halts (a new user's interrupted runs left empty
 * staging folders beside their outputs).
 */
final class ShutdownCleanup {
  /**
   * After Spark's shutdown hook (priority 40), which stops the SparkContext so that no new task writes into a
   * folder this deletes, and before Hadoop closes its file systems (10), which the cleanups use.
   */
  static final int PRIORITY = FileSystem.SHUTDOWN_HOOK_PRIORITY + 10;

  private static final Set<Runnable> PENDING = ConcurrentHashMap.newKeySet();

  static {
    try {
      ShutdownHookManager.get().addShutdownHook(ShutdownCleanup::runPending, PRIORITY);
    } catch (IllegalStateException shutdownInProgress) {
      // First used by a run that a signal already stops (an abort before any staging): no hook can be added
      // any more, and that run's own abort is the cleanup.
    }
  }

  private ShutdownCleanup() {
  }

  /** Runs {@code cleanup} at shutdown unless it is {@link #remove removed} first. */
  static void add(Runnable cleanup) {
    PENDING.add(cleanup);
  }

  /** The run has finished with what {@code cleanup} deletes (committed it, or deleted it itself). */
  static void remove(Runnable cleanup) {
    PENDING.remove(cleanup);
  }

  /** Runs and removes every pending cleanup: what the shutdown hook does. */
  static void runPending() {
    for (Runnable cleanup : List.copyOf(PENDING)) {
      PENDING.remove(cleanup);
      cleanup.run();
    }
  }
}
