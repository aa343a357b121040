package org.cfdmspark.spark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.cfdmspark.core.Knob;
import org.cfdmspark.core.SamplerKnobs;
import org.cfdmspark.data.ColumnOverrides;

/** The knobs of the Spark generation job (input, output, columns, layout), defined once like the engine's. */
public final class JobKnobs {
  private JobKnobs() {
  }

  public static final Knob<String> INPUT = Knob.text("input", "PATH", null,
      "Training table: a CSV file with a header (.csv or .csv.gz) or Parquet, on any Hadoop path. Required.");
  public static final Knob<String> OUTPUT = Knob.text("output", "PATH", null,
      "Output directory for the synthetic table and its manifest; written atomically. Required.");
  public static final Knob<String> NULL_VALUE = Knob.text("null-value", "TEXT", "NA",
      "CSV cell text that marks a missing value (e.g. ? or NA); empty cells are always missing.");
  public static final Knob<List<String>> COLUMNS = columnList("columns", "(all)",
      "Comma-separated input columns to model, in this order.");
  public static final Knob<List<String>> EXCLUDE = columnList("exclude", "(none)",
      "Comma-separated input columns to leave out (row ids, text columns).");
  public static final Knob<List<String>> CATEGORICAL = columnList("categorical", "(inferred)",
      "Columns to model as categories whatever their type (e.g. integer codes); text and true/false columns "
          + "are categorical anyway.");
  public static final Knob<List<String>> INTEGER = columnList("integer", "(inferred)",
      "Number columns whose generated values are rounded to whole numbers; inferred for integer types and for "
          + "columns whose every value is whole.");
  public static final Knob<List<String>> IGNORE = columnList("ignore", "(none)",
      "Columns kept in the output schema but not modelled: they are written empty (null).");
  public static final Knob<Integer> MAX_CATEGORIES = Knob.integer("max-categories",
      ColumnOverrides.DEFAULT_MAX_CATEGORIES, 2, 100_000,
      "Most distinct values a categorical column may have (each is one encoded dimension).");
  public static final Knob<Boolean> POINT_MASSES = flag("point-masses", true,
      "Give a number column a vote for each value that at least 5 % of its cells hold exactly (the 0 of a debt "
          + "column): samples keep those spikes instead of averaging them away. false = plain standardised "
          + "numbers (one encoded dimension per column).");
  public static final Knob<String> WHERE = Knob.text("where", "PREDICATE", null,
      "Spark SQL predicate restricting the training rows, e.g. \"EDUCATION = 2\": samples follow those rows only.");
  public static final Knob<String> STRATIFY_BY = Knob.text("stratify-by", "COL", null,
      "Generate each value of this column from its own rows only (no mixing across values), in training "
          + "proportions or as --counts says.");
  public static final Knob<String> COUNTS = Knob.text("counts", "VALUE=N[,...]", null,
      "With --stratify-by: rows to generate per value (values not named get none); replaces --num-samples.");
  public static final Knob<FileFormat> FORMAT = Knob.choice("format", FileFormat.class, FileFormat.AUTO,
      "Output format; auto = parquet when the output path ends in .parquet, else CSV with a header.");
  public static final Knob<FileFormat> INPUT_FORMAT = Knob.choice("input-format", FileFormat.class,
      FileFormat.AUTO, "Input format; auto = from the input's extension (.csv, .csv.gz, .parquet).");
  public static final Knob<WriteMode> MODE = Knob.choice("mode", WriteMode.class, WriteMode.ERROR,
      "What to do if the output exists: error (keep it) or overwrite (replace it once the new one is complete).");
  public static final Knob<Integer> PARTITIONS = Knob.integer("partitions", 0, 0, 1_000_000,
      "Spark partitions (tasks) for sampling; 0 = " + GenerateJob.AUTO_PARTITIONS_PER_CORE
          + " per core (fewer for small runs), so progress is smooth and a retried task is cheap.");
  public static final Knob<Integer> BROADCAST_BUDGET_MB = Knob.integer("broadcast-budget-mb", 512, 1,
      Integer.MAX_VALUE, "Largest encoded training matrix (MB) to collect and broadcast to every executor.");
  public static final Knob<Boolean> SAMPLE_ID = flag("sample-id", false,
      "Add a sample_id column first: the sample's index, which alone determines its values.");
  public static final Knob<Boolean> PROGRESS = flag("progress", true,
      "Print a progress line (percent, samples/s, ETA) to stderr at most twice a second while sampling.");

  public static final Knob<Double> HOLDOUT_FRACTION = Knob.decimal("holdout-fraction", 0, 0, 1, false,
      "Share of the training rows (after --where) held out of the model, chosen by a seeded hash of each row's "
          + "values, and written to <output>/" + HoldoutSplit.DIRECTORY + "/ as CSV: the reference for the report's "
          + "privacy figures.");
  public static final Knob<Boolean> REPORT = flag("report", false,
      "After sampling, write the quality and privacy report of the output against the training rows (and the "
          + "holdout) into <output>/" + ReportJob.DIRECTORY + "/.");
  public static final Knob<Double> NEAR_COPY_TARGET = Knob.decimal("near-copy-target", 1, 0, 1, true,
      "With --sigma auto and a target below 1: raise σ from the spacing rule in steps of √2 until a "
          + SigmaCalibration.PILOT_SAMPLES + "-sample pilot has at most this share of near-copies (before "
          + "--guard). 1 = the spacing rule as it is; without --guard, 0.02 keeps near-copies rare by σ alone.");
  public static final Knob<Boolean> GUARD = flag("guard", true,
      "Resample near-copies: a sample that decodes to within --guard-threshold of a training row is drawn again "
          + "along its own trajectory with σ raised in steps of √2 (up to " + NearCopyGuard.ATTEMPTS + " times, "
          + "16σ); the manifest counts them. Off by itself when σ = 0 or --draws 1, whose every sample is a "
          + "training row; --guard false gives the plain model, whose samples are often training rows.");
  public static final Knob<Double> GUARD_THRESHOLD = Knob.custom("guard-threshold", "NUMBER|auto", null,
      raw -> raw.equalsIgnoreCase("auto") ? null : Double.valueOf(raw), v -> v >= 0, "a number >= 0 or auto",
      "Distance (the report's encoded space) under which --guard replaces a sample; auto = the near-copy "
          + "threshold, the 1st percentile of training rows' distances to their nearest other row.",
      v -> v == null ? "auto" : String.valueOf(v));

  /** The job's own knobs. */
  public static final List<Knob<?>> ALL = List.of(INPUT, OUTPUT, INPUT_FORMAT, FORMAT, NULL_VALUE, COLUMNS, EXCLUDE,
      CATEGORICAL, INTEGER, IGNORE, MAX_CATEGORIES, POINT_MASSES, WHERE, STRATIFY_BY, COUNTS, MODE, PARTITIONS,
      BROADCAST_BUDGET_MB, SAMPLE_ID, PROGRESS, HOLDOUT_FRACTION, NEAR_COPY_TARGET, GUARD, GUARD_THRESHOLD,
      REPORT);

  /** Every knob of the generate command: the engine's, then the job's. */
  public static final List<Knob<?>> GENERATE = concat(SamplerKnobs.ALL, ALL);

  /** The column-kind overrides in {@code settings}, for the model. */
  static ColumnOverrides overrides(org.cfdmspark.core.Settings settings) {
    return columnKinds(settings, settings.get(POINT_MASSES));
  }

  /** The column-kind overrides in {@code settings} with or without point masses (the report: without). */
  static ColumnOverrides columnKinds(org.cfdmspark.core.Settings settings, boolean pointMasses) {
    return new ColumnOverrides(java.util.Set.copyOf(settings.get(CATEGORICAL)),
        java.util.Set.copyOf(settings.get(INTEGER)), settings.get(MAX_CATEGORIES), pointMasses);
  }

  private static Knob<List<String>> columnList(String name, String emptyText, String help) {
    return Knob.custom(name, "COL[,COL...]", List.of(), JobKnobs::splitNames, names -> true,
        "comma-separated column names", help, names -> names.isEmpty() ? emptyText : String.join(",", names));
  }

  private static List<String> splitNames(String raw) {
    return Arrays.stream(raw.split(",")).map(String::trim).filter(s -> !s.isEmpty()).distinct().toList();
  }

  static Knob<Boolean> flag(String name, boolean defaultValue, String help) {
    return Knob.custom(name, "true|false", defaultValue, JobKnobs::parseBoolean, v -> true, "true or false", help,
        String::valueOf);
  }

  private static Boolean parseBoolean(String raw) {
    return switch (raw.toLowerCase(Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new IllegalArgumentException("not a boolean: " + raw);
    };
  }

  private static List<Knob<?>> concat(List<Knob<?>> first, List<Knob<?>> second) {
    List<Knob<?>> all = new ArrayList<>(first);
    all.addAll(second);
    return List.copyOf(all);
  }
}
