package org.cfdmspark.job;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.DataFrameWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.StructField;
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
    return table.write().format("csv").options(common());
  }

  private Map<String, String> common() {
    Map<String, String> options = new LinkedHashMap<>();
    options.put("header", "true");
    options.put("sep", separator);
    options.put("quote", quote);
    options.put("escape", escape);
    options.put("encoding", encoding);
    return options;
  }

  /**
   * The table as this dialect writes it: with a decimal comma, fractional numbers as text with a comma for the
   * point (Spark's CSV writer knows only the point); otherwise the table itself.
   */
  public Dataset<Row> forWriting(Dataset<Row> table) {
    if (!decimalComma) {
      return table;
    }
    Column[] columns = Arrays.stream(table.schema().fields()).map(CsvDialect::withDecimalComma)
        .toArray(Column[]::new);
    return table.select(columns);
  }

  private static Column withDecimalComma(StructField field) {
    Column column = ColumnNames.column(field.name());
    boolean fractional = field.dataType().equals(DataTypes.DoubleType)
        || field.dataType().equals(DataTypes.FloatType) || field.dataType() instanceof DecimalType;
    return fractional ? functions.regexp_replace(column.cast(DataTypes.StringType), "\\.", ",").as(field.name())
        : column;
  }
}
