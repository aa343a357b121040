package org.cfdmspark.knn;

import java.util.SplittableRandom;

/**
 * Gets the nearest-row scan's kernel compiled by C2 before the fit needs it: a low-priority daemon thread scans a
 * small made-up matrix for {@value #MILLIS} ms while Spark starts and reads, when the second core is mostly idle.
 * Otherwise the fit's first exact scan (the spacing rule of σ auto) runs while its kernel is still interpreted or
 * compiled by C1: credit default's spacing step took 0.62–0.68 s in a new JVM against 0.35–0.42 s after this
 * (BENCHMARKS.md, "The JIT's start-up"). Then the kernel's dot products with scattered rows (the warm IVF search's
 * centroids) until C2 has compiled them: in a new JVM their vector gathers ran interpreted through the first pilot
 * of credit default's fit, whose step took 0.47–0.76 s against 0.15 s before they existed (with 150 ms of them here,
 * C1's code only). Here, while Spark starts, C2 compiles them within some 250 ms: its queue holds only our methods
 * then (StartupCompilation); started as the fit's IVF search was built or after its collect, on cores the fit kept
 * busy, the compile came after the pilot (its step 0.30–0.67 s) and the build or codec took 0.2 s longer. The cost
 * here is about 0.15 s of Spark's start (1.13 → 1.29 s, medians of 12 runs), paid by every run. It computes nothing
 * anyone reads, so no result depends on it.
 */
public final class KernelWarmUp {
  static final int MILLIS = 300;
  /** At most this long for the scattered products; it stops once C2 has compiled them (about 250 ms). */
  static final int SCATTERED_MILLIS = 400;
  /** Calls per timed round of the scattered products. */
  private static final int SCATTERED_ROUND = 100;
  /** A round this fast ran compiled code: 0.3 µs a call against some 600 µs interpreted. */
  private static final long COMPILED_ROUND_NANOS = 200_000;
  private static final int ROWS = 2048;
  private static final int DIMENSION = 112;
  private static final int QUERIES = 64;
  private static final int NEIGHBOURS = 20;

  private KernelWarmUp() {
  }

  /** Starts the scan on its own thread and returns at once. */
  public static void start() {
    Thread thread = new Thread(KernelWarmUp::scan, "cfdm-kernel-warm-up");
    thread.setDaemon(true);
    thread.setPriority(Thread.MIN_PRIORITY);
    thread.start();
  }

  static void scan() {
    SplittableRandom random = new SplittableRandom(1);
    float[] values = new float[ROWS * DIMENSION];
    for (int i = 0; i < values.length; i++) {
      values[i] = (float) random.nextGaussian();
    }
    BruteForceIndex index = new BruteForceIndex(RowMatrix.of(ROWS, DIMENSION, values), DotProductKernel.best());
    double[] queries = random.doubles((long) QUERIES * DIMENSION).toArray();
    int[] out = new int[QUERIES * NEIGHBOURS];
    long end = System.nanoTime() + MILLIS * 1_000_000L;
    while (System.nanoTime() < end) {
      index.nearest(queries, 0, QUERIES, NEIGHBOURS, out);
    }
    DotProductKernel kernel = DotProductKernel.best();
    int[] bases = new int[ScalarDotProductKernel.BATCH];
    double[] dots = new double[ScalarDotProductKernel.BATCH];
    end = System.nanoTime() + SCATTERED_MILLIS * 1_000_000L;
    for (long round = System.nanoTime(); round < end; ) {
      for (int call = 0; call < SCATTERED_ROUND; call++) {
        for (int i = 0; i < bases.length; i++) {
          bases[i] = random.nextInt(ROWS) * DIMENSION;
        }
        kernel.scatteredDots(queries, (call % QUERIES) * DIMENSION, values, bases, 1 + call % bases.length,
            DIMENSION, 1, dots);
      }
      long now = System.nanoTime();
      if (now - round < COMPILED_ROUND_NANOS) {
        return; // compiled by C2: the round ran in microseconds, not the interpreter's tens of milliseconds
      }
      round = now;
    }
  }
}
