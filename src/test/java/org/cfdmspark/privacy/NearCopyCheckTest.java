package org.cfdmspark.privacy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.List;
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
        NearCopyCheck.withThreshold(0, TRAINING, CODEC).test(INDEX, CODEC, samples, 4));
  }

  @Test
  void aSampleNearButNotOnARowIsJudgedByTheThreshold() {
    // 12 is 2 from row 10, 37 is 3 from row 40, 5 is 2 from the repeated row 3: with threshold 2.5 the first and
    // last are near-copies (strictly below), 37 is not; 3 itself (a repeated row) passes.
    double[] samples = {12, 37, 5, 3};
    assertArrayEquals(new boolean[] {true, false, true, false},
        NearCopyCheck.withThreshold(2.5, TRAINING, CODEC).test(INDEX, CODEC, samples, 4));
  }
}
