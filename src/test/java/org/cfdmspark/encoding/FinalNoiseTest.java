package org.cfdmspark.encoding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import org.cfdmspark.knn.SplitMix64;
import org.junit.jupiter.api.Test;

class FinalNoiseTest {
  private static final int N = 200_000;

  @Test
  void drawsAreStandardNormal() {
    double sum = 0;
    double squares = 0;
    int insideOne = 0;
    for (int i = 0; i < N; i++) {
      double g = FinalNoise.gaussian(SplitMix64.mix(i));
      sum += g;
      squares += g * g;
      insideOne += Math.abs(g) < 1 ? 1 : 0;
    }
    double mean = sum / N;
    // 4.5 standard errors: mean 1/√N, variance √(2/N), a binomial share √(p(1 − p)/N)
    assertEquals(0, mean, 4.5 / Math.sqrt(N));
    assertEquals(1, squares / N - mean * mean, 4.5 * Math.sqrt(2.0 / N));
    double p = 0.6826894921370859; // P(|Z| < 1)
    assertEquals(p, insideOne / (double) N, 4.5 * Math.sqrt(p * (1 - p) / N));
  }

  @Test
  void decodingAddsNoiseOfTheStatedStandardDeviation() {
    double h = 0.2;
    NumericColumnCodec x = new NumericColumnCodec("x", NumericType.DOUBLE, 50, 10, 0, 100,
        NumericColumnCodec.UNROUNDED, null, null, false, 0, 0, false, null, null, null, h);
    double[] z = {0.5}; // the barycentre 55
    double sum = 0;
    double squares = 0;
    for (int i = 0; i < N; i++) {
      double v = (Double) x.decode(z, 0, SplitMix64.mix(31L * i + 7));
      sum += v;
      squares += v * v;
    }
    double mean = sum / N;
    double sd = Math.sqrt(squares / N - mean * mean);
    assertEquals(55, mean, 4.5 * 2 / Math.sqrt(N), "centred on the barycentre");
    assertEquals(h * 10, sd, 4.5 * 2 * Math.sqrt(0.5 / N), "h standard deviations of the column");
    NumericColumnCodec plain = new NumericColumnCodec("x", NumericType.DOUBLE, 50, 10, 0, 100,
        NumericColumnCodec.UNROUNDED, null, null, false);
    assertEquals(55.0, plain.decode(z, 0, 12345L), "no final noise: the barycentre itself");
    assertNotEquals(x.decode(z, 0, 1L), x.decode(z, 0, 2L), "the row's bits choose the noise");
    assertEquals(x.decode(z, 0, 1L), x.decode(z, 0, 1L), "and only they do");
  }
}
