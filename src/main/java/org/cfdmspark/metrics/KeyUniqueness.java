package org.cfdmspark.metrics;

import java.util.HashSet;
import java.util.Set;

/**
 * SDMetrics' KeyUniqueness: 1 − (share of a key column's values that repeat an earlier value), i.e. distinct
 * values / rows; missing counts as a value. 1 when every value is unique. The report checks the columns its
 * training codec treats as keys.
 */
public final class KeyUniqueness {
  private KeyUniqueness() {
  }

  /** Distinct values / rows; NaN for an empty column. */
  public static double of(EvalColumn column) {
    return column.size() == 0 ? Double.NaN : distinct(column) / (double) column.size();
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
