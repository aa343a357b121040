package org.cfdmspark.encoding;

import static org.apache.spark.sql.functions.count;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Columns without a single value (all cells missing: an unused form field, a column of NA). There is nothing to
 * model in them, so the model keeps them as they are, empty, as if they had been named in --ignore: refusing
 * them would only make the user rerun with that option.
 */
public final class EmptyColumns {
  private EmptyColumns() {
  }

  /** The columns among {@code names} whose every cell in {@code table} is null, in the order given; one pass. */
  public static List<String> of(Dataset<Row> table, List<String> names) {
    if (names.isEmpty()) {
      return List.of();
    }
    Column[] counts = names.stream().map(name -> count(ColumnNames.column(name))).toArray(Column[]::new);
    Row present = table.agg(counts[0], Arrays.copyOfRange(counts, 1, counts.length)).first();
    List<String> empty = new ArrayList<>();
    for (int c = 0; c < names.size(); c++) {
      if (present.getLong(c) == 0) {
        empty.add(names.get(c));
      }
    }
    return empty;
  }

  /** The columns among {@code names} (the fields of {@code rows}, in order) whose every cell is null. */
  public static List<String> of(List<Row> rows, List<String> names) {
    List<String> empty = new ArrayList<>();
    for (int c = 0; c < names.size(); c++) {
      int column = c;
      if (rows.stream().allMatch(row -> row.isNullAt(column))) {
        empty.add(names.get(c));
      }
    }
    return empty;
  }
}
