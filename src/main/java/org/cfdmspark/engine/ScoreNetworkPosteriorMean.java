package org.cfdmspark.engine;


/**
 * The score network as the sampler's posterior mean x̂(z, t) (method.md §9): the Euler sampler, its start
 * points and the t = 0 mean are the closed form's, only x̂ differs. One instance per thread (scratch).
 */
public final class ScoreNetworkPosteriorMean extends PosteriorMean {
  private final ScoreNetwork network;
  private final ScoreNetwork.Scratch scratch;

  /** @param training the training rows (start points and the t = 0 mean come from them) */
  public ScoreNetworkPosteriorMean(TrainingSet training, ScoreNetwork network) {
    super(training);
    if (network.dimension() != training.dimension()) {
      throw new IllegalArgumentException("network of dimension " + network.dimension() + " for training rows of "
          + "dimension " + training.dimension());
    }
    this.network = network;
    this.scratch = network.newScratch();
  }

  @Override
  protected void estimateAt(double[] queries, int count, double t, long[] queryKeys, double[] out,
      long[] drawKeys, int[] drawnRows, int[] excludedRows) {
    if (drawKeys != null) {
      java.util.Arrays.fill(drawnRows, 0, count, -1); // a trained x̂ has no row weights to draw from
    }
    int d = training.dimension();
    for (int q = 0; q < count; q++) {
      network.estimate(queries, q * d, t, out, q * d, scratch);
    }
  }
}
