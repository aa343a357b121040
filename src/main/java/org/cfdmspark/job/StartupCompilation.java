package org.cfdmspark.job;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import javax.management.JMException;
import javax.management.ObjectName;
import org.cfdmspark.knn.KernelWarmUp;

/**
 * Restricts HotSpot's optimising compiler (C2) to the sampler's code (ours and the Vector API's) from the start of a
 * command-line run until a report begins, or to its end when there is none; C1 compiles everything else.
 *
 * <p>Why: a short run executes thousands of Spark, Scala and Hadoop methods often enough for C2 to compile them
 * (the context's start, the planner, the CSV reader, generated code), each hot for a fraction of a second. On two
 * cores those compilations took a third of a 1,000-row run's CPU and slowed every phase before sampling;
 * {@code -XX:TieredStopAtLevel=1} removed that cost but left the sampler's Vector API kernels without C2, which
 * they need. A compiler directive (JEP 165) excludes C2 per method, here for every class but ours and the Vector
 * API's (BENCHMARKS.md, "The JIT's start-up"). The report's models (MLlib's gradient-boosted trees) run long enough
 * to need C2, so {@link #release} removes the directives before a report; methods C2 was refused for before that
 * stay compiled by C1 (HotSpot does not retry them). The sampled rows do not depend on the compiler.
 *
 * <p>While the directives are in force they hide other C2 directives and exclusions of methods outside our code
 * (the first matching directive wins); a C2 exclusion of one of our methods ({@code -XX:CompileCommand=exclude}) is
 * still obeyed. They are added through the JVM's diagnostic command bean ({@code Compiler.directives_add}), on a
 * daemon thread so that the main thread does not wait for the management classes. Nothing changes with {@code
 * -Dcfdm.startupDirectives=false} (in {@code CFDM_JAVA_OPTS}, or {@code --driver-java-options} with spark-submit),
 * on a JVM without tiered compilation up to C2 (there the rest would be interpreted), or without the bean.
 */
public final class StartupCompilation {
  /**
   * Top first; the first match wins. The first directive only names our classes and the Vector API's (a c2 block
   * that sets a default: leaves their compilation as it would be); the second excludes C2 for every other method.
   * Each also names a method that never exists, its marker, by which {@link #release} recognises it.
   */
  static final String DIRECTIVES = """
      [ { match: ["org/cfdmspark/*.*", "jdk/incubator/vector/*.*", "jdk/internal/vm/vector/*.*",
                  "org/cfdmspark/job/StartupCompilation.c2ForTheSampler"],
          c2: { BackgroundCompilation: true } },
        { match: ["org/cfdmspark/job/StartupCompilation.c1ForTheRest", "*.*"], c2: { Exclude: true } } ]
      """;
  /** The directives' markers, top of the stack first. */
  static final List<String> MARKERS = List.of("org/cfdmspark/job/StartupCompilation.c2ForTheSampler",
      "org/cfdmspark/job/StartupCompilation.c1ForTheRest");
  private static final Object LOCK = new Object();
  /** How many of our directives are on the stack; guarded by LOCK. */
  private static int added;
  /** Set by {@link #release}, so that a start still running adds nothing after it; guarded by LOCK. */
  private static boolean released;

  private StartupCompilation() {
  }

  /**
   * Adds the directives in the background and has the scan kernel compiled meanwhile ({@link KernelWarmUp}), unless
   * {@code cfdm.startupDirectives} is "false". Call once, first.
   */
  public static void start() {
    if ("false".equalsIgnoreCase(System.getProperty("cfdm.startupDirectives", "true").trim())) {
      return;
    }
    Thread thread = new Thread(() -> {
      synchronized (LOCK) {
        if (!released && compilesUpToC2()) {
          add();
        }
      }
    }, "cfdm-startup-directives");
    thread.setDaemon(true);
    thread.start();
    KernelWarmUp.start();
  }

  /**
   * Removes the directives {@link #start} added, so that C2 compiles the methods it has not been refused for yet.
   * Removes only while ours are on top: a directive added after them (jcmd, an agent) stays, and so do ours then.
   */
  public static void release() {
    synchronized (LOCK) {
      released = true;
      while (added > 0 && topPatterns().contains(MARKERS.get(MARKERS.size() - added))) {
        invoke("compilerDirectivesRemove");
        added--;
      }
    }
  }

  /** For the run's manifest: whether the directives are in force now. */
  public static String describe() {
    synchronized (LOCK) {
      return added == MARKERS.size() ? "C2 for cfdm-spark and the Vector API only (start-up directives)"
          : "the JVM's defaults";
    }
  }

  /** Adds the directives now; the background thread's work, and the tests'. */
  static void add() {
    synchronized (LOCK) {
      Path file = null;
      try {
        file = Files.createTempFile("cfdm-directives", ".json");
        file.toFile().deleteOnExit(); // in case the run ends while this daemon thread is here
        Files.writeString(file, DIRECTIVES, StandardCharsets.UTF_8);
        if (invoke("compilerDirectivesAdd", file.toString()).startsWith(MARKERS.size() + " compiler directives")) {
          added = MARKERS.size();
        }
      } catch (IOException e) {
        // No temporary file: the run compiles as the JVM would anyway.
      } finally {
        if (file != null) {
          file.toFile().delete();
        }
      }
    }
  }

  /** The patterns of the top directive's "matching:" line (the default directive's "*.*" when no other is on). */
  static List<String> topPatterns() {
    for (String line : invoke("compilerDirectivesPrint").split("\n")) {
      String trimmed = line.trim();
      if (trimmed.startsWith("matching:")) {
        return Arrays.stream(trimmed.substring("matching:".length()).split(",")).map(String::trim).toList();
      }
    }
    return List.of();
  }

  /** Tiered compilation up to level 4: otherwise excluding C2 would leave Spark's code interpreted. */
  private static boolean compilesUpToC2() {
    try {
      HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
      return vm != null && Boolean.parseBoolean(vm.getVMOption("TieredCompilation").getValue())
          && Integer.parseInt(vm.getVMOption("TieredStopAtLevel").getValue()) >= 4;
    } catch (RuntimeException | LinkageError e) {
      return false;
    }
  }

  /** Runs a diagnostic command; its output, or "" when the JVM has no such command. */
  static String invoke(String operation, String... arguments) {
    try {
      Object result = ManagementFactory.getPlatformMBeanServer().invoke(
          new ObjectName("com.sun.management:type=DiagnosticCommand"), operation, new Object[] {arguments},
          new String[] {String[].class.getName()});
      return String.valueOf(result);
    } catch (JMException | RuntimeException | LinkageError e) {
      return "";
    }
  }
}
