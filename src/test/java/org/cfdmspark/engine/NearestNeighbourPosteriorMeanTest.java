package org.cfdmspark.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import java.util.Random;
import org.cfdmspark.knn.BruteForceIndex;
import org.cfdmspark.knn.ScalarDotProductKernel;
import org.junit.jupiter.api.Test;

class NearestNeighbourPosteriorMeanTest {

  private static NearestNeighbourPosteriorMean estimator(TrainingSet training, int k, int l) {
    return new NearestNeighbourPosteriorMean(training,
        new BruteForceIndex(training.points(), ScalarDotProductKernel.INSTANCE), k, l);
  }

  @Test
  void clocksItsSearchWithinItsWholeEstimateAndTheExactEstimatorSearchesNothing() {
    TrainingSet training = TrainingSet.of(Fixtures.gaussian(2000, new double[] {1, 3, 0.5, 2}, 11));
    double[] q = Fixtures.noisedPoint(Fixtures.rowsOf(training), 0.9, new Random(5));
    NearestNeighbourPosteriorMean nn = estimator(training, 20, 20);
    ExactPosteriorMean exact = new ExactPosteriorMean(training, ScalarDotProductKernel.INSTANCE);
    assertEquals(0, nn.estimateNanos());
    Fixtures.estimate(nn, q, 0.9, 1);
    Fixtures.estimate(exact, q, 0.9, 1);
    assertTrue(nn.searchNanos() > 0 && nn.searchNanos() <= nn.estimateNanos(),
        nn.searchNanos() + " of " + nn.estimateNanos());
    assertTrue(exact.estimateNanos() > 0);
    assertEquals(0, exact.searchNanos());
  }

  @Test
  void equalsTheExactPosteriorMeanWhenKPlusLCoversTheTrainingSet() {
    double[][] x = Fixtures.gaussian(60, new double[] {1, 3, 0.5, 2}, 11);
    TrainingSet training = TrainingSet.of(x);
    double[][] stored = Fixtures.rowsOf(training);
    ExactPosteriorMean exact = new ExactPosteriorMean(training, ScalarDotProductKernel.INSTANCE);
    Random random = new Random(5);
    int[][] kl = {{60, 0}, {10, 50}, {25, 80}, {1, 59}};
    for (int[] pair : kl) {
      NearestNeighbourPosteriorMean nn = estimator(training, pair[0], pair[1]);
      for (double t : new double[] {0.05, 0.3, 0.7, 0.99}) {
        double[] q = Fixtures.noisedPoint(stored, t, random);
        double[] expected = Fixtures.estimate(exact, q, t, 0);
        double[] actual = Fixtures.estimate(nn, q, t, random.nextLong());
        double error = Fixtures.distance(actual, 0, expected, 0, 4) / Fixtures.norm(expected);
        assertTrue(error <= 1e-6, "K=" + pair[0] + " L=" + pair[1] + " t=" + t + ": error " + error);
      }
    }
  }

  @Test
  void isAccurateOnAnisotropicGaussianDataAndImprovesWithMorePoints() {
    double[] scales = new double[32];
    // Standard deviations spread linearly from 0.25 to 2 (variances 64x apart). The error at t = 0.5 grows as
    // the data concentrates in fewer directions (more rows inside the kernel than K + L can cover): with
    // scales 2·e^(−j/10) it is about 0.07.
    for (int j = 0; j < scales.length; j++) {
      scales[j] = 0.25 + 1.75 * j / (scales.length - 1);
    }
    double[][] x = Fixtures.gaussian(5000, scales, 21);
    TrainingSet training = TrainingSet.of(x);
    double[][] stored = Fixtures.rowsOf(training);
    double rms = Fixtures.rmsNorm(stored);
    ExactPosteriorMean exact = new ExactPosteriorMean(training, ScalarDotProductKernel.INSTANCE);
    NearestNeighbourPosteriorMean small = estimator(training, 20, 20);
    NearestNeighbourPosteriorMean large = estimator(training, 200, 200);
    double[] limits = {0.35, 0.01, 0.01};
    double[] times = {0.1, 0.5, 0.9};
    for (int i = 0; i < times.length; i++) {
      double t = times[i];
      Random random = new Random(100 + i);
      double smallError = 0;
      double largeError = 0;
      int queries = 100;
      for (int probe = 0; probe < queries; probe++) {
        double[] q = Fixtures.noisedPoint(stored, t, random);
        double[] expected = Fixtures.estimate(exact, q, t, 0);
        long key = random.nextLong();
        smallError += Fixtures.distance(Fixtures.estimate(small, q, t, key), 0, expected, 0, 32) / rms / queries;
        largeError += Fixtures.distance(Fixtures.estimate(large, q, t, key), 0, expected, 0, 32) / rms / queries;
      }
      assertTrue(smallError <= limits[i], "K=L=20 at t=" + t + ": mean relative error " + smallError);
      if (t == 0.1) {
        assertTrue(largeError < smallError, "K=L=200 (" + largeError + ") should beat K=L=20 (" + smallError + ")");
      }
    }
  }
}
