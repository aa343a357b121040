package org.cfdmspark.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import java.util.Random;
import org.cfdmspark.knn.BruteForceIndex;
import org.cfdmspark.knn.DotProductKernel;
import org.junit.jupiter.api.Test;

/**
 * --category-draw row in the engine: a posterior mean draws a training row by its weight (Gumbel-max), and the flow
 * takes the drawn row's values in the row slots at its last step.
 */
class RowDrawTest {
  /** χ² quantile 0.999 for 5 degrees of freedom: a correct draw fails one run in a thousand. */
  private static final double CHI2_5DF_999 = 20.52;

  private static final double[][] ROWS = {{0, 0}, {1, 0}, {0, 1}, {1, 1}, {0.5, 0.4}, {2, 2}};

  @Test
  void drawnRowsFollowTheWeightsOfTheClosedFormPosteriorMean() {
    TrainingSet training = TrainingSet.of(ROWS);
    double t = 0.6;
    double[] q = {0.4, 0.3};
    double[] weights = Fixtures.referenceWeights(ROWS, q, t);
    int queries = 100_000;
    double[] block = new double[queries * 2];
    long[] keys = new long[queries];
    long[] drawKeys = new long[queries];
    for (int k = 0; k < queries; k++) {
      System.arraycopy(q, 0, block, 2 * k, 2);
      drawKeys[k] = RandomStream.key(3, k, 7, RandomStream.Purpose.ROW_DRAW);
    }
    int[] drawn = new int[queries];
    new ExactPosteriorMean(training, DotProductKernel.best()).estimate(block, queries, t, keys, new double[2 * queries],
        drawKeys, drawn);
    int[] counts = new int[ROWS.length];
    for (int row : drawn) {
      counts[row]++;
    }
    double chiSquare = 0;
    for (int i = 0; i < ROWS.length; i++) {
      double expected = weights[i] * queries;
      chiSquare += (counts[i] - expected) * (counts[i] - expected) / expected;
    }
    assertTrue(chiSquare < CHI2_5DF_999, "chi-square " + chiSquare + " for counts " + java.util.Arrays.toString(counts)
        + " against weights " + java.util.Arrays.toString(weights));
  }

  @Test
  void theDrawDependsOnTheKeyAndTheWeightsNotOnTheOrderOfTheRows() {
    // The nn estimator with K + L ≥ N weighs every row as the exact one does, in another order (neighbours first).
    TrainingSet training = TrainingSet.of(ROWS);
    NearestNeighbourPosteriorMean nn = new NearestNeighbourPosteriorMean(training,
        new BruteForceIndex(training.points(), DotProductKernel.best()), 3, 10);
    ExactPosteriorMean exact = new ExactPosteriorMean(training, DotProductKernel.best());
    Random random = new Random(5);
    int queries = 500;
    double[] block = new double[queries * 2];
    long[] keys = new long[queries];
    long[] drawKeys = new long[queries];
    for (int k = 0; k < queries; k++) {
      block[2 * k] = 2 * random.nextDouble();
      block[2 * k + 1] = 2 * random.nextDouble();
      drawKeys[k] = random.nextLong();
    }
    int[] byNn = new int[queries];
    int[] byExact = new int[queries];
    nn.estimate(block, queries, 0.5, keys, new double[2 * queries], drawKeys, byNn);
    exact.estimate(block, queries, 0.5, keys, new double[2 * queries], drawKeys, byExact);
    assertArrayEquals(byExact, byNn);
  }

  @Test
  void theLastStepTakesTheRowSlotsFromOneRowDrawnByItsWeightInTheBarycentre() {
    // A number column and a two-level category (one-hot in slots 1 and 2), independent of it, 80 : 20. A wide σ
    // mixes rows of both categories in every barycentre. The same trajectories without row slots end on the
    // barycentres themselves, whose minority slot is the minority's weight: the drawn rows must hold the minority
    // category that often on average (E[x_drawn] = x̂^σ), where the vote gives it less.
    Random random = new Random(11);
    double[][] rows = new double[400][];
    for (int i = 0; i < rows.length; i++) {
      boolean minority = i % 5 == 0;
      rows[i] = new double[] {random.nextGaussian(), minority ? 0 : 1, minority ? 1 : 0};
    }
    TrainingSet training = TrainingSet.of(rows);
    SamplerConfig config = Fixtures.config(1.0, 4, 20, 0.8);
    int samples = 10_000;
    double[] barycentres = new double[samples * 3];
    double[] drawn = new double[samples * 3];
    new FlowSampler(training, config, new ExactPosteriorMean(training, DotProductKernel.best()), 64)
        .sample(0, samples, barycentres);
    new FlowSampler(training, config, new ExactPosteriorMean(training, DotProductKernel.best()), 64,
        new int[] {1, 2}).sample(0, samples, drawn);
    double minorityWeight = 0;
    int votedMinority = 0;
    int drawnMinority = 0;
    for (int s = 0; s < samples; s++) {
      minorityWeight += barycentres[3 * s + 2];
      votedMinority += barycentres[3 * s + 2] > barycentres[3 * s + 1] ? 1 : 0;
      assertTrue(drawn[3 * s + 1] + drawn[3 * s + 2] == 1 && drawn[3 * s + 1] * drawn[3 * s + 2] == 0,
          "sample " + s + "'s block is one row's one-hot");
      drawnMinority += drawn[3 * s + 2] == 1 ? 1 : 0;
      assertEquals(barycentres[3 * s], drawn[3 * s], "the number slot is the barycentre's either way");
    }
    double weightShare = minorityWeight / samples;
    double drawShare = drawnMinority / (double) samples;
    double voteShare = votedMinority / (double) samples;
    // A sum of independent draws around their weights: standard error at most 0.5 / √samples = 0.005.
    assertEquals(weightShare, drawShare, 0.02, "drawn share against the barycentres' weight (vote: " + voteShare + ")");
    assertTrue(Math.abs(voteShare - weightShare) > 0.05, "the vote moves it: " + voteShare + " against " + weightShare);
  }
}
