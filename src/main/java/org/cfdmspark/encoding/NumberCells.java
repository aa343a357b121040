package org.cfdmspark.encoding;

import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Row;

/**
 * The number columns' cells of fitted rows as numbers, and which pairs of them can be related: what the searches
 * for relations between number columns ({@link Inequalities}, {@link ColumnEqualities}) share.
 */
final class NumberCells {
  private NumberCells() {
  }

  /**
   * values[c][r]: row r's cell of number column c in input units ({@link NumericColumnCodec#number}: days or
   * microseconds for dates and timestamps), NaN where missing; null for a column that is not a number column.
   *
   * @param rows the fitted rows; their fields are the columns of {@code columns}, in order
   */
  static double[][] of(List<Row> rows, List<ColumnCodec> columns) {
    double[][] values = new double[columns.size()][];
    for (int c = 0; c < columns.size(); c++) {
      if (columns.get(c) instanceof NumericColumnCodec codec) {
        values[c] = new double[rows.size()];
        for (int r = 0; r < values[c].length; r++) {
          values[c][r] = rows.get(r).isNullAt(c) ? Double.NaN : codec.number(rows.get(r).get(c));
        }
      }
    }
    return values;
  }

  /**
   * Whether the columns are of one kind (numbers, dates or timestamps) and their ranges overlap (share more than
   * an end point): only then can two of their cells be in an order decoding could break, or be equal.
   */
  static boolean overlap(NumericColumnCodec x, NumericColumnCodec y) {
    boolean comparable = x.type() == y.type() || !x.type().temporal() && !y.type().temporal();
    return comparable && x.lowest() < y.highest() && y.lowest() < x.highest();
  }

  /**
   * Whether an inequality can hold between the columns' cells and be broken by decoding: both numbers or both
   * dates or timestamps (a date at its midnight, {@link NumericType#comparisonUnit}), with ranges that overlap.
   */
  static boolean orderable(NumericColumnCodec x, NumericColumnCodec y) {
    double xUnit = x.type().comparisonUnit();
    double yUnit = y.type().comparisonUnit();
    return x.type().temporal() == y.type().temporal() && x.lowest() * xUnit < y.highest() * yUnit
        && y.lowest() * yUnit < x.highest() * xUnit;
  }

  /** {@code values} in {@code codec}'s comparison units ({@link NumericType#comparisonUnit}): a copy for dates. */
  static double[] compared(double[] values, NumericColumnCodec codec) {
    double unit = codec.type().comparisonUnit();
    return unit == 1 ? values : Arrays.stream(values).map(v -> v * unit).toArray();
  }
}
