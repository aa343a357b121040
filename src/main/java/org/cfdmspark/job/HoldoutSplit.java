package org.cfdmspark.job;

import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.functions;
import org.cfdmspark.config.Settings;
import org.cfdmspark.encoding.ColumnNames;
import org.cfdmspark.ml.RunSeed;

/**
 * The --holdout-fraction split of the training rows. Each row is held out when a seeded 64-bit hash of its values
 * falls in the lowest {@code fraction} of the hash range: the decision is a function of the row and the seed alone,
 * so the same rows are held out however the input is ordered or partitioned. The k-th of several equal rows (k ≥ 2)
 * hashes k with its values, so equal rows are split like any others: held-out rows then repeat training rows as
 * often as fresh rows of the table would, which makes them the reference for the identical-match share.
 */
final class HoldoutSplit {
  /** Written inside the output directory; the underscore makes Spark's readers of the output skip it. */
  static final String DIRECTORY = "_holdout";
  /** A working column: which of several equal rows this one is (1, 2, ...). */
  private static final String OCCURRENCE = "__cfdm_occurrence";

  private HoldoutSplit() {
  }

  /** The rows that train the model: all of them when no holdout is asked for. */
  static Dataset<Row> training(Dataset<Row> rows, Column[] hashed, Settings settings) {
    double fraction = settings.get(JobKnobs.HOLDOUT_FRACTION);
    return fraction == 0 ? rows : split(rows, hashed, fraction, settings, false);
  }

  /** The held-out rows; null when no holdout is asked for. */
  static Dataset<Row> holdout(Dataset<Row> rows, Column[] hashed, Settings settings) {
    double fraction = settings.get(JobKnobs.HOLDOUT_FRACTION);
    return fraction == 0 ? null : split(rows, hashed, fraction, settings, true);
  }

  /**
   * Writes the held-out rows into {@code outputDirectory}/{@value #DIRECTORY} as the samples are written
   * ({@link SampleWriter#writer}): in {@code format}, CSV in the dialect and with each column in the input's text
   * form, so that they read back to the cells they were read from.
   */
  static void write(Dataset<Row> holdout, Path outputDirectory, FileFormat format, CsvDialect dialect) {
    if (holdout != null) {
      SampleWriter.writer(holdout.select(SampleWriter.written(holdout.schema(), format)), format, dialect)
          .mode(SaveMode.ErrorIfExists).save(new Path(outputDirectory, DIRECTORY).toString());
    }
  }

  /**
   * The held-out rows ({@code heldOut}) or the others: a row is held out when a seeded hash of the {@code hashed}
   * columns' values (and of its occurrence number among equal rows, from the second on) is in the lowest fraction.
   */
  private static Dataset<Row> split(Dataset<Row> rows, Column[] hashed, double fraction, Settings settings,
      boolean heldOut) {
    // Equal rows are interchangeable, so numbering them within their group (in any order) gives the same split.
    Dataset<Row> numbered = rows.withColumn(OCCURRENCE,
        functions.row_number().over(Window.partitionBy(hashed).orderBy(hashed)));
    Column occurrence = functions.col(OCCURRENCE);
    List<Column> values = new ArrayList<>();
    values.add(functions.lit(RunSeed.of(settings)));
    values.addAll(List.of(hashed));
    List<Column> repeat = new ArrayList<>(values);
    repeat.add(1, occurrence);
    // A row's first occurrence hashes its values alone: tables without repeated rows split as they always did.
    Column hash = functions.when(occurrence.equalTo(1), functions.xxhash64(values.toArray(Column[]::new)))
        .otherwise(functions.xxhash64(repeat.toArray(Column[]::new)));
    // The top 53 bits of the hash as a uniform number in [0, 1).
    Column uniform = functions.shiftrightunsigned(hash, 11).cast("double").divide(Math.pow(2, 53));
    Column held = uniform.lt(fraction);
    return numbered.where(heldOut ? held : functions.not(held)).drop(OCCURRENCE);
  }
}
