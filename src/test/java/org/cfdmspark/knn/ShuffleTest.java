package org.cfdmspark.knn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ShuffleTest {

  @Test
  void swapsPositionIWithIPlusTheDraw() {
    // Draws of 0 leave the identity; draws of bound − 1 swap i with the last position:
    // [0,1,2,3] → (0↔3) [3,1,2,0] → (1↔3) [3,0,2,1].
    assertArrayEquals(new int[] {0, 1, 2}, Shuffle.firstOf(5, 3, bound -> 0));
    assertArrayEquals(new int[] {3, 0}, Shuffle.firstOf(4, 2, bound -> bound - 1));
    assertArrayEquals(new int[0], Shuffle.firstOf(3, 0, bound -> 0));
  }

  @Test
  void everyOrderedPairIsEquallyLikely() {
    // 4 · 3 = 12 ordered pairs of distinct indices out of 4, each with probability 1/12.
    int draws = 120_000;
    int[] counts = new int[16];
    SplittableRandom random = new SplittableRandom(9);
    for (int i = 0; i < draws; i++) {
      int[] pair = Shuffle.firstOf(4, 2, random::nextInt);
      assertTrue(pair[0] != pair[1], "distinct");
      counts[pair[0] * 4 + pair[1]]++;
    }
    double expected = draws / 12.0;
    double sd = Math.sqrt(expected * (1 - 1 / 12.0));
    for (int a = 0; a < 4; a++) {
      for (int b = 0; b < 4; b++) {
        if (a != b) {
          assertEquals(expected, counts[a * 4 + b], 5 * sd, "pair (" + a + ", " + b + ")");
        }
      }
    }
  }

  @Test
  void refusesToDrawMoreThanThereAre() {
    assertThrows(IllegalArgumentException.class, () -> Shuffle.firstOf(3, 4, bound -> 0));
    assertThrows(IllegalArgumentException.class, () -> Shuffle.firstOf(3, -1, bound -> 0));
  }
}
