package org.cfdmspark.job;

import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.functions;
import org.cfdmspark.config.Settings;
import org.cfdmspark.encoding.ColumnNames;
import org.cfdmspark.ml.RunSeed;

/**
 * The --holdout-fraction split of the training rows. Each row is held out when a seeded 64-bit hash of its values
 * falls in the lowest {@code fraction} of the hash range: the decision is a function of the row and the seed alone,
 * so the same rows are held out however the input is ordered or partitioned, and equal rows fall on the same side
 * (a duplicate of a held-out row never reaches the model).
 */
final class HoldoutSplit {
  /** Written inside the output directory; the underscore makes Spark's readers of the output skip it. */
  static final String DIRECTORY = "_holdout";

  private HoldoutSplit() {
  }

  /** The rows that train the model: all of them when no holdout is asked for. */
  static Dataset<Row> training(Dataset<Row> rows, Column[] hashed, Settings settings) {
    double fraction = settings.get(JobKnobs.HOLDOUT_FRACTION);
    return fraction == 0 ? rows : rows.where(functions.not(heldOut(hashed, fraction, settings)));
  }

  /** The held-out rows; null when no holdout is asked for. */
  static Dataset<Row> holdout(Dataset<Row> rows, Column[] hashed, Settings settings) {
    double fraction = settings.get(JobKnobs.HOLDOUT_FRACTION);
    return fraction == 0 ? null : rows.where(heldOut(hashed, fraction, settings));
  }

  /** Writes the held-out rows as CSV with a header into {@code outputDirectory}/{@value #DIRECTORY}. */
  static void write(Dataset<Row> holdout, Path outputDirectory, String nullValue) {
    if (holdout != null) {
      holdout.write().mode(SaveMode.ErrorIfExists).option("header", "true").option("nullValue", nullValue)
          .csv(new Path(outputDirectory, DIRECTORY).toString());
    }
  }

  /** Whether a row is held out: a seeded hash of the {@code hashed} columns' values. */
  private static Column heldOut(Column[] hashed, double fraction, Settings settings) {
    List<Column> values = new ArrayList<>();
    values.add(functions.lit(RunSeed.of(settings)));
    values.addAll(List.of(hashed));
    // The top 53 bits of the hash as a uniform number in [0, 1).
    Column uniform = functions.shiftrightunsigned(functions.xxhash64(values.toArray(Column[]::new)), 11)
        .cast("double").divide(Math.pow(2, 53));
    return uniform.lt(fraction);
  }
}
