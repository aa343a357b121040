package org.cfdmspark.report;

import org.cfdmspark.knn.RowMatrix;
import org.cfdmspark.metrics.EvalTable;

/**
 * The tables a report compares, each both decoded (for the column metrics) and encoded in the training codec's
 * space (for distances, detection and PCA): row i of a table's matrix encodes row i of its {@link EvalTable}.
 *
 * @param holdout rows the generator never saw; null when there is none (then no floor and no holdout figures)
 */
public record ReportTables(Table train, Table synthetic, Table holdout) {

  /**
   * One table as the report sees it.
   *
   * @param path where it was read from
   * @param totalRows rows in the table
   * @param decoded the rows used (all, or a seeded subsample of {@code totalRows}), less the key columns
   * @param encoded the same rows encoded
   * @param keys the same rows' key columns (the codec's: new, unique values in a synthetic table, not modelled),
   *     which only the validity check's key uniqueness looks at
   */
  public record Table(String path, long totalRows, EvalTable decoded, RowMatrix encoded, EvalTable keys) {
    public Table {
      if (decoded.rows() != encoded.rows()) {
        throw new IllegalArgumentException(path + ": " + decoded.rows() + " decoded rows but " + encoded.rows()
            + " encoded");
      }
    }
  }
}
