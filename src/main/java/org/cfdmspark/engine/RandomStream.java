package org.cfdmspark.engine;

import org.cfdmspark.knn.SplitMix64;

/**
 * Counter-based randomness: a stream is a pure function of a 64-bit key, and keys are pure functions of
 * (seed, trajectory, step, purpose). Nothing random depends on the order in which trajectories are processed,
 * on block sizes, threads, partitions or task retries. The generator is SplitMix64 (Steele, Lea, Flood 2014)
 * run from the key; Gaussians come from the Box–Muller transform.
 *
 * <p>Mutable and reusable so that the sampling loop allocates nothing: call {@link #reset(long)}.
 */
public final class RandomStream {
  private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

  private long state;
  private double spareGaussian;
  private boolean hasSpare;

  public RandomStream() {
  }

  public RandomStream(long key) {
    reset(key);
  }

  /** Restarts this stream at the given key. */
  public RandomStream reset(long key) {
    state = key;
    hasSpare = false;
    return this;
  }

  /** The key of the stream for (seed, trajectory, step, purpose); step is −1 for per-trajectory streams. */
  public static long key(long seed, long trajectory, long step, Purpose purpose) {
    return key(seed, trajectory, step, purpose, 0);
  }

  /** As {@link #key(long, long, long, Purpose)}, with a sub-stream number (e.g. the smoothing draw m). */
  public static long key(long seed, long trajectory, long step, Purpose purpose, int subStream) {
    long h = SplitMix64.mix(seed ^ 0x5DEECE66DL);
    h = SplitMix64.mix(h ^ trajectory);
    h = SplitMix64.mix(h ^ step);
    h = SplitMix64.mix(h ^ ((long) purpose.ordinal() << 32 | (subStream & 0xFFFFFFFFL)));
    return h;
  }

  /**
   * What a stream is used for; part of its key so that different uses never share numbers. BASELINE: the
   * baseline generators' draws, keyed by (seed, sample id, guard attempt).
   */
  public enum Purpose {
    START_POINT, SMOOTHING_NOISE, RANDOM_POINTS, SPLIT,
    // Appended: the keys of the constants above must not move. The trained score models, then the baselines.
    FEATURE_WEIGHTS, DSM_NOISE, VALIDATION_SPLIT, NETWORK_INIT, TRAINING_ORDER, BASELINE,
    // Appended: AdaptiveNoiseSampler's per-sample noise.
    ADAPTIVE_NOISE,
    // Appended: the training row whose categories a sample takes (--category-draw row).
    ROW_DRAW,
    // Appended: the weights of a sample's parents in its parent noise (--parent-noise).
    PARENT_NOISE,
    // Appended: the neighbour each redrawn column is taken from (--redraw-columns).
    COLUMN_REDRAW
  }

  /**
   * The n-th number (n ≥ 1) of the stream at {@code key}, without running it: the n-th {@link #nextLong} after
   * {@code reset(key)}. For one number per item of many (a row's draw), where a stream per item would cost a reset.
   */
  public static long numberAt(long key, long n) {
    return SplitMix64.mix(key + n * GOLDEN_GAMMA);
  }

  public long nextLong() {
    state += GOLDEN_GAMMA;
    return SplitMix64.mix(state);
  }

  /** Uniform in [0, 1) with 53 random bits. */
  public double nextDouble() {
    return (nextLong() >>> 11) * 0x1.0p-53;
  }

  /** Uniform in [0, bound), unbiased (Lemire's rejection on the high product). */
  public int nextInt(int bound) {
    if (bound <= 0) {
      throw new IllegalArgumentException("bound must be positive, got " + bound);
    }
    long r = nextLong() >>> 33; // 31 random bits
    long m = r * bound;
    long low = m & 0x7FFFFFFFL;
    if (low < bound) {
      long threshold = (0x80000000L - bound) % bound;
      while (low < threshold) {
        r = nextLong() >>> 33;
        m = r * bound;
        low = m & 0x7FFFFFFFL;
      }
    }
    return (int) (m >>> 31);
  }

  /** Standard normal. */
  public double nextGaussian() {
    if (hasSpare) {
      hasSpare = false;
      return spareGaussian;
    }
    double u1 = 1.0 - nextDouble(); // (0, 1]: log is finite
    double u2 = nextDouble();
    double radius = Math.sqrt(-2.0 * Math.log(u1));
    double angle = 2.0 * Math.PI * u2;
    spareGaussian = radius * Math.sin(angle);
    hasSpare = true;
    return radius * Math.cos(angle);
  }

  /** Fills out[offset .. offset + count) with standard normals. */
  public void nextGaussians(double[] out, int offset, int count) {
    for (int i = 0; i < count; i++) {
      out[offset + i] = nextGaussian();
    }
  }

}
