package org.cfdmspark.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.Random;
import java.util.stream.IntStream;

import org.cfdmspark.knn.RowMatrix;
import org.cfdmspark.knn.Shuffle;
import org.junit.jupiter.api.Test;

class NearCopyThresholdTest {
  private static RowMatrix column(double... values) {
    double[][] rows = new double[values.length][];
    for (int i = 0; i < values.length; i++) {
      rows[i] = new double[] {values[i]};
    }
    return RowMatrix.ofRows(rows);
  }

  @Test
  void repeatedRowsDoNotPullTheThresholdToZero() {
    // Distinct rows {0, 1, 3}: nearest different rows at 1, 1, 2 -> 1st percentile 1 + 0.02 · 0 = 1. Over all
    // rows the twins of 0 (at distance 0) would make it 0.
    assertEquals(1.0, NearCopyThreshold.of(column(0, 0, 0, 1, 3, 3)), 1e-6);
    // Without repeats: nearest other rows at 0.5, 0.5, 1.5, 3 -> 0.5 + 0.03 · 0 = 0.5.
    assertEquals(0.5, NearCopyThreshold.of(column(0, 0.5, 2, 5)), 1e-6);
  }

  @Test
  void allRowsEqualGiveZero() {
    assertEquals(0.0, NearCopyThreshold.of(column(4, 4, 4)));
  }

  @Test
  void theSubsampledEstimateMeasuresDistinctRowsToo() {
    // 40 copies of 0 and rows 1..10 (spacing 1): every distinct row's nearest different row is at distance 1.
    double[] values = new double[50];
    for (int i = 40; i < 50; i++) {
      values[i] = i - 39;
    }
    assertEquals(1.0, NearCopyThreshold.of(column(values), 5, 7), 1e-6);
  }

  /** Rows of Gaussian values in d dimensions around a few centres, some of them at tiny distances from others. */
  private static RowMatrix clustered(int n, int d, long seed) {
    Random random = new Random(seed);
    double[][] centres = new double[6][d];
    for (double[] centre : centres) {
      for (int j = 0; j < d; j++) {
        centre[j] = 3 * random.nextGaussian();
      }
    }
    double[][] rows = new double[n][d];
    for (int i = 0; i < n; i++) {
      double[] centre = centres[random.nextInt(centres.length)];
      for (int j = 0; j < d; j++) {
        // every tenth row sits near an earlier one, as the near pairs the percentile is made of
        rows[i][j] = i % 10 == 9 ? rows[i - 5][j] + 0.01 * random.nextGaussian() : centre[j] + random.nextGaussian();
      }
    }
    return RowMatrix.ofRows(rows);
  }

  /** The 1st percentile (numpy's linear interpolation) of the listed rows' nearest-other distances, brute force. */
  private static double bruteForce(RowMatrix rows, int[] queries) {
    double[] nearest = new double[queries.length];
    for (int q = 0; q < queries.length; q++) {
      nearest[q] = Double.POSITIVE_INFINITY;
      for (int r = 0; r < rows.rows(); r++) {
        if (r != queries[q]) {
          double sum = 0;
          for (int j = 0; j < rows.dimension(); j++) {
            double diff = (double) rows.get(queries[q], j) - rows.get(r, j);
            sum += diff * diff;
          }
          nearest[q] = Math.min(nearest[q], Math.sqrt(sum));
        }
      }
    }
    Arrays.sort(nearest);
    double position = NearCopyThreshold.PERCENTILE * (queries.length - 1);
    int below = (int) position;
    return nearest[below] + (position - below) * (nearest[below + 1] - nearest[below]);
  }

  @Test
  void theScanOfTheCloseRowsAloneGivesTheFullScansPercentile() {
    for (long seed = 1; seed <= 3; seed++) {
      RowMatrix rows = clustered(1500, 12, seed);
      int[] queries = Shuffle.firstOf(rows.rows(), 700, new Random(seed)::nextInt);
      double full = Quantiles.of(NearCopyThreshold.toNearestOther(rows, queries), NearCopyThreshold.PERCENTILE);
      double pruned = NearCopyThreshold.percentileOfNearestOther(rows, queries);
      assertEquals(full, pruned, 0.0, "bit for bit, seed " + seed);
      assertEquals(bruteForce(rows, queries), pruned, 1e-9 * pruned, "seed " + seed);
    }
  }

  @Test
  void wideOneHotRowsThatNoProjectionSpreadsGiveTheFullScansPercentile() {
    // 400 answers of 0-4 to 120 questions, one-hot: every pair of rows about equally far apart, so the radius
    // search's windows would hold nearly every row and the threshold comes from the scan of all of them.
    Random random = new Random(5);
    double[][] values = new double[400][120 * 5];
    for (double[] row : values) {
      for (int question = 0; question < 120; question++) {
        row[question * 5 + random.nextInt(5)] = 1;
      }
    }
    RowMatrix rows = RowMatrix.ofRows(values);
    int[] all = IntStream.range(0, rows.rows()).toArray();
    double full = Quantiles.of(NearCopyThreshold.toNearestOther(rows, all), NearCopyThreshold.PERCENTILE);
    assertEquals(full, NearCopyThreshold.percentileOfNearestOther(rows, all), 0.0, "bit for bit");
    assertEquals(bruteForce(rows, all), full, 1e-9 * full);
  }

  @Test
  void everyRowAsAQueryGivesTheFullScansPercentile() {
    // The report's threshold (every distinct row a query) against the single-threaded scan of all rows it replaced.
    for (long seed = 1; seed <= 3; seed++) {
      RowMatrix rows = clustered(1200, 9, seed);
      int[] all = IntStream.range(0, rows.rows()).toArray();
      double full = Quantiles.of(NearestDistances.toNearestOther(rows), NearCopyThreshold.PERCENTILE);
      assertEquals(full, NearCopyThreshold.of(rows), 0.0, "bit for bit, seed " + seed);
      assertEquals(bruteForce(rows, all), NearCopyThreshold.of(rows), 1e-9 * full, "seed " + seed);
    }
  }

  @Test
  void quantilesFromTheLowestValuesAreThoseOfAllValues() {
    double[] values = {9, 1, 7, 3, 8, 2, 6, 4, 5, 0, 10, 11};
    for (double p : new double[] {0, 0.01, 0.1, 0.25, 0.5}) {
      int read = Quantiles.orderStatisticsRead(values.length, p);
      double[] lowest = Arrays.copyOf(values.clone(), values.length);
      Arrays.sort(lowest);
      double[] part = Arrays.copyOf(lowest, read);
      assertEquals(Quantiles.of(values, p), Quantiles.ofLowest(part, values.length, p), 0.0, "p " + p);
    }
    assertThrows(IllegalArgumentException.class, () -> Quantiles.ofLowest(new double[] {1}, 12, 0.5));
  }
}
