package org.cfdmspark.encoding;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;

/**
 * The categorical columns' cells of fitted rows as their codes ({@link CategoricalColumnCodec#slot}): what the
 * searches for dependencies ({@link CategoryDependencies}, {@link NumberDependencies}) share, computed once.
 *
 * @param positions each coded column's position among the columns, at most {@value CategoryDependencies#MAX_COLUMNS}
 *     (the first ones)
 * @param codes codes[k][r]: row r's code in coded column k
 * @param codeCounts each coded column's number of codes (its codec's width)
 */
record CategoryCodes(List<Integer> positions, int[][] codes, int[] codeCounts) {
  /** The codes of {@code rows}, whose fields are the columns of {@code columns} in order. */
  static CategoryCodes of(List<Row> rows, List<ColumnCodec> columns) {
    List<Integer> positions = new ArrayList<>();
    for (int c = 0; c < columns.size() && positions.size() < CategoryDependencies.MAX_COLUMNS; c++) {
      if (columns.get(c) instanceof CategoricalColumnCodec) {
        positions.add(c);
      }
    }
    int[][] codes = new int[positions.size()][];
    int[] codeCounts = new int[positions.size()];
    for (int k = 0; k < codes.length; k++) {
      int c = positions.get(k);
      CategoricalColumnCodec codec = (CategoricalColumnCodec) columns.get(c);
      codes[k] = new int[rows.size()];
      for (int r = 0; r < rows.size(); r++) {
        codes[k][r] = codec.slot(rows.get(r).get(c));
      }
      codeCounts[k] = codec.width();
    }
    return new CategoryCodes(List.copyOf(positions), codes, codeCounts);
  }
}
