package org.cfdmspark.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** --parent-noise: an affine combination of a sample's parents with Gaussian weights, on the listed slots. */
class ParentNoiseTest {
  private static final double[][] PARENTS = {{0, 0, 7}, {4, 0, 7}, {0, 2, 7}, {2, -2, 7}};

  /** Applies τ-noise to {@code samples} copies of the parents' barycentre, trajectory ids 0 … samples−1. */
  private static double[] noisedBarycentres(double tau, int[] parents, int samples) {
    TrainingSet training = TrainingSet.of(PARENTS);
    double[] z = new double[samples * 3];
    int[] drawn = new int[samples * parents.length];
    long[] ids = new long[samples];
    for (int b = 0; b < samples; b++) {
      for (int m = 0; m < parents.length; m++) {
        drawn[b * parents.length + m] = parents[m];
        for (int j = 0; j < 3; j++) {
          z[b * 3 + j] += PARENTS[parents[m]][j] / parents.length;
        }
      }
      ids[b] = b;
    }
    new ParentNoise(tau, new int[] {0, 1}).apply(z, samples, ids, drawn, parents.length, training, 11,
        new RandomStream(), new double[parents.length]);
    return z;
  }

  @Test
  void theShiftHasMeanZeroAndTauSquaredTimesTheParentsCovariance() {
    // Barycentre (1.5, 0); deviations (−1.5, 0), (2.5, 0), (−1.5, 2), (0.5, −2): (1/4)·Σ dev·devᵀ, by hand,
    // = [[11, −4], [−4, 8]] / 4.
    double tau = 0.7;
    int samples = 200_000;
    double[] z = noisedBarycentres(tau, new int[] {0, 1, 2, 3}, samples);
    double mx = 0;
    double my = 0;
    for (int b = 0; b < samples; b++) {
      mx += z[b * 3] - 1.5;
      my += z[b * 3 + 1];
    }
    mx /= samples;
    my /= samples;
    double xx = 0;
    double yy = 0;
    double xy = 0;
    for (int b = 0; b < samples; b++) {
      double dx = z[b * 3] - 1.5;
      double dy = z[b * 3 + 1];
      xx += dx * dx;
      yy += dy * dy;
      xy += dx * dy;
      assertEquals(7, z[b * 3 + 2], 1e-12, "a slot not listed must not move");
    }
    double t2 = tau * tau;
    assertEquals(0, mx, 0.01);
    assertEquals(0, my, 0.01);
    assertEquals(t2 * 11 / 4, xx / samples, 0.03);
    assertEquals(t2 * 8 / 4, yy / samples, 0.03);
    assertEquals(t2 * -4 / 4, xy / samples, 0.03);
  }

  @Test
  void samplesStayInTheAffineSpanOfTheirParents() {
    // Parents 1 and 2, (4, 0) and (0, 2), span the line x + 2y = 4, which misses the origin: weights that did not
    // sum to 1 would leave it.
    double[] line = noisedBarycentres(2, new int[] {1, 2, 2, 1}, 1000);
    for (int b = 0; b < 1000; b++) {
      assertEquals(4, line[b * 3] + 2 * line[b * 3 + 1], 1e-9, "sample " + b + " left the line of its two parents");
    }
    assertTrue(Arrays.stream(line).filter(v -> v < -1 || v > 5).count() > 0,
        "with τ = 2 some samples should extrapolate beyond the parents");
  }

  @Test
  void aSampleWhoseDrawsAllLandOnOneRowOrOnNoWeightsStaysWhereItIs() {
    double[] same = noisedBarycentres(1, new int[] {2, 2, 2, 2}, 50);
    for (int b = 0; b < 50; b++) {
      assertArrayEquals(PARENTS[2], Arrays.copyOfRange(same, b * 3, b * 3 + 3), 1e-12);
    }
    double[] z = {1, 2, 3};
    new ParentNoise(1, new int[] {0, 1}).apply(z, 1, new long[] {0}, new int[] {0, -1}, 2, TrainingSet.of(PARENTS),
        1, new RandomStream(), new double[2]);
    assertArrayEquals(new double[] {1, 2, 3}, z, "an estimator without row weights gives no parents");
  }

  @Test
  void theFlowWithParentNoiseDependsOnTheTrajectoryAloneAndMovesOnlyTheListedSlots() {
    TrainingSet training = TrainingSet.of(Fixtures.gaussian(400, new double[] {1, 0.5, 2, 1}, 3));
    SamplerConfig config = Fixtures.config(0.3, 4, 20, 0.8).withSeed(5);
    ParentNoise noise = new ParentNoise(0.8, new int[] {0, 2});
    int count = 130;
    double[] plain = new double[count * 4];
    new FlowSampler(training, config, PosteriorMeans.create(training, config), 64).sample(0, count, plain);
    double[] reference = null;
    for (int blockSize : new int[] {1, 7, 64}) {
      double[] out = new double[count * 4];
      new FlowSampler(training, config, PosteriorMeans.create(training, config), blockSize, new int[0], noise)
          .sample(0, count, out);
      if (reference == null) {
        reference = out;
      }
      assertArrayEquals(reference, out, "block size " + blockSize);
    }
    int moved = 0;
    for (int b = 0; b < count; b++) {
      assertEquals(plain[b * 4 + 1], reference[b * 4 + 1], 0, "slot 1 is not listed");
      assertEquals(plain[b * 4 + 3], reference[b * 4 + 3], 0, "slot 3 is not listed");
      moved += plain[b * 4] != reference[b * 4] ? 1 : 0;
    }
    assertTrue(moved > count / 2, "only " + moved + " of " + count + " samples moved");
    assertFalse(Arrays.equals(plain, reference));
  }

  @Test
  void aNegativeOrInfiniteScaleIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> new ParentNoise(-0.1, new int[] {0}));
    assertThrows(IllegalArgumentException.class, () -> new ParentNoise(Double.POSITIVE_INFINITY, new int[] {0}));
    assertFalse(new ParentNoise(0, new int[] {0}).active());
    assertFalse(new ParentNoise(1, new int[0]).active());
  }
}
