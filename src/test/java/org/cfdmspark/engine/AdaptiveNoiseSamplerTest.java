package org.cfdmspark.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.cfdmspark.knn.BruteForceIndex;
import org.cfdmspark.knn.DotProductKernel;
import org.junit.jupiter.api.Test;

/** Noise scaled by the nearest training row's spacing, on points whose nearest rows are worked out by hand. */
class AdaptiveNoiseSamplerTest {
  /** (0, 0) twice, (3, 0), (10, 0), (30, 0): spacings (nearest different row) 3, 3, 3, 7, 20. */
  private static final TrainingSet TRAINING = TrainingSet.of(new double[][] {{0, 0}, {0, 0}, {3, 0}, {10, 0},
      {30, 0}});
  private static final double[] SPACING = {3, 3, 3, 7, 20};
  private static final long SEED = 5;

  /** A sampler that puts sample id at a fixed point of its own: (id mod 31 + 0.5, id mod 7). */
  private static final class FixedPoints implements BlockSampler {
    @Override
    public int blockSize() {
      return 64;
    }

    @Override
    public void sampleBlock(long[] ids, int count, double[] out, int outOffset) {
      for (int b = 0; b < count; b++) {
        out[outOffset + 2 * b] = ids[b] % 31 + 0.5;
        out[outOffset + 2 * b + 1] = ids[b] % 7;
      }
    }
  }

  private static AdaptiveNoiseSampler sampler(double gamma, int[] slots) {
    return new AdaptiveNoiseSampler(new FixedPoints(),
        new BruteForceIndex(TRAINING.points(), DotProductKernel.best()),
        AdaptiveNoiseSampler.bandwidths(gamma, SPACING, slots.length), slots, SEED);
  }

  @Test
  void bandwidthIsGammaTimesSpacingOverRootOfTheSlots() {
    assertArrayEquals(new double[] {3, 3, 3, 7, 20}, AdaptiveNoiseSampler.bandwidths(2, SPACING, 4), 1e-12);
    assertThrows(IllegalArgumentException.class, () -> AdaptiveNoiseSampler.bandwidths(-1, SPACING, 1));
    assertThrows(IllegalArgumentException.class, () -> AdaptiveNoiseSampler.bandwidths(1, SPACING, 0));
  }

  @Test
  void theNoiseHasTheNearestRowsBandwidthOnTheListedSlotsOnly() {
    // Ids ≡ 10 (mod 31) and ≡ 0 (mod 7) sit at (10.5, 0), nearest row (10, 0) with spacing 7: with γ = 2 and one
    // slot, slot 0 gets N(0, 14²); slot 1 keeps 0. Ids ≡ 0 (mod 31) and ≡ 0 (mod 7) sit at (0.5, 0), nearest
    // (0, 0), whose spacing is 3 (its twin skipped): sd 6.
    AdaptiveNoiseSampler noised = sampler(2, new int[] {0});
    double[][] expected = {{10.5, 14}, {0.5, 6}};
    for (double[] at : expected) {
      int n = 20_000;
      double sum = 0;
      double squares = 0;
      long[] ids = new long[1];
      double[] out = new double[2];
      for (int i = 0; i < n; i++) {
        ids[0] = chineseRemainder((long) (at[0] - 0.5), i);
        noised.sampleBlock(ids, 1, out, 0);
        assertEquals(0, out[1], 0, "slot 1 gets no noise");
        double noise = out[0] - at[0];
        sum += noise;
        squares += noise * noise;
      }
      double mean = sum / n;
      double sd = Math.sqrt(squares / n - mean * mean);
      // Standard errors: mean sd/√n ≈ 0.7 %, sd about sd/√(2n) ≈ 0.5 % of sd.
      assertEquals(0, mean, 4 * at[1] / Math.sqrt(n), "mean noise at " + at[0]);
      assertEquals(at[1], sd, 4 * at[1] / Math.sqrt(2.0 * n), "noise sd at " + at[0]);
    }
  }

  /** The i-th id that is ≡ r (mod 31) and ≡ 0 (mod 7): 7 · k with 7k ≡ r (mod 31), plus multiples of 217. */
  private static long chineseRemainder(long r, int i) {
    for (long k = 0; k < 31; k++) {
      if (7 * k % 31 == r) {
        return 7 * k + 217L * i;
      }
    }
    throw new AssertionError();
  }

  @Test
  void aSampleDependsOnItsIdAloneWhateverItsBlock() {
    AdaptiveNoiseSampler noised = sampler(1, new int[] {0, 1});
    int n = 100;
    double[] inOrder = new double[2 * n];
    long[] ids = new long[64];
    for (int first = 0; first < n; first += 64) {
      int size = Math.min(64, n - first);
      for (int b = 0; b < size; b++) {
        ids[b] = first + b;
      }
      noised.sampleBlock(ids, size, inOrder, 2 * first);
    }
    // The same ids backwards, 7 at a time, by a second sampler.
    AdaptiveNoiseSampler other = sampler(1, new int[] {0, 1});
    double[] block = new double[14];
    for (int last = n - 1; last >= 0; last -= 7) {
      int size = Math.min(7, last + 1);
      for (int b = 0; b < size; b++) {
        ids[b] = last - b;
      }
      other.sampleBlock(ids, size, block, 0);
      for (int b = 0; b < size; b++) {
        assertEquals(inOrder[2 * (last - b)], block[2 * b], 0, "id " + (last - b));
        assertEquals(inOrder[2 * (last - b) + 1], block[2 * b + 1], 0, "id " + (last - b));
      }
    }
  }
}
