package org.cfdmspark.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Row;
import org.cfdmspark.encoding.CategoricalColumnCodec;
import org.cfdmspark.encoding.ColumnCodec;
import org.cfdmspark.encoding.KeyColumnCodec;
import org.cfdmspark.encoding.NumericColumnCodec;
import org.cfdmspark.encoding.TableCodec;
import org.cfdmspark.knn.RowMatrix;
import org.cfdmspark.metrics.EvalColumn;
import org.cfdmspark.metrics.EvalTable;

/**
 * Collected rows (the codec's columns, in order) as a report table: decoded for the column metrics, encoded with
 * the training codec for the distances. Key columns ({@link KeyColumnCodec}) are set apart: their values identify
 * rows and are regenerated, not modelled, so they take no part in fidelity, detection or distances, only in the
 * key-uniqueness check. Unlike sampling, a report meets rows the codec was not fitted on
 * (holdout or another generator's output), so a category the training rows lack, or a missing cell in a column
 * that had none, is encoded as an all-zero block instead of failing: it matches no training category.
 */
public final class ReportRows {
  private ReportRows() {
  }

  public static ReportTables.Table table(String path, long totalRows, List<Row> rows, TableCodec codec) {
    List<ColumnCodec> columns = codec.columns();
    int width = codec.width();
    float[] encoded = new float[rows.size() * width];
    List<EvalColumn> decoded = new ArrayList<>();
    List<EvalColumn> keys = new ArrayList<>();
    for (int c = 0, offset = 0; c < columns.size(); offset += columns.get(c).width(), c++) {
      ColumnCodec column = columns.get(c);
      boolean numeric = column instanceof NumericColumnCodec;
      double[] numbers = numeric ? new double[rows.size()] : null;
      String[] categories = numeric ? null : new String[rows.size()];
      for (int r = 0; r < rows.size(); r++) {
        Object value = rows.get(r).get(c);
        if (numeric) {
          numbers[r] = value == null ? Double.NaN : ((NumericColumnCodec) column).number(value);
        } else {
          categories[r] = value == null ? null : String.valueOf(value);
        }
        encode(column, value, encoded, r * width + offset);
      }
      (column instanceof KeyColumnCodec ? keys : decoded).add(numeric ? new EvalColumn.Numeric(column.name(),
          numbers) : new EvalColumn.Categorical(column.name(), categories));
    }
    return new ReportTables.Table(path, totalRows, new EvalTable(decoded), RowMatrix.of(rows.size(), width, encoded),
        new EvalTable(keys));
  }

  private static void encode(ColumnCodec column, Object value, float[] out, int offset) {
    if (column instanceof CategoricalColumnCodec categorical && !known(categorical, value)) {
      Arrays.fill(out, offset, offset + column.width(), 0f);
      return;
    }
    column.encode(value, out, offset);
  }

  private static boolean known(CategoricalColumnCodec column, Object value) {
    return value == null ? column.hasMissing() : Arrays.asList(column.levels()).contains(value);
  }
}
