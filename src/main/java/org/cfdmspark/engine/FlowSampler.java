package org.cfdmspark.engine;

/**
 * Samples by explicit Euler on the probability-flow ODE (method.md §4): from start points at t0, repeat
 * z ← z + h·v^σ_t(z) = (1 − c)·z + c·x̂^σ(z, t) with c = h/(1 − t) = 1/(S − n), for n = n0 … S−1. The last
 * step has c = 1 and lands exactly on x̂^σ. Trajectories advance together in blocks, so each step is one
 * (block·M queries × training rows) evaluation. Output depends only on (training set, config, trajectory
 * index): never on block size or on which trajectories share a block.
 *
 * <p>With row slots (--category-draw row), the last step also draws one training row per trajectory with
 * probability equal to its weight in x̂^σ, and the sample takes that row's values in those slots (its categorical
 * blocks) instead of the barycentre's: one real row's combination of categories, and each category as often as
 * the barycentre weighs it (E[x_drawn] = x̂^σ), where a vote of each block on its own favours the common
 * categories and mixes rows' categories into combinations no row has.
 *
 * <p>With {@link SamplerConfig#leaveOneOut()}, a trajectory's posterior means leave out the training row its start
 * point was drawn from (x̂_{−i}: the model of the other N − 1 rows), so it lands among that row's neighbours, not on
 * it: where a fresh row of the table lies relative to the training rows (README, "Leaving the start row out").
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
  private final int[] rowSlots;
  private final int[] drawnRows;
  private final ParentNoise parentNoise;
  private final ColumnRedraw columnRedraw;
  private final ColumnRedraw.Scratch redrawScratch;
  private final int[] parents;
  private final double[] parentWeights;
  private final RandomStream random = new RandomStream();
  private final long seed;
  /** Each trajectory's start row, left out of its posterior means under --leave-one-out; null otherwise. */
  private final int[] startRows;

  public FlowSampler(TrainingSet training, SamplerConfig config, PosteriorMean posteriorMean, int blockSize) {
    this(training, config, posteriorMean, blockSize, new int[0]);
  }

  /**
   * @param rowSlots the slots a sample takes from one training row drawn by its weights at the last step (empty:
   *     the barycentre everywhere, method.md §4)
   */
  public FlowSampler(TrainingSet training, SamplerConfig config, PosteriorMean posteriorMean, int blockSize,
      int[] rowSlots) {
    this(training, config, posteriorMean, blockSize, rowSlots, ParentNoise.NONE);
  }

  /**
   * @param rowSlots the slots a sample takes from one training row drawn by its weights at the last step (empty:
   *     the barycentre everywhere, method.md §4)
   * @param parentNoise the noise along the parents' directions added after the last step ({@link ParentNoise#NONE}:
   *     none)
   */
  public FlowSampler(TrainingSet training, SamplerConfig config, PosteriorMean posteriorMean, int blockSize,
      int[] rowSlots, ParentNoise parentNoise) {
    this(training, config, posteriorMean, blockSize, rowSlots, parentNoise, ColumnRedraw.NONE);
  }

  /**
   * As above, with some columns redrawn after the last step (and after the parent noise):
   * {@link ColumnRedraw#NONE} for none.
   */
  public FlowSampler(TrainingSet training, SamplerConfig config, PosteriorMean posteriorMean, int blockSize,
      int[] rowSlots, ParentNoise parentNoise, ColumnRedraw columnRedraw) {
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
    this.rowSlots = rowSlots.clone();
    this.drawnRows = new int[blockSize];
    this.parentNoise = parentNoise;
    this.columnRedraw = columnRedraw;
    this.redrawScratch = columnRedraw.active() ? columnRedraw.scratch(training, blockSize) : null;
    this.parents = parentNoise.active() ? new int[blockSize * velocity.draws()] : null;
    this.parentWeights = new double[velocity.draws()];
    this.seed = config.seed();
    this.startRows = config.leaveOneOut() ? new int[blockSize] : null;
  }

  /** A sampler with the estimator the config names and the default block size. */
  public static FlowSampler create(TrainingSet training, SamplerConfig config) {
    return create(training, config, NeighbourSearch.prepare(training, config));
  }

  /** As {@link #create(TrainingSet, SamplerConfig)} over a neighbour search prepared once and shared. */
  public static FlowSampler create(TrainingSet training, SamplerConfig config, NeighbourSearch search) {
    return create(training, config, search, new int[0]);
  }

  /** As {@link #create(TrainingSet, SamplerConfig, NeighbourSearch)}, taking {@code rowSlots} from a drawn row. */
  public static FlowSampler create(TrainingSet training, SamplerConfig config, NeighbourSearch search,
      int[] rowSlots) {
    return create(training, config, search, rowSlots, ParentNoise.NONE, ColumnRedraw.NONE);
  }

  /**
   * As {@link #create(TrainingSet, SamplerConfig, NeighbourSearch, int[])}, with noise along the parents and some
   * columns redrawn.
   */
  public static FlowSampler create(TrainingSet training, SamplerConfig config, NeighbourSearch search,
      int[] rowSlots, ParentNoise parentNoise, ColumnRedraw columnRedraw) {
    return new FlowSampler(training, config, PosteriorMeans.create(training, config, search), DEFAULT_BLOCK_SIZE,
        rowSlots, parentNoise, columnRedraw);
  }

  public int dimension() {
    return d;
  }

  @Override
  public int blockSize() {
    return blockSize;
  }

  @Override
  public boolean followsTrajectory() {
    return !columnRedraw.drawsEverySlotFromAnyRow(d);
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
      int row = startPoints.draw(trajectories[b], z, b * d);
      if (startRows != null) {
        startRows[b] = row;
      }
    }
    for (int step = grid.firstStep(); step < grid.steps(); step++) {
      boolean last = step == grid.steps() - 1;
      boolean drawRows = rowSlots.length > 0 && last;
      velocity.smoothedMean(z, count, trajectories, step, grid.time(step), smoothedMean, drawRows ? drawnRows : null,
          last ? parents : null, startRows);
      double c = grid.eulerCoefficient(step);
      for (int i = 0; i < count * d; i++) {
        z[i] = (1 - c) * z[i] + c * smoothedMean[i];
      }
      if (drawRows) {
        takeDrawnRowsSlots(count);
      }
      if (last && parents != null) {
        parentNoise.apply(z, count, trajectories, parents, velocity.draws(), training, seed, random, parentWeights);
      }
      if (last && redrawScratch != null) {
        columnRedraw.apply(z, count, trajectories, training, seed, random, redrawScratch);
      }
    }
    System.arraycopy(z, 0, out, outOffset, count * d);
  }

  /** z's row slots := those of each point's drawn row (none drawn, −1: the barycentre's stay). */
  private void takeDrawnRowsSlots(int count) {
    for (int b = 0; b < count; b++) {
      int row = drawnRows[b];
      if (row >= 0) {
        for (int slot : rowSlots) {
          z[b * d + slot] = training.points().get(row, slot);
        }
      }
    }
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
