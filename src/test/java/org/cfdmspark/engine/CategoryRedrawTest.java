package org.cfdmspark.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** --redraw-categories: a categorical block taken from one of the k nearest reference rows on the other slots. */
class CategoryRedrawTest {
  private static final double H = Math.sqrt(0.5);
  /**
   * Slot 0 a number, slots 1–3 a column of categories a, b, c (one-hot × 1/√2). Near x = 0: a, b, a; further off
   * (x = 0.7–0.9): c. Left out of the distance, the block cannot pull a sample of category c to the c rows (with it
   * in, they would be the nearest: 0.65² < 1, the cost of another category).
   */
  private static final double[][] ROWS = {{0, H, 0, 0}, {0.1, 0, H, 0}, {0.2, H, 0, 0}, {0.7, 0, 0, H},
      {0.8, 0, 0, H}, {0.9, 0, 0, H}};

  private static double[] redrawn(CategoryRedraw redraw, int samples, double[] start) {
    double[] z = new double[samples * 4];
    long[] ids = new long[samples];
    for (int b = 0; b < samples; b++) {
      System.arraycopy(start, 0, z, b * 4, 4);
      ids[b] = b;
    }
    redraw.apply(z, samples, ids, TrainingSet.of(ROWS), 3, new RandomStream(),
        redraw.scratch(TrainingSet.of(ROWS), samples));
    return z;
  }

  @Test
  void aSampleTakesTheCategoryOfOneOfItsKNearestRowsOnTheOtherSlotsUniformly() {
    CategoryRedraw redraw = new CategoryRedraw(new int[] {0, 1, 2, 3, 4, 5}, new int[] {0, 1, 2, 3}, new int[] {1}, new int[] {4},
        new int[] {3});
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
  void theSameTrajectoryRedrawsTheSameInABlockOrAlone() {
    CategoryRedraw redraw = new CategoryRedraw(new int[] {0, 1, 2, 3, 4, 5}, new int[] {0, 1, 2, 3}, new int[] {1}, new int[] {4},
        new int[] {4});
    double[] start = {2.5, H, 0, 0};
    double[] block = redrawn(redraw, 40, start);
    for (int s = 0; s < 40; s++) {
      double[] z = start.clone();
      redraw.apply(z, 1, new long[] {s}, TrainingSet.of(ROWS), 3, new RandomStream(),
          redraw.scratch(TrainingSet.of(ROWS), 1));
      assertArrayEquals(Arrays.copyOfRange(block, s * 4, s * 4 + 4), z, "trajectory " + s);
    }
  }

  @Test
  void selectFindsTheElementOfEachRankAsASortWould() {
    Random random = new Random(5);
    for (int trial = 0; trial < 200; trial++) {
      int n = 1 + random.nextInt(40);
      double[] keys = new double[n];
      for (int i = 0; i < n; i++) {
        keys[i] = random.nextInt(6); // ties, broken by position
      }
      Integer[] sorted = new Integer[n];
      Arrays.setAll(sorted, i -> i);
      Arrays.sort(sorted, Comparator.<Integer>comparingDouble(i -> keys[i]).thenComparing(i -> i));
      for (int rank = 0; rank < n; rank++) {
        int[] order = new int[n];
        Arrays.setAll(order, i -> i);
        assertEquals(sorted[rank], CategoryRedraw.select(keys, order, rank), Arrays.toString(keys) + " rank " + rank);
        int[] first = Arrays.copyOf(order, rank + 1);
        Arrays.sort(first);
        Integer[] expected = Arrays.copyOf(sorted, rank + 1);
        Arrays.sort(expected);
        assertTrue(Arrays.equals(Arrays.stream(expected).mapToInt(i -> i).toArray(), first),
            "the first rank + 1 positions hold the rank + 1 smallest");
      }
    }
  }
}
