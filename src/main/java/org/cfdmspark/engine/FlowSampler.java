package org.cfdmspark.engine;

/**
 * Samples by explicit Euler on the probability-flow ODE (method.md §4): from start points at t0, repeat
 * z ← z + h·v^σ_t(z) = (1 − c)·z + c·x̂^σ(z, t) with c = h/(1 − t) = 1/(S − n), for n = n0 … S−1. The last
 * step has c = 1 and lands exactly on x̂^σ. Trajectories advance together in blocks, so each step is one
 * (block·M queries × training rows) evaluation. Output depends only on (training set, config, trajectory
 * index): never on block size or on which trajectories share a block.
 *
 * <p>Not thread-safe (it owns scratch buffers): one per thread or Spark partition.
 */
public final class FlowSampler implements BlockSampler {
  /**
   * 128 trajectories (512 queries at M = 4): an IVF cell is then probed by ~11 queries of a block instead of ~5.5
   * at 64 (credit default), so its rows are read once for twice the work (12-16 % less CPU per sample, BENCHMARKS
   * "Samples/s at defaults"). Not 256: a warm-started IVF searcher keeps one bound per (query, cell), 8·Q·nlist
   * bytes, 16 MB at 128 and nlist = 4,000 (N = 10⁶), per sampler, and the guard keeps up to nine samplers.
   */
  public static final int DEFAULT_BLOCK_SIZE = 128;

  private final TrainingSet training;
  private final TimeGrid grid;
  private final StartPoints startPoints;
  private final SmoothedPosteriorMean velocity;
  private final int blockSize;
  private final int d;
  private final double[] z;
  private final double[] smoothedMean;
  private final long[] blockTrajectories;

  public FlowSampler(TrainingSet training, SamplerConfig config, PosteriorMean posteriorMean, int blockSize) {
    if (blockSize < 1) {
      throw new IllegalArgumentException("block size must be at least 1, got " + blockSize);
    }
    this.training = training;
    this.grid = config.timeGrid();
    this.startPoints = new StartPoints(training, grid.startTime(), config.seed());
    this.velocity = new SmoothedPosteriorMean(posteriorMean, config.sigma(), config.draws(), config.noisePolicy(),
        config.seed());
    this.blockSize = blockSize;
    this.d = training.dimension();
    this.z = new double[blockSize * d];
    this.smoothedMean = new double[blockSize * d];
    this.blockTrajectories = new long[blockSize];
  }

  /** A sampler with the estimator the config names and the default block size. */
  public static FlowSampler create(TrainingSet training, SamplerConfig config) {
    return create(training, config, NeighbourSearch.prepare(training, config));
  }

  /** As {@link #create(TrainingSet, SamplerConfig)} over a neighbour search prepared once and shared. */
  public static FlowSampler create(TrainingSet training, SamplerConfig config, NeighbourSearch search) {
    return new FlowSampler(training, config, PosteriorMeans.create(training, config, search), DEFAULT_BLOCK_SIZE);
  }

  public int dimension() {
    return d;
  }

  @Override
  public int blockSize() {
    return blockSize;
  }

  /** Samples trajectories first .. first+count−1 into out (row-major, count·d). */
  public void sample(long first, int count, double[] out) {
    for (int done = 0; done < count; done += blockSize) {
      int size = Math.min(blockSize, count - done);
      for (int b = 0; b < size; b++) {
        blockTrajectories[b] = first + done + b;
      }
      sampleBlock(blockTrajectories, size, out, done * d);
    }
  }

  /** Samples the given trajectories (at most the block size) into out[outOffset ..]. */
  @Override
  public void sampleBlock(long[] trajectories, int count, double[] out, int outOffset) {
    if (count > blockSize) {
      throw new IllegalArgumentException("block of " + count + " exceeds the block size " + blockSize);
    }
    for (int b = 0; b < count; b++) {
      startPoints.draw(trajectories[b], z, b * d);
    }
    for (int step = grid.firstStep(); step < grid.steps(); step++) {
      velocity.smoothedMean(z, count, trajectories, step, grid.time(step), smoothedMean);
      double c = grid.eulerCoefficient(step);
      for (int i = 0; i < count * d; i++) {
        z[i] = (1 - c) * z[i] + c * smoothedMean[i];
      }
    }
    System.arraycopy(z, 0, out, outOffset, count * d);
  }

  public TrainingSet training() {
    return training;
  }

  @Override
  public long posteriorMeanNanos() {
    return velocity.posteriorMean().estimateNanos();
  }

  @Override
  public long searchNanos() {
    return velocity.posteriorMean().searchNanos();
  }
}
