package org.cfdmspark.encoding;

import java.util.Comparator;
import org.apache.spark.sql.Row;

/**
 * A total order of the cells of one column, missing cells first: numbers by value (NaN last, −0.0 before 0.0),
 * text by code point (the order of Spark's UTF-8 strings), false before true, dates and timestamps in time.
 * Fitting sorts the training rows by it, so that the model is the same whatever order the cluster delivers them
 * in: equal rows under this order are equal in every cell.
 */
public final class CellOrder {
  /** Rows compared cell by cell, first column first; rows must have the same columns. */
  public static final Comparator<Row> ROWS = (a, b) -> {
    for (int c = 0; c < a.length(); c++) {
      int order = compare(a.get(c), b.get(c));
      if (order != 0) {
        return order;
      }
    }
    return 0;
  };

  private CellOrder() {
  }

  /** Negative, 0 or positive as cell a comes before, with or after cell b of the same column (null first). */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public static int compare(Object a, Object b) {
    if (a == null || b == null) {
      return a == null ? (b == null ? 0 : -1) : 1;
    }
    if (a instanceof String x && b instanceof String y) {
      return compareCodePoints(x, y);
    }
    if (a instanceof Double x && b instanceof Double y) {
      return Double.compare(x, y);
    }
    if (a instanceof Float x && b instanceof Float y) {
      return Float.compare(x, y);
    }
    if (a instanceof Comparable x && a.getClass() == b.getClass()) {
      return x.compareTo(b);
    }
    return compareCodePoints(String.valueOf(a), String.valueOf(b));
  }

  /** Strings by code point: UTF-16 order except that surrogates (U+D800..DFFF) sort above U+E000..FFFF. */
  private static int compareCodePoints(String x, String y) {
    int n = Math.min(x.length(), y.length());
    for (int k = 0; k < n; k++) {
      char cx = x.charAt(k);
      char cy = y.charAt(k);
      if (cx != cy) {
        return rank(cx) - rank(cy);
      }
    }
    return x.length() - y.length();
  }

  private static int rank(char c) {
    return c < 0xD800 ? c : c < 0xE000 ? c + 0x2000 : c - 0x800;
  }
}
