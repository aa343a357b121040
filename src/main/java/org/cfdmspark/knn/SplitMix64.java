package org.cfdmspark.knn;

/**
 * The SplitMix64 finaliser (Steele, Lea, Flood, "Fast splittable pseudorandom number generators", OOPSLA 2014;
 * the constants of Vigna's variant): a bijective mix of 64 bits whose outputs pass BigCrush for consecutive inputs.
 * The one home of the mixer behind the engine's counter-based random streams and the codec's tie-breaking bits.
 */
public final class SplitMix64 {
  private SplitMix64() {
  }

  public static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
