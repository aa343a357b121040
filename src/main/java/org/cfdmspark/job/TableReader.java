package org.cfdmspark.job;

import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.cfdmspark.config.BadInputException;
import org.cfdmspark.config.Settings;
import org.cfdmspark.encoding.ColumnNames;

/**
 * Reads a table the way the job's user wrote it. CSV is read in the {@link CsvDialect} of the settings, with
 * --null-value cells missing and column types inferred by Spark, then corrected where Spark's inference loses
 * what the text says: a number-like column with a zero-padded value (ZIP and FIPS codes, 01234) is text, since as
 * an integer it would lose its zeros; --string columns are text; with --decimal-comma, a text column whose every
 * value is a decimal-comma number (3,7) is a double. A CSV read as a single column whose name holds another
 * likely separator is refused with the option that reads it. Parquet carries its own types; --string casts.
 */
final class TableReader {
  /** A zero-padded number: a zero followed by another digit (0.5 and 0 are not padded). */
  private static final String ZERO_PADDED = "^\\s*[+-]?0[0-9]";
  /** A number with a decimal comma (or none), optionally with an exponent. */
  private static final String COMMA_NUMBER = "^\\s*[+-]?([0-9]+(,[0-9]*)?|,[0-9]+)([eE][+-]?[0-9]+)?\\s*$";
  /** Separators a one-column header is checked for, as --csv-sep takes them (\t for a tab). */
  private static final List<String> LIKELY_SEPARATORS = List.of(";", "\\t", "|", ",");

  private TableReader() {
  }

  /** The table at {@code paths} (files or directories of one table) in {@code format} (CSV or PARQUET). */
  static Dataset<Row> read(SparkSession spark, FileFormat format, Settings settings, String... paths) {
    List<String> strings = settings.get(JobKnobs.STRING);
    if (format == FileFormat.PARQUET) {
      Dataset<Row> table = spark.read().parquet(paths);
      return strings.isEmpty() ? table : table.select(retyped(table.schema(), strings, List.of()));
    }
    CsvDialect dialect = CsvDialect.of(settings);
    String nullValue = settings.get(JobKnobs.NULL_VALUE);
    boolean multiLine = settings.get(JobKnobs.MULTI_LINE);
    String datetimeFormat = settings.get(JobKnobs.DATETIME_FORMAT);
    Dataset<Row> inferred = csv(spark, dialect, nullValue, multiLine, datetimeFormat).option("inferSchema", "true").load(paths);
    requireSeveralColumns(inferred.schema(), dialect, paths[0]);
    Dataset<Row> text = csv(spark, dialect, nullValue, multiLine, datetimeFormat).option("inferSchema", "false").load(paths);
    Retyping retyping = Retyping.of(inferred.schema(), text, strings, dialect.decimalComma());
    if (retyping.asText().stream().noneMatch(name -> isTyped(inferred.schema(), name))
        && retyping.commaNumbers().isEmpty()) {
      return inferred;
    }
    StructType schema = new StructType(Arrays.stream(inferred.schema().fields())
        .map(f -> retyping.asText().contains(f.name()) ? f.copy(f.name(), DataTypes.StringType, true, f.metadata())
            : f)
        .toArray(StructField[]::new));
    Dataset<Row> typed = csv(spark, dialect, nullValue, multiLine, datetimeFormat).schema(schema).load(paths);
    return retyping.commaNumbers().isEmpty() ? typed
        : typed.select(retyped(schema, List.of(), retyping.commaNumbers()));
  }

  /**
   * Where Spark's inferred types give way to the text: the columns to read as text (--string and zero-padded
   * number columns) and the text columns that are decimal-comma numbers.
   */
  private record Retyping(List<String> asText, List<String> commaNumbers) {
    /** Decided in one pass over {@code text}, the table's cells as text. */
    static Retyping of(StructType inferred, Dataset<Row> text, List<String> strings, boolean decimalComma) {
      List<Column> checks = new ArrayList<>();
      List<String> checked = new ArrayList<>();
      for (StructField field : inferred.fields()) {
        Column cell = ColumnNames.column(field.name());
        if (strings.contains(field.name())) {
          continue;
        }
        if (field.dataType() instanceof NumericType) {
          checks.add(count(when(cell.rlike(ZERO_PADDED), lit(1))));
          checked.add(field.name());
        } else if (decimalComma && field.dataType().equals(DataTypes.StringType)) {
          checks.add(functions.min(cell.rlike(COMMA_NUMBER))); // null (skipped) for a missing cell
          checked.add(field.name());
        }
      }
      List<String> asText = new ArrayList<>(strings);
      List<String> commaNumbers = new ArrayList<>();
      if (checks.isEmpty()) {
        return new Retyping(asText, commaNumbers);
      }
      Row found = text.agg(checks.get(0), checks.subList(1, checks.size()).toArray(Column[]::new)).first();
      for (int k = 0; k < checked.size(); k++) {
        Object value = found.get(k); // null for a text column without values
        if (value instanceof Long padded && padded > 0) {
          asText.add(checked.get(k));
        } else if (Boolean.TRUE.equals(value)) {
          commaNumbers.add(checked.get(k));
        }
      }
      return new Retyping(asText, commaNumbers);
    }
  }

  private static DataFrameReader csv(SparkSession spark, CsvDialect dialect, String nullValue, boolean multiLine,
      String datetimeFormat) {
    DataFrameReader reader = dialect.reader(spark).option("nullValue", nullValue).option("multiLine", multiLine);
    return datetimeFormat == null ? reader : reader.option("timestampFormat", datetimeFormat);
  }

  /** A new reader of the CSV input's cells as text, in the settings' dialect (give it a schema; one use each). */
  static DataFrameReader textReader(SparkSession spark, Settings settings) {
    return csv(spark, CsvDialect.of(settings), settings.get(JobKnobs.NULL_VALUE), settings.get(JobKnobs.MULTI_LINE),
        settings.get(JobKnobs.DATETIME_FORMAT)).option("inferSchema", "false");
  }

  /** Whether the schema has a column of this name with a type other than text. */
  private static boolean isTyped(StructType schema, String name) {
    return Arrays.stream(schema.fields()).anyMatch(f -> f.name().equals(name)
        && !f.dataType().equals(DataTypes.StringType));
  }

  /** The columns of {@code schema}: {@code strings} cast to text, {@code commaNumbers} parsed as doubles. */
  private static Column[] retyped(StructType schema, List<String> strings, List<String> commaNumbers) {
    Column[] columns = new Column[schema.fields().length];
    for (int c = 0; c < columns.length; c++) {
      String name = schema.fields()[c].name();
      Column column = ColumnNames.column(name);
      if (strings.contains(name)) {
        column = column.cast(DataTypes.StringType).as(name);
      } else if (commaNumbers.contains(name)) {
        column = functions.regexp_replace(functions.trim(column), ",", ".").cast(DataTypes.DoubleType).as(name);
      }
      columns[c] = column;
    }
    return columns;
  }

  /**
   * A CSV header read as one name that holds a likely separator other than the dialect's is a file in another
   * dialect: refused with the option that reads it (modelling the whole line as one text column helps no one).
   */
  private static void requireSeveralColumns(StructType schema, CsvDialect dialect, String path) {
    if (schema.fields().length != 1) {
      return;
    }
    String name = schema.fields()[0].name();
    for (String separator : LIKELY_SEPARATORS) {
      String character = separator.equals("\\t") ? "\t" : separator;
      if (name.contains(character) && !separator.equals(dialect.separator())) {
        String option = JobKnobs.CSV_SEP.option() + " '" + separator + "'";
        throw new BadInputException("input '" + path + "' was read as one column, but its header '"
            + name.replace("\t", "\\t") + "' holds '" + separator + "': give " + option
            + (separator.equals(";") ? " (and " + JobKnobs.DECIMAL_COMMA.option()
                + " if its numbers are written 3,7)" : ""));
      }
    }
  }
}
