package org.cfdmspark.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.cfdmspark.metrics.EvalColumn.Categorical;
import org.cfdmspark.metrics.EvalColumn.Numeric;
import org.junit.jupiter.api.Test;

class ValidityTest {

  @Test
  void boundaryAdherenceCountsValuesInsideTheTrainingRange() {
    // Range [1, 5]; of 1, 5, 6, −1 and 3 (NaN left out) three lie inside.
    assertEquals(0.6, BoundaryAdherence.of(new Numeric("x", new double[] {1, Double.NaN, 5}),
        new Numeric("x", new double[] {1, 5, 6, -1, Double.NaN, 3})), 1e-12);
  }

  @Test
  void categoryAdherenceCountsMissingAsACategory() {
    Categorical real = new Categorical("c", new String[] {"a", "b", null});
    // a, b and missing are seen in training, z is not: 3 of 4.
    assertEquals(0.75, CategoryAdherence.of(real, new Categorical("c", new String[] {"a", "z", null, "b"})), 1e-12);
    // Without missing cells in training, a missing synthetic cell does not adhere: 1 of 2.
    assertEquals(0.5, CategoryAdherence.of(new Categorical("c", new String[] {"a"}),
        new Categorical("c", new String[] {"a", null})), 1e-12);
  }

  @Test
  void keyUniquenessIsDistinctValuesOverRows() {
    // 1, 2, 2, 3, 3: three distinct of five.
    assertEquals(0.6, KeyUniqueness.of(new Numeric("id", new double[] {1, 2, 2, 3, 3})), 1e-12);
    assertEquals(1.0, KeyUniqueness.of(new Categorical("id", new String[] {"a", "b", "c"})));
  }

  @Test
  void keyUniquenessIsCheckedOnTheGivenKeyColumnsOnly() {
    EvalTable train = EvalTable.of(new Numeric("x", new double[] {0, 10, 20}));
    EvalTable synthetic = EvalTable.of(new Numeric("x", new double[] {1, 2, 3}));
    // x is all distinct but not a key; the key column repeats one of its three values.
    Validity validity = Validity.compute(train, synthetic,
        EvalTable.of(new Categorical("id", new String[] {"k1", "k2", "k2"})));
    assertEquals(List.of(new Validity.ColumnScore("id", 2 / 3.0)), validity.keyUniqueness().columns());
    assertEquals(2 / 3.0, validity.keyUniqueness().score(), 1e-12);
  }

  @Test
  void validityGathersTheChecksPerColumn() {
    EvalTable train = EvalTable.of(new Numeric("x", new double[] {0, 10}), new Categorical("c",
        new String[] {"a", "b"}));
    EvalTable synthetic = EvalTable.of(new Numeric("x", new double[] {5, 11}), new Categorical("c",
        new String[] {"a", "a"}));
    Validity validity = Validity.compute(train, synthetic, EvalTable.of());
    assertEquals(0.5, validity.boundaryAdherence().score(), 1e-12);
    assertEquals(List.of(new Validity.ColumnScore("x", 0.5)), validity.boundaryAdherence().columns());
    assertEquals(1.0, validity.categoryAdherence().score(), 1e-12);
    assertNull(validity.keyUniqueness().score(), "no key columns");
  }

  @Test
  void dependencyAdherenceIsTheShareOfRowsThatPairTheValuesAsTrainingDoes() {
    // 120 training rows: sub-grades A1, A2, B1 (40 each) determine the grade; the region varies within each.
    String[] sub = new String[120];
    String[] grade = new String[120];
    String[] region = new String[120];
    for (int r = 0; r < 120; r++) {
      sub[r] = new String[] {"A1", "A2", "B1"}[r % 3];
      grade[r] = sub[r].substring(0, 1);
      region[r] = r % 2 == 0 ? "north" : "south";
    }
    EvalTable train = EvalTable.of(new Categorical("sub_grade", sub), new Categorical("grade", grade),
        new Categorical("region", region));
    // Of five synthetic rows one pairs B1 with grade A; one has a sub-grade training never had (left out).
    EvalTable synthetic = EvalTable.of(new Categorical("sub_grade", new String[] {"A1", "B1", "B1", "A2", "C9"}),
        new Categorical("grade", new String[] {"A", "B", "A", "A", "C"}),
        new Categorical("region", new String[] {"north", "north", "south", "south", "north"}));
    Validity validity = Validity.compute(train, synthetic, EvalTable.of());
    assertEquals(List.of(new Validity.ColumnScore("sub_grade determines grade", 0.75)),
        validity.dependencyAdherence().columns(), "region depends on nothing, nor grade on region");
    assertEquals(0.75, validity.dependencyAdherence().score(), 1e-12);
  }

  @Test
  void dependencyAdherenceScoresACategoryCutFromANumberAndANumberFixedPerCategory() {
    // 120 training rows: ages 20-79 (each twice), a group "young" below 50 and "old" from 50; a plan (3 levels,
    // 40 rows each) whose price is 9.5, 9.5 and 20 (so the price does not tell the plan); a noise column.
    double[] age = new double[120];
    String[] group = new String[120];
    String[] plan = new String[120];
    double[] price = new double[120];
    double[] noise = new double[120];
    for (int r = 0; r < 120; r++) {
      age[r] = 20 + r / 2;
      group[r] = age[r] < 50 ? "young" : "old";
      plan[r] = new String[] {"basic", "student", "premium"}[r % 3];
      price[r] = plan[r].equals("premium") ? 20 : 9.5;
      noise[r] = (r * 37) % 11;
    }
    EvalTable train = EvalTable.of(new Numeric("age", age), new Categorical("group", group),
        new Categorical("plan", plan), new Numeric("price", price), new Numeric("noise", noise));
    // Of five rows with an age, one puts 51 in "young" (the threshold is 49.5: 49 and 50 are training's neighbours);
    // the sixth has no age. Of five plans training has, one is priced as another plan; "gold" is left out.
    EvalTable synthetic = EvalTable.of(new Numeric("age", new double[] {30, 49.6, 51, 70, Double.NaN, 40}),
        new Categorical("group", new String[] {"young", "old", "young", "old", "old", "young"}),
        new Categorical("plan", new String[] {"basic", "student", "premium", "premium", "basic", "gold"}),
        new Numeric("price", new double[] {9.5, 9.5, 20, 9.5, 9.5, 1}),
        new Numeric("noise", new double[] {1, 2, 3, 4, 5, 6}));
    Validity validity = Validity.compute(train, synthetic, EvalTable.of());
    assertEquals(List.of(new Validity.ColumnScore("age determines group by ranges", 0.8),
        new Validity.ColumnScore("plan determines price", 0.8)), validity.dependencyAdherence().columns(),
        "noise is no range of a category, nor fixed per plan");
  }

  @Test
  void dependencyAdherenceScoresATotalAsTheSumOfItsPartsToHalfACent() {
    // 60 training rows: fees and tax in cents, total their sum; a fourth column unrelated.
    double[] fees = new double[60];
    double[] tax = new double[60];
    double[] total = new double[60];
    double[] other = new double[60];
    for (int r = 0; r < 60; r++) {
      fees[r] = 10 + r * 1.37;
      tax[r] = Math.round(fees[r] * 21) / 100.0;
      total[r] = Math.round((fees[r] + tax[r]) * 100) / 100.0;
      other[r] = (r * 7919) % 101;
    }
    EvalTable train = EvalTable.of(new Numeric("fees", fees), new Numeric("tax", tax), new Numeric("total", total),
        new Numeric("other", other));
    // Of four synthetic rows with the three present, one is a cent off; the fifth lacks its tax.
    EvalTable synthetic = EvalTable.of(new Numeric("fees", new double[] {10, 20.5, 3.33, 7, 1}),
        new Numeric("tax", new double[] {2.1, 4.3, 0.7, 1.47, Double.NaN}),
        new Numeric("total", new double[] {12.1, 24.8, 4.04, 8.47, 5}),
        new Numeric("other", new double[] {1, 2, 3, 4, 5}));
    Validity validity = Validity.compute(train, synthetic, EvalTable.of());
    assertEquals(List.of(new Validity.ColumnScore("total = fees + tax", 0.75)),
        validity.dependencyAdherence().columns());
  }

  @Test
  void dependencyAdherenceLeavesAQuotientByZeroOut() {
    // 60 training rows: a conversion of buys over visits to 4 decimals, 0 where a page had no visits.
    double[] visits = new double[60];
    double[] buys = new double[60];
    double[] conversion = new double[60];
    for (int r = 0; r < 60; r++) {
      visits[r] = r % 10 == 0 ? 0 : 20 + r * 3;
      buys[r] = visits[r] == 0 ? 0 : 1 + r % 9;
      conversion[r] = visits[r] == 0 ? 0 : Math.round(10_000 * buys[r] / visits[r]) / 10_000.0;
    }
    EvalTable train = EvalTable.of(new Numeric("visits", visits), new Numeric("buys", buys),
        new Numeric("conversion", conversion));
    // Of the three rows with visits, one is off; the row without visits has no quotient to keep.
    EvalTable synthetic = EvalTable.of(new Numeric("visits", new double[] {100, 40, 0, 50}),
        new Numeric("buys", new double[] {5, 3, 0, 1}),
        new Numeric("conversion", new double[] {0.05, 0.075, 0, 0.03}));
    assertEquals(List.of(new Validity.ColumnScore("conversion = buys / visits", 2.0 / 3)),
        Validity.compute(train, synthetic, EvalTable.of()).dependencyAdherence().columns());
  }

  @Test
  void fewRowsGiveNoDependency() {
    EvalTable train = EvalTable.of(new Categorical("a", new String[] {"x", "y", "x"}),
        new Categorical("b", new String[] {"p", "q", "p"}));
    Validity validity = Validity.compute(train, train, EvalTable.of());
    assertNull(validity.dependencyAdherence().score(), "3 rows are no evidence for a rule");
  }
}
