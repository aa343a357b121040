package org.cfdmspark.job;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.spark.SparkException;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.analysis.MultiAlias;
import org.apache.spark.sql.catalyst.expressions.Alias;
import org.apache.spark.sql.catalyst.expressions.Expression;
import org.apache.spark.sql.catalyst.parser.CatalystSqlParser$;
import org.apache.spark.sql.functions;
import org.cfdmspark.config.BadInputException;
import org.cfdmspark.config.Knob;
import org.cfdmspark.config.Settings;
import org.cfdmspark.encoding.ColumnNames;
import org.cfdmspark.ml.ModelKnobs;

/**
 * The input table, read lazily, restricted to the --where rows and narrowed to the columns to model, with the
 * facts the manifest records about the file. Every problem a user can fix (missing path, unknown column, bad
 * predicate) is a {@link BadInputException} raised here, before any sampling.
 *
 * @param table the rows matching --where less the --holdout-fraction rows: the modelled and the --ignore columns,
 *     in input order (the schema of the output)
 * @param holdout the held-out rows (the modelled columns), never seen by the model; null without --holdout-fraction
 * @param rowsRead rows in the input before --where
 * @param bytes total size of the input file(s)
 * @param modifiedMillis latest modification time of the input file(s)
 */
public record InputTable(String path, FileFormat format, Dataset<Row> table, Dataset<Row> holdout, long rowsRead,
    long bytes, long modifiedMillis) {

  public static InputTable read(SparkSession spark, Settings settings) {
    String path = settings.get(JobKnobs.INPUT);
    FileStatus[] matches = find(path, spark.sparkContext().hadoopConfiguration());
    FileFormat format = settings.get(JobKnobs.INPUT_FORMAT).forInput(path,
        () -> partNames(matches, spark.sparkContext().hadoopConfiguration()));
    Dataset<Row> all;
    Long counted;
    try {
      String datetimeFormat = settings.get(JobKnobs.DATETIME_FORMAT);
      TableReader.Counted read = TableReader.readCounted(spark, format, settings, path);
      all = read.table();
      counted = read.rows();
      if (format == FileFormat.CSV) {
        // Spark's inference loses the input's text form of timestamps: keep it from the text.
        all = TimestampText.keep(all, read.text(), datetimeFormat);
      }
      all = DateCodes.read(all, settings.get(JobKnobs.DATE));
    } catch (Exception e) { // Scala's checked exceptions are declared nowhere, so javac needs this wide catch
      if (e instanceof AnalysisException || e instanceof SparkException) {
        // Loading reads only the schema (Parquet footers; a CSV header and one pass to infer the types), so a
        // failure here is the file's, practically never the cluster's.
        throw new BadInputException("cannot read input '" + path + "' as " + format.sparkName() + " (check "
            + JobKnobs.INPUT_FORMAT.option() + "): " + firstLine(rootCause(e).getMessage()));
      }
      throw e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e);
    }
    long bytes = 0;
    long modified = 0;
    for (FileStatus match : matches) {
      bytes += contentLength(match, spark.sparkContext().hadoopConfiguration());
      modified = Math.max(modified, match.getModificationTime());
    }
    requireColumns(path, all);
    // The CSV read counted the rows already: no Spark job of its own for the count or the emptiness check.
    long rowsRead = counted != null ? counted : all.count();
    List<String> modelled = select(path, all, rowsRead, settings);
    List<String> ignored = settings.get(ModelKnobs.IGNORE);
    // Without --columns, the input's order; with it, its columns in its order (as a SELECT lists them, the
    // --ignore ones among them where listed), then the --ignore columns it does not list.
    List<String> listed = settings.get(JobKnobs.COLUMNS);
    Stream<String> kept = listed.isEmpty()
        ? Arrays.stream(all.columns()).filter(name -> modelled.contains(name) || ignored.contains(name))
        : Stream.concat(listed.stream().filter(name -> modelled.contains(name) || ignored.contains(name)),
            ignored.stream().filter(name -> !listed.contains(name)));
    Column[] output = kept.map(ColumnNames::column).toArray(Column[]::new);
    Dataset<Row> rows = restrict(all, settings.get(JobKnobs.WHERE));
    HoldoutSplit.Parts parts = HoldoutSplit.split(rows.select(output), modelled, settings);
    return new InputTable(path, format, parts.training(), parts.holdout(), rowsRead, bytes, modified);
  }

  /** What the manifest records about the input. */
  RunManifest.Input facts() {
    return new RunManifest.Input(path, format.sparkName(), bytes, Instant.ofEpochMilli(modifiedMillis).toString(),
        null, null);
  }

  /** The rows matching the --where predicate (all rows without one). */
  private static Dataset<Row> restrict(Dataset<Row> all, String predicate) {
    if (predicate == null || predicate.isBlank()) {
      return all;
    }
    try {
      requireCondition(predicate, CatalystSqlParser$.MODULE$.parseExpression(predicate), all.columns());
      return all.where(functions.expr(predicate));
    } catch (Exception e) { // ParseException and AnalysisException, undeclared by Scala
      if (e instanceof AnalysisException) {
        throw new BadInputException(JobKnobs.WHERE.option() + " \"" + predicate + "\" is not a valid predicate on "
            + "the input: " + firstLine(e.getMessage()).strip() + backtickHint(all.columns(), predicate));
      }
      throw e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e);
    }
  }

  /**
   * The advice for a --where that names a column whose name is no SQL identifier (a space, a dot, a hyphen) without
   * backticks, which SQL reads as separate words (monthly fee > 10) and refuses with an error of its own; else "".
   */
  private static String backtickHint(String[] columns, String predicate) {
    for (String column : columns) {
      boolean identifier = column.matches("[A-Za-z_][A-Za-z0-9_]*");
      if (!identifier && predicate.contains(column) && !predicate.contains("`" + column.replace("`", "``") + "`")) {
        return "; a column name that is no SQL word (spaces, dots, hyphens) goes in backticks: `"
            + column.replace("`", "``") + "`";
      }
    }
    return "";
  }

  /**
   * Refuses a --where whose parsed expression names itself: SQL reads a last word after a condition as its alias,
   * so a cut-off "plan = 'basic' and" would filter on "plan = 'basic'" in silence (a filter drops the alias).
   */
  private static void requireCondition(String predicate, Expression parsed, String[] columns) {
    String alias = parsed instanceof Alias named ? named.name()
        : parsed instanceof MultiAlias named ? named.names().mkString(", ") : null;
    if (alias != null) {
      throw new BadInputException(JobKnobs.WHERE.option() + " \"" + predicate + "\" is not a whole predicate: SQL "
          + "reads '" + alias + "' at its end as a name for the condition before it (an alias); complete the "
          + "condition, or remove '" + alias + "'" + backtickHint(columns, predicate));
    }
  }

  /** The files the path (or glob) names; an error naming the path when there are none. */
  private static FileStatus[] find(String path, Configuration conf) {
    try {
      Path hadoopPath = new Path(path);
      FileStatus[] matches = hadoopPath.getFileSystem(conf).globStatus(hadoopPath);
      if (matches == null || matches.length == 0) {
        throw new BadInputException("input '" + path + "' does not exist; check " + JobKnobs.INPUT.option());
      }
      return matches;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot look up input '" + path + "'", e);
    }
  }

  /** The names of the data files in a folder input (not those Spark skips: _SUCCESS, .crc), none otherwise. */
  private static List<String> partNames(FileStatus[] matches, Configuration conf) {
    if (matches.length != 1 || !matches[0].isDirectory()) {
      return List.of();
    }
    try {
      return Arrays.stream(matches[0].getPath().getFileSystem(conf).listStatus(matches[0].getPath()))
          .filter(FileStatus::isFile).map(status -> status.getPath().getName())
          .filter(name -> !name.startsWith("_") && !name.startsWith(".")).toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list input '" + matches[0].getPath() + "'", e);
    }
  }

  private static long contentLength(FileStatus status, Configuration conf) {
    try {
      return status.getPath().getFileSystem(conf).getContentSummary(status.getPath()).getLength();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot measure input '" + status.getPath() + "'", e);
    }
  }

  private static void requireColumns(String path, Dataset<Row> all) {
    if (all.columns().length == 0) {
      throw new BadInputException("input '" + path + "' has no columns; is it empty? (CSV input needs a header)");
    }
  }

  /**
   * The columns to model: --columns (or all) minus --exclude and --ignore; overrides must name known columns.
   * {@code rows} is the input's row count.
   */
  private static List<String> select(String path, Dataset<Row> all, long rows, Settings settings) {
    List<String> available = Arrays.asList(all.columns());
    if (rows == 0) { // before the type checks: a CSV header alone types every column as text
      throw new BadInputException("input '" + path + "' has no rows, only a header");
    }
    List<String> unknown = new ArrayList<>();
    for (Knob<List<String>> knob : List.of(JobKnobs.COLUMNS, JobKnobs.EXCLUDE, JobKnobs.STRING, ModelKnobs.IGNORE,
        ModelKnobs.CATEGORICAL, ModelKnobs.INTEGER, ModelKnobs.KEY, ModelKnobs.NO_KEY)) {
      List<String> names = settings.get(knob).stream().filter(name -> !available.contains(name)).toList();
      if (!names.isEmpty()) {
        unknown.add(ColumnNames.quotedList(names) + " in " + knob.option());
      }
    }
    if (!unknown.isEmpty()) {
      throw new BadInputException("unknown column" + (unknown.size() == 1 && !unknown.get(0).contains(", ") ? " "
          : "s ") + String.join("; ", unknown) + "; available columns: " + ColumnNames.quotedList(available));
    }
    List<String> columns = settings.get(JobKnobs.COLUMNS);
    List<String> both = columns.stream().filter(settings.get(JobKnobs.EXCLUDE)::contains).toList();
    if (!both.isEmpty()) {
      throw new BadInputException(ColumnNames.quotedList(both) + " named by both " + JobKnobs.COLUMNS.option() + " and "
          + JobKnobs.EXCLUDE.option() + ": keep it in one of them");
    }
    Set<String> chosen = new LinkedHashSet<>(columns.isEmpty() ? available : columns);
    chosen.removeAll(settings.get(JobKnobs.EXCLUDE));
    chosen.removeAll(settings.get(ModelKnobs.IGNORE));
    if (chosen.isEmpty()) {
      throw new BadInputException("no columns left to model in the input; check " + JobKnobs.COLUMNS.option()
          + ", " + JobKnobs.EXCLUDE.option() + " and " + ModelKnobs.IGNORE.option() + " (available: "
          + ColumnNames.quotedList(available) + ")");
    }
    String stratifyBy = settings.get(ModelKnobs.STRATIFY_BY);
    if (stratifyBy != null && !chosen.contains(stratifyBy)) {
      String problem = ModelKnobs.STRATIFY_BY.option() + " " + stratifyBy + " must be a modelled column";
      if (!available.contains(stratifyBy)) {
        throw new BadInputException(problem + "; available columns: " + ColumnNames.quotedList(available));
      }
      // Name each option that leaves it out: a --columns list without it is as likely as --exclude or --ignore.
      List<String> fixes = new ArrayList<>();
      if (!columns.isEmpty() && !columns.contains(stratifyBy)) {
        problem += ", and " + JobKnobs.COLUMNS.option() + " does not list it";
        fixes.add("add it to " + JobKnobs.COLUMNS.option());
      }
      if (settings.get(JobKnobs.EXCLUDE).contains(stratifyBy) || settings.get(ModelKnobs.IGNORE).contains(stratifyBy)) {
        fixes.add("do not exclude or ignore it");
      }
      throw new BadInputException(problem + "; " + String.join(" and ", fixes));
    }
    return List.copyOf(chosen);
  }

  private static Throwable rootCause(Throwable e) {
    Throwable cause = e;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    return cause;
  }

  /** The first line of a (possibly multi-line) Spark message, for one-line user errors. */
  /** The first line of a message that says something: Spark's parse errors start with an empty one. */
  private static String firstLine(String message) {
    String text = String.valueOf(message);
    return text.lines().map(String::strip).filter(line -> !line.isEmpty()).findFirst().orElse(text);
  }
}
