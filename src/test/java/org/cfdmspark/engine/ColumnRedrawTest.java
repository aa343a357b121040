package org.cfdmspark.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** --redraw-columns: a column's block taken from one of the k nearest reference rows on the other slots. */
class ColumnRedrawTest {
  private static final double H = Math.sqrt(0.5);
  /** The redrawn column's neighbours by slot 0 alone (its own slots 1–3 weigh nothing). */
  private static final double[][] ONLY_SLOT_0 = {{1, 0, 0, 0}};
  /**
   * Slot 0 a number, slots 1–3 a column of categories a, b, c (one-hot × 1/√2). Near x = 0: a, b, a; further off
   * (x = 0.7–0.9): c. Left out of the distance, the block cannot pull a sample of category c to the c rows (with it
   * in, they would be the nearest: 0.65² < 1, the cost of another category).
   */
  private static final double[][] ROWS = {{0, H, 0, 0}, {0.1, 0, H, 0}, {0.2, H, 0, 0}, {0.7, 0, 0, H},
      {0.8, 0, 0, H}, {0.9, 0, 0, H}};

  private static double[] redrawn(ColumnRedraw redraw, int samples, double[] start) {
    return redrawn(redraw, ROWS, samples, start);
  }

  /** {@code samples} copies of {@code start} (4 slots), trajectories 0, 1, …, redrawn among {@code rows}. */
  private static double[] redrawn(ColumnRedraw redraw, double[][] rows, int samples, double[] start) {
    double[] z = new double[samples * 4];
    long[] ids = new long[samples];
    for (int b = 0; b < samples; b++) {
      System.arraycopy(start, 0, z, b * 4, 4);
      ids[b] = b;
    }
    TrainingSet training = TrainingSet.of(rows);
    redraw.apply(z, samples, ids, training, 3, new RandomStream(), redraw.scratch(training, samples));
    return z;
  }

  /** The shares of categories a, b, c (slots 1–3) among the samples in z. */
  private static double[] categoryShares(double[] z, int samples) {
    double[] shares = new double[3];
    for (int s = 0; s < samples; s++) {
      for (int j = 0; j < 3; j++) {
        shares[j] += z[s * 4 + 1 + j] > 0 ? 1.0 / samples : 0;
      }
    }
    return shares;
  }

  @Test
  void aSampleTakesTheCategoryOfOneOfItsKNearestRowsOnTheOtherSlotsUniformly() {
    ColumnRedraw redraw = new ColumnRedraw(new int[] {0, 1, 2, 3, 4, 5}, new int[] {0, 1, 2, 3}, ONLY_SLOT_0,
        new int[] {1}, new int[] {4}, new int[] {3});
    int samples = 30_000;
    // Its own block says c, as the c rows' do.
    double[] z = redrawn(redraw, samples, new double[] {0.05, 0, 0, H});
    int b = 0;
    for (int s = 0; s < samples; s++) {
      assertEquals(0.05, z[s * 4], 0, "the number slot stays");
      assertEquals(0, z[s * 4 + 3], 0, "the c rows are not among the three nearest on the number");
      assertEquals(H, z[s * 4 + 1] + z[s * 4 + 2], 1e-7, "a row's one-hot block, whole");
      b += z[s * 4 + 2] > 0 ? 1 : 0;
    }
    // One of the three nearest rows uniformly: b with probability 1/3 (binomial sd 0.0027 at 30,000).
    assertEquals(1.0 / 3, b / (double) samples, 0.012);
  }

  @Test
  void aNumberColumnsBlockIsCopiedWholeAndItsUnmeasuredIndicatorNeverPullsTheDistance() {
    // Slot 0 a number x; slots 1–2 a number column: its value and a point-mass indicator, which the distance leaves
    // out (as the report's slots do). Near x = 0 the values 10, 11, 12, no mass; further off the mass (5, 1). The
    // sample's own value and indicator (5, 0.1) must not pull it to the mass rows.
    double[][] rows = {{0, 10, 0}, {0.1, 11, 0}, {0.2, 12, 0}, {0.7, 5, 1}, {0.8, 5, 1}, {0.9, 5, 1}};
    ColumnRedraw redraw = new ColumnRedraw(new int[] {0, 1, 2, 3, 4, 5}, new int[] {0, 1}, new double[][] {{1, 0}},
        new int[] {1}, new int[] {3}, new int[] {3});
    int samples = 30_000;
    double[] z = new double[samples * 3];
    long[] ids = new long[samples];
    for (int s = 0; s < samples; s++) {
      z[s * 3] = 0.05;
      z[s * 3 + 1] = 5;
      z[s * 3 + 2] = 0.1;
      ids[s] = s;
    }
    redraw.apply(z, samples, ids, TrainingSet.of(rows), 3, new RandomStream(),
        redraw.scratch(TrainingSet.of(rows), samples));
    int[] counts = new int[3];
    for (int s = 0; s < samples; s++) {
      assertEquals(0.05, z[s * 3], 0, "the other slot stays");
      assertEquals(0, z[s * 3 + 2], 0, "the indicator comes with the value, from the same row");
      int value = (int) z[s * 3 + 1];
      assertTrue(value >= 10 && value <= 12 && value == z[s * 3 + 1], "one of the three nearest rows' values");
      counts[value - 10]++;
    }
    for (int count : counts) {
      assertEquals(1.0 / 3, count / (double) samples, 0.012);
    }
  }

  @Test
  void theWeightsDecideWhichOtherSlotsMakeANeighbour() {
    // Slot 0 ties the redrawn slot 2 (value 1 near a = 0), slot 1 is spread noise: rows near the sample on slot 1
    // (b = 5) lie at a = 3 and hold 2. Weighted (1, 0.001) the neighbours are those of slot 0; equally, of slot 1.
    double[][] rows = {{0, -5, 1}, {0.1, -4, 1}, {-0.1, -6, 1}, {3, 5, 2}, {3.1, 4.9, 2}, {2.9, 5.1, 2}};
    double[] start = {0, 5, 0};
    for (double[] weights : new double[][] {{1, 0.001}, {1, 1}}) {
      ColumnRedraw redraw = new ColumnRedraw(new int[] {0, 1, 2, 3, 4, 5}, new int[] {0, 1, 2},
          new double[][] {{weights[0], weights[1], 0}}, new int[] {2}, new int[] {3}, new int[] {3});
      double[] z = new double[200 * 3];
      long[] ids = new long[200];
      for (int s = 0; s < 200; s++) {
        System.arraycopy(start, 0, z, s * 3, 3);
        ids[s] = s;
      }
      redraw.apply(z, 200, ids, TrainingSet.of(rows), 3, new RandomStream(), redraw.scratch(TrainingSet.of(rows),
          200));
      for (int s = 0; s < 200; s++) {
        assertEquals(weights[1] < 1 ? 1 : 2, z[s * 3 + 2], 0, "weights " + Arrays.toString(weights));
      }
    }
  }

  @Test
  void theSameTrajectoryRedrawsTheSameInABlockOrAlone() {
    ColumnRedraw redraw = new ColumnRedraw(new int[] {0, 1, 2, 3, 4, 5}, new int[] {0, 1, 2, 3}, ONLY_SLOT_0,
        new int[] {1}, new int[] {4}, new int[] {4});
    double[] start = {2.5, H, 0, 0};
    double[] block = redrawn(redraw, 40, start);
    for (int s = 0; s < 40; s++) {
      double[] z = start.clone();
      redraw.apply(z, 1, new long[] {s}, TrainingSet.of(ROWS), 3, new RandomStream(),
          redraw.scratch(TrainingSet.of(ROWS), 1));
      assertArrayEquals(Arrays.copyOfRange(block, s * 4, s * 4 + 4), z, "trajectory " + s);
    }
  }

  /**
   * The guard's fresh trajectories of sample s (keys s + r · 2^48) redraw its columns as s does, whatever their
   * other values: a round that drew them anew let the guard select them (a column's missing share fell from 31 to
   * 24 %). Keys with bits 60 and up (the pilots') are their own.
   */
  @Test
  void aFreshRoundOfTheGuardRedrawsTheSampleItsOwnWay() {
    ColumnRedraw redraw = new ColumnRedraw(new int[] {0, 1, 2, 3, 4, 5}, new int[] {0, 1, 2, 3}, ONLY_SLOT_0,
        new int[] {1}, new int[] {4}, new int[] {2});
    TrainingSet training = TrainingSet.of(ROWS);
    int samples = 200;
    double[] start = {0.05, H, 0, 0};
    double[] own = redrawn(redraw, samples, start);
    int pilotsDiffer = 0;
    for (int s = 0; s < samples; s++) {
      for (long round : new long[] {1, 7, 64}) {
        double[] z = start.clone();
        redraw.apply(z, 1, new long[] {s + round * ColumnRedraw.FRESH_ROUND_STRIDE}, training, 3, new RandomStream(),
            redraw.scratch(training, 1));
        assertArrayEquals(Arrays.copyOfRange(own, s * 4, s * 4 + 4), z, "sample " + s + ", round " + round);
      }
      double[] pilot = start.clone();
      redraw.apply(pilot, 1, new long[] {(4L << 60) + s}, training, 3, new RandomStream(), redraw.scratch(training, 1));
      pilotsDiffer += Arrays.equals(pilot, 0, 4, own, s * 4, s * 4 + 4) ? 0 : 1;
    }
    // k = 2 among the rows at x = 0 and 0.1 (a and b): a pilot's draw differs from sample s's about half the time.
    assertTrue(pilotsDiffer > samples / 4, pilotsDiffer + " of " + samples + " pilot draws differ");
  }

  /**
   * Ten reference rows equally near every sample (the same x), their categories a, a, a, a, a, b, b, b, c, c in that
   * order, as sorted training rows come, and k = 3: each sample takes its k from its own random start, so the redrawn
   * shares are the ten rows' (0.5, 0.3, 0.2), not those of the first three (all a).
   */
  @Test
  void equallyNearRowsAreSharedOutNotTakenInRowOrder() {
    double[][] rows = new double[10][];
    for (int r = 0; r < 10; r++) {
      rows[r] = new double[] {1, r < 5 ? H : 0, r >= 5 && r < 8 ? H : 0, r >= 8 ? H : 0};
    }
    ColumnRedraw redraw = new ColumnRedraw(new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, new int[] {0, 1, 2, 3},
        ONLY_SLOT_0, new int[] {1}, new int[] {4}, new int[] {3});
    int samples = 30_000;
    double[] shares = categoryShares(redrawn(redraw, rows, samples, new double[] {1, H, 0, 0}), samples);
    // binomial sd at most 0.003 at 30,000 samples
    assertArrayEquals(new double[] {0.5, 0.3, 0.2}, shares, 0.012, Arrays.toString(shares));
  }

  /** k = every reference row: the column takes a uniformly drawn training row's value, whatever the sample's others. */
  @Test
  void withEveryRowAsNeighbourTheColumnTakesTheTrainingShares() {
    ColumnRedraw redraw = new ColumnRedraw(new int[] {0, 1, 2, 3, 4, 5}, new int[] {0, 1, 2, 3}, ONLY_SLOT_0,
        new int[] {1}, new int[] {4}, new int[] {6});
    int samples = 30_000;
    double[] z = redrawn(redraw, samples, new double[] {0.05, 0, 0, H});
    for (int s = 0; s < samples; s++) {
      assertEquals(0.05, z[s * 4], 0, "the number slot stays");
    }
    double[] shares = categoryShares(z, samples);
    // a, b, c in 2, 1 and 3 of the six rows, the nearest on x (a, b, a) no more likely than the others
    assertArrayEquals(new double[] {2 / 6.0, 1 / 6.0, 3 / 6.0}, shares, 0.012, Arrays.toString(shares));
  }
}
