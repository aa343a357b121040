package org.cfdmspark.metrics;

import java.util.HashSet;
import java.util.Set;

/**
 * SDMetrics' KeyUniqueness: 1 − (share of a key column's values that repeat an earlier value), i.e. distinct
 * values / rows; missing counts as a value. 1 when every value is unique. Without metadata the report treats a
 * column as a key when it looks like one in training ({@link #isKey}).
 */
public final class KeyUniqueness {
  /** Fewer training rows than this make "all distinct" too weak a sign of a key. */
  static final int MIN_KEY_ROWS = 20;

  private KeyUniqueness() {
  }

  /** Distinct values / rows; NaN for an empty column. */
  public static double of(EvalColumn column) {
    return column.size() == 0 ? Double.NaN : distinct(column) / (double) column.size();
  }

  /**
   * Whether a training column looks like a key: at least {@value #MIN_KEY_ROWS} rows, no missing cell, every value
   * distinct, and values that identify rather than measure (text, or whole numbers: an id column).
   */
  public static boolean isKey(EvalColumn train) {
    if (train.size() < MIN_KEY_ROWS) {
      return false;
    }
    if (train instanceof EvalColumn.Numeric numeric) {
      for (double v : numeric.values()) {
        if (Double.isNaN(v) || v != Math.rint(v)) {
          return false;
        }
      }
    } else {
      for (String v : ((EvalColumn.Categorical) train).values()) {
        if (v == null) {
          return false;
        }
      }
    }
    return distinct(train) == train.size();
  }

  private static int distinct(EvalColumn column) {
    Set<Object> values = new HashSet<>();
    for (int i = 0; i < column.size(); i++) {
      values.add(column instanceof EvalColumn.Numeric numeric ? (Object) (numeric.values()[i] + 0.0)
          : ((EvalColumn.Categorical) column).values()[i]);
    }
    return values.size();
  }
}
