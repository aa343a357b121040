package org.cfdmspark.ml;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.cfdmspark.config.BadInputException;
import org.cfdmspark.encoding.CellOrder;
import org.cfdmspark.encoding.TableCodec;
import org.cfdmspark.knn.RowMatrix;

/**
 * The training rows on the driver: collected once, within --broadcast-budget-mb (the encoded matrix is held by the
 * driver and by every executor, so the rows must fit it anyway), sorted into their canonical order, and encoded
 * into one {@link RowMatrix}.
 */
final class TrainingMatrix {
  private TrainingMatrix() {
  }

  /**
   * All rows of {@code table}, in the order Spark returns them (which depends on the files and partitions the rows
   * came in: {@link #sort} them). One Spark job, which stops at the most rows whose cells, one float each, fit the
   * budget.
   *
   * @throws BadInputException when the table has more rows than that
   */
  static List<Row> collect(Dataset<Row> table, long budgetBytes) {
    int columns = Math.max(1, table.columns().length);
    long most = Math.min(budgetBytes / ((long) Float.BYTES * columns), Integer.MAX_VALUE - 16);
    List<Row> rows = new ArrayList<>(table.limit((int) most + 1).collectAsList());
    if (rows.size() > most) {
      throw new BadInputException(String.format("the training table has more than %,d rows, the most whose %d "
          + "columns fit %s %d (a float per cell at least); raise it, or model fewer rows or columns", most, columns,
          ModelKnobs.BROADCAST_BUDGET_MB.option(), budgetBytes / (1024 * 1024)));
    }
    return rows;
  }

  /** Sorts {@code rows} by {@link CellOrder#ROWS}: the same list whatever files and partitions the rows came in. */
  static void sort(List<Row> rows) {
    rows.sort(CellOrder.ROWS);
  }

  /** Refuses a training matrix of {@code rows} x {@code width} floats over the budget, before it is encoded. */
  static void checkBudget(long rows, int width, long budgetBytes) {
    long values = rows * width;
    long bytes = values * Float.BYTES;
    if (bytes > budgetBytes || values > Integer.MAX_VALUE - 8) {
      throw new BadInputException(String.format("the encoded training matrix (%,d rows x %d values = %,.1f MB) "
          + "exceeds %s %d; raise it, or model fewer rows or columns", rows, width, bytes / (1024.0 * 1024.0),
          ModelKnobs.BROADCAST_BUDGET_MB.option(), budgetBytes / (1024 * 1024)));
    }
  }

  /** Encodes {@code rows} (the codec's columns, nulls for missing cells), in order. The caller has checked the budget. */
  static RowMatrix encode(List<Row> rows, TableCodec codec) {
    int width = codec.width();
    float[] all = new float[rows.size() * width];
    for (int r = 0; r < rows.size(); r++) {
      codec.encode(rows.get(r), all, r * width);
    }
    return RowMatrix.of(rows.size(), width, all);
  }
}
