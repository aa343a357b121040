package org.cfdmspark.metrics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

/**
 * The feature vectors TSTR's trees see, laid out from the training table: every column but the target, numbers as
 * they are (trees ignore scale) with a missing-value indicator where training has missing cells (a missing number
 * is 0 beside it), categories one-hot over the training values in sorted order (missing as a value of its own when
 * training has it; a value training lacks is all zeros).
 */
final class TstrFeatures {
  private final List<Integer> columns = new ArrayList<>();
  private final List<String[]> levels = new ArrayList<>();
  private final List<Boolean> missingSlot = new ArrayList<>();
  private final int width;

  TstrFeatures(EvalTable train, String target) {
    int width = 0;
    for (int c = 0; c < train.columns().size(); c++) {
      EvalColumn column = train.columns().get(c);
      if (column.name().equals(target)) {
        continue;
      }
      columns.add(c);
      if (column instanceof EvalColumn.Numeric numeric) {
        boolean missing = Arrays.stream(numeric.values()).anyMatch(Double::isNaN);
        levels.add(null);
        missingSlot.add(missing);
        width += missing ? 2 : 1;
      } else {
        String[] values = sortedLevels(((EvalColumn.Categorical) column).values());
        levels.add(values);
        missingSlot.add(false);
        width += values.length;
      }
    }
    this.width = width;
  }

  /** The distinct values in sorted order, missing (null) last. */
  static String[] sortedLevels(String[] values) {
    TreeSet<String> present = new TreeSet<>();
    boolean missing = false;
    for (String v : values) {
      if (v == null) {
        missing = true;
      } else {
        present.add(v);
      }
    }
    List<String> sorted = new ArrayList<>(present);
    if (missing) {
      sorted.add(null);
    }
    return sorted.toArray(String[]::new);
  }

  int width() {
    return width;
  }

  /** Row {@code row} of {@code table} (the training table's columns, in order) as a feature vector. */
  double[] row(EvalTable table, int row) {
    double[] out = new double[width];
    int offset = 0;
    for (int k = 0; k < columns.size(); k++) {
      EvalColumn column = table.columns().get(columns.get(k));
      if (column instanceof EvalColumn.Numeric numeric) {
        double v = numeric.values()[row];
        out[offset] = Double.isNaN(v) ? 0 : v;
        if (missingSlot.get(k)) {
          out[offset + 1] = Double.isNaN(v) ? 1 : 0;
        }
        offset += missingSlot.get(k) ? 2 : 1;
      } else {
        String v = ((EvalColumn.Categorical) column).values()[row];
        String[] values = levels.get(k);
        for (int j = 0; j < values.length; j++) {
          out[offset + j] = v == null ? (values[j] == null ? 1 : 0) : (v.equals(values[j]) ? 1 : 0);
        }
        offset += values.length;
      }
    }
    return out;
  }
}
