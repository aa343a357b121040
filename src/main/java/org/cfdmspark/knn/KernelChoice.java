package org.cfdmspark.knn;

import java.lang.System.Logger.Level;

/**
 * The kernel {@link DotProductKernel#best()} hands out in this JVM, decided once and logged once: at DEBUG when
 * the vector kernel runs (the manifest's {@code kernel} records it; at INFO it printed above every one-line error),
 * at WARNING with the fix when it falls back to the scalar one. A fallback changes the
 * speed (up to about 10×, BENCHMARKS.md §1), never the samples: the two kernels round identically. Logged
 * through {@link System.Logger} so that this package needs no logging library; under Spark it reaches the
 * driver's and each executor's log through Spark's JUL bridge.
 */
final class KernelChoice {
  private static final String MODULE = "jdk.incubator.vector";

  /** True when this JVM runs the Vector API kernel. */
  static final boolean VECTOR = decide();

  private KernelChoice() {
  }

  private static boolean decide() {
    System.Logger log = System.getLogger(DotProductKernel.class.getName());
    // The module check comes first: touching a Vector API class without the module throws NoClassDefFoundError.
    if (ModuleLayer.boot().findModule(MODULE).isEmpty()) {
      log.log(Level.WARNING, "dot products run in the scalar kernel (same results, up to about 10x slower): the Vector "
          + "API module is not loaded. Fix: start the JVM with --add-modules=" + MODULE + " (on Spark, in both "
          + "spark.driver.extraJavaOptions and spark.executor.extraJavaOptions; submit.sh sets both)");
      return false;
    }
    if (!VectorDotProductKernel.worthwhile()) {
      log.log(Level.WARNING, "dot products run in the scalar kernel (same results, slower): this CPU's preferred "
          + "double vector has " + VectorDotProductKernel.LANES + " lanes, fewer than the 4 that beat it. Fix: "
          + "run on a CPU with AVX2 or wider, and do not cap -XX:MaxVectorSize or -XX:UseAVX");
      return false;
    }
    log.log(Level.DEBUG, "dot products run in the vector kernel, " + VectorDotProductKernel.LANES
        + " double lanes");
    return true;
  }
}
