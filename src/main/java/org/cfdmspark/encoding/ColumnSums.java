package org.cfdmspark.encoding;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Finds the number columns that are the sum of two others in every training row where the three are present
 * ({@link ColumnSum}), to within half a step of the sum's grid (its decimals; a millionth of the sum for unrounded
 * doubles). A rule counts only with evidence: at least {@value #MIN_ROWS} rows with all three present, in
 * {@value #MIN_ROWS} of which each added column is not zero (else the sum is an equality, which {@link
 * ColumnEqualities} keeps). Dates and timestamps take no part (a date plus a number of days mixes units); nor do
 * the numbers that another relation sets ({@code excluded}: those set from a category, or by an equality). A sum is
 * not added in turn, so that decoding sets each sum from cells that are final. Searched among at most {@value
 * Inequalities#MAX_COLUMNS} number columns (the triples grow as their cube).
 */
public final class ColumnSums {
  static final int MIN_ROWS = 50;
  /** The relative tolerance of an unrounded sum. */
  private static final double RELATIVE = 1e-6;

  private ColumnSums() {
  }

  /**
   * The sums between the number columns of {@code columns}, whose cells are {@code numbers} ({@link NumberCells#of};
   * null for other columns), in column order of the sums.
   */
  static List<ColumnSum> find(double[][] numbers, List<ColumnCodec> columns, Set<String> excluded) {
    double[][] values = numbers.clone();
    double[] steps = new double[columns.size()];
    for (int c = 0; c < columns.size(); c++) {
      if (values[c] != null && (((NumericColumnCodec) columns.get(c)).type().temporal()
          || excluded.contains(columns.get(c).name()))) {
        values[c] = null;
      }
      steps[c] = values[c] == null ? 0 : ((NumericColumnCodec) columns.get(c)).gridStep();
    }
    return find(values, steps).stream().map(sum -> new ColumnSum(columns.get(sum[0]).name(),
        columns.get(sum[1]).name(), columns.get(sum[2]).name())).toList();
  }

  /**
   * The sums between number columns given as values: {@code {first, second, sum}} positions, in order of the sums.
   *
   * @param values values[c][r] is row r's value in column c, NaN where missing; null for a column that takes no part
   * @param steps each column's grid step in its units (0: unrounded), which sets the tolerance of its sums
   */
  public static List<int[]> find(double[][] values, double[] steps) {
    List<Integer> numbers = new ArrayList<>();
    for (int c = 0; c < values.length; c++) {
      if (values[c] != null) {
        numbers.add(c);
      }
    }
    List<int[]> found = new ArrayList<>();
    if (numbers.size() < 3 || numbers.size() > Inequalities.MAX_COLUMNS) {
      return found;
    }
    for (int s : numbers) {
      int[] parts = parts(s, numbers, values, steps[s]);
      if (parts != null) {
        found.add(new int[] {parts[0], parts[1], s});
      }
    }
    // A part that is itself a sum would be set after the sum that adds it (or before it): drop the rules that add one.
    return found.stream().filter(f -> found.stream().noneMatch(g -> g[2] == f[0] || g[2] == f[1])).toList();
  }

  /** The first two columns of {@code numbers} whose sum column s is, or null. */
  private static int[] parts(int s, List<Integer> numbers, double[][] values, double step) {
    for (int i = 0; i < numbers.size(); i++) {
      for (int j = i + 1; j < numbers.size(); j++) {
        int a = numbers.get(i);
        int b = numbers.get(j);
        if (a != s && b != s && holds(values[a], values[b], values[s], step)) {
          return new int[] {a, b};
        }
      }
    }
    return null;
  }

  /** Whether s = a + b in every row with all three present, with evidence (see the class comment). */
  private static boolean holds(double[] a, double[] b, double[] s, double step) {
    int rows = 0;
    int nonZeroA = 0;
    int nonZeroB = 0;
    for (int r = 0; r < s.length; r++) {
      if (Double.isNaN(a[r]) || Double.isNaN(b[r]) || Double.isNaN(s[r])) {
        continue;
      }
      double tolerance = step > 0 ? step / 2 * (1 + 1e-9) : RELATIVE * Math.max(1, Math.abs(s[r]));
      if (Math.abs(a[r] + b[r] - s[r]) > tolerance) {
        return false;
      }
      rows++;
      nonZeroA += a[r] != 0 ? 1 : 0;
      nonZeroB += b[r] != 0 ? 1 : 0;
    }
    return rows >= MIN_ROWS && nonZeroA >= MIN_ROWS && nonZeroB >= MIN_ROWS;
  }
}
