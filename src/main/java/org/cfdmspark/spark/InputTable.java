package org.cfdmspark.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.spark.SparkException;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;
import org.cfdmspark.core.BadInputException;
import org.cfdmspark.data.ColumnNames;
import org.cfdmspark.data.TableCodec;

/**
 * The input table, read lazily and narrowed to the columns the user asked for, with the facts the manifest
 * records about the file. Every problem a user can fix (missing path, unknown or unsupported column) is a
 * {@link BadInputException} raised here, before any sampling.
 *
 * @param table the selected columns, in output order
 * @param bytes total size of the input file(s)
 * @param modifiedMillis latest modification time of the input file(s)
 */
record InputTable(FileFormat format, Dataset<Row> table, long bytes, long modifiedMillis) {

  static InputTable read(SparkSession spark, String path, FileFormat requestedFormat, String nullValue,
      List<String> columns, List<String> exclude) {
    FileFormat format = requestedFormat.forInput(path);
    FileStatus[] matches = find(path, spark.sparkContext().hadoopConfiguration());
    Dataset<Row> all;
    try {
      all = spark.read().format(format.sparkName()).option("header", "true").option("inferSchema", "true")
          .option("nullValue", nullValue).load(path);
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
    return new InputTable(format, all.select(select(path, all, columns, exclude)), bytes, modified);
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

  private static long contentLength(FileStatus status, Configuration conf) {
    try {
      return status.getPath().getFileSystem(conf).getContentSummary(status.getPath()).getLength();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot measure input '" + status.getPath() + "'", e);
    }
  }

  /** The columns to model: --columns (or all) minus --exclude, each known and of a supported type. */
  private static Column[] select(String path, Dataset<Row> all, List<String> columns, List<String> exclude) {
    List<String> available = Arrays.asList(all.columns());
    if (available.isEmpty()) {
      throw new BadInputException("input '" + path + "' has no columns; is it empty? (CSV input needs a header)");
    }
    if (all.isEmpty()) { // before the type checks: a CSV header alone types every column as text
      throw new BadInputException("input '" + path + "' has no rows, only a header");
    }
    requireKnown(columns, available, JobKnobs.COLUMNS.option());
    requireKnown(exclude, available, JobKnobs.EXCLUDE.option());
    Set<String> chosen = new LinkedHashSet<>(columns.isEmpty() ? available : columns);
    chosen.removeAll(exclude);
    if (chosen.isEmpty()) {
      throw new BadInputException("no columns left to model in the input; check " + JobKnobs.COLUMNS.option()
          + " and " + JobKnobs.EXCLUDE.option() + " (available: " + String.join(", ", available) + ")");
    }
    List<String> unsupported = new ArrayList<>();
    List<String> types = new ArrayList<>();
    for (StructField field : all.schema().fields()) {
      if (chosen.contains(field.name()) && !TableCodec.supports(field.dataType())) {
        unsupported.add(field.name());
        types.add(field.dataType().simpleString());
      }
    }
    if (!unsupported.isEmpty()) {
      boolean one = unsupported.size() == 1;
      throw new BadInputException((one ? "column '" : "columns '") + String.join("', '", unsupported)
          + (one ? "' is" : "' are") + " not numeric (" + String.join(", ", types) + "); exclude "
          + (one ? "it" : "them") + " with " + JobKnobs.EXCLUDE.option() + " " + String.join(",", unsupported)
          + " (mixed types come in a later release)");
    }
    return chosen.stream().map(ColumnNames::column).toArray(Column[]::new);
  }

  private static void requireKnown(List<String> names, List<String> available, String option) {
    List<String> unknown = names.stream().filter(name -> !available.contains(name)).toList();
    if (!unknown.isEmpty()) {
      throw new BadInputException("unknown column" + (unknown.size() == 1 ? " '" : "s '")
          + String.join("', '", unknown) + "' in " + option + "; available columns: " + String.join(", ", available));
    }
  }

  private static Throwable rootCause(Throwable e) {
    Throwable cause = e;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    return cause;
  }

  /** The first line of a (possibly multi-line) Spark message, for one-line user errors. */
  private static String firstLine(String message) {
    String text = String.valueOf(message);
    int end = text.indexOf('\n');
    return end < 0 ? text : text.substring(0, end);
  }
}
