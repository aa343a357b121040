package org.cfdmspark.engine;


/**
 * The noisy inputs of denoising score matching (method.md §9): z = t·x + (1 − t)·ε, ε ~ N(0, I_d), for training
 * row {@code row}, grid step {@code step} and noise draw {@code draw}; ε is the stream {@code (seed, row, step,
 * DSM_NOISE, draw)}, so a row's noisy copies do not depend on which partition or thread makes them.
 */
public final class DsmNoise {
  private final long seed;
  private final RandomStream random = new RandomStream();

  public DsmNoise(long seed) {
    this.seed = seed;
  }

  /** Writes z for x = x[xOffset .. xOffset + d) to out[outOffset ..]. */
  public void noisyCopy(long row, long step, int draw, double t, double[] x, int xOffset, int d, double[] out,
      int outOffset) {
    random.reset(RandomStream.key(seed, row, step, RandomStream.Purpose.DSM_NOISE, draw));
    double gap = 1 - t;
    for (int j = 0; j < d; j++) {
      out[outOffset + j] = t * x[xOffset + j] + gap * random.nextGaussian();
    }
  }
}
