package org.cfdmspark.knn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The bounded heap against a full sort: the k smallest (distance, index) pairs, nearest first, for fewer offers
 * than k, exactly k and many more, with many equal distances (ties go to the lower index), whatever the order of
 * the offers, and the same heap reused after a drain.
 */
class BoundedNeighbourHeapTest {

  @Test
  void keepsTheKSmallestPairsNearestFirst() {
    Random random = new Random(5);
    for (int capacity : new int[] {1, 2, 5, 20, 33}) {
      BoundedNeighbourHeap heap = new BoundedNeighbourHeap(capacity);
      for (int offers : new int[] {0, 1, capacity - 1, capacity, capacity + 1, 3 * capacity, 700}) {
        for (int trial = 0; trial < 5; trial++) {
          double[] distances = new double[offers];
          Integer[] order = new Integer[offers];
          for (int i = 0; i < offers; i++) {
            // few distinct values: many ties, decided by the index
            distances[i] = trial % 2 == 0 ? random.nextInt(7) : random.nextGaussian();
            order[i] = i;
          }
          Integer[] shuffled = order.clone();
          java.util.Collections.shuffle(Arrays.asList(shuffled), random);
          heap.reset();
          for (int i : shuffled) {
            heap.offer(distances[i], i);
          }
          int kept = Math.min(capacity, offers);
          int[] actual = new int[kept];
          heap.drainNearestFirst(actual, 0);
          Arrays.sort(order, Comparator.<Integer>comparingDouble(i -> distances[i]).thenComparingInt(i -> i));
          int[] expected = new int[kept];
          for (int i = 0; i < kept; i++) {
            expected[i] = order[i];
          }
          assertArrayEquals(expected, actual, "capacity " + capacity + ", " + offers + " offers, trial " + trial);
        }
      }
    }
  }

  @Test
  void aHeapResetToRankPlusOneHoldsThePairOfThatRankAtItsRoot() {
    Random random = new Random(8);
    BoundedNeighbourHeap heap = new BoundedNeighbourHeap(40);
    for (int trial = 0; trial < 200; trial++) {
      int n = 1 + random.nextInt(60);
      double[] distances = new double[n];
      for (int i = 0; i < n; i++) {
        distances[i] = random.nextInt(6); // ties, broken by the index
      }
      Integer[] sorted = new Integer[n];
      Arrays.setAll(sorted, i -> i);
      Arrays.sort(sorted, Comparator.<Integer>comparingDouble(i -> distances[i]).thenComparingInt(i -> i));
      for (int rank = 0; rank < Math.min(n, 40); rank++) {
        heap.reset(rank + 1);
        for (int i = 0; i < n; i++) {
          heap.offer(distances[i], i);
        }
        assertEquals(sorted[rank], heap.worstIndex(), Arrays.toString(distances) + " rank " + rank);
      }
    }
    heap.reset(3);
    heap.offer(1, 0);
    assertThrows(IllegalStateException.class, heap::worstIndex, "two offers short of the rank");
    assertThrows(IllegalArgumentException.class, () -> heap.reset(41), "past the heap's arrays");
  }
}
