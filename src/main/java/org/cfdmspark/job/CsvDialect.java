package org.cfdmspark.job;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.DataFrameWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.StructField;
import org.cfdmspark.config.Knob;
import org.cfdmspark.config.Settings;
import org.cfdmspark.encoding.ColumnNames;

/**
 * How a CSV file is written: separator, quote, escape, decimal comma and character set (the --csv-sep ...
 * --encoding knobs, named after Spark's reader options; --multi-line is the reader's, see {@link TableReader}). The defaults are RFC 4180's: comma,
 * double quote, a quote inside a quoted cell doubled, line breaks allowed inside quoted cells. The job reads its
 * input and writes its CSV output (and the holdout) with the same dialect, so what it writes reads back cell for
 * cell.
 *
 * @param separator the field separator, as Spark's {@code sep} option takes it ({@code \t} for a tab)
 * @param quote the quote character
 * @param escape the character that escapes a quote inside a quoted cell (the quote itself: doubled quotes)
 * @param decimalComma whether numbers are written 3,7 rather than 3.7
 * @param encoding the character set
 */
public record CsvDialect(String separator, String quote, String escape, boolean decimalComma, String encoding) {

  /**
   * The knobs of a dialect, which a saved model records of its input's, among its read knobs
   * ({@link ReportJob#RUN_READ_KNOBS}).
   */
  static final List<Knob<?>> KNOBS = List.of(JobKnobs.CSV_SEP, JobKnobs.CSV_QUOTE, JobKnobs.CSV_ESCAPE,
      JobKnobs.DECIMAL_COMMA, JobKnobs.ENCODING);

  /**
   * {@code settings} with the {@code recorded} dialect (a model's input form) for every dialect knob the user did
   * not give: sample writes in the fit's dialect unless told otherwise.
   */
  static Settings inherit(Settings settings, Map<String, String> recorded) {
    Settings inherited = settings;
    for (Knob<?> knob : KNOBS) {
      String text = recorded.get(knob.name());
      if (text != null && !settings.isGiven(knob)) {
        inherited = inherited.withText(knob.name(), text);
      }
    }
    return inherited;
  }

  /** The dialect the knobs in {@code settings} describe. */
  public static CsvDialect of(Settings settings) {
    return new CsvDialect(settings.get(JobKnobs.CSV_SEP), settings.get(JobKnobs.CSV_QUOTE),
        settings.get(JobKnobs.CSV_ESCAPE), settings.get(JobKnobs.DECIMAL_COMMA), settings.get(JobKnobs.ENCODING));
  }

  /**
   * A reader of CSV with a header in this dialect; the caller adds the schema (or inference), the null text and
   * whether records span lines.
   */
  public DataFrameReader reader(SparkSession spark) {
    return spark.read().format("csv").options(common());
  }

  /**
   * The writer of {@code table} as CSV with a header in this dialect. With a decimal comma the table must have
   * passed through {@link #forWriting}, which writes the numbers' text.
   */
  public DataFrameWriter<Row> writer(Dataset<Row> table) {
    // Spark's CSV writer trims spaces around cells by default (its reader keeps them): " 36 months" would be
    // written as a value no input row has.
    return table.write().format("csv").options(common()).option("ignoreLeadingWhiteSpace", "false")
        .option("ignoreTrailingWhiteSpace", "false");
  }

  private Map<String, String> common() {
    Map<String, String> options = new LinkedHashMap<>();
    options.put("header", "true");
    options.put("sep", separator);
    options.put("quote", quote);
    options.put("escape", escape);
    options.put("encoding", encoding);
    // Timestamps without an offset in their text are wall-clock times, read and written in one zone without
    // summer time on every machine rather than in the session's (the JVM's) zone; text with offsets keeps them.
    options.put("timeZone", TimestampText.WALL_CLOCK_ZONE);
    return options;
  }

  /**
   * The table as this dialect writes it: numbers read with a text form ({@link NumberForm} in their metadata:
   * 12.50, 34 beside 39.1, 5.00E+05) written in it, and those read dressed for people ({@link NumberDress}:
   * $2,273.21, 17.3%) dressed again; with a decimal comma, fractional numbers as text with a comma
   * for the point (Spark's CSV writer knows only the point), and numbers read with thousands separators
   * ({@link TableReader#GROUPING} in their metadata) grouped again; and the missing cells of columns read with
   * the null text ({@link MissingText} in their metadata) as that text (Spark's writer writes every other
   * missing cell empty); otherwise the table itself.
   */
  public Dataset<Row> forWriting(Dataset<Row> table) {
    StructField[] fields = table.schema().fields();
    boolean formed = Arrays.stream(fields).anyMatch(f -> f.metadata().contains(NumberForm.KEY)
        || f.metadata().contains(NumberDress.KEY));
    Dataset<Row> numbers = decimalComma || formed
        ? table.select(Arrays.stream(fields).map(this::numberText).toArray(Column[]::new)) : table;
    if (Arrays.stream(fields).noneMatch(f -> f.metadata().contains(MissingText.KEY))) {
      return numbers;
    }
    // The missing cells' text from the table's metadata (numberText drops it), on the numbers' text or type.
    Column[] columns = new Column[fields.length];
    for (int c = 0; c < fields.length; c++) {
      String missing = MissingText.of(fields[c].metadata());
      Column column = ColumnNames.column(fields[c].name());
      columns[c] = missing == null ? column
          : MissingText.written(column, numbers.schema().fields()[c].dataType(), missing).as(fields[c].name());
    }
    return numbers.select(columns);
  }

  /** A column's numbers as text in their form and this dialect, or the column itself when written as it is. */
  private Column numberText(StructField field) {
    Column column = ColumnNames.column(field.name());
    boolean fractional = field.dataType().equals(DataTypes.DoubleType)
        || field.dataType().equals(DataTypes.FloatType) || field.dataType() instanceof DecimalType;
    NumberForm form = field.dataType().equals(DataTypes.DoubleType) || field.dataType().equals(DataTypes.FloatType)
        ? NumberForm.of(field.metadata()) : null;
    Column text = form == null ? column.cast(DataTypes.StringType)
        : functions.udf((UDF1<Double, String>) value -> value == null ? null : form.format(value),
            DataTypes.StringType).apply(column.cast(DataTypes.DoubleType));
    NumberDress dress = NumberDress.of(field.metadata());
    if (dress != null) {
      return functions.udf((UDF1<String, String>) number -> number == null ? null : dress.dress(number),
          DataTypes.StringType).apply(text).as(field.name());
    }
    if (!decimalComma) {
      return form != null ? text.as(field.name()) : column;
    }
    String grouping = field.metadata().contains(TableReader.GROUPING)
        ? field.metadata().getString(TableReader.GROUPING) : "";
    if (!grouping.isEmpty()) {
      UserDefinedFunction grouped = functions.udf((UDF1<String, String>) number -> number == null ? null
          : grouped(number, grouping), DataTypes.StringType);
      return grouped.apply(text).as(field.name());
    }
    return fractional ? functions.regexp_replace(text, "\\.", ",").as(field.name()) : column;
  }

  /** A number's text (1234567.5, 1.2345675E6) with a decimal comma and its whole part grouped: 1.234.567,5. */
  static String grouped(String number, String grouping) {
    String plain = new BigDecimal(number).toPlainString();
    int point = plain.indexOf('.');
    String whole = point < 0 ? plain : plain.substring(0, point);
    int digitsFrom = whole.startsWith("-") ? 1 : 0;
    StringBuilder out = new StringBuilder(whole);
    for (int at = whole.length() - 3; at > digitsFrom; at -= 3) {
      out.insert(at, grouping);
    }
    return point < 0 ? out.toString() : out.append(',').append(plain, point + 1, plain.length()).toString();
  }
}
