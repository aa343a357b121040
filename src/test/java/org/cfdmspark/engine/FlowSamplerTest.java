package org.cfdmspark.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import java.io.IOException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class FlowSamplerTest {
  private static final String[] PENGUIN_NUMERICS = {"bill_length_mm", "bill_depth_mm", "flipper_length_mm",
      "body_mass_g"};

  /** Fraction of samples within {@code tolerance} of some training row. */
  private static double shareNearTrainingRows(double[] samples, double[][] rows, double tolerance) {
    int d = rows[0].length;
    int count = samples.length / d;
    int near = 0;
    for (int s = 0; s < count; s++) {
      for (double[] row : rows) {
        if (Fixtures.distance(samples, s * d, row, 0, d) <= tolerance) {
          near++;
          break;
        }
      }
    }
    return (double) near / count;
  }

  @Test
  void withoutSmoothingSamplesReproduceTrainingRows() throws IOException {
    TrainingSet training = TrainingSet.of(Fixtures.standardisedColumns("penguins.csv", PENGUIN_NUMERICS));
    assertEquals(342, training.size());
    double[] samples = ParallelSampler.sample(training, Fixtures.config(0, 1, 1000, 0), 500, 2);
    double share = shareNearTrainingRows(samples, Fixtures.rowsOf(training), 1e-3);
    assertTrue(share >= 0.99, "only " + share + " of samples are training rows");
  }

  @Test
  void smoothingWithTwoDrawsLandsOnMidpointsOfTrainingPairs() throws IOException {
    TrainingSet training = TrainingSet.of(
        Fixtures.standardisedColumns("penguins.csv", "bill_length_mm", "flipper_length_mm"));
    double[][] rows = Fixtures.rowsOf(training);
    double[] samples = ParallelSampler.sample(training, Fixtures.config(0.3, 2, 200, 0), 400, 2);
    int count = samples.length / 2;
    int onMidpoint = 0;
    for (int s = 0; s < count; s++) {
      double[] sample = {samples[2 * s], samples[2 * s + 1]};
      search:
      for (int i = 0; i < rows.length; i++) {
        for (int j = i; j < rows.length; j++) {
          double[] midpoint = {(rows[i][0] + rows[j][0]) / 2, (rows[i][1] + rows[j][1]) / 2};
          if (Fixtures.distance(sample, 0, midpoint, 0, 2) <= 1e-2) {
            onMidpoint++;
            break search;
          }
        }
      }
    }
    double midpointShare = (double) onMidpoint / count;
    double novelShare = 1 - shareNearTrainingRows(samples, rows, 1e-3);
    assertTrue(midpointShare >= 0.9, "only " + midpointShare + " of samples sit on a midpoint");
    assertTrue(novelShare >= 0.5, "only " + novelShare + " of samples are new points");
  }

  @Test
  void oneStepFromTimeZeroLandsOnTheTrainingMean() {
    TrainingSet training = TrainingSet.of(Fixtures.gaussian(100, new double[] {1, 2, 3}, 2));
    double[] samples = ParallelSampler.sample(training, Fixtures.config(0.5, 3, 1, 0), 3, 1);
    for (int s = 0; s < 3; s++) {
      assertArrayEquals(training.mean(), Arrays.copyOfRange(samples, 3 * s, 3 * s + 3), 1e-9);
    }
  }

  @Test
  void zeroSigmaIgnoresTheNumberOfDraws() {
    TrainingSet training = TrainingSet.of(Fixtures.gaussian(200, new double[] {1, 1, 1, 1}, 4));
    SamplerConfig one = Fixtures.config(0, 1, 30, 0.5);
    assertArrayEquals(ParallelSampler.sample(training, one, 20, 1),
        ParallelSampler.sample(training, Fixtures.config(0, 8, 30, 0.5), 20, 1));
  }

  @Test
  void sameSeedGivesBitIdenticalSamplesForAnyBlockSizeOrThreadCount() {
    TrainingSet training = TrainingSet.of(Fixtures.gaussian(500, new double[] {1, 0.5, 2, 1, 1, 3}, 9));
    for (SamplerConfig config : new SamplerConfig[] {
        Fixtures.config(0.2, 3, 40, 0).withSeed(42),
        Fixtures.config(0.2, 2, 40, 0.5, NoisePolicy.STEP).withSeed(42)
            .withEstimator(EstimatorKind.NN, 10, 15)}) {
      int count = 150;
      double[] reference = ParallelSampler.sample(training, config, count, 1);
      for (int blockSize : new int[] {1, 7, 64}) {
        double[] out = new double[count * 6];
        new FlowSampler(training, config, PosteriorMeans.create(training, config), blockSize).sample(0, count, out);
        assertArrayEquals(reference, out, "block size " + blockSize + ", " + config);
      }
      assertArrayEquals(reference, ParallelSampler.sample(training, config, count, 2), "two threads, " + config);
      double[] otherSeed = ParallelSampler.sample(training, config.withSeed(43), count, 1);
      assertFalse(Arrays.equals(reference, otherSeed), "another seed must give other samples");
    }
  }

  @Test
  void lateStartPointsFollowTheNoisedMixture() {
    double[][] x = Fixtures.gaussian(300, new double[] {1, 4, 0.5}, 13);
    for (double[] row : x) {
      row[0] = row[0] * row[0] + 2; // skewed, shifted: not a zero-mean Gaussian
    }
    TrainingSet training = TrainingSet.of(x);
    double[][] rows = Fixtures.rowsOf(training);
    double t0 = TimeGrid.of(100, 0.9).startTime();
    assertEquals(0.9, t0, 1e-12);
    int draws = 5000;
    int d = 3;
    double[] starts = new double[draws * d];
    StartPoints startPoints = new StartPoints(training, t0, 77);
    for (int k = 0; k < draws; k++) {
      startPoints.draw(k, starts, k * d);
    }
    for (int j = 0; j < d; j++) {
      double dataMean = 0;
      double dataSecond = 0;
      for (double[] row : rows) {
        dataMean += row[j] / rows.length;
        dataSecond += row[j] * row[j] / rows.length;
      }
      double expectedMean = t0 * dataMean;
      double expectedVariance = t0 * t0 * (dataSecond - dataMean * dataMean) + (1 - t0) * (1 - t0);
      double mean = 0;
      for (int k = 0; k < draws; k++) {
        mean += starts[k * d + j] / draws;
      }
      double variance = 0;
      double fourth = 0;
      for (int k = 0; k < draws; k++) {
        double c = starts[k * d + j] - mean;
        variance += c * c / (draws - 1);
        fourth += c * c * c * c / draws;
      }
      double meanError = Math.sqrt(expectedVariance / draws);
      double varianceError = Math.sqrt((fourth - variance * variance) / draws);
      assertEquals(expectedMean, mean, 4 * meanError, "mean of column " + j);
      assertEquals(expectedVariance, variance, 4 * varianceError, "variance of column " + j);
    }
  }

  @Test
  void exactAndNearestNeighbourSamplersAgreeWhenKPlusLCoversTheData() {
    TrainingSet training = TrainingSet.of(Fixtures.gaussian(80, new double[] {1, 2}, 5));
    SamplerConfig exact = Fixtures.config(0.1, 2, 50, 0.5);
    SamplerConfig nn = exact.withEstimator(EstimatorKind.NN, 30, 50);
    double[] a = ParallelSampler.sample(training, exact, 40, 1);
    double[] b = ParallelSampler.sample(training, nn, 40, 1);
    assertArrayEquals(a, b, 1e-6);
  }
}
