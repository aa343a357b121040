package org.cfdmspark.engine;


/** Seeded uniform permutations (Fisher–Yates, Knuth TAOCP vol. 2, Algorithm 3.4.2 P). */
public final class Permutations {
  private Permutations() {
  }

  /** A uniformly random permutation of 0 … n−1 drawn from {@code random}. */
  public static int[] uniform(int n, RandomStream random) {
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    for (int i = n - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int swap = order[i];
      order[i] = order[j];
      order[j] = swap;
    }
    return order;
  }
}
