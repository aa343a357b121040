package org.cfdmspark.engine;

/**
 * Start points of the flow (method.md §4), drawn exactly from the unsmoothed mixture at t0:
 * i uniform, z = t0·x_i + (1 − t0)·ξ with ξ ~ N(0, I). At t0 = 0 this is z = ξ. Trajectory k's start is the
 * stream {@code (seed, k, −1, START_POINT)}.
 */
public final class StartPoints {
  private final TrainingSet training;
  private final double startTime;
  private final long seed;
  private final RandomStream random = new RandomStream();

  public StartPoints(TrainingSet training, double startTime, long seed) {
    this.training = training;
    this.startTime = startTime;
    this.seed = seed;
  }

  /**
   * Writes trajectory {@code trajectory}'s start point to out[offset .. offset + d) and returns the training row i
   * it was drawn from.
   */
  public int draw(long trajectory, double[] out, int offset) {
    random.reset(RandomStream.key(seed, trajectory, -1, RandomStream.Purpose.START_POINT));
    int row = random.nextInt(training.size());
    int d = training.dimension();
    float[] x = training.points().values();
    for (int j = 0; j < d; j++) {
      out[offset + j] = startTime * x[row * d + j] + (1 - startTime) * random.nextGaussian();
    }
    return row;
  }
}
