package org.cfdmspark.knn;

import java.util.Arrays;
import java.util.function.IntUnaryOperator;

/**
 * Uniform sampling of distinct indices by the partial Fisher–Yates shuffle (Durstenfeld 1964; Knuth, TAOCP
 * vol. 2, §3.4.2, Algorithm P), over whatever seeded generator the caller keeps: k-means' sample of rows here,
 * the metrics' subsamples and folds (through {@code metrics.Subsample}).
 */
public final class Shuffle {
  private Shuffle() {
  }

  /**
   * {@code count} distinct indices out of [0, n), uniformly, in draw order: for i = 0 … count−1, position i is
   * swapped with position i + uniformBelow(n − i) of the identity permutation. O(n) memory.
   *
   * @param uniformBelow a uniform integer in [0, bound) for a bound ≥ 1, e.g. a seeded generator's {@code nextInt}
   * @throws IllegalArgumentException unless 0 ≤ count ≤ n
   */
  public static int[] firstOf(int n, int count, IntUnaryOperator uniformBelow) {
    if (count < 0 || count > n) {
      throw new IllegalArgumentException("cannot draw " + count + " of " + n + " rows");
    }
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    for (int i = 0; i < count; i++) {
      int j = i + uniformBelow.applyAsInt(n - i);
      int swap = order[i];
      order[i] = order[j];
      order[j] = swap;
    }
    return Arrays.copyOf(order, count);
  }
}
