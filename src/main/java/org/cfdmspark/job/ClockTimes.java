package org.cfdmspark.job;

import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.length;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.regexp_extract;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.when;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.MetadataBuilder;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.cfdmspark.encoding.ColumnNames;

/**
 * CSV columns of clock times without a date ({@code 08:30}, {@code 8:30}, {@code 00:59:26}, {@code 17:45:00.250}):
 * Spark infers them as timestamps on the day of the run in the JVM's zone, so that the output would change with
 * the day and the machine, and be written as full timestamps. Instead such a column is read as a timestamp without
 * a zone on 1970-01-01 (modelled as a number of microseconds, on its grain: quarter hours stay quarter hours) and
 * carries the pattern of its text as a {@link DateCodes} column does, so that it is written back as its input wrote
 * it, whatever the run's date and zone. Durations under 24 hours written so ({@code 01:23:45}) are the same
 * column; one of 24 hours or more ({@code 27:10:00}) is not a time Spark infers, and leaves its column text.
 */
final class ClockTimes {
  /** A clock time: hour 0-23 in one or two digits, minutes, optionally seconds and a fraction of 1-6 digits. */
  private static final String CLOCK = "^([01]?[0-9]|2[0-3]):([0-5][0-9])(:([0-5][0-9](\\.([0-9]{1,6}))?))?$";
  private static final int HOUR = 1;
  private static final int MINUTE = 2;
  private static final int SECONDS = 4;
  private static final int FRACTION = 6;

  private ClockTimes() {
  }

  /**
   * The patterns of the columns of {@code inferred} that Spark typed as timestamps and whose every cell of
   * {@code text} (the same file's cells as text, empty cells null) is a clock time, by name: {@code H} when an hour
   * is written in one digit, else {@code HH}; then {@code :mm}, {@code :ss} when a cell has seconds and a fraction
   * of as many digits as the longest. Cells that are {@code nullValue} are missing; {@code strings} (--string) stay
   * text. One pass over the timestamp columns' text, none without them.
   */
  static Map<String, String> patterns(StructType inferred, Dataset<Row> text, List<String> strings,
      String nullValue) {
    List<String> candidates = new ArrayList<>();
    for (StructField field : inferred.fields()) {
      if (field.dataType().equals(DataTypes.TimestampType) && !strings.contains(field.name())) {
        candidates.add(field.name());
      }
    }
    Map<String, String> patterns = new LinkedHashMap<>();
    if (candidates.isEmpty()) {
      return patterns;
    }
    List<Column> tallies = new ArrayList<>();
    for (String name : candidates) {
      Column cell = trim(ColumnNames.column(name));
      Column present = cell.isNotNull().and(cell.notEqual(lit(nullValue)));
      Column clock = present.and(cell.rlike(CLOCK));
      tallies.add(count(when(present, lit(1))));
      tallies.add(count(when(clock, lit(1))));
      tallies.add(count(when(clock.and(length(regexp_extract(cell, CLOCK, HOUR)).equalTo(1)), lit(1))));
      tallies.add(count(when(clock.and(regexp_extract(cell, CLOCK, SECONDS).notEqual(lit(""))), lit(1))));
      tallies.add(max(when(clock, length(regexp_extract(cell, CLOCK, FRACTION)))));
    }
    Row found = text.agg(tallies.get(0), tallies.subList(1, tallies.size()).toArray(Column[]::new)).first();
    for (int k = 0; k < candidates.size(); k++) {
      int at = 5 * k;
      long present = found.getLong(at);
      if (present == 0 || found.getLong(at + 1) < present) {
        continue;
      }
      int fraction = found.isNullAt(at + 4) ? 0 : found.getInt(at + 4);
      patterns.put(candidates.get(k), (found.getLong(at + 2) > 0 ? "H" : "HH") + ":mm"
          + (found.getLong(at + 3) > 0 ? ":ss" : "") + (fraction > 0 ? "." + "S".repeat(fraction) : ""));
    }
    return patterns;
  }

  /**
   * The table with each column of {@code patterns} (read as text, every cell a clock time or missing) as timestamps
   * without a zone on 1970-01-01, with its pattern and the text type in its metadata ({@link DateCodes#PATTERN},
   * {@link DateCodes#TYPE}), so that it is written back as text in that pattern.
   */
  static Dataset<Row> read(Dataset<Row> table, Map<String, String> patterns) {
    if (patterns.isEmpty()) {
      return table;
    }
    StructField[] fields = table.schema().fields();
    Column[] columns = new Column[fields.length];
    for (int c = 0; c < fields.length; c++) {
      String name = fields[c].name();
      String pattern = patterns.get(name);
      columns[c] = pattern == null ? ColumnNames.column(name) : time(trim(ColumnNames.column(name))).as(name,
          new MetadataBuilder().withMetadata(fields[c].metadata()).putString(DateCodes.PATTERN, pattern)
              .putString(DateCodes.TYPE, DataTypes.StringType.json()).build());
    }
    return table.select(columns);
  }

  /** A clock time's text as a timestamp without a zone on 1970-01-01 (null stays null): exact to the microsecond. */
  private static Column time(Column cell) {
    Column seconds = regexp_extract(cell, CLOCK, SECONDS);
    return functions.make_timestamp_ntz(lit(1970), lit(1), lit(1),
        regexp_extract(cell, CLOCK, HOUR).cast(DataTypes.IntegerType),
        regexp_extract(cell, CLOCK, MINUTE).cast(DataTypes.IntegerType),
        when(seconds.equalTo(lit("")), lit("0")).otherwise(seconds).cast(DataTypes.createDecimalType(8, 6)));
  }
}
