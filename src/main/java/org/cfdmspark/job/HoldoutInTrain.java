package org.cfdmspark.job;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * A report's --train that still holds its --holdout rows: the input before generate --holdout-fraction split it
 * off (README's example passes the input as --train). Each held-out row would then lie at distance 0 from its own
 * copy in the training table, and every holdout figure would look perfect, so the report sets those copies aside,
 * as the split did. The rows are compared as multisets: each held-out row must find an equal training row of its
 * own. When only some find one, they are the repeats fresh rows of the table show too (the identical-match share's
 * reference), and the training table stays whole.
 */
final class HoldoutInTrain {
  private HoldoutInTrain() {
  }

  /**
   * The training rows to report on.
   *
   * @param rows the training table, less the held-out rows when it held them all
   * @param setAside held-out rows taken out of it, one copy each; 0 when it was left whole
   */
  record Training(Dataset<Row> rows, long setAside) {
  }

  /**
   * {@code train} less one equal row per {@code holdout} row when every holdout row finds one (Spark's
   * {@code exceptAll}: nulls equal, NaN equal, -0.0 equal to 0.0), otherwise {@code train} itself. Both tables
   * must have the same columns in the same order and types: the cells as the report reads them. Runs two Spark
   * jobs (the holdout's count and the containment check); the difference itself is lazy.
   */
  static Training setAside(Dataset<Row> train, Dataset<Row> holdout) {
    long held = holdout.count();
    if (held == 0 || !holdout.exceptAll(train).isEmpty()) {
      return new Training(train, 0);
    }
    return new Training(train.exceptAll(holdout), held);
  }
}
