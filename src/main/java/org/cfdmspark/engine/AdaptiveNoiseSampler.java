package org.cfdmspark.engine;

import org.cfdmspark.knn.NeighbourIndex;

/**
 * A sampler whose samples leave their barycentre by a distance scaled to the place's spacing (--local-noise): after
 * the inner sampler, each sample finds its nearest training row x (in the model's space) and adds
 * h(x)·N(0, 1) to each of the listed slots, h(x) = γ · ρ(x) / √m, ρ(x) the distance from x to its nearest different
 * training row and m the number of slots. The noise's length is then about γ · ρ(x): with γ = 1 a sample sits
 * about as far from the rows around it as they sit from each other, as a fresh row does, where a fixed
 * --final-noise is too large where rows are dense and too small where they are sparse. This is the adaptive
 * bandwidth of a kernel density estimate (Abramson 1982; Silverman 1986, §5.3: the kernel at x scaled by its
 * k-th nearest-neighbour distance, here k = 1) applied to σ-CFDM's output.
 *
 * <p>The noise of sample id comes from a stream keyed by (seed, id) alone, the same for every attempt of the
 * near-copy guard (which redraws the same trajectory at a wider σ), so a row depends on its id alone, whatever
 * the partitioning. Not thread-safe (scratch buffers): one per partition, as its inner sampler.
 */
public final class AdaptiveNoiseSampler implements BlockSampler {
  private final BlockSampler inner;
  private final NeighbourIndex index;
  private final double[] bandwidth;
  private final int[] slots;
  private final long seed;
  private final int d;
  private final RandomStream stream = new RandomStream();
  private final int[] found;

  /**
   * @param inner the sampler whose samples are noised
   * @param index searches the training rows (its matrix's rows are those {@code bandwidth} is indexed by)
   * @param bandwidth h per training row: the noise's standard deviation per slot for samples nearest that row
   * @param slots the encoded slots that get noise (a number column's value slot)
   * @param seed the run's seed
   */
  public AdaptiveNoiseSampler(BlockSampler inner, NeighbourIndex index, double[] bandwidth, int[] slots,
      long seed) {
    if (bandwidth.length != index.matrix().rows()) {
      throw new IllegalArgumentException(bandwidth.length + " bandwidths for " + index.matrix().rows()
          + " training rows");
    }
    this.inner = inner;
    this.index = index;
    this.bandwidth = bandwidth;
    this.slots = slots.clone();
    this.seed = seed;
    this.d = index.matrix().dimension();
    this.found = new int[inner.blockSize()];
  }

  /**
   * The bandwidths h = γ · ρ / √m for spacings ρ (each training row's distance to its nearest different row) and
   * m noised slots.
   *
   * @throws IllegalArgumentException for a negative or non-finite γ, or m < 1
   */
  public static double[] bandwidths(double gamma, double[] spacing, int slots) {
    if (!(gamma >= 0 && Double.isFinite(gamma)) || slots < 1) {
      throw new IllegalArgumentException("local noise needs a finite γ >= 0 and at least one slot, got γ " + gamma
          + " and " + slots + " slots");
    }
    double[] h = new double[spacing.length];
    for (int i = 0; i < h.length; i++) {
      h[i] = gamma * spacing[i] / Math.sqrt(slots);
    }
    return h;
  }

  @Override
  public int blockSize() {
    return inner.blockSize();
  }

  /** As the inner sampler's, then noised; {@code outOffset} is a whole number of rows. */
  @Override
  public void sampleBlock(long[] ids, int count, double[] out, int outOffset) {
    inner.sampleBlock(ids, count, out, outOffset);
    if (count == 0) {
      return;
    }
    index.nearest(out, outOffset / d, count, 1, found); // the index counts its offset in rows
    for (int b = 0; b < count; b++) {
      double h = bandwidth[found[b]];
      stream.reset(RandomStream.key(seed, ids[b], -1, RandomStream.Purpose.ADAPTIVE_NOISE));
      for (int slot : slots) {
        out[outOffset + b * d + slot] += h * stream.nextGaussian();
      }
    }
  }

  @Override
  public long posteriorMeanNanos() {
    return inner.posteriorMeanNanos();
  }

  @Override
  public long searchNanos() {
    return inner.searchNanos();
  }
}
