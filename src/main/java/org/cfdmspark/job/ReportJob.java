package org.cfdmspark.job;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.FileUtil;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.StructField;
import org.cfdmspark.config.BadInputException;
import org.cfdmspark.config.Json;
import org.cfdmspark.config.Knob;
import org.cfdmspark.config.KnobException;
import org.cfdmspark.config.Notices;
import org.cfdmspark.config.Settings;
import org.cfdmspark.config.ShellText;
import org.cfdmspark.encoding.ColumnNames;
import org.cfdmspark.encoding.EmptyColumns;
import org.cfdmspark.encoding.TableCodec;
import org.cfdmspark.ml.ModelKnobs;
import org.cfdmspark.ml.RunSeed;
import org.cfdmspark.report.QualityReport;
import org.cfdmspark.report.ReportHtml;
import org.cfdmspark.report.ReportOptions;
import org.cfdmspark.report.ReportPlots;
import org.cfdmspark.report.ReportPrivacy;
import org.cfdmspark.report.ReportRows;
import org.cfdmspark.report.ReportTables;

/**
 * The quality and privacy report: reads the training, synthetic and (optional) holdout tables with Spark, fits the
 * codec on the training table, brings a seeded subsample of each to the driver and writes report.json,
 * report.html and the plots into a directory (any Hadoop path; drawn locally, then copied).
 */
public final class ReportJob {
  /** Where generate --report writes the report inside its output; Spark's readers skip underscore names. */
  public static final String DIRECTORY = "_report";
  public static final String JSON = "report.json";
  public static final String HTML = "report.html";
  /** Directions of the sliced Wasserstein distance: its error shrinks as 1/√L, and 100 keep it cheap. */
  static final int DIRECTIONS = 100;

  private ReportJob() {
  }

  /** A table to report on and where it came from. */
  record Source(String path, Dataset<Row> rows) {
  }

  /**
   * How the tables a run wrote are read, which report takes from the run's manifest in the --synthetic directory
   * unless given: the dialect the run read its input in (and wrote its output in), its --date patterns, the
   * columns it left out and the kinds it was told its columns are (a report of a run with --categorical on a
   * column of numbers and text failed until the option was repeated). fit saves them with the model, whose sample
   * runs record them in their manifests.
   */
  static final List<Knob<?>> RUN_READ_KNOBS = List.of(JobKnobs.NULL_VALUE, JobKnobs.CSV_SEP,
      JobKnobs.CSV_QUOTE, JobKnobs.CSV_ESCAPE, JobKnobs.MULTI_LINE, JobKnobs.DECIMAL_COMMA, JobKnobs.ENCODING,
      JobKnobs.DATE, JobKnobs.DATETIME_FORMAT, JobKnobs.EXCLUDE, JobKnobs.COLUMNS, ModelKnobs.IGNORE,
      JobKnobs.STRING, ModelKnobs.CATEGORICAL, ModelKnobs.INTEGER, ModelKnobs.KEY, ModelKnobs.NO_KEY,
      ModelKnobs.MAX_CATEGORIES, ModelKnobs.CONSTRAINT);

  /** The report command: the tables named by --train, --synthetic and --holdout, written to --output. */
  public static QualityReport run(SparkSession spark, Settings given) {
    Settings settings = withRunReadSettings(spark, given);
    Source holdout = settings.get(ReportKnobs.HOLDOUT) == null ? null
        : read(spark, settings.get(ReportKnobs.HOLDOUT), settings);
    return write(spark, settings, read(spark, required(settings, ReportKnobs.TRAIN), settings),
        read(spark, required(settings, ReportKnobs.SYNTHETIC), settings), holdout, true,
        required(settings, JobKnobs.OUTPUT), settings.get(JobKnobs.MODE) == WriteMode.OVERWRITE);
  }

  /**
   * {@code settings} with the read settings of the run whose manifest is in the --synthetic directory, for each of
   * {@link #RUN_READ_KNOBS} the user did not give and the run set (a new user's report of a semicolon file with
   * dates and a left-out text column failed three times, each error naming one setting the manifest held); one note
   * names them. As they are without a manifest (a table another tool made).
   */
  static Settings withRunReadSettings(SparkSession spark, Settings settings) {
    String synthetic = settings.get(ReportKnobs.SYNTHETIC);
    if (synthetic == null) {
      return settings;
    }
    JsonNode recorded;
    try {
      Path manifest = new Path(synthetic, RunManifest.FILE_NAME);
      FileSystem fs = manifest.getFileSystem(spark.sparkContext().hadoopConfiguration());
      if (!fs.isFile(manifest)) {
        return settings;
      }
      try (InputStream in = fs.open(manifest)) {
        recorded = Json.mapper().readTree(in).path("settings");
      }
    } catch (IOException e) {
      return settings; // not a run's manifest we can read: the options as given
    }
    List<String> taken = new ArrayList<>();
    for (Knob<?> knob : RUN_READ_KNOBS) {
      JsonNode value = recorded.get(knob.name());
      if (settings.isGiven(knob) || value == null || !value.isTextual()
          || value.asText().equals(knob.defaultText())) {
        continue;
      }
      try {
        settings = settings.withText(knob.name(), value.asText());
        taken.add(knob.option() + " " + ShellText.word(value.asText()));
      } catch (KnobException e) {
        // a display text that does not parse back: left to the user
      }
    }
    if (!taken.isEmpty()) {
      Notices.print("note: reading the tables as the run that wrote " + synthetic + " did (its manifest): "
          + String.join(", ", taken));
    }
    return settings;
  }

  /**
   * generate --report: the run's training rows (after --where and the holdout split) against its samples, read from
   * the {@code staging} directory of {@code output} before it is committed, where the report is written too (the
   * report names the tables by their {@code output} paths).
   */
  static QualityReport afterGenerate(SparkSession spark, Settings generateSettings, String output, Path staging)
      throws IOException {
    Settings settings = generateSettings.select(ReportKnobs.ALL);
    InputTable input = InputTable.read(spark, generateSettings);
    // readable: Spark skips a directory whose name starts with a dot, as the staging directory's does.
    Source synthetic = new Source(output, DateCodes.read(TableReader.read(spark,
        settings.get(JobKnobs.FORMAT).forOutput(output), settings, readable(spark, staging.toString())),
        settings.get(JobKnobs.DATE)));
    Source holdout = input.holdout() == null ? null
        : new Source(new Path(output, HoldoutSplit.DIRECTORY).toString(), input.holdout());
    return write(spark, settings, new Source(generateSettings.get(JobKnobs.INPUT), input.table()), synthetic,
        holdout, false, new Path(staging, DIRECTORY).toString(), false);
  }

  /**
   * Reports on {@code synthetic} against {@code train} (and {@code holdout}, null when none) into {@code output}.
   * With {@code trainMayHoldHoldout} (the report command: any --train) a training table that holds every held-out
   * row is reported on without them ({@link HoldoutInTrain}); generate's own training rows never do.
   */
  static QualityReport write(SparkSession spark, Settings settings, Source train, Source synthetic, Source holdout,
      boolean trainMayHoldHoldout, String output, boolean overwrite) {
    StartupCompilation.release(); // the report's models are Spark's and MLlib's code: C2 for them
    Path target = new Path(output);
    try {
      FileSystem fs = target.getFileSystem(spark.sparkContext().hadoopConfiguration());
      target = fs.makeQualified(target);
      requireOutside(target, output, spark.sparkContext().hadoopConfiguration(), synthetic, train, holdout);
      if (fs.exists(target) && !overwrite) {
        throw new BadInputException("report output '" + output + "' exists; remove it, choose another "
            + JobKnobs.OUTPUT.option() + " or pass " + JobKnobs.MODE.option() + " overwrite");
      }
      if (fs.exists(target)) {
        ReplaceableOutput.require(fs, target, output, JSON);
      }
      List<String> columns = new ArrayList<>(columns(train, synthetic, holdout, settings));
      HoldoutInTrain.Training training = training(train, holdout, trainMayHoldHoldout, columns);
      columns.removeAll(EmptyColumns.of(training.rows(), columns)); // nothing to compare; the model kept them empty
      requireTarget(settings, columns);
      Stages stages = new Stages(settings.get(JobKnobs.PROGRESS) ? System.err : null);
      stages.next("reading and encoding the tables");
      Dataset<Row> trainRows = selected(training.rows(), columns);
      // Distances as metrics.md defines them: standardised numbers and one-hot, no point-mass states.
      TableCodec codec = TableCodec.fit(trainRows, ModelKnobs.columnKinds(settings, false));
      List<StructField> types = Arrays.asList(trainRows.schema().fields());
      long seed = RunSeed.of(settings);
      int maxRows = settings.get(ReportKnobs.MAX_ROWS);
      ReportTables tables = new ReportTables(collect(new Source(train.path(), trainRows), types, codec, maxRows, seed),
          collect(synthetic, types, codec, maxRows, seed),
          holdout == null ? null : collect(holdout, types, codec, maxRows, seed));
      ReportOptions options = new ReportOptions(settings.get(ReportKnobs.DISTANCE_ROWS),
          settings.get(ReportKnobs.PLOT_COLUMNS), DIRECTIONS, seed, settings.get(JobKnobs.TARGET));

      java.nio.file.Path local = Files.createTempDirectory("cfdm-report");
      // The scratch folder goes however the report ends: copied (then already gone), failed, or stopped by a signal.
      Runnable removeScratch = () -> FileUtil.fullyDelete(local.toFile());
      ShutdownCleanup.add(removeScratch);
      try {
        return writeReport(spark, fs, target, local, tables, training, options, stages);
      } finally {
        ShutdownCleanup.remove(removeScratch);
        removeScratch.run();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not write the report to " + output + ": " + e.getMessage(), e);
    }
  }

  /** Computes the report into the local folder {@code local}, then copies it to {@code target}, replacing it. */
  private static QualityReport writeReport(SparkSession spark, FileSystem fs, Path target, java.nio.file.Path local,
      ReportTables tables, HoldoutInTrain.Training training, ReportOptions options, Stages stages)
      throws IOException {
    stages.next("privacy: distances to the closest rows");
    ReportPrivacy.Measured privacy = ReportPrivacy.compute(tables, options);
    stages.next("plots");
    ReportPlots.Files plots = ReportPlots.write(local, tables, privacy, options);
    QualityReport report = QualityReport.compute(spark, tables, training.setAside(), options, privacy.figures(),
        plots, stages::next);
    stages.next("done");
    Json.mapper().writeValue(local.resolve(JSON).toFile(), report);
    Files.writeString(local.resolve(HTML), ReportHtml.render(report), StandardCharsets.UTF_8);
    if (fs.exists(target)) {
      fs.delete(target, true);
    }
    fs.copyFromLocalFile(true, true, new Path(local.toUri()), target);
    return report;
  }

  /**
   * Refuses a report output that is or holds one of the tables it reads: writing the report replaces the output
   * directory, and a report written over its --synthetic directory deleted the samples, their holdout and manifest.
   */
  private static void requireOutside(Path target, String output, Configuration conf, Source synthetic,
      Source... others) throws IOException {
    for (Source source : Stream.concat(Stream.of(synthetic), Arrays.stream(others)).toList()) {
      if (source != null && AtomicOutput.holds(target, source.path(), conf)) {
        throw new BadInputException("report output '" + output + "' is or contains the table '" + source.path()
            + "' it reads, which writing the report would delete; choose another " + JobKnobs.OUTPUT.option()
            + " (such as " + new Path(synthetic.path(), DIRECTORY) + ")");
      }
    }
  }

  /** One stderr line as each step of a report begins, with the seconds since the first (--progress). */
  private static final class Stages {
    private final PrintStream err;
    private final long start = System.nanoTime();

    Stages(PrintStream err) {
      this.err = err;
    }

    void next(String step) {
      if (err != null) {
        err.printf(Locale.ROOT, "report: %s (%.1f s)%n", step, (System.nanoTime() - start) / 1e9);
      }
    }
  }

  /**
   * The training table's {@code columns}, less the held-out rows when {@code mayHoldHoldout} and it holds every
   * one of them (compared as the report reads them: cast to the training types), which one stderr line tells.
   */
  private static HoldoutInTrain.Training training(Source train, Source holdout, boolean mayHoldHoldout,
      List<String> columns) {
    Dataset<Row> rows = selected(train.rows(), columns);
    if (!mayHoldHoldout || holdout == null) {
      return new HoldoutInTrain.Training(rows, 0);
    }
    HoldoutInTrain.Training training = HoldoutInTrain.setAside(rows, cast(holdout.rows(), rows.schema().fields()));
    if (training.setAside() > 0) {
      System.err.printf(Locale.ROOT, "report: %s holds all %d %s rows (it is the input before the split): set "
          + "aside, as generate %s did%n", ReportKnobs.TRAIN.option(), training.setAside(),
          ReportKnobs.HOLDOUT.option(), JobKnobs.HOLDOUT_FRACTION.option());
    }
    return training;
  }

  /** Refuses a --target that is not among the compared {@code columns}; no --target passes. */
  static void requireTarget(Settings settings, List<String> columns) {
    String target = settings.get(JobKnobs.TARGET);
    if (target != null && !columns.contains(target)) {
      throw new BadInputException(JobKnobs.TARGET.option() + " " + target + " is not among the compared columns ("
          + String.join(", ", columns) + "); choose one of them");
    }
  }

  /**
   * Reads a CSV (header, inferred types, --null-value, --date columns in their patterns) or Parquet table; the
   * format follows the path's name, or its files' (a held-out {@code _holdout} directory is written in its run's
   * output format).
   */
  static Source read(SparkSession spark, String path, Settings settings) {
    try {
      Path hadoopPath = new Path(path);
      FileStatus[] found = hadoopPath.getFileSystem(spark.sparkContext().hadoopConfiguration()).globStatus(hadoopPath);
      if (found == null || found.length == 0) {
        // Before Spark's file listing, which logged its FileNotFoundException's stack trace first.
        throw new BadInputException("cannot read table '" + path + "': it does not exist; check the path");
      }
      String[] files = readable(spark, path);
      FileFormat format = Arrays.stream(files).allMatch(file -> file.endsWith(".parquet")) ? FileFormat.PARQUET
          : FileFormat.AUTO.forOutput(path);
      return new Source(path, DateCodes.read(TableReader.read(spark, format, settings, files),
          settings.get(JobKnobs.DATE)));
    } catch (Exception e) { // AnalysisException (no such path), undeclared by Scala
      if (e instanceof RuntimeException runtime && !(e instanceof org.apache.spark.sql.AnalysisException)) {
        throw runtime;
      }
      throw new BadInputException("cannot read table '" + path + "': " + e.getMessage().lines().findFirst()
          .orElse(""));
    }
  }

  /**
   * The paths to load for {@code path}. Spark skips a path whose name starts with _ or . even when it is named
   * explicitly, so such a directory (e.g. {@code <output>/_holdout}) is read as the list of its data files.
   */
  static String[] readable(SparkSession spark, String path) throws IOException {
    Path hadoopPath = new Path(path);
    FileSystem fs = hadoopPath.getFileSystem(spark.sparkContext().hadoopConfiguration());
    String name = hadoopPath.getName();
    if (!(name.startsWith("_") || name.startsWith(".")) || !fs.getFileStatus(hadoopPath).isDirectory()) {
      return new String[] {path};
    }
    return Arrays.stream(fs.listStatus(hadoopPath)).map(status -> status.getPath())
        .filter(file -> !file.getName().startsWith("_") && !file.getName().startsWith("."))
        .map(Path::toString).toArray(String[]::new);
  }

  /**
   * The training columns (those --columns lists, in its order, when given) less --exclude and --ignore; each must
   * exist in the other tables.
   */
  private static List<String> columns(Source train, Source synthetic, Source holdout, Settings settings) {
    List<String> trained = Arrays.asList(train.rows().columns());
    List<String> listed = settings.get(JobKnobs.COLUMNS);
    List<String> unknown = listed.stream().filter(c -> !trained.contains(c)).toList();
    if (!unknown.isEmpty()) {
      throw new BadInputException(JobKnobs.COLUMNS.option() + " names " + ColumnNames.quotedList(unknown)
          + ", not in the training table '" + train.path() + "' (its columns: " + ColumnNames.quotedList(trained)
          + ")");
    }
    List<String> columns = new ArrayList<>(listed.isEmpty() ? trained : listed);
    columns.removeAll(settings.get(JobKnobs.EXCLUDE));
    columns.removeAll(settings.get(ModelKnobs.IGNORE));
    for (Source other : holdout == null ? List.of(synthetic) : List.of(synthetic, holdout)) {
      List<String> present = Arrays.asList(other.rows().columns());
      List<String> missing = columns.stream().filter(c -> !present.contains(c)).toList();
      if (!missing.isEmpty()) {
        throw new BadInputException("table '" + other.path() + "' lacks the training column(s) "
            + ColumnNames.quotedList(missing) + "; leave them out with " + JobKnobs.EXCLUDE.option());
      }
    }
    if (columns.isEmpty()) {
      throw new BadInputException("no columns left to compare; check " + JobKnobs.EXCLUDE.option());
    }
    return columns;
  }

  /**
   * At most {@code maxRows} rows of a table, cast to the training types, in an order fixed by a seeded hash of
   * their values: the same rows whatever the partitioning, and a uniform subsample when the table is larger.
   */
  private static ReportTables.Table collect(Source source, List<StructField> types, TableCodec codec, int maxRows,
      long seed) {
    Dataset<Row> rows = cast(source.rows(), types.toArray(StructField[]::new));
    // Salted apart from the holdout split's hash, which uses the same seed on the same rows.
    List<Column> hashed = new ArrayList<>(List.of(functions.lit(seed), functions.lit("report")));
    hashed.addAll(Arrays.asList(rows.columns()).stream().map(ColumnNames::column).toList());
    long total = rows.count();
    List<Row> used = rows.orderBy(functions.xxhash64(hashed.toArray(Column[]::new)))
        .limit(maxRows).collectAsList();
    return ReportRows.table(source.path(), total, used, codec);
  }

  private static Dataset<Row> selected(Dataset<Row> rows, List<String> columns) {
    return rows.select(columns.stream().map(ColumnNames::column).toArray(Column[]::new));
  }

  /** The {@code types}' columns of {@code rows}, each cast to its type: a table read as the training table is. */
  private static Dataset<Row> cast(Dataset<Row> rows, StructField[] types) {
    return rows.select(Arrays.stream(types).map(f -> ColumnNames.column(f.name()).cast(f.dataType()).as(f.name()))
        .toArray(Column[]::new));
  }

  private static String required(Settings settings, Knob<String> knob) {
    String value = settings.get(knob);
    if (value == null || value.isBlank()) {
      throw new BadInputException(knob.option() + " is required; give " + knob.option() + " " + knob.valueLabel());
    }
    return value;
  }

}
