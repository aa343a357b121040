package org.cfdmspark.job;

import java.nio.charset.Charset;
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
      "Output directory: the synthetic table and its manifest (generate, sample), or the report, sweep or comparison "
          + "(report); written atomically. Required.");
  public static final Knob<String> NULL_VALUE = Knob.text("null-value", "TEXT", "NA",
      "CSV cell text that marks a missing value (e.g. ? or NA); empty cells are always missing. CSV output writes "
          + "a column's missing cells as its input did (README, \"Tables with categories, integers and missing "
          + "values\").");
  public static final Knob<String> CSV_SEP = Knob.custom("csv-sep", "TEXT", ",", raw -> raw, v -> !v.isEmpty(),
      "non-empty text", "CSV field separator of the input and the CSV output, as Spark's sep option: e.g. ; or \\t "
          + "(a tab; the default for a .tsv or .tab input).", v -> v);
  public static final Knob<String> CSV_QUOTE = Knob.custom("csv-quote", "CHAR", "\"", raw -> raw,
      v -> v.length() == 1, "one character", "CSV quote character of the input and the CSV output: a quoted cell "
          + "may hold the separator and line breaks.", v -> v);
  public static final Knob<String> CSV_ESCAPE = Knob.custom("csv-escape", "CHAR", "\"", raw -> raw,
      v -> v.length() == 1, "one character", "Character that escapes a quote inside a quoted CSV cell; the "
          + "default, the quote itself, is RFC 4180's doubled quote (\"6\"\" sub\" reads 6\" sub). \\ for "
          + "backslash-escaped files.", v -> v);
  public static final Knob<Boolean> MULTI_LINE = Knob.flag("multi-line", true,
      "CSV records may span lines (RFC 4180: a line break inside a quoted cell). false reads a large "
          + "uncompressed file in parallel splits, right only when no cell holds a line break.");
  public static final Knob<Boolean> DECIMAL_COMMA = Knob.flag("decimal-comma", false,
      "CSV numbers have a decimal comma (3,7), thousands optionally grouped by a point or a space (1.234.567,89; "
          + "1 234,5): columns whose every value is such a number are read as numbers, and CSV output writes them "
          + "so, grouped as the input grouped them.");
  public static final Knob<String> ENCODING = Knob.custom("encoding", "CHARSET", "UTF-8", raw -> raw,
      JobKnobs::knownCharset, "a character set Java knows", "Character set of the CSV input and output, e.g. "
          + "ISO-8859-1 or windows-1252.", v -> v);
  public static final Knob<List<String>> STRING = Knob.names("string", "(inferred)",
      "CSV columns read as text however they look (codes such as 0712); number-like columns with a zero-padded "
          + "value (01234) are read as text anyway.");
  public static final Knob<List<String>> DATE = Knob.names("date", "COL=PATTERN[,...]",
      "comma-separated COL=PATTERN entries (\"quoted\" if one holds a comma)", "(none)",
      "Columns holding dates as numbers or text in a pattern, as COL=PATTERN (e.g. visit=yyyyMMdd for 20230514): "
          + "modelled as dates and written back in the pattern and type; a pattern with a time of day "
          + "(yyyyMMddHHmm, 'dd/MM/yyyy HH:mm') is modelled as timestamps, the time included; one with a time and "
          + "no date (HHmm for 0830) as times of day on one fixed day. CSV clock times (08:30) need none.");
  public static final Knob<String> DATETIME_FORMAT = Knob.text("datetime-format", "PATTERN", null,
      "CSV: the pattern of timestamp text the reader cannot infer (Spark's timestampFormat, e.g. "
          + "\"dd/MM/yyyy HH:mm\"); such columns are modelled as timestamps and written back in it, and columns of "
          + "ISO-8601 timestamps stay timestamps in their own form.");
  public static final Knob<List<String>> COLUMNS = Knob.names("columns", "(all)",
      "Comma-separated input columns to model, in this order.");
  public static final Knob<List<String>> EXCLUDE = Knob.names("exclude", "(none)",
      "Comma-separated input columns to leave out (row ids, text columns).");
  public static final Knob<String> WHERE = Knob.text("where", "PREDICATE", null,
      "Spark SQL predicate restricting the training rows, e.g. \"EDUCATION = 2\": samples follow those rows only.");
  public static final Knob<String> COUNTS = Knob.text("counts", "VALUE=N[,...]", null,
      "With --stratify-by: rows to generate per value (values not named get none; missing cells are the value "
          + "(missing); an entry whose value holds a comma in double quotes: '\"health, dental=30\",life=20'); "
          + "replaces --num-samples.");
  public static final Knob<FileFormat> FORMAT = Knob.choice("format", FileFormat.class, FileFormat.AUTO,
      "Output format; auto = parquet when the output path ends in .parquet, else CSV with a header.");
  public static final Knob<FileFormat> INPUT_FORMAT = Knob.choice("input-format", FileFormat.class,
      FileFormat.AUTO, "Input format; auto = from the input's extension (.csv, .tsv, compressed too, .parquet), "
          + "or for a folder from its part files' extensions.");
  public static final Knob<WriteMode> MODE = Knob.choice("mode", WriteMode.class, WriteMode.ERROR,
      "What to do if the output exists: error (keep it) or overwrite (replace it once the new one is complete; "
          + "only an empty directory or one cfdm-spark wrote, never a folder of other files).");
  public static final Knob<String> MODEL = Knob.text("model", "DIR", null,
      "Model directory: written by fit (atomically, like --output), read by sample. Required for both.");
  public static final Knob<Integer> PARTITIONS = Knob.integer("partitions", 0, 0, 1_000_000,
      "Spark partitions (tasks) for sampling; 0 = " + CfdmModel.AUTO_PARTITIONS_PER_CORE
          + " per core (fewer for small runs), so progress is smooth and a retried task is cheap.");
  public static final Knob<Boolean> SAMPLE_ID = Knob.flag("sample-id", false,
      "Add a sample_id column first: the sample's index, which alone determines its values (refused for an input "
          + "with a sample_id column of its own).");
  public static final Knob<Boolean> PROGRESS = Knob.flag("progress", true,
      "Print a progress line (percent, samples/s, ETA) to stderr at most twice a second while sampling, and a "
          + "line as each step of a report begins. fit, which samples nothing, takes it and prints neither, so that "
          + "fit and sample can be given the same flags.");

  public static final Knob<Double> HOLDOUT_FRACTION = Knob.decimal("holdout-fraction", 0, 0, 1, false,
      "Share of the training rows (after --where) held out of the model, chosen by a seeded hash of each row's "
          + "values, and written to <output>/" + HoldoutSplit.DIRECTORY + "/ as the samples are (format, dialect, "
          + "text forms): the reference for the report's "
          + "privacy figures and its TSTR test rows. 0.5 makes the ideal closer-to-train share 0.5 (the TabSyn/TabDiff "
          + "figure); 0.1 is their 90/10 split.");
  public static final Knob<Boolean> REPORT = Knob.flag("report", false,
      "After sampling, write the quality and privacy report of the output against the training rows (and the "
          + "holdout) into <output>/" + ReportJob.DIRECTORY + "/.");
  public static final Knob<String> TARGET = Knob.text("target", "COL", null,
      "The report's utility target (TSTR): gradient-boosted trees trained on the synthetic and on the training rows "
          + "predict COL from the other columns and are scored on the holdout (ROC AUC for a categorical or two-valued "
          + "COL, R² otherwise); a key column is refused. Unset: TSTR is skipped, and the report says so. generate and "
          + "fit also keep COL out of --redraw-columns auto (a label can look loosely tied to the other columns) and "
          + "redraw the others from rows of the sample's COL, so fit then sample writes what generate writes with the "
          + "same --target.");

  /** Every knob of the fit command: the input and the model directory first, then the model's and the input's. */
  public static final List<Knob<?>> FIT = List.of(INPUT, MODEL, ModelKnobs.GENERATOR, ModelKnobs.SIGMA,
      ModelKnobs.DRAWS, ModelKnobs.STEPS, ModelKnobs.START_TIME, ModelKnobs.NOISE_POLICY, ModelKnobs.ESTIMATOR,
      ModelKnobs.NEIGHBORS, ModelKnobs.RANDOM_POINTS, ModelKnobs.INDEX, ModelKnobs.NLIST, ModelKnobs.NPROBE,
      ModelKnobs.SEED, ModelKnobs.RUN_ID, INPUT_FORMAT, NULL_VALUE, CSV_SEP, CSV_QUOTE, CSV_ESCAPE, MULTI_LINE,
      DECIMAL_COMMA, ENCODING, DATE, DATETIME_FORMAT, COLUMNS, EXCLUDE, STRING,
      ModelKnobs.CATEGORICAL, ModelKnobs.INTEGER, ModelKnobs.KEY, ModelKnobs.NO_KEY, ModelKnobs.CONSTRAINT,
      ModelKnobs.IGNORE, ModelKnobs.MAX_CATEGORIES, ModelKnobs.POINT_MASSES, ModelKnobs.NUMERIC_SCALE,
      ModelKnobs.FINAL_NOISE, ModelKnobs.CORRELATED_NOISE, ModelKnobs.LOCAL_NOISE, ModelKnobs.PARENT_NOISE,
      ModelKnobs.LEAVE_ONE_OUT,
      ModelKnobs.MARGINAL_MAP, ModelKnobs.REDRAW_COLUMNS, ModelKnobs.CATEGORY_DRAW, WHERE,
      ModelKnobs.STRATIFY_BY, MODE, ModelKnobs.BROADCAST_BUDGET_MB, PROGRESS, HOLDOUT_FRACTION,
      ModelKnobs.NEAR_COPY_TARGET,
      ModelKnobs.GUARD, ModelKnobs.GUARD_THRESHOLD, ModelKnobs.GUARD_LOCALITY, TARGET, ScoreModelKnobs.FEATURES,
      ScoreModelKnobs.NOISE_DRAWS,
      ScoreModelKnobs.RIDGE, ScoreModelKnobs.HIDDEN_WIDTH, ScoreModelKnobs.HIDDEN_LAYERS, ScoreModelKnobs.EPOCHS,
      ScoreModelKnobs.PATIENCE, ScoreModelKnobs.VALIDATION_FRACTION, ScoreModelKnobs.LEARNING_RATE,
      ScoreModelKnobs.BATCH_SIZE);

  /**
   * Every knob of the sample command: the model, what to sample and where to write it. --seed and --run-id, when
   * given, draw fresh rows from the same fit; unset, the fit's seed is used (so fit + sample = generate).
   */
  public static final List<Knob<?>> SAMPLE = List.of(MODEL, OUTPUT, NUM_SAMPLES, COUNTS, FORMAT, CSV_SEP, CSV_QUOTE,
      CSV_ESCAPE, DECIMAL_COMMA, ENCODING, MODE,
      PARTITIONS, SAMPLE_ID, PROGRESS, ModelKnobs.SEED, ModelKnobs.RUN_ID);

  /**
   * Every knob of the generate command, in the order of the docs and of --help: the input and output first, then
   * the model's and the job's, interleaved.
   */
  public static final List<Knob<?>> GENERATE = List.of(INPUT, OUTPUT, NUM_SAMPLES, ModelKnobs.GENERATOR,
      ModelKnobs.SIGMA, ModelKnobs.DRAWS, ModelKnobs.STEPS, ModelKnobs.START_TIME, ModelKnobs.NOISE_POLICY,
      ModelKnobs.ESTIMATOR, ModelKnobs.NEIGHBORS, ModelKnobs.RANDOM_POINTS, ModelKnobs.INDEX, ModelKnobs.NLIST,
      ModelKnobs.NPROBE, ModelKnobs.SEED, ModelKnobs.RUN_ID, INPUT_FORMAT, FORMAT, NULL_VALUE, CSV_SEP, CSV_QUOTE, CSV_ESCAPE, MULTI_LINE,
      DECIMAL_COMMA, ENCODING, DATE, DATETIME_FORMAT, COLUMNS, EXCLUDE, STRING,
      ModelKnobs.CATEGORICAL, ModelKnobs.INTEGER, ModelKnobs.KEY, ModelKnobs.NO_KEY, ModelKnobs.CONSTRAINT,
      ModelKnobs.IGNORE, ModelKnobs.MAX_CATEGORIES, ModelKnobs.POINT_MASSES, ModelKnobs.NUMERIC_SCALE,
      ModelKnobs.FINAL_NOISE, ModelKnobs.CORRELATED_NOISE, ModelKnobs.LOCAL_NOISE, ModelKnobs.PARENT_NOISE,
      ModelKnobs.LEAVE_ONE_OUT,
      ModelKnobs.MARGINAL_MAP, ModelKnobs.REDRAW_COLUMNS, ModelKnobs.CATEGORY_DRAW, WHERE,
      ModelKnobs.STRATIFY_BY, COUNTS, MODE, PARTITIONS, ModelKnobs.BROADCAST_BUDGET_MB, SAMPLE_ID, PROGRESS,
      HOLDOUT_FRACTION, ModelKnobs.NEAR_COPY_TARGET, ModelKnobs.GUARD, ModelKnobs.GUARD_THRESHOLD, ModelKnobs.GUARD_LOCALITY, REPORT, TARGET,
      ScoreModelKnobs.FEATURES, ScoreModelKnobs.NOISE_DRAWS, ScoreModelKnobs.RIDGE, ScoreModelKnobs.HIDDEN_WIDTH,
      ScoreModelKnobs.HIDDEN_LAYERS, ScoreModelKnobs.EPOCHS, ScoreModelKnobs.PATIENCE,
      ScoreModelKnobs.VALIDATION_FRACTION, ScoreModelKnobs.LEARNING_RATE, ScoreModelKnobs.BATCH_SIZE);

  private static boolean knownCharset(String name) {
    try {
      return Charset.isSupported(name);
    } catch (IllegalArgumentException e) { // an illegal charset name
      return false;
    }
  }
}
