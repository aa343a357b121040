package org.cfdmspark.encoding;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.cfdmspark.encoding.ColumnFormula.Operation;

/**
 * Finds the number columns that are a sum, product or quotient of two others ({@link ColumnFormula}) in every
 * training row where the three are present, to within half a step of the result's grid (its decimals; a millionth of
 * the result for unrounded doubles). A rule counts only with evidence: at least {@value #MIN_ROWS} rows with the
 * three present in which the result is not 0 and equals neither column (else it is an equality, which {@link
 * ColumnEqualities} keeps: a sum with zero, a product with one); a quotient's rows with a zero divisor count neither way. A number
 * set from a category ({@code operandsOnly}) is an operand at most (bill = seats * a plan's price). A result is not an
 * operand of another formula (see {@link #find(double[][], double[])}). Searched among at most {@value
 * Inequalities#MAX_COLUMNS} number columns (the triples grow as their cube; a test usually stops at a table's first
 * rows).
 */
public final class ColumnFormulas {
  static final int MIN_ROWS = 50;
  /** The relative tolerance of an unrounded result. */
  private static final double RELATIVE = 1e-6;

  /**
   * A formula between columns given by position.
   *
   * @param first the operation's first column
   * @param second its second column
   * @param result the column that is {@code first operation second}
   * @param operation the operation
   */
  public record Found(int first, int second, int result, Operation operation) {
  }

  private ColumnFormulas() {
  }

  /**
   * The formulas between the number columns of {@code columns}, whose cells are {@code numbers} ({@link
   * NumberCells#of}; null for other columns), in column order of their results.
   */
  static List<ColumnFormula> find(double[][] numbers, List<ColumnCodec> columns, Set<String> operandsOnly) {
    double[] steps = new double[columns.size()];
    boolean[] operandOnly = new boolean[columns.size()];
    for (int c = 0; c < columns.size(); c++) {
      steps[c] = numbers[c] == null ? 0 : ((NumericColumnCodec) columns.get(c)).gridStep();
      operandOnly[c] = operandsOnly.contains(columns.get(c).name());
    }
    return find(numbers, steps, operandOnly).stream().map(f -> new ColumnFormula(columns.get(f.first()).name(),
        columns.get(f.second()).name(), columns.get(f.result()).name(), f.operation())).toList();
  }

  /**
   * The formulas between number columns given as values, in order of their results.
   *
   * @param values values[c][r] is row r's value in column c, NaN where missing; null for a column that takes no part
   * @param steps each column's grid step in its units (0: unrounded), which sets the tolerance of its results
   */
  public static List<Found> find(double[][] values, double[] steps) {
    return find(values, steps, new boolean[values.length]);
  }

  /** As {@link #find(double[][], double[])}, with columns that may be operands but no result ({@code operandOnly}). */
  static List<Found> find(double[][] values, double[] steps, boolean[] operandOnly) {
    List<Integer> numbers = new ArrayList<>();
    for (int c = 0; c < values.length; c++) {
      if (values[c] != null) {
        numbers.add(c);
      }
    }
    List<Found> found = new ArrayList<>();
    if (numbers.size() < 3 || numbers.size() > Inequalities.MAX_COLUMNS) {
      return found;
    }
    // Three columns of a formula make others too (amount = quantity * price: price = amount / quantity; conversion =
    // buys / visits: buys = visits * conversion): the result is taken to be the column written most finely for its
    // size (its step over its median magnitude: a computed amount in cents, a ratio to 4 decimals), then the one of
    // most distinct values, and a column is a result or an operand, not both, so that decoding sets each result
    // from cells that are final.
    List<Integer> byFineness = new ArrayList<>(numbers);
    double[] relativeStep = new double[values.length];
    int[] distinct = new int[values.length];
    for (int c : numbers) {
      relativeStep[c] = steps[c] / Math.max(Double.MIN_NORMAL, medianMagnitude(values[c]));
      distinct[c] = distinctValues(values[c]);
    }
    byFineness.sort(Comparator.<Integer>comparingDouble(c -> relativeStep[c])
        .thenComparing(c -> -distinct[c]).thenComparing(c -> c));
    Set<Integer> results = new HashSet<>();
    Set<Integer> operands = new HashSet<>();
    for (int result : byFineness) {
      if (operands.contains(result) || operandOnly[result]) {
        continue;
      }
      List<Integer> candidates = numbers.stream().filter(c -> !results.contains(c)).toList();
      Found formula = formula(result, candidates, values, steps[result]);
      if (formula != null) {
        found.add(formula);
        results.add(result);
        operands.add(formula.first());
        operands.add(formula.second());
      }
    }
    found.sort(Comparator.comparingInt(Found::result));
    return found;
  }

  /** The median of a column's absolute values (NaN, missing, left out); 0 for a column without values. */
  private static double medianMagnitude(double[] column) {
    double[] magnitudes = Arrays.stream(column).filter(v -> !Double.isNaN(v)).map(Math::abs).sorted().toArray();
    return magnitudes.length == 0 ? 0 : magnitudes[magnitudes.length / 2];
  }

  /** The distinct values of a column (NaN, missing, not counted). */
  private static int distinctValues(double[] column) {
    double[] sorted = column.clone();
    Arrays.sort(sorted); // NaN last
    int distinct = 0;
    for (int r = 0; r < sorted.length && !Double.isNaN(sorted[r]); r++) {
      distinct += r == 0 || sorted[r] != sorted[r - 1] ? 1 : 0;
    }
    return distinct;
  }

  /** The first formula (sums first, then products, then quotients) whose result column {@code result} is, or null. */
  private static Found formula(int result, List<Integer> numbers, double[][] values, double step) {
    for (Operation operation : Operation.values()) {
      for (int i = 0; i < numbers.size(); i++) {
        for (int j = operation.symmetric() ? i + 1 : 0; j < numbers.size(); j++) {
          int a = numbers.get(i);
          int b = numbers.get(j);
          if (a != result && b != result && a != b
              && holds(operation, values[a], values[b], values[result], step)) {
            return new Found(a, b, result, operation);
          }
        }
      }
    }
    return null;
  }

  /** Whether s = a op b in every row with all three present, with evidence (see the class comment). */
  private static boolean holds(Operation operation, double[] a, double[] b, double[] s, double step) {
    int informative = 0;
    for (int r = 0; r < s.length; r++) {
      if (Double.isNaN(a[r]) || Double.isNaN(b[r]) || Double.isNaN(s[r])) {
        continue;
      }
      if (operation == Operation.QUOTIENT && b[r] == 0) {
        continue; // no quotient: the table's own value (0, say) for it is no evidence either way
      }
      double value = operation.apply(a[r], b[r]);
      double tolerance = step > 0 ? step / 2 * (1 + 1e-9) : RELATIVE * Math.max(1, Math.abs(s[r]));
      if (!(Math.abs(value - s[r]) <= tolerance)) {
        return false;
      }
      // A result of 0 is no evidence: a quotient below half the result's step rounds to it whatever its columns (in
      // adult, capital-gain is 0 wherever capital-loss is not, and age / capital-loss < 0.5 made a "formula").
      informative += s[r] != a[r] && s[r] != b[r] && s[r] != 0 ? 1 : 0;
    }
    return informative >= MIN_ROWS;
  }
}
