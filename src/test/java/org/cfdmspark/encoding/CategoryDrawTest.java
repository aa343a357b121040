package org.cfdmspark.encoding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import java.util.List;
import org.apache.spark.sql.types.DataTypes;
import org.cfdmspark.knn.SplitMix64;
import org.junit.jupiter.api.Test;

/** --category-draw: draws follow the barycentre's shares, depend on the row alone, and vote stays the arg-max. */
class CategoryDrawTest {
  private static final int N = 200_000;
  /** χ² quantile 0.999 for 3 degrees of freedom: a correct draw fails one run in a thousand. */
  private static final double CHI2_3DF_999 = 16.27;

  @Test
  void drawFrequenciesMatchTheShares() {
    double[] shares = {0.125, 0.5, 0, 0.25, 0.125}; // a barycentre of M = 8 rows
    int[] counts = new int[shares.length];
    for (int i = 0; i < N; i++) {
      counts[Vote.draw(shares, 0, shares.length, SplitMix64.mix(i))]++;
    }
    assertEquals(0, counts[2], "a category none of the parents holds is never drawn");
    assertTrue(chiSquare(counts, shares) < CHI2_3DF_999, "chi-square " + chiSquare(counts, shares));
  }

  @Test
  void drawScalesOutTheBlockAndIgnoresRoundingBelowZero() {
    double h = CategoricalColumnCodec.HOT;
    double[] block = {9, 9, h / 4, 3 * h / 4, -1e-12}; // the block starts at offset 2, scaled like one-hot
    int second = 0;
    for (int i = 0; i < N; i++) {
      int k = Vote.draw(block, 2, 3, SplitMix64.mix(i));
      assertTrue(k == 0 || k == 1, "index within the block's positive shares: " + k);
      second += k;
    }
    assertEquals(0.75, second / (double) N, 4.5 * Math.sqrt(0.75 * 0.25 / N));
  }

  @Test
  void decodedCategoriesFollowTheSharesIndependentlyPerColumn() {
    // a number column that varies from row to row (so the rows' bits do) and two categorical columns whose
    // barycentre splits 1 : 3 and 1 : 1
    TableCodec codec = new TableCodec(List.of(
        new NumericColumnCodec("x", NumericType.DOUBLE, 0, 1, -1e9, 1e9, NumericColumnCodec.UNROUNDED, null, null,
            false),
        new CategoricalColumnCodec("a", DataTypes.StringType, new Object[] {"p", "q"}, false),
        new CategoricalColumnCodec("b", DataTypes.StringType, new Object[] {"u", "v"}, false)), 100)
        .drawing(CategoryDraw.WEIGHTS);
    double h = CategoricalColumnCodec.HOT;
    int[] joint = new int[4];
    Object[] cells = new Object[3];
    for (int i = 0; i < N; i++) {
      double[] z = {i * 1e-3, h / 4, 3 * h / 4, h / 2, h / 2};
      codec.decode(z, 0, cells, 0);
      joint[("q".equals(cells[1]) ? 2 : 0) + ("v".equals(cells[2]) ? 1 : 0)]++;
    }
    double[] expected = {0.25 * 0.5, 0.25 * 0.5, 0.75 * 0.5, 0.75 * 0.5};
    assertTrue(chiSquare(joint, expected) < CHI2_3DF_999, "chi-square " + chiSquare(joint, expected));
  }

  @Test
  void sameRowSameCells() {
    TableCodec codec = pointMassTable().drawing(CategoryDraw.WEIGHTS_ALL);
    Object[] first = new Object[2];
    Object[] again = new Object[2];
    int differ = 0;
    for (int i = 0; i < 1000; i++) {
      double[] z = row(i);
      codec.decode(z, 0, first, 0);
      codec.decode(z.clone(), 0, again, 0);
      assertEquals(List.of(first), List.of(again), "the row's values alone choose its draws");
      differ += first[1].equals("p") ? 0 : 1;
    }
    assertTrue(differ > 0 && differ < 1000, "and different rows draw differently: " + differ);
  }

  @Test
  void voteIsTheDefaultAndKeepsTheArgMax() {
    TableCodec fitted = TableCodec.fit(new org.apache.spark.sql.types.StructType()
        .add("c", DataTypes.StringType), List.of(org.apache.spark.sql.RowFactory.create("p"),
        org.apache.spark.sql.RowFactory.create("q")), ColumnOverrides.none());
    assertEquals(CategoryDraw.VOTE, ((CategoricalColumnCodec) fitted.columns().get(0)).draw());
    TableCodec voted = pointMassTable();
    TableCodec categoriesOnly = pointMassTable().drawing(CategoryDraw.WEIGHTS);
    Object[] cells = new Object[2];
    int votedMass = 0;
    int drawnMass = 0;
    for (int i = 0; i < N / 10; i++) {
      voted.decode(row(i), 0, cells, 0);
      assertEquals("q", cells[1], "the majority category, every time");
      votedMass += cells[0].equals(0.0) ? 1 : 0;
      categoriesOnly.decode(row(i), 0, cells, 0);
      drawnMass += cells[0].equals(0.0) ? 1 : 0;
    }
    assertEquals(N / 10, votedMass, "the majority state, every time");
    assertEquals(N / 10, drawnMass, "weights leaves number columns' states to the vote");
  }

  @Test
  void weightsAllDrawsNumberColumnsStates() {
    TableCodec codec = pointMassTable().drawing(CategoryDraw.WEIGHTS_ALL);
    Object[] cells = new Object[2];
    int mass = 0;
    for (int i = 0; i < N; i++) {
      codec.decode(row(i), 0, cells, 0);
      mass += cells[0].equals(0.0) ? 1 : 0;
    }
    assertEquals(0.75, mass / (double) N, 4.5 * Math.sqrt(0.75 * 0.25 / N), "the point mass's share");
  }

  @Test
  void disagreementIsTheChanceThatADrawLeavesTheVote() {
    assertEquals(0.25, CategoryDraw.disagreement(new double[] {0.75, 0.25, 0}, 0, 3), 1e-15);
    assertEquals(0.5, CategoryDraw.disagreement(new double[] {9, 0.5, 0.5}, 1, 2), 1e-15, "from the offset on");
    assertEquals(0, CategoryDraw.disagreement(new double[] {0, 1, 0}, 0, 3), "one category: none");
    assertEquals(0.25, CategoryDraw.disagreement(new double[] {-0.1, 0.6, 0.2}, 0, 3), 1e-15,
        "rounding below zero counts as no share");
    assertEquals(0, CategoryDraw.disagreement(new double[] {-1e-12, 0}, 0, 2), "an empty block");
  }

  @Test
  void aCodecsDisagreementAveragesItsCategoricalBlocksOverTheSamples() {
    TableCodec codec = twoCategoriesAroundANumber();
    double h = CategoricalColumnCodec.HOT;
    double[] z = {
        h / 2, h / 2, 7, h, 0, 0, // a: 1/2 against the vote, b: 0
        h, 0, -3, h / 4, h / 4, h / 2}; // a: 0, b: 1/2
    assertEquals((0.5 + 0 + 0 + 0.5) / 4, codec.categoryDisagreement(z, 2), 1e-12);
    TableCodec numbersOnly = new TableCodec(List.of(new NumericColumnCodec("x", NumericType.DOUBLE, 0, 1, -1e9, 1e9,
        NumericColumnCodec.UNROUNDED, null, null, false)), 100);
    assertTrue(Double.isNaN(numbersOnly.categoryDisagreement(new double[] {1, 2}, 2)));
  }

  @Test
  void aShareErrorIsTheTotalVariationDistanceOfADrawsExpectedSharesToTrainings() {
    TableCodec codec = twoCategoriesAroundANumber();
    double h = CategoricalColumnCodec.HOT;
    double[] z = {
        h / 2, h / 2, 7, h, 0, 0, // a: a tie, b: u
        h, 0, -3, h / 4, h / 4, h / 2}; // a: p, b: w by vote, 1/4 1/4 1/2 drawn
    double[] trainingMean = {h / 4, 3 * h / 4, 0.3, h / 2, 0, h / 2}; // a: 1/4 p, b: half u, half w
    // Drawn, a's shares average (3/4, 1/4): TV 1/2 from (1/4, 3/4); b's (5/8, 1/8, 1/4): TV 1/4 from (1/2, 0, 1/2).
    assertEquals((0.5 + 0.25) / 2, codec.categoryShareError(z, 2, trainingMean, CategoryDraw.WEIGHTS), 1e-12);
    // Voted, the tie splits: a (3/4, 1/4) as drawn; b (1/2, 0, 1/2), training's.
    assertEquals((0.5 + 0) / 2, codec.categoryShareError(z, 2, trainingMean, CategoryDraw.VOTE), 1e-12);
    assertThrows(IllegalArgumentException.class,
        () -> codec.categoryShareError(z, 2, trainingMean, CategoryDraw.ROW));
  }

  /** Category a (p, q), number x, category b (u, v, w): two categorical blocks with a number slot between. */
  private static TableCodec twoCategoriesAroundANumber() {
    return new TableCodec(List.of(
        new CategoricalColumnCodec("a", DataTypes.StringType, new Object[] {"p", "q"}, false),
        new NumericColumnCodec("x", NumericType.DOUBLE, 0, 1, -1e9, 1e9, NumericColumnCodec.UNROUNDED, null, null,
            false),
        new CategoricalColumnCodec("b", DataTypes.StringType, new Object[] {"u", "v", "w"}, false)), 100);
  }

  @Test
  void autoIsResolvedBeforeAnyCodecDecodesWithIt() {
    assertThrows(IllegalArgumentException.class, () -> pointMassTable().drawing(CategoryDraw.AUTO));
    assertEquals(CategoryDraw.WEIGHTS, pointMassTable().drawing(CategoryDraw.WEIGHTS).categoryDraw());
  }

  @Test
  void theChoiceSurvivesJson() {
    TableCodec codec = pointMassTable().drawing(CategoryDraw.WEIGHTS_ALL);
    TableCodec read = CodecJson.fromJson(CodecJson.toJson(codec));
    assertEquals(CategoryDraw.WEIGHTS_ALL, ((NumericColumnCodec) read.columns().get(0)).draw());
    assertEquals(CategoryDraw.WEIGHTS_ALL, ((CategoricalColumnCodec) read.columns().get(1)).draw());
  }

  /** A number column with a point mass at 0, and a categorical column. */
  private static TableCodec pointMassTable() {
    return new TableCodec(List.of(
        new NumericColumnCodec("x", NumericType.DOUBLE, 0, 1, -1e9, 1e9, NumericColumnCodec.UNROUNDED, null,
            new double[] {0}, false),
        new CategoricalColumnCodec("c", DataTypes.StringType, new Object[] {"p", "q"}, false)), 100);
  }

  /**
   * Row i of pointMassTable: 3 of 4 parents at the point mass 0, one at a value that varies with i (so do the
   * row's bits); 1 of 4 parents in category p.
   */
  private static double[] row(int i) {
    double h = CategoricalColumnCodec.HOT;
    return new double[] {(1 + i * 1e-3) / 4, 0.75, h / 4, 3 * h / 4};
  }

  private static double chiSquare(int[] counts, double[] shares) {
    int total = 0;
    for (int c : counts) {
      total += c;
    }
    double chi = 0;
    for (int k = 0; k < counts.length; k++) {
      if (shares[k] > 0) {
        double expected = shares[k] * total;
        chi += (counts[k] - expected) * (counts[k] - expected) / expected;
      }
    }
    return chi;
  }
}
