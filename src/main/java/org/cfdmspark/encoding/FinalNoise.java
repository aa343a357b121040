package org.cfdmspark.encoding;

import org.cfdmspark.knn.SplitMix64;

/**
 * The standard normal draw behind the final noise of a number column ({@link NumericColumnCodec}): Box–Muller on two
 * uniforms made from the column's row bits (the bits {@link Vote} breaks ties with, mixed apart from them), so a
 * sample's noise, like the rest of its row, depends on its id alone, whatever the partitioning.
 */
final class FinalNoise {
  private static final long SALT = 0x6A09E667F3BCC909L;
  private static final double UNIT = 0x1.0p-53;

  private FinalNoise() {
  }

  /** A N(0, 1) value determined by {@code bits}. */
  static double gaussian(long bits) {
    long a = SplitMix64.mix(bits ^ SALT);
    long b = SplitMix64.mix(a + SALT);
    double u1 = ((a >>> 11) + 0.5) * UNIT; // in (0, 1): the log is finite
    double u2 = (b >>> 11) * UNIT;
    return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  }
}
