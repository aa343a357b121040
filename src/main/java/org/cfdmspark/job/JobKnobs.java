package org.cfdmspark.job;

import java.util.List;
import org.cfdmspark.config.Knob;
import org.cfdmspark.ml.CfdmModel;
import org.cfdmspark.ml.ModelKnobs;
import org.cfdmspark.ml.ScoreModelKnobs;

/** The knobs of the Spark generation job (input, output, columns, layout), defined once like the engine's. */
public final class JobKnobs {
  private JobKnobs() {
  }

  public static final Knob<Long> NUM_SAMPLES = Knob.longInteger("num-samples", 1000L, 1, Long.MAX_VALUE,
      "Number of synthetic rows to generate.");

  public static final Knob<String> INPUT = Knob.text("input", "PATH", null,
      "Training table: a CSV file with a header (.csv or .csv.gz) or Parquet, on any Hadoop path. Required.");
  public static final Knob<String> OUTPUT = Knob.text("output", "PATH", null,
      "Output directory for the synthetic table and its manifest; written atomically. Required.");
  public static final Knob<String> NULL_VALUE = Knob.text("null-value", "TEXT", "NA",
      "CSV cell text that marks a missing value (e.g. ? or NA); empty cells are always missing.");
  public static final Knob<List<String>> DATE = Knob.names("date", "(none)",
      "Columns holding dates as numbers or text in a pattern, as COL=PATTERN (e.g. visit=yyyyMMdd for 20230514): "
          + "modelled as dates and written back in the pattern and type.");
  public static final Knob<String> DATETIME_FORMAT = Knob.text("datetime-format", "PATTERN", null,
      "CSV: the pattern of timestamp text the reader cannot infer (Spark's timestampFormat, e.g. "
          + "\"dd/MM/yyyy HH:mm\"); such columns are modelled as timestamps and written back in it.");
  public static final Knob<List<String>> COLUMNS = Knob.names("columns", "(all)",
      "Comma-separated input columns to model, in this order.");
  public static final Knob<List<String>> EXCLUDE = Knob.names("exclude", "(none)",
      "Comma-separated input columns to leave out (row ids, text columns).");
  public static final Knob<String> WHERE = Knob.text("where", "PREDICATE", null,
      "Spark SQL predicate restricting the training rows, e.g. \"EDUCATION = 2\": samples follow those rows only.");
  public static final Knob<String> COUNTS = Knob.text("counts", "VALUE=N[,...]", null,
      "With --stratify-by: rows to generate per value (values not named get none); replaces --num-samples.");
  public static final Knob<FileFormat> FORMAT = Knob.choice("format", FileFormat.class, FileFormat.AUTO,
      "Output format; auto = parquet when the output path ends in .parquet, else CSV with a header.");
  public static final Knob<FileFormat> INPUT_FORMAT = Knob.choice("input-format", FileFormat.class,
      FileFormat.AUTO, "Input format; auto = from the input's extension (.csv, .csv.gz, .parquet).");
  public static final Knob<WriteMode> MODE = Knob.choice("mode", WriteMode.class, WriteMode.ERROR,
      "What to do if the output exists: error (keep it) or overwrite (replace it once the new one is complete).");
  public static final Knob<String> MODEL = Knob.text("model", "DIR", null,
      "Model directory: written by fit (atomically, like --output), read by sample. Required for both.");
  public static final Knob<Integer> PARTITIONS = Knob.integer("partitions", 0, 0, 1_000_000,
      "Spark partitions (tasks) for sampling; 0 = " + CfdmModel.AUTO_PARTITIONS_PER_CORE
          + " per core (fewer for small runs), so progress is smooth and a retried task is cheap.");
  public static final Knob<Boolean> SAMPLE_ID = Knob.flag("sample-id", false,
      "Add a sample_id column first: the sample's index, which alone determines its values.");
  public static final Knob<Boolean> PROGRESS = Knob.flag("progress", true,
      "Print a progress line (percent, samples/s, ETA) to stderr at most twice a second while sampling.");

  public static final Knob<Double> HOLDOUT_FRACTION = Knob.decimal("holdout-fraction", 0, 0, 1, false,
      "Share of the training rows (after --where) held out of the model, chosen by a seeded hash of each row's "
          + "values, and written to <output>/" + HoldoutSplit.DIRECTORY + "/ as CSV: the reference for the report's "
          + "privacy figures.");
  public static final Knob<Boolean> REPORT = Knob.flag("report", false,
      "After sampling, write the quality and privacy report of the output against the training rows (and the "
          + "holdout) into <output>/" + ReportJob.DIRECTORY + "/.");

  /** Every knob of the fit command: the input's and the model's, and the model directory. */
  public static final List<Knob<?>> FIT = List.of(ModelKnobs.GENERATOR, ModelKnobs.SIGMA, ModelKnobs.DRAWS, ModelKnobs.STEPS,
      ModelKnobs.START_TIME, ModelKnobs.NOISE_POLICY, ModelKnobs.ESTIMATOR, ModelKnobs.NEIGHBORS,
      ModelKnobs.RANDOM_POINTS, ModelKnobs.INDEX, ModelKnobs.NLIST, ModelKnobs.NPROBE, ModelKnobs.SEED,
      ModelKnobs.RUN_ID, INPUT, MODEL, INPUT_FORMAT, NULL_VALUE, DATE, DATETIME_FORMAT, COLUMNS, EXCLUDE, ModelKnobs.CATEGORICAL,
      ModelKnobs.INTEGER, ModelKnobs.KEY, ModelKnobs.NO_KEY, ModelKnobs.CONSTRAINT, ModelKnobs.IGNORE, ModelKnobs.MAX_CATEGORIES,
      ModelKnobs.POINT_MASSES, WHERE,
      ModelKnobs.STRATIFY_BY, MODE, ModelKnobs.BROADCAST_BUDGET_MB, HOLDOUT_FRACTION, ModelKnobs.NEAR_COPY_TARGET,
      ModelKnobs.GUARD, ModelKnobs.GUARD_THRESHOLD, ScoreModelKnobs.FEATURES, ScoreModelKnobs.NOISE_DRAWS,
      ScoreModelKnobs.RIDGE, ScoreModelKnobs.HIDDEN_WIDTH, ScoreModelKnobs.HIDDEN_LAYERS, ScoreModelKnobs.EPOCHS,
      ScoreModelKnobs.PATIENCE, ScoreModelKnobs.VALIDATION_FRACTION, ScoreModelKnobs.LEARNING_RATE,
      ScoreModelKnobs.BATCH_SIZE);

  /**
   * Every knob of the sample command: the model, what to sample and where to write it. --seed and --run-id, when
   * given, draw fresh rows from the same fit; unset, the fit's seed is used (so fit + sample = generate).
   */
  public static final List<Knob<?>> SAMPLE = List.of(MODEL, NUM_SAMPLES, COUNTS, OUTPUT, FORMAT, MODE,
      PARTITIONS, SAMPLE_ID, PROGRESS, ModelKnobs.SEED, ModelKnobs.RUN_ID);

  /** Every knob of the generate command, in the order of the docs: the model's and the job's, interleaved. */
  public static final List<Knob<?>> GENERATE = List.of(NUM_SAMPLES, ModelKnobs.GENERATOR, ModelKnobs.SIGMA, ModelKnobs.DRAWS,
      ModelKnobs.STEPS, ModelKnobs.START_TIME, ModelKnobs.NOISE_POLICY, ModelKnobs.ESTIMATOR, ModelKnobs.NEIGHBORS,
      ModelKnobs.RANDOM_POINTS, ModelKnobs.INDEX, ModelKnobs.NLIST, ModelKnobs.NPROBE, ModelKnobs.SEED,
      ModelKnobs.RUN_ID, INPUT, OUTPUT, INPUT_FORMAT, FORMAT, NULL_VALUE, DATE, DATETIME_FORMAT, COLUMNS, EXCLUDE, ModelKnobs.CATEGORICAL,
      ModelKnobs.INTEGER, ModelKnobs.KEY, ModelKnobs.NO_KEY, ModelKnobs.CONSTRAINT, ModelKnobs.IGNORE, ModelKnobs.MAX_CATEGORIES,
      ModelKnobs.POINT_MASSES, WHERE,
      ModelKnobs.STRATIFY_BY, COUNTS, MODE, PARTITIONS, ModelKnobs.BROADCAST_BUDGET_MB, SAMPLE_ID, PROGRESS,
      HOLDOUT_FRACTION, ModelKnobs.NEAR_COPY_TARGET, ModelKnobs.GUARD, ModelKnobs.GUARD_THRESHOLD, REPORT,
      ScoreModelKnobs.FEATURES, ScoreModelKnobs.NOISE_DRAWS, ScoreModelKnobs.RIDGE, ScoreModelKnobs.HIDDEN_WIDTH,
      ScoreModelKnobs.HIDDEN_LAYERS, ScoreModelKnobs.EPOCHS, ScoreModelKnobs.PATIENCE,
      ScoreModelKnobs.VALIDATION_FRACTION, ScoreModelKnobs.LEARNING_RATE, ScoreModelKnobs.BATCH_SIZE);

}
