package org.cfdmspark.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import java.util.Random;
import org.cfdmspark.knn.ScalarDotProductKernel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ExactPosteriorMeanTest {
  private static final double[] TIMES = {0.01, 0.5, 0.95, 0.999};

  @Test
  void oneTrainingPointIsItsOwnPosteriorMeanAndGivesTheAnalyticScore() {
    double[] x = {0.7, -1.3, 2.5};
    TrainingSet training = TrainingSet.of(new double[][] {x});
    double[] stored = Fixtures.rowsOf(training)[0];
    Random random = new Random(1);
    for (double t : new double[] {0.001, 0.1, 0.5, 0.9, 0.999}) {
      double[] z = {random.nextGaussian() * 3, random.nextGaussian() * 3, 40 * random.nextGaussian()};
      ScoreEvaluator.Evaluation eval = new ScoreEvaluator(training, Fixtures.config(0, 1, 10, 0))
          .evaluate(z, new double[] {t});
      assertArrayEquals(stored, eval.smoothedMean(), 0, "x̂ at t=" + t);
      for (int j = 0; j < 3; j++) {
        double expected = (t * stored[j] - z[j]) / ((1 - t) * (1 - t));
        assertEquals(expected, eval.score()[j], 1e-6 * Math.abs(expected), "score at t=" + t);
        assertEquals((stored[j] - z[j]) / (1 - t), eval.velocity()[j], 1e-9 * Math.abs(expected));
      }
    }
  }

  @ParameterizedTest(name = "d = {0}")
  @ValueSource(ints = {2, 64, 784})
  void matchesThePlainDoubleReference(int d) {
    double[][] x = Fixtures.gaussian(3000, Fixtures.constant(d, 1), 7 + d);
    TrainingSet training = TrainingSet.of(x);
    double[][] stored = Fixtures.rowsOf(training);
    ExactPosteriorMean exact = new ExactPosteriorMean(training, ScalarDotProductKernel.INSTANCE);
    Random random = new Random(d);
    for (double t : TIMES) {
      for (int probe = 0; probe < 6; probe++) {
        double[] q = Fixtures.noisedPoint(stored, t, random);
        if (probe >= 4) {
          // Far-away queries: logits of order 1e9 or more at large t, which overflow a naive exp.
          for (int j = 0; j < d; j++) {
            q[j] *= 1e3;
          }
        }
        double[] expected = Fixtures.referencePosteriorMean(stored, q, t);
        double[] actual = Fixtures.estimate(exact, q, t, 0);
        for (double value : actual) {
          assertTrue(Double.isFinite(value), "non-finite estimate at t=" + t);
        }
        double error = Fixtures.distance(actual, 0, expected, 0, d) / Fixtures.norm(expected);
        assertTrue(error <= 1e-5, "relative error " + error + " at d=" + d + ", t=" + t + ", probe " + probe);
      }
    }
  }

  @Test
  void atTimeZeroEveryWeightIsEqual() {
    double[][] x = Fixtures.gaussian(50, Fixtures.constant(3, 2), 3);
    TrainingSet training = TrainingSet.of(x);
    double[] actual = Fixtures.estimate(new ExactPosteriorMean(training, ScalarDotProductKernel.INSTANCE),
        new double[] {5, 5, 5}, 0, 0);
    assertArrayEquals(training.mean(), actual, 1e-12);
    double[] reference = Fixtures.referencePosteriorMean(Fixtures.rowsOf(training), new double[] {5, 5, 5}, 0);
    assertArrayEquals(reference, actual, 1e-9);
  }
}
