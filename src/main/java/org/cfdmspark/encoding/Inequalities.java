package org.cfdmspark.encoding;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.cfdmspark.config.BadInputException;

/**
 * Finds the inequalities between pairs of number columns, or of date and time columns (a date at its midnight,
 * {@link NumericType#comparisonUnit}), that every training row satisfies ({@link Inequality}), in one pass over
 * the cells: for each pair, the rows with both cells present and those where the first is above,
 * at least, below and at most the second. A pair whose ranges do not overlap is left out (clipping to each
 * column's range keeps it already), as are tables of more than {@value #MAX_COLUMNS} number columns (the pairs'
 * counts grow as their square). Stated inequalities are checked in the same pass and refused with the count of
 * rows that break them.
 */
final class Inequalities {
  /** Pairs are searched among at most this many number columns. */
  static final int MAX_COLUMNS = 40;
  private static final int PER_PAIR = 5;
  private static final int BOTH = 0;
  private static final int GT = 1;
  private static final int GE = 2;
  private static final int LT = 3;
  private static final int LE = 4;

  private Inequalities() {
  }

  /**
   * The stated inequalities, then those found (no duplicate of a stated one).
   *
   * @param rows the fitted rows; their fields are the columns of {@code columns}, in order
   */
  static List<Inequality> find(List<Row> rows, List<ColumnCodec> columns, List<String> statedText) {
    List<Inequality> stated = statedText.stream().map(Inequality::parse).toList();
    List<String> names = columns.stream().map(ColumnCodec::name).toList();
    double[][] values = NumberCells.of(rows, columns);
    List<Integer> numbers = new ArrayList<>();
    for (int c = 0; c < columns.size(); c++) {
      if (values[c] != null) {
        numbers.add(c);
        values[c] = NumberCells.compared(values[c], (NumericColumnCodec) columns.get(c));
      }
    }
    for (Inequality inequality : stated) {
      int lower = names.indexOf(inequality.lower());
      int upper = names.indexOf(inequality.upper());
      if (lower >= 0 && upper >= 0 && columns.get(lower) instanceof NumericColumnCodec low
          && columns.get(upper) instanceof NumericColumnCodec high && low.type().temporal() != high.type().temporal()) {
        throw new BadInputException("--constraint \"" + inequality + "\" compares a date or time column with a "
            + "number column; constrain two number columns, or two date or time columns");
      }
      double[] a = lower < 0 ? null : values[lower] != null ? values[lower] : raw(rows, lower);
      double[] b = upper < 0 ? null : values[upper] != null ? values[upper] : raw(rows, upper);
      if (a != null && b != null) { // else the codec refuses it, naming the columns
        long broken = count(a, b)[inequality.strict() ? GE : GT];
        if (broken > 0) {
          throw new BadInputException("--constraint \"" + inequality + "\" is broken by " + broken + " of the "
              + "training rows; fix those rows or drop the constraint");
        }
      }
    }
    List<Inequality> found = new ArrayList<>(stated);
    if (numbers.size() > MAX_COLUMNS) {
      return List.copyOf(found);
    }
    for (int i = 0; i < numbers.size(); i++) {
      for (int j = i + 1; j < numbers.size(); j++) {
        int x = numbers.get(i);
        int y = numbers.get(j);
        if (!NumberCells.orderable((NumericColumnCodec) columns.get(x), (NumericColumnCodec) columns.get(y))) {
          continue;
        }
        long[] counts = count(values[x], values[y]);
        if (counts[BOTH] == 0) {
          continue; // no row has both: nothing to keep
        }
        String a = names.get(x);
        String b = names.get(y);
        Inequality inequality = counts[GE] == 0 ? new Inequality(a, b, true)
            : counts[GT] == 0 ? new Inequality(a, b, false)
            : counts[LE] == 0 ? new Inequality(b, a, true)
            : counts[LT] == 0 ? new Inequality(b, a, false) : null;
        if (inequality != null && stated.stream().noneMatch(s -> s.lower().equals(inequality.lower())
            && s.upper().equals(inequality.upper()))) {
          found.add(inequality);
        }
      }
    }
    return List.copyOf(found);
  }

  /**
   * Column c's cells as numbers (dates and timestamps in microseconds, a date at its midnight) for a stated inequality on a
   * column of few values (modelled as categories, yet still numbers); null if a cell is not a number.
   */
  private static double[] raw(List<Row> rows, int c) {
    double[] values = new double[rows.size()];
    for (int r = 0; r < values.length; r++) {
      Object cell = rows.get(r).get(c);
      if (cell == null) {
        values[r] = Double.NaN;
      } else if (cell instanceof Number number) {
        values[r] = number.doubleValue();
      } else if (cell instanceof java.sql.Date || cell instanceof java.time.LocalDate) {
        values[r] = NumericType.DATE.whole(cell) * NumericType.DATE.comparisonUnit();
      } else if (cell instanceof java.util.Date || cell instanceof java.time.temporal.Temporal) {
        values[r] = NumericType.TIMESTAMP.whole(cell);
      } else {
        return null;
      }
    }
    return values;
  }

  /** For the rows with both cells present (not NaN): how many, and how many with a > b, a >= b, a < b, a <= b. */
  private static long[] count(double[] a, double[] b) {
    long[] counts = new long[PER_PAIR];
    for (int r = 0; r < a.length; r++) {
      double u = a[r];
      double v = b[r];
      if (u == u && v == v) {
        counts[BOTH]++;
        counts[GT] += u > v ? 1 : 0;
        counts[GE] += u >= v ? 1 : 0;
        counts[LT] += u < v ? 1 : 0;
        counts[LE] += u <= v ? 1 : 0;
      }
    }
    return counts;
  }
}
