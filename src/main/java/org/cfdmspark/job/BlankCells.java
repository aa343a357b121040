package org.cfdmspark.job;

import java.util.Locale;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.unsafe.types.UTF8String;

/**
 * Cells of white space only (spaces, tabs: {@code "   "}) among a CSV column's numbers: missing, as empty cells
 * are. Spark reads them as text, which made the whole column text, and --null-value could not name them (the
 * option's value is trimmed to nothing, and one text cannot name blanks of every width), so the advice to give it
 * failed again. A column whose other cells are all numbers (plain, dressed or with a decimal comma) is read as
 * numbers with its blank cells missing, and a one-line note says so. A text column keeps its blank cells as values.
 */
final class BlankCells {
  /** White space as Java's {@code \s} and Spark's {@code rlike} take it. */
  private static final String BLANK = "^\\s+$";

  private BlankCells() {
  }

  /** Whether a present cell is white space only: ASCII space, tab, line break, vertical tab or form feed. */
  static boolean isBlank(UTF8String cell) {
    int bytes = cell.numBytes();
    if (bytes == 0) {
      return false;
    }
    for (int k = 0; k < bytes; k++) {
      byte b = cell.getByte(k);
      if (b != ' ' && b != '\t' && b != '\n' && b != 0x0B && b != '\f' && b != '\r') {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether a number cell of a text column keeps it text as {@link TableReader} keeps Spark's number columns: a
   * zero-padded code (01234) or a whole number of more digits than a long holds (ids).
   *
   * @param shape the cell's {@link NumberForm#shape}
   */
  static boolean keepsText(String cell, Row shape) {
    boolean whole = !shape.getBoolean(0) && shape.getInt(1) == 0;
    return CellChecks.ZERO_PADDED.matcher(cell).find() || whole && !shape.isNullAt(5) && shape.getInt(5) >= 18;
  }

  /** The column with its blank cells missing (null), its other cells as they are. */
  static Column asMissing(Column column) {
    return functions.when(column.rlike(BLANK), functions.lit(null)).otherwise(column);
  }

  /** The one-line note for a number column with {@code blank} blank cells among its {@code rows}. */
  static String note(String column, long blank, long rows) {
    return String.format(Locale.ROOT, "note: column '%s' holds numbers and %,d blank cells (white space only) of "
        + "%,d: read as missing, as empty cells are", column, blank, rows);
  }
}
