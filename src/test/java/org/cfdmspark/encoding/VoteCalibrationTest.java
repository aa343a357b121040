package org.cfdmspark.encoding;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.apache.spark.sql.types.DataTypes;
import org.junit.jupiter.api.Test;

/** The weighted vote against shares worked out by hand. */
class VoteCalibrationTest {
  /**
   * 1,000 two-category barycentres of four parents: 400 at (3/4, 1/4), 200 at (1/4, 3/4), 400 tied at (1/2, 1/2). The
   * plain vote gives the first category 0.4 + 0.4 / 2 = 0.6. The training share 0.5, shrunk by the pilot's noise
   * (1 − 0.25 / 1000 / 0.1² = 0.975 of the miss), is aimed at: 0.5025, so the ties must give the first category
   * 0.1025 / 0.4 of them, weights in the ratio w1 / w0 = 0.2975 / 0.1025 = 2.902. A share of 0.3 is out of reach: the
   * 400 clear majorities keep their category, and the ties go 64 : 1 at most (0.4 + 0.4 / 65).
   */
  @Test
  void weightsSplitTheTiesSoThatTheVotedSharesMeetTheTrainingShares() {
    int samples = 1000;
    double[] blocks = new double[samples * 3];
    for (int s = 0; s < samples; s++) {
      blocks[s * 3 + 1] = s < 400 ? 0.75 : s < 600 ? 0.25 : 0.5; // a number slot first, the block after it
      blocks[s * 3 + 2] = 1 - blocks[s * 3 + 1];
    }
    assertArrayEquals(new double[] {0.6, 0.4}, VoteCalibration.voteShares(blocks, samples, 3, 1, null,
        new double[2]), 1e-12);
    double[] weights = VoteCalibration.fit(blocks, samples, 3, 1, new double[] {0.5, 0.5});
    assertNotNull(weights);
    assertEquals(2.902, weights[1] / weights[0], 0.05);
    assertArrayEquals(new double[] {0.5025, 0.4975}, VoteCalibration.voteShares(blocks, samples, 3, 1, weights,
        new double[2]), 0.002);
    double[] outOfReach = VoteCalibration.fit(blocks, samples, 3, 1, new double[] {0.3, 0.7});
    assertEquals(0.4 + 0.4 / 65, VoteCalibration.voteShares(blocks, samples, 3, 1, outOfReach, new double[2])[0],
        1e-9);
    // Decoding splits the ties as the fit counted them: 400 tied rows, a quarter to the first category.
    int first = 0;
    for (int s = 600; s < samples; s++) {
      first += Vote.winner(blocks, s * 3 + 1, 2, weights, Vote.rowBits(blocks, s * 3, 3, 1, s)) == 0 ? 1 : 0;
    }
    assertEquals(100, first, 25, "binomial(400, 1/4): sd 8.7");
  }

  @Test
  void thePlainVoteStaysWhenItIsAsCloseOrTheColumnHasOneSlot() {
    double[] blocks = {0.75, 0.25, 0.25, 0.75, 1, 0, 0, 1};
    assertNull(VoteCalibration.fit(blocks, 4, 2, 0, new double[] {0.5, 0.5}), "the vote gives 0.5 / 0.5 already");
    assertNull(VoteCalibration.fit(new double[] {1, 1}, 2, 1, 0, new double[] {1}));
    // 1,000 barycentres, 20 of them ties: plain 0.51 / 0.49 against 0.5 / 0.5, a total variation of 0.01 where the
    // pilot's noise alone shows 2 · √(0.25 / 1000) / √(2π) = 0.0126: no weights, though ties could close it.
    double[] nearlyEven = new double[2000];
    for (int s = 0; s < 1000; s++) {
      nearlyEven[2 * s] = s < 500 ? 1 : s < 980 ? 0 : 0.5;
      nearlyEven[2 * s + 1] = 1 - nearlyEven[2 * s];
    }
    assertEquals(0.0126, VoteCalibration.noiseVariation(new double[] {0.5, 0.5}, 1000), 1e-4);
    assertNull(VoteCalibration.fit(nearlyEven, 1000, 2, 0, new double[] {0.5, 0.5}));
  }

  /**
   * Three categories: 400 barycentres led by the first, 300 by the second, 300 tied between the first and the
   * third: plain shares 0.55 / 0.30 / 0.15. Against training's 0.50 / 0.29 / 0.21 the second misses by 0.01, less
   * than its noise in a 1,000-sample pilot (√(0.29 · 0.71 / 1000) = 0.014): it is not steered and keeps its weight of
   * 1. The others aim at their misses shrunk by 1 − se² / miss² (0.9 and 0.954: 0.505 and 0.207), scaled to share the
   * 0.7 left (0.4963, 0.2037), and the ties move to the third.
   */
  @Test
  void aSlotThatMissesByThePilotsNoiseAloneIsNotSteered() {
    double[] blocks = new double[3000];
    for (int s = 0; s < 1000; s++) {
      double[] block = s < 400 ? new double[] {1, 0, 0} : s < 700 ? new double[] {0, 1, 0} : new double[] {0.5, 0, 0.5};
      System.arraycopy(block, 0, blocks, 3 * s, 3);
    }
    double[] weights = VoteCalibration.fit(blocks, 1000, 3, 0, new double[] {0.50, 0.29, 0.21});
    assertNotNull(weights);
    assertEquals(1.0, weights[1]);
    assertArrayEquals(new double[] {0.4963, 0.30, 0.2037}, VoteCalibration.voteShares(blocks, 1000, 3, 0, weights,
        new double[3]), 0.002);
  }

  @Test
  void aRareCategoryIsNeverFavoured() {
    // 1,000 ties between a common category and one that 0.3 % of training rows hold (3 expected in the pilot):
    // the vote gives it half of them, and its weight may only fall.
    double[] blocks = new double[2000];
    for (int s = 0; s < 1000; s++) {
      blocks[2 * s] = 0.5;
      blocks[2 * s + 1] = 0.5;
    }
    double[] weights = VoteCalibration.fit(blocks, 1000, 2, 0, new double[] {0.997, 0.003});
    assertNotNull(weights);
    assertTrue(weights[1] <= 1 && weights[0] > weights[1], Arrays.toString(weights));
  }

  @Test
  void aCategoryNoParentHasNeverWinsAndAClearMajorityAlwaysDoes() {
    double[] weights = {1, VoteCalibration.MAX_WEIGHT, VoteCalibration.MAX_WEIGHT};
    for (long bits = 0; bits < 200; bits++) {
      assertEquals(0, Vote.winner(new double[] {0.75, 0.25, 0}, 0, 3, weights, bits));
      assertTrue(Vote.winner(new double[] {0.5, 0.5, 0}, 0, 3, weights, bits) < 2);
    }
  }

  /**
   * A count column whose 0 is a point mass: a barycentre of two rows at 0 and two at other values ties between the
   * states; weighted 1 : 3 towards "another value", a quarter of such samples decode to 0 (evenly: half).
   */
  @Test
  void aNumberColumnsStateVoteSplitsItsTiesByTheWeights() {
    NumericColumnCodec column = new NumericColumnCodec("n", NumericType.INTEGER, 0, 1, 0, 9, 0, null,
        new double[] {0}, false);
    NumericColumnCodec weighted = column.mapped(new MarginalMap(0, 1).withStateWeights(new double[] {3, 1}));
    double[] z = {1.5, 0.5}; // value slot, then the mass's indicator: half the rows at 0
    double[] votes = new double[2];
    weighted.stateVotes(z, 0, votes, 0);
    assertArrayEquals(new double[] {0.5, 0.5}, votes, 1e-12);
    int zeros = 0;
    int plainZeros = 0;
    for (long bits = 0; bits < 1000; bits++) {
      zeros += ((Number) weighted.decode(z, 0, bits)).intValue() == 0 ? 1 : 0;
      plainZeros += ((Number) column.decode(z, 0, bits)).intValue() == 0 ? 1 : 0;
    }
    assertEquals(250, zeros, 45, "binomial(1000, 1/4): sd 13.7");
    assertEquals(500, plainZeros, 50);
    assertEquals(0, ((Number) weighted.decode(new double[] {1.5, 0.75}, 0, 0L)).intValue(), "a clear majority");
    NumericColumnCodec drawn = weighted.drawing(CategoryDraw.WEIGHTS_ALL);
    int drawnZeros = 0;
    for (long bits = 0; bits < 1000; bits++) {
      drawnZeros += ((Number) drawn.decode(z, 0, bits)).intValue() == 0 ? 1 : 0;
    }
    assertEquals(500, drawnZeros, 50, "weights-all draws each state with its share: no weights");
  }

  @Test
  void aWeightedColumnDecodesByItsWeightsUnderTheVoteOnly() {
    CategoricalColumnCodec column = new CategoricalColumnCodec("c", DataTypes.StringType, new Object[] {"a", "b"},
        false).weighted(new double[] {1, 4});
    double[] z = {0.5, 0.5};
    int b = 0;
    int plainB = 0;
    for (long bits = 0; bits < 1000; bits++) {
      b += column.decode(z, 0, bits).equals("b") ? 1 : 0;
      plainB += column.drawing(CategoryDraw.VOTE).decode(z, 0, bits).equals("b") ? 1 : 0;
    }
    assertEquals(800, b, 50, "a tie goes 4 : 1 to b (binomial sd 12.6)");
    assertEquals(500, plainB, 50, "drawing() starts without weights: even");
    assertEquals("a", column.decode(new double[] {0.75, 0.25}, 0, 0L));
  }
}
