package org.cfdmspark.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import java.util.Random;
import org.junit.jupiter.api.Test;

class IvfPosteriorMeanTest {

  @Test
  void nnWithAnIvfIndexStaysCloseToTheExactPosteriorMean() {
    double[][] x = Fixtures.gaussian(8000, Fixtures.constant(8, 1), 31);
    TrainingSet training = TrainingSet.of(x);
    double[][] stored = Fixtures.rowsOf(training);
    double rms = Fixtures.rmsNorm(stored);
    SamplerConfig config = Fixtures.config(0.1, 4, 100, 0.8).withEstimator(EstimatorKind.NN, 20, 20)
        .withIndex(IndexKind.IVF, 0, 0);
    NeighbourSearch search = NeighbourSearch.prepare(training, config);
    assertNotNull(search.cells());
    PosteriorMean ivf = PosteriorMeans.create(training, config, search);
    PosteriorMean exact = PosteriorMeans.create(training, config.withEstimator(EstimatorKind.EXACT, 20, 20));
    Random random = new Random(2);
    double t = 0.9;
    double error = 0;
    int queries = 50;
    for (int probe = 0; probe < queries; probe++) {
      double[] q = Fixtures.noisedPoint(stored, t, random);
      double[] expected = Fixtures.estimate(exact, q, t, 0);
      error += Fixtures.distance(Fixtures.estimate(ivf, q, t, random.nextLong()), 0, expected, 0, 8) / rms / queries;
    }
    assertTrue(error <= 0.05, "mean relative error " + error + " with " + search.probes() + " of "
        + search.cells().cells() + " cells");
  }

  @Test
  void autoPicksIvfOnlyForLargeTrainingSetsAndOnlyForTheNnEstimator() {
    TrainingSet small = TrainingSet.of(Fixtures.gaussian(100, Fixtures.constant(2, 1), 1));
    SamplerConfig nn = Fixtures.config(0.1, 2, 10, 0.5).withEstimator(EstimatorKind.NN, 5, 5);
    assertEquals(IndexKind.AUTO, nn.index());
    assertNull(NeighbourSearch.prepare(small, nn).cells());
    assertNull(NeighbourSearch.prepare(small, nn.withEstimator(EstimatorKind.EXACT, 5, 5)
        .withIndex(IndexKind.IVF, 0, 0)).cells());
    NeighbourSearch fixed = NeighbourSearch.prepare(small, nn.withIndex(IndexKind.IVF, 10, 3));
    assertEquals(10, fixed.cells().cells());
    assertEquals(3, fixed.probes());
  }
}
