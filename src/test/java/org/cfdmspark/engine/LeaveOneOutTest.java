package org.cfdmspark.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import java.util.Arrays;
import java.util.Random;
import org.cfdmspark.knn.BruteForceIndex;
import org.cfdmspark.knn.ScalarDotProductKernel;
import org.junit.jupiter.api.Test;

/** --leave-one-out: x̂_{−i}, the posterior mean of the other N − 1 rows, and the flow that leaves its start row out. */
class LeaveOneOutTest {
  private static final double[] TIMES = {0.3, 0.8, 0.95, 0.999};

  @Test
  void exactAndNearestNeighbourEstimatorsLeavingARowOutAreThePosteriorMeanOfTheOtherRows() {
    double[][] x = Fixtures.gaussian(300, Fixtures.constant(5, 1), 11);
    TrainingSet training = TrainingSet.of(x);
    double[][] stored = Fixtures.rowsOf(training);
    PosteriorMean exact = new ExactPosteriorMean(training, ScalarDotProductKernel.INSTANCE);
    // K + L = N: every row once, the exact mean (NearestNeighbourPosteriorMean's contract).
    PosteriorMean nn = new NearestNeighbourPosteriorMean(training,
        new BruteForceIndex(training.points(), ScalarDotProductKernel.INSTANCE), 20, 280);
    Random random = new Random(3);
    for (double t : TIMES) {
      for (int probe = 0; probe < 5; probe++) {
        int left = random.nextInt(x.length);
        // A query near the row left out: the row that would dominate its mean at late t.
        double[] q = new double[5];
        for (int j = 0; j < 5; j++) {
          q[j] = t * stored[left][j] + (1 - t) * 0.1 * random.nextGaussian();
        }
        double[][] others = new double[x.length - 1][];
        for (int i = 0, k = 0; i < x.length; i++) {
          if (i != left) {
            others[k++] = stored[i];
          }
        }
        double[] expected = Fixtures.referencePosteriorMean(others, q, t);
        for (PosteriorMean estimator : new PosteriorMean[] {exact, nn}) {
          double[] actual = new double[5];
          estimator.estimate(q, 1, t, new long[] {probe}, actual, null, null, new int[] {left});
          assertArrayEquals(expected, actual, 1e-6 * (1 + Fixtures.norm(expected)),
              estimator.getClass().getSimpleName() + " at t=" + t);
        }
      }
    }
  }

  @Test
  void withoutARowToLeaveOutTheEstimateIsUnchanged() {
    double[][] x = Fixtures.gaussian(200, Fixtures.constant(3, 1), 5);
    TrainingSet training = TrainingSet.of(x);
    PosteriorMean exact = new ExactPosteriorMean(training, ScalarDotProductKernel.INSTANCE);
    double[] q = {0.2, -0.4, 0.9};
    double[] plain = Fixtures.estimate(exact, q, 0.9, 0);
    double[] none = new double[3];
    exact.estimate(q, 1, 0.9, new long[] {0}, none, null, null, new int[] {-1});
    assertArrayEquals(plain, none, 0);
  }

  @Test
  void aFlowOfTwoRowsLandsOnTheRowItDidNotStartFrom() {
    // Rows 0 and 10 on a line: a trajectory started from one, leaving it out, has only the other to go to. σ = 0
    // and one draw: the sample is x̂ at the last step, the other row itself.
    TrainingSet training = TrainingSet.of(new double[][] {{0}, {10}});
    SamplerConfig config = Fixtures.config(0, 1, 20, 0.8).withEstimator(EstimatorKind.EXACT, 1, 0)
        .withLeaveOneOut(true);
    FlowSampler sampler = FlowSampler.create(training, config);
    StartPoints starts = new StartPoints(training, config.timeGrid().startTime(), config.seed());
    double[] samples = new double[200];
    sampler.sample(0, 200, samples);
    double[] scratch = new double[1];
    int[] landed = new int[2];
    for (int k = 0; k < 200; k++) {
      int start = starts.draw(k, scratch, 0);
      double other = start == 0 ? 10 : 0;
      assertEquals(other, samples[k], 1e-9, "trajectory " + k + " started from row " + start);
      landed[start]++;
    }
    assertTrue(landed[0] > 50 && landed[1] > 50, "both rows start trajectories: " + Arrays.toString(landed));
  }

  @Test
  void samplesDoNotDependOnTheBlockSize() {
    double[][] x = Fixtures.gaussian(500, Fixtures.constant(4, 1), 9);
    TrainingSet training = TrainingSet.of(x);
    SamplerConfig config = Fixtures.config(0.3, 4, 20, 0.8).withLeaveOneOut(true);
    double[] whole = new double[60 * 4];
    FlowSampler.create(training, config).sample(0, 60, whole);
    double[] pieces = new double[60 * 4];
    FlowSampler small = new FlowSampler(training, config, PosteriorMeans.create(training, config,
        NeighbourSearch.prepare(training, config)), 7);
    small.sample(0, 60, pieces);
    assertArrayEquals(whole, pieces, 0);
    double[] plain = new double[60 * 4];
    FlowSampler.create(training, config.withLeaveOneOut(false)).sample(0, 60, plain);
    assertTrue(!Arrays.equals(whole, plain), "leaving the start row out changes the samples");
  }
}
