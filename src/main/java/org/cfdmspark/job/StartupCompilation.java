package org.cfdmspark.job;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.management.JMException;
import javax.management.ObjectName;

/**
 * Keeps HotSpot's optimising compiler (C2) for the sampler's code while a command-line run starts, and lets C1
 * alone compile everything else until a report begins.
 *
 * <p>Why: a short run executes thousands of Spark, Scala and Hadoop methods often enough for C2 to compile them
 * (the context's start, the planner, the CSV reader, generated code), each for a fraction of a second. On two
 * cores those compilations took a third of a 1,000-row run's CPU and slowed every phase before sampling;
 * {@code -XX:TieredStopAtLevel=1} removed that cost but left the sampler's Vector API kernels without C2, which
 * they need. A compiler directive (JEP 165) excludes C2 per method: here for every class but ours and the Vector
 * API's, so HotSpot compiles the rest once with C1 and the kernels still reach C2 (BENCHMARKS.md, "The JIT's
 * start-up"). The report's models (MLlib's gradient-boosted trees) run long enough to need C2, so
 * {@link #release} removes the directives before a report; the sampled rows do not depend on the compiler.
 *
 * <p>The directives are added through the JVM's diagnostic command bean ({@code Compiler.directives_add}), on a
 * daemon thread so that the main thread does not wait for the management classes. {@code
 * -Dcfdm.startupDirectives=false} (for instance in {@code CFDM_JAVA_OPTS}) leaves the JVM's compilers as they are;
 * on a JVM without the bean nothing changes either.
 */
public final class StartupCompilation {
  /** First match wins: our classes and the Vector API may use C2, nothing else may. */
  static final String DIRECTIVES = """
      [ { match: ["org/cfdmspark/*.*", "jdk/incubator/vector/*.*", "jdk/internal/vm/vector/*.*"],
          c2: { Exclude: false } },
        { match: ["*.*"], c2: { Exclude: true } } ]
      """;
  static final int DIRECTIVE_COUNT = 2;
  private static final Object LOCK = new Object();
  /** Directives this class added and has not removed; guarded by LOCK. */
  private static int added;
  /** The thread adding them, until {@link #release} has waited for it; guarded by LOCK. */
  private static Thread adding;

  private StartupCompilation() {
  }

  /** Adds the directives in the background, unless {@code cfdm.startupDirectives} is false. Call once, first. */
  public static void start() {
    if (!Boolean.parseBoolean(System.getProperty("cfdm.startupDirectives", "true"))) {
      return;
    }
    Thread thread = new Thread(StartupCompilation::add, "cfdm-startup-directives");
    thread.setDaemon(true);
    synchronized (LOCK) {
      adding = thread;
    }
    thread.start();
  }

  /** Removes the directives {@link #start} added (none when it added none), so that C2 compiles everything again. */
  public static void release() {
    Thread thread;
    synchronized (LOCK) {
      thread = adding;
      adding = null;
    }
    if (thread != null) {
      try {
        thread.join(); // a fraction of a second at most; then nothing can add after this removes
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    synchronized (LOCK) {
      for (; added > 0; added--) {
        invoke("compilerDirectivesRemove");
      }
    }
  }

  /** Adds the directives now (the background thread's work; tests call it directly). */
  static void add() {
    Path file = null;
    try {
      file = Files.createTempFile("cfdm-directives", ".json");
      Files.writeString(file, DIRECTIVES, StandardCharsets.UTF_8);
      synchronized (LOCK) {
        if (invoke("compilerDirectivesAdd", file.toString()).startsWith(DIRECTIVE_COUNT + " compiler directives")) {
          added += DIRECTIVE_COUNT;
        }
      }
    } catch (java.io.IOException e) {
      // No temporary file: the run compiles as the JVM would anyway.
    } finally {
      if (file != null) {
        file.toFile().delete();
      }
    }
  }

  /** Runs a diagnostic command; its output, or "" when the JVM has no such command. */
  static String invoke(String operation, String... arguments) {
    try {
      Object result = ManagementFactory.getPlatformMBeanServer().invoke(
          new ObjectName("com.sun.management:type=DiagnosticCommand"), operation, new Object[] {arguments},
          new String[] {String[].class.getName()});
      return String.valueOf(result);
    } catch (JMException | RuntimeException e) {
      return "";
    }
  }
}
