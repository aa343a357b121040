package org.cfdmspark.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.cfdmspark.metrics.SlicedWasserstein;
import org.cfdmspark.knn.RowMatrix;
import org.junit.jupiter.api.Test;

class ScoreNetworkTest {

  @Test
  void gradientMatchesCentralDifferences() {
    int d = 3;
    ScoreNetwork network = new ScoreNetwork(d, 5, 2, 4);
    Random random = new Random(8);
    int count = 4;
    double[] z = gaussians(random, count * d);
    double[] x = gaussians(random, count * d);
    double[] times = {0.1, 0.35, 0.6, 0.95};
    double[] theta = network.parameters();
    double[] gradient = new double[theta.length];
    network.lossAndGradient(z, times, x, count, gradient, network.newScratch());
    double worst = 0;
    double largest = 0;
    double h = 1e-5;
    for (int i = 0; i < theta.length; i++) {
      double saved = theta[i];
      theta[i] = saved + h;
      double up = network.lossAndGradient(z, times, x, count, new double[theta.length], network.newScratch());
      theta[i] = saved - h;
      double down = network.lossAndGradient(z, times, x, count, new double[theta.length], network.newScratch());
      theta[i] = saved;
      double difference = (up - down) / (2 * h);
      worst = Math.max(worst, Math.abs(difference - gradient[i]));
      largest = Math.max(largest, Math.abs(difference));
    }
    assertTrue(worst <= 1e-4 * largest, "gradient off by " + worst + " on entries up to " + largest);
  }

  @Test
  void samplesOfAGaussianMixtureAreWithinTheTwoSampleFloor() {
    int n = 3000;
    TrainingSet training = new TrainingSet(RowMatrix.ofRows(mixture(n, 1)));
    SamplerConfig config = SamplerConfig.defaults(0).withGrid(200, 0).withSeed(3);
    ScoreNetworkSpec spec = new ScoreNetworkSpec(64, 2, 100, 0, 0.1, 3e-3, 64);
    ScoreNetworkTraining.Result result = ScoreNetworkTraining.train(training, spec, config.timeGrid(),
        config.seed());
    FlowSampler sampler = new FlowSampler(training, config, new ScoreNetworkPosteriorMean(training,
        result.network()), 64);
    int count = 1000;
    double[] flat = new double[count * 2];
    sampler.sample(0, count, flat);
    double[][] samples = new double[count][];
    for (int i = 0; i < count; i++) {
      samples[i] = new double[] {flat[2 * i], flat[2 * i + 1]};
    }
    double distance = SlicedWasserstein.compute(samples, mixture(count, 2), 64, 5);
    double floor = SlicedWasserstein.compute(mixture(count, 3), mixture(count, 4), 64, 5);
    assertTrue(distance <= 1.5 * floor, "sliced W2 " + distance + " against a two-sample floor of " + floor);
  }

  /*
   * Han, Razaviyayn, Xu's picture on 15 fit rows (135 held out), late times t in [0.5, 1): trained long, the
   * network approaches the empirical posterior mean of the fit rows (the closed form) and loses on held-out
   * rows; early stopping keeps the network from before the rise.
   */
  @Test
  void longTrainingDriftsToTheClosedFormAndEarlyStoppingStopsBeforeTheRise() {
    TrainingSet training = new TrainingSet(RowMatrix.ofRows(mixture(150, 1)));
    SamplerConfig config = SamplerConfig.defaults(0).withGrid(20, 0.5).withSeed(3);
    ScoreNetworkTraining.Result full = ScoreNetworkTraining.train(training,
        new ScoreNetworkSpec(64, 2, 3000, 0, 0.9, 1e-2, 15), config.timeGrid(), config.seed());
    assertEquals(15, full.fitRows().size());
    List<ScoreNetworkTraining.Epoch> epochs = full.epochs();
    assertEquals(3000, epochs.size());
    ScoreNetworkTraining.Epoch best = epochs.get(full.bestEpoch() - 1);
    ScoreNetworkTraining.Epoch last = epochs.get(epochs.size() - 1);
    assertTrue(last.heldOutLoss() >= 1.2 * best.heldOutLoss(), "held-out loss " + best + " then " + last);
    assertTrue(last.closedFormDistance() <= 0.75 * best.closedFormDistance(), "distance to the closed form "
        + best + " then " + last);

    ScoreNetworkTraining.Result stopped = ScoreNetworkTraining.train(training,
        new ScoreNetworkSpec(64, 2, 3000, 100, 0.9, 1e-2, 15), config.timeGrid(), config.seed());
    assertTrue(stopped.stoppedEarly());
    List<ScoreNetworkTraining.Epoch> kept = stopped.epochs();
    assertEquals(stopped.bestEpoch() + 100, kept.size());
    double keptLoss = kept.get(stopped.bestEpoch() - 1).heldOutLoss();
    assertTrue(keptLoss <= last.heldOutLoss() / 1.2, "early stopping kept " + keptLoss + ", the long run ended at "
        + last.heldOutLoss());
  }

  /** Three well-separated Gaussians in the plane, weights 0.5, 0.3, 0.2, standard deviation 0.3. */
  private static double[][] mixture(int n, long seed) {
    double[][] centres = {{-1.2, -0.6}, {1.2, -0.6}, {0, 1.1}};
    double[] cumulative = {0.5, 0.8, 1};
    Random random = new Random(seed);
    double[][] rows = new double[n][];
    for (int i = 0; i < n; i++) {
      double u = random.nextDouble();
      int k = u < cumulative[0] ? 0 : u < cumulative[1] ? 1 : 2;
      rows[i] = new double[] {centres[k][0] + 0.3 * random.nextGaussian(),
          centres[k][1] + 0.3 * random.nextGaussian()};
    }
    return rows;
  }

  private static double[] gaussians(Random random, int count) {
    double[] out = new double[count];
    for (int i = 0; i < count; i++) {
      out[i] = random.nextGaussian();
    }
    return out;
  }
}
