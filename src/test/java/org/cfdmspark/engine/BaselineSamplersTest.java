package org.cfdmspark.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/** The baselines of --generator on tiny tables whose neighbours and combinations are worked out by hand. */
class BaselineSamplersTest {
  /**
   * Seven points, no three on a line, whose 5 nearest others are all others but the farthest: P6 = (10, −1) is
   * the farthest from each of P0..P5 (e.g. from P4: 7.07 vs 6.40 to P0; from P5: 8.60 vs 7.81 to P0), and P2 is
   * the farthest from P6 (10.2 vs 10.05 to P0).
   */
  private static final double[][] SEVEN = {{0, 0}, {1, 0}, {0, 1}, {1, 1}, {5, 4}, {5, 6}, {10, -1}};
  private static final long SEED = 42;

  private static double[] sample(BlockSampler sampler, long firstId, int count, int d) {
    double[] out = new double[count * d];
    long[] ids = new long[sampler.blockSize()];
    double[] block = new double[sampler.blockSize() * d];
    for (int done = 0; done < count; done += ids.length) {
      int size = Math.min(ids.length, count - done);
      for (int b = 0; b < size; b++) {
        ids[b] = firstId + done + b;
      }
      sampler.sampleBlock(ids, size, block, 0);
      System.arraycopy(block, 0, out, done * d, size * d);
    }
    return out;
  }

  /** λ in [0, 1] with s = a + λ (b − a), or NaN when s is not on the segment a–b (2-D, tolerance 1e-9). */
  private static double onSegment(double[] s, int at, double[] a, double[] b) {
    double dx = b[0] - a[0];
    double dy = b[1] - a[1];
    double lambda = Math.abs(dx) >= Math.abs(dy) ? (s[at] - a[0]) / dx : (s[at + 1] - a[1]) / dy;
    boolean on = Math.abs(a[0] + lambda * dx - s[at]) < 1e-9 && Math.abs(a[1] + lambda * dy - s[at + 1]) < 1e-9;
    return on && lambda >= -1e-12 && lambda <= 1 + 1e-12 ? lambda : Double.NaN;
  }

  @Test
  void copyReturnsTrainingRowsDrawnUniformly() {
    TrainingSet training = TrainingSet.of(SEVEN);
    double[] samples = sample(new TrainingRowSampler(training, SEED, 0), 0, 7000, 2);
    int[] counts = new int[SEVEN.length];
    for (int s = 0; s < 7000; s++) {
      double[] row = Arrays.copyOfRange(samples, 2 * s, 2 * s + 2);
      int match = -1;
      for (int i = 0; i < SEVEN.length; i++) {
        match = Arrays.equals(row, SEVEN[i]) ? i : match;
      }
      assertTrue(match >= 0, "sample " + s + " " + Arrays.toString(row) + " is no training row");
      counts[match]++;
    }
    for (int count : counts) {
      // 1000 expected per row; 5 binomial sd ≈ 5 · 29.
      assertTrue(Math.abs(count - 1000) < 150, "uniform draws: " + Arrays.toString(counts));
    }
  }

  @Test
  void smoteSamplesLieOnSegmentsToOneOfTheFiveNearestWithUniformLambda() {
    TrainingSet training = TrainingSet.of(SEVEN);
    int count = 4000;
    double[] samples = sample(new SmoteSampler(training, NeighbourSearch.EXACT, SEED, 0), 0, count, 2);
    double lambdaSum = 0;
    Set<List<Integer>> used = new HashSet<>();
    for (int s = 0; s < count; s++) {
      boolean found = false;
      for (int a = 0; a < SEVEN.length && !found; a++) {
        for (int b = 0; b < SEVEN.length && !found; b++) {
          boolean fiveNearest = a != b && (a == 6 ? b != 2 : b != 6);
          double lambda = fiveNearest ? onSegment(samples, 2 * s, SEVEN[a], SEVEN[b]) : Double.NaN;
          if (!Double.isNaN(lambda)) {
            found = true;
            lambdaSum += Math.min(lambda, 1 - lambda); // symmetric in which end is the anchor
            used.add(List.of(Math.min(a, b), Math.max(a, b)));
          }
        }
      }
      assertTrue(found, "sample " + s + " (" + samples[2 * s] + ", " + samples[2 * s + 1] + ") lies on no "
          + "segment from a row to one of its 5 nearest");
    }
    // min(λ, 1 − λ) of a uniform λ is uniform on [0, ½]: mean ¼, sd 0.144/√4000 ≈ 0.0023.
    assertEquals(0.25, lambdaSum / count, 0.012);
    // P6's segments are drawn too: the pairs used are the 15 of P0..P5 and P6 with its 5 nearest.
    assertEquals(15 + 5, used.size(), "pairs used: " + used);
  }

  @Test
  void mixupCombinesARowWithItsNearestRowsOnly() {
    // Two clusters far apart: with M = 3 each row mixes with the other two of its cluster.
    double[][] rows = {{0}, {1}, {2}, {10}, {11}, {12}};
    TrainingSet training = TrainingSet.of(rows);
    int count = 3000;
    double[] samples = sample(new MixupSampler(training, NeighbourSearch.EXACT, 3, SEED, 0), 0, count, 1);
    int low = 0;
    double lowSum = 0;
    for (double v : samples) {
      boolean inLow = v >= 0 && v <= 2;
      assertTrue(inLow || v >= 10 && v <= 12, "sample " + v + " mixes the clusters");
      assertFalse(v == Math.rint(v) && v != 1 && v != 11, "sample " + v + " is a training row");
      low += inLow ? 1 : 0;
      lowSum += inLow ? v : 0;
    }
    assertEquals(0.5, low / (double) count, 0.05);
    // Flat Dirichlet weights over {0, 1, 2}: each weight has mean 1/3, so the mean is 1.
    assertEquals(1.0, lowSum / low, 0.03);
  }

  @Test
  void copulaReproducesTheCorrelationOfABivariateNormal() {
    double rho = 0.7;
    java.util.Random random = new java.util.Random(3);
    double[][] rows = new double[4000][];
    for (int i = 0; i < rows.length; i++) {
      double x = random.nextGaussian();
      rows[i] = new double[] {x, rho * x + Math.sqrt(1 - rho * rho) * random.nextGaussian()};
    }
    GaussianCopula copula = GaussianCopula.fit(TrainingSet.of(rows));
    // Normal scores of normal data are the data up to ranks: their correlation is ρ (sd ≈ (1 − ρ²)/√N ≈ 0.008).
    assertEquals(rho, copula.correlation()[0][1], 0.03);
    double[] samples = sample(copula.sampler(SEED, 0), 0, 4000, 2);
    double[] mean = new double[2];
    double[] sq = new double[2];
    double cross = 0;
    int n = 4000;
    for (int s = 0; s < n; s++) {
      for (int j = 0; j < 2; j++) {
        mean[j] += samples[2 * s + j] / n;
        sq[j] += samples[2 * s + j] * samples[2 * s + j] / n;
      }
      cross += samples[2 * s] * samples[2 * s + 1] / n;
    }
    double sd0 = Math.sqrt(sq[0] - mean[0] * mean[0]);
    double sd1 = Math.sqrt(sq[1] - mean[1] * mean[1]);
    assertEquals(0, mean[0], 0.06);
    assertEquals(1, sd0, 0.05);
    assertEquals(1, sd1, 0.05);
    assertEquals(rho, (cross - mean[0] * mean[1]) / (sd0 * sd1), 0.04);
  }

  @Test
  void copulaKeepsAConstantColumnAndComplementaryOneHotColumns() {
    // Column 0 constant; columns 1 and 2 a one-hot pair (30 % / 70 %): R is singular (scores of 2 = − scores of 1).
    double[][] rows = new double[1000][];
    for (int i = 0; i < rows.length; i++) {
      boolean first = i % 10 < 3;
      rows[i] = new double[] {4, first ? 1 : 0, first ? 0 : 1};
    }
    GaussianCopula copula = GaussianCopula.fit(TrainingSet.of(rows));
    assertEquals(-1, copula.correlation()[1][2], 1e-9);
    assertEquals(0, copula.correlation()[0][1], 0);
    double[] samples = sample(copula.sampler(SEED, 0), 0, 2000, 3);
    int firstHot = 0;
    for (int s = 0; s < 2000; s++) {
      assertEquals(4, samples[3 * s], 0, "the constant column stays constant");
      assertEquals(1, samples[3 * s + 1] + samples[3 * s + 2], 0.02, "one of the pair is hot");
      firstHot += samples[3 * s + 1] > 0.5 ? 1 : 0;
    }
    assertEquals(0.3, firstHot / 2000.0, 0.035);
  }

  @Test
  void aSampleDependsOnItsIdAndAttemptOnlyNotOnItsBlock() {
    TrainingSet training = TrainingSet.of(SEVEN);
    GaussianCopula copula = GaussianCopula.fit(training);
    List<IntFunction<BlockSampler>> samplers = List.of(
        attempt -> new TrainingRowSampler(training, SEED, attempt),
        attempt -> new SmoteSampler(training, NeighbourSearch.EXACT, SEED, attempt),
        attempt -> new MixupSampler(training, NeighbourSearch.EXACT, 4, SEED, attempt),
        attempt -> copula.sampler(SEED, attempt));
    for (IntFunction<BlockSampler> make : samplers) {
      double[] together = sample(make.apply(0), 100, 10, 2);
      double[] alone = new double[2];
      make.apply(0).sampleBlock(new long[] {107}, 1, alone, 0);
      assertArrayEquals(Arrays.copyOfRange(together, 14, 16), alone, 0, "sample 107 alone and in its block");
      double[] reversed = new double[20];
      long[] ids = new long[10];
      for (int b = 0; b < 10; b++) {
        ids[b] = 109 - b;
      }
      make.apply(0).sampleBlock(ids, 10, reversed, 0);
      for (int b = 0; b < 10; b++) {
        assertArrayEquals(Arrays.copyOfRange(together, 2 * (9 - b), 2 * (10 - b)),
            Arrays.copyOfRange(reversed, 2 * b, 2 * b + 2), 0);
      }
      double[] retry = sample(make.apply(1), 100, 10, 2);
      assertFalse(Arrays.equals(together, retry), "the guard's attempt 1 draws anew");
    }
  }

  @Test
  void standardNormalMatchesTabulatedValues() {
    assertEquals(1.959963985, StandardNormal.quantile(0.975), 1e-8);
    assertEquals(-2.326347874, StandardNormal.quantile(0.01), 1e-8);
    assertEquals(0, StandardNormal.quantile(0.5), 1e-12);
    assertEquals(0.975, StandardNormal.cdf(1.959963985), 1e-7);
    assertEquals(0.841344746, StandardNormal.cdf(1), 1e-7);
    assertEquals(0.158655254, StandardNormal.cdf(-1), 1e-7);
    assertEquals(0.5, StandardNormal.cdf(0), 1e-7);
  }
}
