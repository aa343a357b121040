package org.cfdmspark.engine;


/**
 * The random-feature model as the sampler's posterior mean x̂(z, t) (method.md §9): the Euler sampler, its
 * start points and the t = 0 mean are the closed form's, only x̂ differs. Defined at the grid times the model was
 * fitted on. One instance per thread (scratch buffer).
 */
public final class RandomFeaturePosteriorMean extends PosteriorMean {
  private final RandomFeatureModel model;
  private final double[] features;

  /** @param training the rows the model was fitted on (start points and the t = 0 mean come from them) */
  public RandomFeaturePosteriorMean(TrainingSet training, RandomFeatureModel model) {
    super(training);
    if (model.map().dimension() != training.dimension()) {
      throw new IllegalArgumentException("model of dimension " + model.map().dimension() + " for training rows of "
          + "dimension " + training.dimension());
    }
    this.model = model;
    this.features = new double[model.map().features()];
  }

  @Override
  protected void estimateAt(double[] queries, int count, double t, long[] queryKeys, double[] out,
      long[] drawKeys, int[] drawnRows, int[] excludedRows) {
    if (drawKeys != null) {
      java.util.Arrays.fill(drawnRows, 0, count, -1); // a trained x̂ has no row weights to draw from
    }
    int step = model.stepOf(t);
    int d = training.dimension();
    for (int q = 0; q < count; q++) {
      model.estimate(step, queries, q * d, features, out, q * d);
    }
  }
}
