package org.cfdmspark.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.apache.spark.sql.SparkSession;
import org.cfdmspark.config.BadInputException;
import org.cfdmspark.testkit.TestSpark;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TstrTest {
  private static SparkSession spark;

  @BeforeAll
  static void startSpark() {
    spark = TestSpark.local(2);
  }

  /**
   * n rows: x = −1 or 1 (two values, so that a tree's only threshold on x, 0, falls between the classes: trees bin
   * a continuous column at sample quantiles, which may fall inside a class), a noise column z, a colour, and the target: "yes" where x &gt; 0, else "no" (flipped when {@code swapped});
   * {@code amount} is 20 where x &gt; 0, else 10 (also flipped), plus 1 for red rows.
   */
  private static EvalTable table(int n, long seed, boolean swapped) {
    Random random = new Random(seed);
    double[] x = new double[n];
    double[] z = new double[n];
    double[] amount = new double[n];
    String[] colour = new String[n];
    String[] label = new String[n];
    for (int i = 0; i < n; i++) {
      x[i] = random.nextBoolean() ? 1 : -1;
      z[i] = random.nextGaussian();
      colour[i] = random.nextBoolean() ? "red" : "blue";
      boolean high = x[i] > 0 != swapped;
      label[i] = high ? "yes" : "no";
      amount[i] = (high ? 20 : 10) + ("red".equals(colour[i]) ? 1 : 0);
    }
    return EvalTable.of(new EvalColumn.Numeric("x", x), new EvalColumn.Numeric("z", z),
        new EvalColumn.Categorical("colour", colour), new EvalColumn.Categorical("label", label),
        new EvalColumn.Numeric("amount", amount));
  }

  private static EvalTable without(EvalTable table, String column) {
    return new EvalTable(table.columns().stream().filter(c -> !c.name().equals(column)).toList());
  }

  @Test
  void aSeparableTargetScoresAucNearOne() {
    Tstr tstr = Tstr.compute(spark, without(table(400, 1, false), "amount"), without(table(400, 2, false),
        "amount"), without(table(200, 3, false), "amount"), "label", 5);
    assertEquals("roc_auc", tstr.metric());
    assertEquals("yes", tstr.positiveClass(), "the last class in sorted order");
    assertTrue(tstr.synthetic() > 0.98, tstr.toString());
    assertTrue(tstr.real() > 0.98, tstr.toString());
  }

  @Test
  void identicalSyntheticAndTrainingRowsGiveNoGap() {
    EvalTable train = table(300, 1, false);
    Tstr tstr = Tstr.compute(spark, train, train, table(100, 3, false), "amount", 5);
    assertEquals("r2", tstr.metric());
    assertEquals(0.0, tstr.gap(), "same rows, same seed, same trees");
    assertEquals(tstr.real(), tstr.synthetic());
  }

  @Test
  void swappedLabelsInvertTheRankingAndTheFit() {
    // H's target is a step of x (plus 1 for red). Trees on R find the step: every holdout row is predicted exactly,
    // so AUC 1 and R² 1. Trees on S learn the opposite step: AUC 0 (every negative ranked above every positive), and
    // each prediction is off by exactly 10: R² = 1 − n·100 / SS_tot, about 1 − 100 / 25.25 ≈ −3 with the steps
    // holding half the rows each.
    EvalTable train = table(300, 1, false);
    EvalTable synthetic = table(300, 2, true);
    EvalTable holdout = table(200, 3, false);
    double[] amounts = ((EvalColumn.Numeric) holdout.column("amount")).values();
    double mean = java.util.Arrays.stream(amounts).average().orElseThrow();
    double total = java.util.Arrays.stream(amounts).map(a -> (a - mean) * (a - mean)).sum();
    double expectedR2 = 1 - amounts.length * 100.0 / total;

    Tstr auc = Tstr.compute(spark, without(train, "amount"), without(synthetic, "amount"), without(holdout,
        "amount"), "label", 5);
    assertEquals(1.0, auc.real(), 1e-12);
    assertEquals(0.0, auc.synthetic(), 1e-12);
    assertEquals(1.0, auc.gap(), 1e-12);

    Tstr r2 = Tstr.compute(spark, without(train, "label"), without(synthetic, "label"), without(holdout, "label"),
        "amount", 5);
    assertEquals(1.0, r2.real(), 1e-9);
    assertEquals(expectedR2, r2.synthetic(), 1e-9);
    assertTrue(expectedR2 < -2.5 && expectedR2 > -3.5, "about −3: " + expectedR2);
  }

  @Test
  void aNumericTargetWithTwoValuesIsALabel() {
    Tstr tstr = Tstr.compute(spark, binary(table(300, 1, false)), binary(table(300, 2, false)),
        binary(table(100, 3, false)), "label", 5);
    // A 0/1 column: a binary task, the larger value positive.
    assertEquals("roc_auc", tstr.metric());
    assertEquals("1.0", tstr.positiveClass());
    assertTrue(tstr.real() > 0.98, tstr.toString());
  }

  /** The table with its label as a number: 1 for "yes", 0 for "no". */
  private static EvalTable binary(EvalTable table) {
    String[] labels = ((EvalColumn.Categorical) table.column("label")).values();
    double[] numbers = new double[labels.length];
    for (int i = 0; i < labels.length; i++) {
      numbers[i] = "yes".equals(labels[i]) ? 1 : 0;
    }
    return EvalTable.of(table.column("x"), table.column("z"), new EvalColumn.Numeric("label", numbers));
  }

  @Test
  void anUnknownTargetIsRefusedWithTheColumns() {
    EvalTable train = table(20, 1, false);
    BadInputException error = assertThrows(BadInputException.class,
        () -> Tstr.compute(spark, train, train, train, "income", 5));
    assertTrue(error.getMessage().contains("x, z, colour, label, amount"), error.getMessage());
  }

  @Test
  void aSkippedEntrySaysWhy() {
    Tstr skipped = Tstr.skipped("no --target given");
    assertNull(skipped.synthetic());
    assertEquals("no --target given", skipped.note());
  }
}
