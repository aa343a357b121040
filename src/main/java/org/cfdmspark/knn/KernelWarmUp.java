package org.cfdmspark.knn;

import java.util.SplittableRandom;

/**
 * Gets the nearest-row scan's kernel compiled by C2 before the fit needs it: a low-priority daemon thread scans a
 * small made-up matrix for {@value #MILLIS} ms while Spark starts and reads, when the second core is mostly idle.
 * Otherwise the fit's first exact scan (the spacing rule of σ auto) runs while its kernel is still interpreted or
 * compiled by C1: credit default's spacing step took 0.62–0.68 s in a new JVM against 0.35–0.42 s after this
 * (BENCHMARKS.md, "The JIT's start-up"). It computes nothing anyone reads, so no result depends on it.
 */
public final class KernelWarmUp {
  static final int MILLIS = 300;
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
  }
}
