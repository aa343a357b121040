package org.cfdmspark.job;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructField;

/**
 * The note for a CSV whose header looks like a row of data: a file without a header line, whose first row Spark
 * takes for the column names (a new user's names, towns, ages and amounts came out as columns named
 * {@code Björn,Köln,29,54.18}, and that row was not modelled). A name looks like data when its column holds it as
 * a value (Björn among the names), or when it is a number with decimals over a column of numbers (54.18): names
 * rarely are. A whole number is not enough by itself: years (2023) head the columns of many a wide table. A note,
 * not a refusal: such a header can be meant.
 */
final class HeaderAsData {
  /** A number with a fractional part or an exponent, as Spark reads numbers. */
  private static final Pattern FRACTIONAL = Pattern.compile("\\s*[+-]?(\\d*\\.\\d+|\\d+\\.\\d*|\\d+(\\.\\d*)?"
      + "[eE][+-]?\\d+)\\s*");
  /** A number, whole or not, as a CSV writes one. */
  private static final Pattern NUMBER = Pattern.compile("\\s*[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?\\s*");
  /** Columns the note names at most. */
  private static final int NAMED = 3;

  private HeaderAsData() {
  }

  /** Whether a header name is a number: a header that names two columns so is likelier a row of data. */
  static boolean isNumber(String name) {
    return NUMBER.matcher(name).matches();
  }

  /**
   * The note for the CSV at {@code path} with the inferred {@code fields}, whose cells {@code found} tallied; null
   * when no name looks like data.
   */
  static String note(String path, StructField[] fields, CellChecks found) {
    List<String> reasons = new ArrayList<>();
    for (int c = 0; c < fields.length; c++) {
      String name = fields[c].name();
      if (found.nameCells(c) > 0) {
        reasons.add(String.format(Locale.ROOT, "column '%s' holds the value '%s' in %,d rows", name, name,
            found.nameCells(c)));
      } else if (fields[c].dataType() instanceof NumericType && FRACTIONAL.matcher(name).matches()) {
        reasons.add("column '" + name + "' is named by a number, and holds numbers");
      }
    }
    if (reasons.isEmpty()) {
      return null;
    }
    return "note: the header of '" + path + "' looks like a row of data (" + String.join("; ",
        reasons.subList(0, Math.min(NAMED, reasons.size()))) + (reasons.size() > NAMED ? "; …" : "") + "): if the "
        + "file has no header line, add one naming its columns; without it, its first row is read as the names and "
        + "not modelled";
  }
}
