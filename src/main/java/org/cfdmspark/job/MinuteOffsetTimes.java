package org.cfdmspark.job;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.cfdmspark.encoding.ColumnNames;

/**
 * CSV columns of ISO-8601 date-times with a UTC offset written to the minute ({@code 2023-11-23T04:55+01:00},
 * {@code 2023-11-23 04:55Z}: Python's {@code isoformat(timespec='minutes')}). Spark's inference reads such a
 * date-time only with seconds ({@code 04:55:00+01:00}); without them it leaves the column text, which, its values
 * all distinct, was taken for a key and rebuilt character by character (month 16, hour 27). Such a column is read
 * as timestamps here, each cell the instant its offset gives; {@link TimestampText} then keeps its text form
 * (minutes, the offset as Z or +01:00, T or a space), as it does for the forms with seconds. A column may mix cells
 * with and without seconds. Offsets written otherwise (+0100, +01) are not this form and leave the column text.
 */
final class MinuteOffsetTimes {
  /** An ISO-8601 date-time with an offset: date, T or space, hours and minutes, optional seconds, Z or ±hh:mm. */
  private static final Pattern FORM = Pattern.compile(
      "^[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]{1,9})?)?(Z|[+-][0-9]{2}:[0-9]{2})$");
  /** A cell to the minute, its date, hour and minute and the offset's first character: to be given seconds. */
  private static final String TO_THE_MINUTE = "^([0-9]{4}-[0-9]{2}-[0-9]{2})[T ]([0-9]{2}:[0-9]{2})([Z+-])";
  /** The shortest and longest text {@link #FORM} matches, so that other cells cost no regular expression. */
  private static final int SHORTEST = "2023-11-23T04:55Z".length();
  private static final int LONGEST = "2023-11-23T04:55:00.123456789+01:00".length();

  private MinuteOffsetTimes() {
  }

  /**
   * Whether a cell is an ISO-8601 date-time with an offset (spaces around it make it none) that names a real
   * instant: month 13, February 30 or hour 24 do not, so that reading the column never turns a written cell into a
   * missing one.
   */
  static boolean is(String cell) {
    if (cell.length() < SHORTEST || cell.length() > LONGEST || cell.charAt(4) != '-' || !FORM.matcher(cell).matches()) {
      return false;
    }
    try {
      OffsetDateTime.parse(cell.replace(' ', 'T'));
      return true;
    } catch (DateTimeParseException notAnInstant) {
      return false;
    }
  }

  /**
   * The table with each column of {@code names} (text whose every present cell {@link #is} such a date-time) as
   * timestamps: the cells to the minute are given seconds ({@code :00}), the form Spark's cast reads, which puts
   * each at the instant its offset says whatever the session's zone.
   */
  static Dataset<Row> read(Dataset<Row> table, List<String> names) {
    if (names.isEmpty()) {
      return table;
    }
    StructField[] fields = table.schema().fields();
    Column[] columns = new Column[fields.length];
    for (int c = 0; c < fields.length; c++) {
      Column column = ColumnNames.column(fields[c].name());
      columns[c] = !names.contains(fields[c].name()) ? column
          : functions.regexp_replace(column, TO_THE_MINUTE, "$1T$2:00$3").cast(DataTypes.TimestampType)
              .as(fields[c].name(), fields[c].metadata());
    }
    return table.select(columns);
  }
}
