package org.cfdmspark.engine;

/**
 * Evaluates the smoothed model at given points and times: x̂^σ(z, t), the score
 * s = (t·x̂^σ − z)/(1 − t)² and the velocity v = (x̂^σ − z)/(1 − t) (method.md §2–3). For tests and for
 * studying score estimators. Point p's randomness is the stream of trajectory p at step 0.
 */
public final class ScoreEvaluator {
  private final SmoothedPosteriorMean smoothed;
  private final int d;

  /** The three fields for count points, each row-major count·d. */
  public record Evaluation(double[] smoothedMean, double[] score, double[] velocity) {
  }

  public ScoreEvaluator(TrainingSet training, SamplerConfig config) {
    this.smoothed = new SmoothedPosteriorMean(PosteriorMeans.create(training, config), config.sigma(), config.draws(),
        config.noisePolicy(), config.seed());
    this.d = training.dimension();
  }

  /** points: count·d row-major; times: one per point, each in [0, 1). */
  public Evaluation evaluate(double[] points, double[] times) {
    int count = times.length;
    if (points.length != count * d) {
      throw new IllegalArgumentException("expected " + count + " points of dimension " + d + ", got "
          + points.length + " values");
    }
    double[] mean = new double[count * d];
    double[] score = new double[count * d];
    double[] velocity = new double[count * d];
    double[] point = new double[d];
    double[] pointMean = new double[d];
    long[] trajectory = new long[1];
    for (int p = 0; p < count; p++) {
      double t = times[p];
      System.arraycopy(points, p * d, point, 0, d);
      trajectory[0] = p;
      smoothed.smoothedMean(point, 1, trajectory, 0, t, pointMean);
      double gap = 1 - t;
      for (int j = 0; j < d; j++) {
        mean[p * d + j] = pointMean[j];
        score[p * d + j] = (t * pointMean[j] - point[j]) / (gap * gap);
      }
      SmoothedPosteriorMean.velocity(pointMean, point, d, t, pointMean);
      System.arraycopy(pointMean, 0, velocity, p * d, d);
    }
    return new Evaluation(mean, score, velocity);
  }
}
