package org.cfdmspark.job;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.cfdmspark.config.BadInputException;
import org.cfdmspark.config.Settings;
import org.cfdmspark.encoding.ColumnNames;
import org.cfdmspark.ml.ModelKnobs;
import org.cfdmspark.ml.RunSeed;

/**
 * The --holdout-fraction split of the training rows. Each row is held out when a seeded 64-bit hash of its values
 * falls in the lowest {@code fraction} of the hash range: the decision is a function of the row and the seed alone,
 * so the same rows are held out however the input is ordered or partitioned. The k-th of several equal rows (k ≥ 2)
 * hashes k with its values, so equal rows are split like any others: held-out rows then repeat training rows as
 * often as fresh rows of the table would, which makes them the reference for the identical-match share.
 *
 * <p>The rows are collected once (the fit collects the training rows anyway: they must fit the broadcast budget),
 * equal rows are numbered on the driver, and both parts are local tables: the fit's collect and the held-out write
 * read them without another pass over the input (a window over every column numbered equal rows before, a shuffle
 * and a sort inside the fit's collect, planned again for the write: issue 16).
 */
final class HoldoutSplit {
  /** Written inside the output directory; the underscore makes Spark's readers of the output skip it. */
  static final String DIRECTORY = "_holdout";
  /** Working columns of the local table the decision is computed on: the row's position, its occurrence. */
  private static final String INDEX = "__cfdm_index";
  private static final String OCCURRENCE = "__cfdm_occurrence";

  /**
   * The two parts of the input.
   *
   * @param training the rows that train the model, with all columns of the input rows
   * @param holdout the held-out rows, the hashed columns only; null when no holdout is asked for
   */
  record Parts(Dataset<Row> training, Dataset<Row> holdout) {
  }

  private HoldoutSplit() {
  }

  /**
   * Splits {@code rows} by the seeded hash of the {@code hashed} columns' values (and of a row's occurrence number
   * among equal rows, from the second on): all rows train when no holdout is asked for. With a holdout, runs one
   * Spark job (the collect) and returns local tables.
   *
   * @throws BadInputException when the rows are so many that their training share could not fit
   *     --broadcast-budget-mb (the fit would refuse it)
   */
  static Parts split(Dataset<Row> rows, List<String> hashed, Settings settings) {
    double fraction = settings.get(JobKnobs.HOLDOUT_FRACTION);
    if (fraction == 0) {
      return new Parts(rows, null);
    }
    List<Row> all = collect(rows, hashed.size(), fraction, settings);
    boolean[] held = heldOut(rows.sparkSession(), rows.schema(), all, hashed, fraction, RunSeed.of(settings));
    List<Row> training = new ArrayList<>(all.size());
    List<Row> holdout = new ArrayList<>();
    for (int r = 0; r < all.size(); r++) {
      (held[r] ? holdout : training).add(all.get(r));
    }
    SparkSession spark = rows.sparkSession();
    return new Parts(spark.createDataFrame(training, rows.schema()), spark.createDataFrame(holdout, rows.schema())
        .select(hashed.stream().map(ColumnNames::column).toArray(Column[]::new)));
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
   * All rows, in one Spark job without a shuffle. The training share must fit the budget the fit collects within
   * ({@code TrainingMatrix}: a float per modelled cell), so more than twice its expected rows are refused here
   * rather than collected: the training share of so many fits only by a chance below e^-(most/4) (Chernoff).
   */
  private static List<Row> collect(Dataset<Row> rows, int columns, double fraction, Settings settings) {
    long budgetBytes = settings.get(ModelKnobs.BROADCAST_BUDGET_MB) * 1024L * 1024L;
    long most = budgetBytes / ((long) Float.BYTES * Math.max(1, columns));
    long cap = (long) Math.min(Integer.MAX_VALUE - 16, Math.ceil(2.0 * (most + 1) / (1 - fraction)));
    List<Row> all = rows.limit((int) cap + 1).collectAsList();
    if (all.size() > cap) {
      throw new BadInputException(String.format("the input has more than %,d rows: with %s %s their training share "
          + "would not fit %s %d (a float per cell of the %d modelled columns); raise it, or model fewer rows or "
          + "columns", cap, JobKnobs.HOLDOUT_FRACTION.option(), fraction, ModelKnobs.BROADCAST_BUDGET_MB.option(),
          budgetBytes / (1024 * 1024), columns));
    }
    return all;
  }

  /**
   * Which of {@code all} are held out. Equal rows are numbered on the driver, in the order they come (equal rows
   * are interchangeable, so any order gives the same split), then the hash is Spark's own xxhash64, evaluated on a
   * local table: the same function, on the same values and types, that the split has always used.
   */
  private static boolean[] heldOut(SparkSession spark, StructType schema, List<Row> all, List<String> hashed,
      double fraction, long seed) {
    int[] positions = hashed.stream().mapToInt(schema::fieldIndex).toArray();
    StructType keyed = new StructType().add(INDEX, DataTypes.IntegerType, false)
        .add(OCCURRENCE, DataTypes.IntegerType, false); // an int, as row_number() was: the hash is of its 4 bytes
    for (int position : positions) {
      keyed = keyed.add(schema.fields()[position]);
    }
    Map<List<Object>, Integer> seen = new HashMap<>();
    List<Row> numbered = new ArrayList<>(all.size());
    for (int r = 0; r < all.size(); r++) {
      Object[] cells = new Object[positions.length + 2];
      Object[] key = new Object[positions.length];
      for (int c = 0; c < positions.length; c++) {
        cells[c + 2] = all.get(r).get(positions[c]);
        key[c] = groupingKey(cells[c + 2]);
      }
      cells[0] = r;
      cells[1] = seen.merge(Arrays.asList(key), 1, Integer::sum);
      numbered.add(RowFactory.create(cells));
    }
    Column occurrence = functions.col(OCCURRENCE);
    List<Column> values = new ArrayList<>();
    values.add(functions.lit(seed));
    hashed.stream().map(ColumnNames::column).forEach(values::add);
    List<Column> repeat = new ArrayList<>(values);
    repeat.add(1, occurrence);
    // A row's first occurrence hashes its values alone: tables without repeated rows split as they always did.
    Column hash = functions.when(occurrence.equalTo(1), functions.xxhash64(values.toArray(Column[]::new)))
        .otherwise(functions.xxhash64(repeat.toArray(Column[]::new)));
    // The top 53 bits of the hash as a uniform number in [0, 1).
    Column uniform = functions.shiftrightunsigned(hash, 11).cast("double").divide(Math.pow(2, 53));
    boolean[] held = new boolean[all.size()];
    for (Row row : spark.createDataFrame(numbered, keyed).where(uniform.lt(fraction)).select(INDEX)
        .collectAsList()) {
      held[row.getInt(0)] = true;
    }
    return held;
  }

  /**
   * A cell as Spark groups it: −0.0 with 0.0 (Java's equals keeps them apart; every NaN is already one), binary
   * by content.
   */
  private static Object groupingKey(Object cell) {
    if (cell instanceof Double d && d == 0) {
      return 0.0;
    }
    if (cell instanceof Float f && f == 0) {
      return 0.0f;
    }
    return cell instanceof byte[] bytes ? ByteBuffer.wrap(bytes) : cell;
  }
}
