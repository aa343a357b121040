package org.cfdmspark.metrics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;
import org.cfdmspark.encoding.CategoryDependencies;
import org.cfdmspark.encoding.ColumnFormula;
import org.cfdmspark.encoding.ColumnFormulas;
import org.cfdmspark.encoding.NumberDependencies;

/**
 * DependencyAdherence: for each functional dependency of the training table, found by the rules the model's codec
 * uses, the share of synthetic rows that keep it. Between categorical columns ("sub_grade determines grade",
 * {@link CategoryDependencies}): the rows whose dependent value is the one training pairs with their determinant's
 * value (rows whose determinant value training never had are left out: {@link CategoryAdherence} counts those).
 * Between a number and a category ({@link NumberDependencies}): "age determines age_group by ranges", the rows with
 * a number whose category is the one of its range in training (and the rows without one, when training's all hold
 * one category: a group missing with the age); "plan determines price", the rows of a plan training
 * has whose number is that plan's. Between numbers, "total = fees + tax", "amount = quantity * price" ({@link
 * ColumnFormulas}, to within half a step of the decimals the result's training values have, {@link DecimalStep}):
 * the rows with the three present (and a divisor other than 0) whose result is the formula's. Expected 1: a fresh row of the table keeps its rules, and a generator that decodes columns one
 * by one can break them (a sample with grade B and sub_grade C2). A missing cell is a value like any other.
 */
final class DependencyAdherence {
  private DependencyAdherence() {
  }

  /** One score per dependency of {@code train}'s columns, named "A determines B" ("… by ranges"). */
  static List<Validity.ColumnScore> of(EvalTable train, EvalTable synthetic) {
    List<Integer> categorical = new ArrayList<>();
    List<Integer> numeric = new ArrayList<>();
    for (int c = 0; c < train.columns().size(); c++) {
      if (train.columns().get(c) instanceof EvalColumn.Categorical) {
        categorical.add(c);
      } else {
        numeric.add(c);
      }
    }
    List<Map<String, Integer>> codeOf = new ArrayList<>();
    int[][] codes = new int[categorical.size()][];
    int[] codeCounts = new int[categorical.size()];
    for (int k = 0; k < codes.length; k++) {
      Map<String, Integer> values = new HashMap<>();
      String[] cells = categories(train, categorical.get(k));
      codes[k] = new int[cells.length];
      for (int r = 0; r < cells.length; r++) {
        codes[k][r] = values.computeIfAbsent(cells[r], value -> values.size());
      }
      codeOf.add(values);
      codeCounts[k] = values.size();
    }
    List<Validity.ColumnScore> scores = new ArrayList<>();
    boolean[] derived = new boolean[categorical.size()];
    for (CategoryDependencies.Found dependency : CategoryDependencies.find(codes, codeCounts)) {
      derived[dependency.dependent()] = true;
      Map<String, Integer> determinant = codeOf.get(dependency.determinant());
      Map<String, Integer> dependent = codeOf.get(dependency.dependent());
      String[] a = categories(synthetic, categorical.get(dependency.determinant()));
      String[] b = categories(synthetic, categorical.get(dependency.dependent()));
      scores.add(score(name(train, categorical.get(dependency.determinant()), categorical.get(dependency.dependent()),
          ""), a.length, r -> determinant.containsKey(a[r]), r -> {
            Integer pair = dependent.get(b[r]);
            return pair != null && pair == dependency.dependentCode()[determinant.get(a[r])];
          }));
    }
    double[][] numbers = numeric.stream().map(c -> ((EvalColumn.Numeric) train.columns().get(c)).values())
        .toArray(double[][]::new);
    NumberDependencies.Found found = NumberDependencies.find(codes, codeCounts, numbers, derived,
        new boolean[numbers.length]);
    for (NumberDependencies.Ranges range : found.ranges()) {
      Map<String, Integer> category = codeOf.get(range.category());
      double[] x = ((EvalColumn.Numeric) synthetic.columns().get(numeric.get(range.number()))).values();
      String[] b = categories(synthetic, categorical.get(range.category()));
      scores.add(score(name(train, numeric.get(range.number()), categorical.get(range.category()), " by ranges"),
          x.length, r -> !Double.isNaN(x[r]) || range.missingCode() >= 0, r -> {
            Integer code = category.get(b[r]);
            return code != null && code == (Double.isNaN(x[r]) ? range.missingCode() : range.code(x[r]));
          }));
    }
    double[][] operands = numbers.clone();
    double[] steps = new double[numbers.length];
    for (int j = 0; j < numbers.length; j++) {
      steps[j] = DecimalStep.of(numbers[j]);
    }
    for (NumberDependencies.Values value : found.values()) {
      operands[value.number()] = null; // set from its category: in no formula (the model's rule)
    }
    for (ColumnFormulas.Found formula : ColumnFormulas.find(operands, steps)) {
      double[] a = numbers(synthetic, numeric.get(formula.first()));
      double[] b = numbers(synthetic, numeric.get(formula.second()));
      double[] result = numbers(synthetic, numeric.get(formula.result()));
      double tolerance = steps[formula.result()] / 2 * (1 + 1e-9);
      String name = new ColumnFormula(train.columns().get(numeric.get(formula.first())).name(),
          train.columns().get(numeric.get(formula.second())).name(),
          train.columns().get(numeric.get(formula.result())).name(), formula.operation()).toString();
      // A quotient by zero is no part of the rule, as in the search (ColumnFormulas).
      scores.add(score(name, result.length, r -> !Double.isNaN(a[r]) && !Double.isNaN(b[r])
          && !Double.isNaN(result[r]) && (formula.operation() != ColumnFormula.Operation.QUOTIENT || b[r] != 0),
          r -> Math.abs(formula.operation().apply(a[r], b[r]) - result[r])
          <= Math.max(tolerance, 1e-6 * Math.abs(result[r]))));
    }
    for (NumberDependencies.Values value : found.values()) {
      Map<String, Integer> category = codeOf.get(value.category());
      String[] a = categories(synthetic, categorical.get(value.category()));
      double[] y = ((EvalColumn.Numeric) synthetic.columns().get(numeric.get(value.number()))).values();
      scores.add(score(name(train, categorical.get(value.category()), numeric.get(value.number()), ""), y.length,
          r -> category.containsKey(a[r]), r -> Double.compare(value.values()[category.get(a[r])], y[r]) == 0));
    }
    return scores;
  }

  private static double[] numbers(EvalTable table, int column) {
    return ((EvalColumn.Numeric) table.columns().get(column)).values();
  }

  private static String[] categories(EvalTable table, int column) {
    return ((EvalColumn.Categorical) table.columns().get(column)).values();
  }

  private static String name(EvalTable train, int determinant, int dependent, String suffix) {
    return train.columns().get(determinant).name() + " determines " + train.columns().get(dependent).name() + suffix;
  }

  /** The share of the counted rows that keep the rule; NaN when none is counted. */
  private static Validity.ColumnScore score(String name, int rows, IntPredicate counted,
      IntPredicate kept) {
    long count = 0;
    long keeping = 0;
    for (int r = 0; r < rows; r++) {
      if (counted.test(r)) {
        count++;
        keeping += kept.test(r) ? 1 : 0;
      }
    }
    return new Validity.ColumnScore(name, count == 0 ? Double.NaN : (double) keeping / count);
  }
}
