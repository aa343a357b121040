package org.cfdmspark.metrics;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Synthetic rows equal to some training row on every decoded value. Missing equals missing; numbers compare
 * as values (0.0 equals −0.0).
 *
 * @param count synthetic rows that copy a training row (each copy counts, duplicates included)
 * @param rate {@code count} / |S|
 */
public record ExactCopies(int count, double rate) {

  /** Counts the rows of {@code synthetic} found in {@code train}; both need the same columns in the same order. */
  public static ExactCopies find(EvalTable train, EvalTable synthetic) {
    train.requireSameSchema(synthetic, "synthetic");
    Set<RowKey> trainRows = new HashSet<>();
    for (int row = 0; row < train.rows(); row++) {
      trainRows.add(RowKey.of(train.columns(), row));
    }
    int count = 0;
    for (int row = 0; row < synthetic.rows(); row++) {
      if (trainRows.contains(RowKey.of(synthetic.columns(), row))) {
        count++;
      }
    }
    return new ExactCopies(count, synthetic.rows() == 0 ? Double.NaN : count / (double) synthetic.rows());
  }

  /** One row's values, hashed and compared as an array. */
  private record RowKey(Object[] values) {
    static RowKey of(List<EvalColumn> columns, int row) {
      Object[] values = new Object[columns.size()];
      for (int c = 0; c < values.length; c++) {
        // Boxed Double equality holds for NaN = NaN (missing = missing) but tells 0.0 from −0.0; + 0.0 folds
        // −0.0 into 0.0.
        values[c] = columns.get(c) instanceof EvalColumn.Numeric numeric
            ? (Object) (numeric.values()[row] + 0.0)
            : ((EvalColumn.Categorical) columns.get(c)).values()[row];
      }
      return new RowKey(values);
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof RowKey key && Arrays.equals(values, key.values);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(values);
    }
  }
}
