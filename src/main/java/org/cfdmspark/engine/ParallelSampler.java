package org.cfdmspark.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * The engine without Spark: samples on a fixed number of threads, each with its own sampler ({@link FlowSampler} or
 * any {@link BlockSampler}) on a contiguous share of the trajectories. The output is the same for any thread count.
 */
public final class ParallelSampler {
  private ParallelSampler() {
  }

  /** Samples trajectories 0 .. count−1 into a new row-major array. */
  public static double[] sample(TrainingSet training, SamplerConfig config, int count, int threads) {
    // The search is built once here and read by every thread.
    return sample(training, config, NeighbourSearch.prepare(training, config), 0, count, threads);
  }

  /** Samples trajectories first .. first+count−1 into a new row-major array, over a search prepared once. */
  public static double[] sample(TrainingSet training, SamplerConfig config, NeighbourSearch search, long first,
      int count, int threads) {
    return sample(() -> FlowSampler.create(training, config, search), training.dimension(), first, count, threads);
  }

  /**
   * Samples ids first .. first+count−1 into a new row-major array (d values each), each thread with a sampler of
   * its own from {@code samplers}, a block at a time.
   */
  public static double[] sample(Supplier<? extends BlockSampler> samplers, int d, long first, int count,
      int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, got " + threads);
    }
    double[] out = new double[Math.multiplyExact(count, d)];
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> parts = new ArrayList<>();
      for (int part = 0; part < threads; part++) {
        int start = (int) ((long) count * part / threads);
        int end = (int) ((long) count * (part + 1) / threads);
        parts.add(pool.submit(() -> {
          BlockSampler sampler = samplers.get();
          long[] ids = new long[sampler.blockSize()];
          for (int done = start; done < end; done += ids.length) {
            int size = Math.min(ids.length, end - done);
            for (int b = 0; b < size; b++) {
              ids[b] = first + done + b;
            }
            sampler.sampleBlock(ids, size, out, done * d);
          }
        }));
      }
      for (Future<?> part : parts) {
        part.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("sampling interrupted", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("sampling failed: " + e.getCause(), e.getCause());
    } finally {
      pool.shutdownNow();
    }
    return out;
  }
}
