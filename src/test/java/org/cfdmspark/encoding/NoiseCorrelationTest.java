package org.cfdmspark.encoding;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import java.util.List;
import java.util.Random;
import org.apache.spark.sql.types.DataTypes;
import org.cfdmspark.knn.SplitMix64;
import org.cfdmspark.metrics.CorrelationSimilarity;
import org.junit.jupiter.api.Test;

/** The final noise's draws mixed to the training rows' correlation: against the analytic factor and by sampling. */
class NoiseCorrelationTest {
  private static final int N = 100_000;

  @Test
  void twoColumnsGetTheTwoByTwoCholeskyFactor() {
    // Columns a and b = 0.6 a + 0.8 e with a, e independent N(0, 1): R = [[1, 0.6], [0.6, 1]],
    // L = [[1, 0], [ρ, √(1 − ρ²)]] with ρ the sample correlation, computed here by its textbook formula.
    Random random = new Random(3);
    double[] a = new double[N];
    double[] b = new double[N];
    for (int i = 0; i < N; i++) {
      a[i] = random.nextGaussian();
      b[i] = 0.6 * a[i] + 0.8 * random.nextGaussian();
    }
    double rho = CorrelationSimilarity.pearson(a, b);
    assertEquals(0.6, rho, 0.01, "the data's own correlation");
    NoiseCorrelation mixing = NoiseCorrelation.fit(new double[][] {a, null, b});
    assertArrayEquals(new int[] {0, 2}, mixing.columns(), "the column without readings is not mixed");
    assertArrayEquals(new double[] {1, rho, Math.sqrt(1 - rho * rho)}, mixing.factor(), 1e-9);
    assertEquals(rho, mixing.correlation(0, 1), 1e-9);
  }

  @Test
  void mixedDrawsHaveTheTrainingCorrelationAndUnitVariance() {
    Random random = new Random(11);
    double[][] columns = new double[3][2000];
    for (int i = 0; i < 2000; i++) {
      double common = random.nextGaussian();
      columns[0][i] = common + 0.3 * random.nextGaussian();
      columns[1][i] = -2 * common + random.nextGaussian();
      columns[2][i] = random.nextGaussian();
    }
    NoiseCorrelation mixing = NoiseCorrelation.fit(columns);
    double[][] mixed = new double[3][N];
    for (int i = 0; i < N; i++) {
      double[] draws = new double[4];
      for (int c = 0; c < 3; c++) {
        draws[c] = FinalNoise.gaussian(SplitMix64.mix(4L * i + c));
      }
      draws[3] = 7; // not a mixed column: left as it is
      mixing.mix(draws);
      assertEquals(7, draws[3]);
      for (int c = 0; c < 3; c++) {
        mixed[c][i] = draws[c];
      }
    }
    // 4.5 standard errors of a correlation estimate, (1 − r²)/√N, and of a variance, √(2/N)
    for (int j = 0; j < 3; j++) {
      assertEquals(1, variance(mixed[j]), 4.5 * Math.sqrt(2.0 / N), "column " + j + " keeps its noise");
      for (int k = 0; k < j; k++) {
        double expected = CorrelationSimilarity.pearson(columns[j], columns[k]);
        double tolerance = 4.5 * (1 - expected * expected) / Math.sqrt(N) + 1e-3;
        assertEquals(expected, CorrelationSimilarity.pearson(mixed[j], mixed[k]), tolerance,
            "columns " + j + " and " + k);
      }
    }
  }

  @Test
  void missingCellsCountAtTheMeanAndColumnsWithoutSpreadAreLeftOut() {
    double[] x = {1, 2, 3, 4, Double.NaN, 6};
    double[] y = {2, 4, 6, 8, 100, Double.NaN};
    double[] constant = {5, 5, 5, 5, 5, 5};
    double[] onlyMissing = {Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN};
    NoiseCorrelation mixing = NoiseCorrelation.fit(new double[][] {x, constant, y, onlyMissing});
    assertArrayEquals(new int[] {0, 2}, mixing.columns());
    // Centred with missing cells as 0:
    // x − 3.2 = (−2.2, −1.2, −0.2, 0.8, 0, 2.8), y − 24 = (−22, −20, −18, −16, 76, 0)
    double[] cx = {-2.2, -1.2, -0.2, 0.8, 0, 2.8};
    double[] cy = {-22, -20, -18, -16, 76, 0};
    double dot = 0;
    double xx = 0;
    double yy = 0;
    for (int i = 0; i < cx.length; i++) {
      dot += cx[i] * cy[i];
      xx += cx[i] * cx[i];
      yy += cy[i] * cy[i];
    }
    assertEquals(dot / Math.sqrt(xx * yy), mixing.correlation(0, 1), 1e-9);
    assertNull(NoiseCorrelation.fit(new double[][] {x, constant}), "one column with spread: nothing to mix");
  }

  @Test
  void equalColumnsAreFactoredWithALittleOfTheIdentity() {
    double[] x = {1, 5, 2, 8, 3};
    NoiseCorrelation mixing = NoiseCorrelation.fit(new double[][] {x, x.clone()});
    assertEquals(1, mixing.correlation(0, 1), 1e-5, "equal columns get (nearly) the same draw");
    assertEquals(1, mixing.correlation(1, 1), 1e-12, "and each keeps its variance");
  }

  @Test
  void aCodecDecodesWithTheMixedNoiseAndItsReadingsAgree() {
    double rho = 0.9;
    TableCodec apart = new TableCodec(List.of(noisy("x"), noisy("y")), 10);
    TableCodec together = apart.withNoiseCorrelation(new NoiseCorrelation(new int[] {0, 1},
        new double[] {1, rho, Math.sqrt(1 - rho * rho)}));
    int samples = 20_000;
    double[] z = new double[2 * samples];
    java.util.Arrays.fill(z, 0.5); // every sample the barycentre (55, 55)
    double[][] readings = together.readings(z, samples, 9, 100);
    double[][] noise = new double[2][samples];
    double[][] apartNoise = new double[2][samples];
    Object[] cells = new Object[2];
    for (int s = 0; s < samples; s++) {
      together.decode(z, 2 * s, cells, 0, 9, 100 + s);
      for (int c = 0; c < 2; c++) {
        double value = (Double) cells[c];
        assertEquals(50 + 10 * readings[c][s], value, 1e-9, "the reading the marginal map is fitted on");
        noise[c][s] = value - 55;
      }
      apart.decode(z, 2 * s, cells, 0, 9, 100 + s);
      for (int c = 0; c < 2; c++) {
        apartNoise[c][s] = (Double) cells[c] - 55;
      }
    }
    double tolerance = 4.5 / Math.sqrt(samples);
    assertEquals(rho, CorrelationSimilarity.pearson(noise[0], noise[1]), tolerance, "drawn together");
    assertEquals(0, CorrelationSimilarity.pearson(apartNoise[0], apartNoise[1]), tolerance, "drawn apart");
    assertEquals(2, Math.sqrt(variance(noise[1])), 2 * 4.5 * Math.sqrt(0.5 / samples), "0.2 sd of 10, as apart");
    assertArrayEquals(apartNoise[0], noise[0], 1e-12, "the first column's draw is its own (L's first row is e1)");
  }

  private static NumericColumnCodec noisy(String name) {
    return new NumericColumnCodec(name, NumericType.DOUBLE, 50, 10, 0, 100, NumericColumnCodec.UNROUNDED, null, null,
        false, 0, 0, false, null, null, null, 0.2);
  }

  @Test
  void aCodecRefusesAMixingOfAColumnThatIsNotANumber() {
    NumericColumnCodec x = noisy("x");
    CategoricalColumnCodec k = new CategoricalColumnCodec("k", DataTypes.StringType, new Object[] {"a", "b"}, false);
    TableCodec codec = new TableCodec(List.of(x, k), 10);
    assertThrows(IllegalArgumentException.class,
        () -> codec.withNoiseCorrelation(new NoiseCorrelation(new int[] {0, 1}, new double[] {1, 0, 1})));
    assertThrows(IllegalArgumentException.class, () -> new NoiseCorrelation(new int[] {0, 1}, new double[] {1}));
  }

  private static double variance(double[] a) {
    double m = mean(a);
    double ss = 0;
    for (double v : a) {
      ss += (v - m) * (v - m);
    }
    return ss / a.length;
  }

  private static double mean(double[] a) {
    double sum = 0;
    for (double v : a) {
      sum += v;
    }
    return sum / a.length;
  }
}
