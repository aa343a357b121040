package org.cfdmspark.privacy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.cfdmspark.engine.TrainingSet;
import org.cfdmspark.encoding.NumericColumnCodec;
import org.cfdmspark.encoding.NumericType;
import org.cfdmspark.encoding.TableCodec;
import org.cfdmspark.knn.BruteForceIndex;
import org.cfdmspark.knn.DotProductKernel;
import org.junit.jupiter.api.Test;

/** Exact copies are judged by how often their row occurs in training; other samples by the distance threshold. */
class NearCopyCheckTest {
  // One whole-number column, standardised with mean 0 and sd 1, so encoded values are the numbers themselves.
  private static final TableCodec CODEC = new TableCodec(List.of(new NumericColumnCodec("x", NumericType.DOUBLE,
      0, 1, 0, 100, 0, null, null, false)), 5);
  // 3 occurs twice, 10, 20 and 40 once.
  private static final TrainingSet TRAINING = TrainingSet.of(new double[][] {{3}, {3}, {10}, {20}, {40}});
  private static final BruteForceIndex INDEX = new BruteForceIndex(TRAINING.points(), DotProductKernel.best());

  @Test
  void aCopyOfASingleRowIsANearCopyEvenWithThresholdZero() {
    // Samples 10.2 and 19.6 decode (0 decimals) to 10 and 20, rows that occur once; 3.4 decodes to 3, which occurs
    // twice; 30 is far from everything.
    double[] samples = {10.2, 19.6, 3.4, 30};
    assertArrayEquals(new boolean[] {true, true, false, false},
        NearCopyCheck.withThreshold(0, TRAINING, CODEC).test(INDEX, CODEC, samples, 4, 0, new long[4]));
  }

  @Test
  void aSampleNearButNotOnARowIsJudgedByTheThreshold() {
    // 12 is 2 from row 10, 37 is 3 from row 40, 5 is 2 from the repeated row 3: with threshold 2.5 the first and
    // last are near-copies (strictly below), 37 is not; 3 itself (a repeated row) passes.
    double[] samples = {12, 37, 5, 3};
    assertArrayEquals(new boolean[] {true, false, true, false},
        NearCopyCheck.withThreshold(2.5, TRAINING, CODEC).test(INDEX, CODEC, samples, 4, 0, new long[4]));
  }

  @Test
  void theLocalCriterionComparesASampleWithItsRowsOwnSpacing() {
    // Spacings (distance to the nearest different row): 3 → 7, 10 → 7, 20 → 10, 40 → 20; α = 1/2 halves them.
    // 13 is 3 from 10 (< 3.5), 14 is 4 from 10; 24 is 4 from 20 (< 5), 26 is 6; 33 is 7 from 40 (< 10), 29 is 9
    // from 20; 6 is 3 from the repeated row 3 (< 3.5); 3 itself is a copy of a repeated row and passes.
    double[] samples = {13, 14, 24, 26, 33, 29, 6, 3};
    NearCopyCheck local = NearCopyCheck.withThreshold(0, TRAINING, CODEC).withLocality(0.5, TRAINING);
    assertArrayEquals(new boolean[] {true, false, true, false, true, false, true, false},
        local.test(INDEX, CODEC, samples, samples.length, 0, new long[samples.length]));
    // Without it only the global threshold judges: none of them is within 0 of a single row.
    assertArrayEquals(new boolean[samples.length],
        NearCopyCheck.withThreshold(0, TRAINING, CODEC).withLocality(0, TRAINING).test(INDEX, CODEC, samples,
            samples.length, 0, new long[samples.length]));
  }

  @Test
  void theLocalCriterionLeavesTheSingleRowCopyRuleAlone() {
    // 13 is locally near 10 but no copy; 10 is a copy of a row that occurs once.
    NearCopyCheck local = NearCopyCheck.withThreshold(0, TRAINING, CODEC).withLocality(0.5, TRAINING);
    assertArrayEquals(new boolean[] {false, true}, local.singleRowCopies(INDEX, CODEC, new double[] {13, 10}, 2, 0,
        new long[2]));
  }

  @Test
  void halfTheSpacingFlagsEverySampleTheMemorisedFractionCounts() {
    // Distinct training values on a 1/8 grid and samples on a 1/64 grid: exact in floats, so d1 and d2 below are
    // the distances the check measures. Unrounded decoding keeps each sample's value.
    TableCodec codec = new TableCodec(List.of(new NumericColumnCodec("x", NumericType.DOUBLE, 0, 1, 0, 100,
        NumericColumnCodec.UNROUNDED, null, null, false)), 200);
    Random random = new Random(7);
    double[][] rows = random.ints(0, 800).distinct().limit(200).mapToDouble(v -> v / 8.0)
        .mapToObj(v -> new double[] {v}).toArray(double[][]::new);
    TrainingSet training = TrainingSet.of(rows);
    BruteForceIndex index = new BruteForceIndex(training.points(), DotProductKernel.best());
    double[] samples = random.ints(4000, 0, 6400).mapToDouble(v -> v / 64.0).toArray();
    boolean[] near = NearCopyCheck.withThreshold(0, training, codec).withLocality(0.5, training)
        .test(index, codec, samples, samples.length, 0, new long[samples.length]);
    int memorised = 0;
    int flagged = 0;
    for (int s = 0; s < samples.length; s++) {
      double d1 = Double.MAX_VALUE;
      double d2 = Double.MAX_VALUE;
      for (double[] row : rows) {
        double distance = Math.abs(samples[s] - row[0]);
        if (distance < d1) {
          d2 = d1;
          d1 = distance;
        } else if (distance < d2) {
          d2 = distance;
        }
      }
      if (d1 < d2 / 3) {
        memorised++;
        assertTrue(near[s], "sample " + samples[s] + " has d1/d2 = " + d1 / d2 + " but passes");
      }
      flagged += near[s] ? 1 : 0;
    }
    // Not vacuous: many samples are memorised, and the criterion is wider than d1/d2 < 1/3 but not everything.
    assertTrue(memorised > 400, "memorised " + memorised);
    assertTrue(flagged > memorised && flagged < samples.length, "flagged " + flagged + " of " + samples.length);
  }
}
