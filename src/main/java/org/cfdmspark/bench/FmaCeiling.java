package org.cfdmspark.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The measured ceiling a dot-product kernel is read against: a loop of independent double-precision vector
 * FMAs whose operands never leave registers, so it runs at the core's FMA throughput and nothing else. Same
 * precision and vector width as the kernel. Load only when the Vector API module is present.
 */
final class FmaCeiling {
  private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;
  private static final int CHAINS = 12; // enough independent chains to cover FMA latency × issue width
  private static final long ITERATIONS = 10_000_000L;

  private FmaCeiling() {
  }

  /** GFLOP/s of the loop on this thread, in CPU time: the reference the kernel is read against. */
  static double perThreadGflops(int repetitions) {
    warmUp();
    double[] sink = new double[1];
    return flops(ITERATIONS) / Timing.medianSeconds(repetitions, () -> sink[0] += run(ITERATIONS)) * 1e-9;
  }

  /**
   * Aggregate GFLOP/s of the loop run on {@code threads} threads at once, on the wall clock: what the machine
   * gives that many threads at this moment (other processes included), next to the sampler's scaling.
   */
  static double aggregateGflops(int threads, int repetitions) {
    warmUp();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      double seconds = Timing.medianWallSeconds(repetitions, () -> {
        List<Future<Double>> parts = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
          parts.add(pool.submit(() -> run(ITERATIONS)));
        }
        for (Future<Double> part : parts) {
          join(part);
        }
      });
      return threads * flops(ITERATIONS) / seconds * 1e-9;
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * Many tiny calls, so C2 compiles {@link #run} as a whole method: a long first call gets an on-stack-
   * replacement compile instead, which boxes the vectors carried round the loop (measured 25x slower).
   */
  private static void warmUp() {
    double sink = 0;
    for (int i = 0; i < 20_000; i++) {
      sink += run(100);
    }
    if (sink == 0) {
      throw new AssertionError("unreachable: keeps the warm-up from being optimised away");
    }
  }

  private static void join(Future<?> future) {
    try {
      future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    }
  }

  /** Flops done by {@link #run} in {@code iterations} rounds: 2 per lane per FMA. */
  private static double flops(long iterations) {
    return 2.0 * SPECIES.length() * CHAINS * iterations;
  }

  /** Runs {@code iterations} rounds; returns a value the caller keeps, so the loop cannot be optimised away. */
  private static double run(long iterations) {
    DoubleVector m = DoubleVector.broadcast(SPECIES, 0.999999);
    DoubleVector c = DoubleVector.broadcast(SPECIES, 1e-9);
    DoubleVector a0 = DoubleVector.broadcast(SPECIES, 1.0);
    DoubleVector a1 = a0.add(c);
    DoubleVector a2 = a1.add(c);
    DoubleVector a3 = a2.add(c);
    DoubleVector a4 = a3.add(c);
    DoubleVector a5 = a4.add(c);
    DoubleVector a6 = a5.add(c);
    DoubleVector a7 = a6.add(c);
    DoubleVector a8 = a7.add(c);
    DoubleVector a9 = a8.add(c);
    DoubleVector a10 = a9.add(c);
    DoubleVector a11 = a10.add(c);
    for (long i = 0; i < iterations; i++) {
      a0 = a0.fma(m, c);
      a1 = a1.fma(m, c);
      a2 = a2.fma(m, c);
      a3 = a3.fma(m, c);
      a4 = a4.fma(m, c);
      a5 = a5.fma(m, c);
      a6 = a6.fma(m, c);
      a7 = a7.fma(m, c);
      a8 = a8.fma(m, c);
      a9 = a9.fma(m, c);
      a10 = a10.fma(m, c);
      a11 = a11.fma(m, c);
    }
    return a0.add(a1).add(a2).add(a3).add(a4).add(a5).add(a6).add(a7).add(a8).add(a9).add(a10).add(a11)
        .reduceLanes(VectorOperators.ADD);
  }
}
