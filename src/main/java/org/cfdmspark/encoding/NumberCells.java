package org.cfdmspark.encoding;

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
}
