package org.cfdmspark.engine;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.cfdmspark.knn.RowMatrix;
import org.cfdmspark.metrics.MemorisedFraction;
import org.junit.jupiter.api.Test;

/** The regimes of George, Veiga, Macris (arXiv 2502.00336): memorisation once p ≫ n, the test-loss peak at p = n. */
class RandomFeatureModelTest {
  private static final int SAMPLES = 200;

  /*
   * The paper's proportional regime n = d (ψ_n = 1), here n = d = 32, sampled from the default start time
   * T = 0.8 (start points t0·x_i + (1 − t0)·ξ of the noised training rows, the same for both models): only the
   * model decides whether the flow ends on a training row. From T = 0.5 the m = 1 model memorises under 2 %.
   */
  @Test
  void manyMoreFeaturesThanRowsMemorise() {
    double memorised = memorisedFraction(new RandomFeatureSpec(900, 1, 1e-8));
    assertTrue(memorised >= 0.9, "p = 28 n: memorised fraction " + memorised);
  }

  @Test
  void farFewerFeaturesThanRowsDoNotMemorise() {
    double memorised = memorisedFraction(new RandomFeatureSpec(4, 1, 1e-8));
    assertTrue(memorised <= 0.1, "p = n / 8: memorised fraction " + memorised);
  }

  private static double memorisedFraction(RandomFeatureSpec spec) {
    TrainingSet training = new TrainingSet(gaussian(32, 32, 1));
    SamplerConfig config = SamplerConfig.defaults(0).withGrid(20, 0.8).withSeed(9);
    RandomFeatureModel model = RandomFeatureFitting.fit(training, spec, config.timeGrid(), config.seed());
    FlowSampler sampler = new FlowSampler(training, config, new RandomFeaturePosteriorMean(training, model), 64);
    double[] samples = new double[SAMPLES * training.dimension()];
    sampler.sample(0, SAMPLES, samples);
    return MemorisedFraction.of(training.points(), samples, SAMPLES);
  }

  @Test
  void testLossPeaksWherePEqualsN() {
    int n = 100;
    TrainingSet training = new TrainingSet(gaussian(n, 4, 1));
    RowMatrix test = gaussian(1000, 4, 2);
    TimeGrid grid = new TimeGrid(2, 1); // the single time t = 1/2
    int[] features = {10, 25, 50, 75, 100, 133, 200, 400, 1000};
    double[] losses = new double[features.length];
    int peak = 0;
    for (int k = 0; k < features.length; k++) {
      RandomFeatureModel model = RandomFeatureFitting.fit(training, new RandomFeatureSpec(features[k], 1, 1e-9),
          grid, 5);
      losses[k] = DsmLoss.of(new RandomFeaturePosteriorMean(training, model), test, grid, 1, 1, 77);
      if (losses[k] > losses[peak]) {
        peak = k;
      }
    }
    String curve = java.util.Arrays.toString(losses);
    assertTrue(features[peak] >= n / 2 && features[peak] <= 2 * n, "peak at p = " + features[peak] + ": " + curve);
    assertTrue(losses[peak] > 2 * losses[0] && losses[peak] > 2 * losses[features.length - 1], curve);
  }

  /** n rows of N(0, I_d) shifted by 1 in the first coordinate (a mean the read-out must fit). */
  private static RowMatrix gaussian(int n, int d, long seed) {
    Random random = new Random(seed);
    double[][] rows = new double[n][d];
    for (double[] row : rows) {
      for (int j = 0; j < d; j++) {
        row[j] = random.nextGaussian() + (j == 0 ? 1 : 0);
      }
    }
    return RowMatrix.ofRows(rows);
  }
}
