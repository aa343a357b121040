package org.cfdmspark.encoding;

import org.cfdmspark.knn.SplitMix64;

/**
 * A keyed shuffle of the slots 0 … n−1, evaluated one slot at a time: a four-round Feistel network on the
 * smallest even number of bits that holds n − 1, walked along its cycle until it lands below n ("cycle walking",
 * Black and Rogaway 2002). Both steps are bijections, so distinct slots give distinct results, and a slot's result
 * depends only on (slot, n, key): the same on any executor, in any order. Fewer than 4 steps are expected per
 * slot (the Feistel domain holds fewer than 4n values).
 */
final class KeyPermutation {
  private static final int ROUNDS = 4;
  private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

  private KeyPermutation() {
  }

  /**
   * The slot that {@code slot} moves to.
   *
   * @param slot in [0, n)
   * @param n the number of slots, at least 1
   * @param key selects the shuffle
   */
  static long apply(long slot, long n, long key) {
    if (n < 1 || slot < 0 || slot >= n) {
      throw new IllegalArgumentException("slot " + slot + " is not among the " + n + " slots");
    }
    int bits = 64 - Long.numberOfLeadingZeros(n - 1);
    int half = (bits + 1) / 2;
    long x = slot;
    do {
      x = feistel(x, half, key);
    } while (Long.compareUnsigned(x, n) >= 0);
    return x;
  }

  private static long feistel(long x, int half, long key) {
    long mask = half == 32 ? 0xFFFFFFFFL : (1L << half) - 1;
    long left = (x >>> half) & mask;
    long right = x & mask;
    for (int round = 0; round < ROUNDS; round++) {
      long next = left ^ (SplitMix64.mix(right ^ SplitMix64.mix(key + (round + 1) * GOLDEN_GAMMA)) & mask);
      left = right;
      right = next;
    }
    return left << half | right;
  }
}
