package org.cfdmspark.job;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.MetadataBuilder;
import org.apache.spark.sql.types.StructField;
import org.cfdmspark.encoding.ColumnNames;

/**
 * Keeps the text form of a CSV file's ISO-8601 timestamps, with a UTC offset ({@code 2024-06-29T23:11:25+02:00})
 * or without ({@code 2024-06-29 23:11:25}). Spark reads them as instants and would write them back in the
 * session's zone with milliseconds and an offset ({@code 2024-06-29T23:11:25.000-04:00}); instead the column's
 * pattern is kept in the column's metadata (which a saved model keeps with its input schema) with the zone to
 * write it in. Text without an offset is wall-clock time: it is read and written in {@link #WALL_CLOCK_ZONE},
 * whatever the session's zone, so that the numbers the model sees and the text it writes do not depend on the
 * machine's zone. Text with offsets is written:
 * <ul>
 *   <li>one offset: that offset;</li>
 *   <li>several, all given by the rules of a real time-zone (the first by id of those in
 *       {@code ZoneId.getAvailableZoneIds()} that give every read row its offset): that zone, so +01:00 in winter
 *       and +02:00 in summer come back as they were, switching on the zone's own dates;</li>
 *   <li>several that follow no zone's rules (offsets by month, say, switching on March 1): each written instant
 *       takes the offset of the nearest read row in time, from the runs of equal offsets of the read rows, so
 *       an output instant never gets an offset its neighbourhood in the input did not have.</li>
 * </ul>
 * A column whose cells mix date-times with dates alone ({@code 2023-01-14}, which Spark reads as that day's
 * midnight in {@link #WALL_CLOCK_ZONE}) is written in the form most of its cells have: the date-times' (the
 * dates then at 00:00, or at that instant in the zone of the column's offsets), or, where dates alone are the
 * majority, as dates, in {@link #WALL_CLOCK_ZONE} so that those cells come back as they were.
 */
final class TimestampText {
  /** Metadata keys: the zone id and the DateTimeFormatter pattern of the input's text. */
  static final String ZONE = "cfdm.zone";
  static final String PATTERN = "cfdm.pattern";
  /**
   * The zone CSV timestamps without an offset are read and written in ({@link CsvDialect}) and recorded with:
   * UTC, which has no summer time, so that every wall-clock time of the text is one instant (02:30 on a
   * spring-forward night is not moved to 03:30, nor is an hour between two times across a switch two or none),
   * the same on every machine.
   */
  static final String WALL_CLOCK_ZONE = "UTC";
  /** The pattern of a column written as dates alone. */
  private static final String DATE_PATTERN = "yyyy-MM-dd";
  /**
   * Metadata key of offsets that follow no zone: the runs of equal offsets of the read rows in time order, each
   * "first/last/offset" (epoch seconds, seconds east of UTC), comma-separated.
   */
  static final String OFFSET_RUNS = "cfdm.offsetRuns";
  /**
   * Times a zone is first tried on: a zone that fails on them is out without a pass over every time (most of the
   * ~600 zones fail on the first few), and only the survivors are checked on all of them.
   */
  private static final int SCREEN = 10_000;

  private TimestampText() {
  }

  /**
   * The table with the zone and pattern in the metadata of each timestamp column whose text is ISO-8601, or, with
   * a --datetime-format, of every other timestamp column (that pattern, in {@link #WALL_CLOCK_ZONE}, the zone
   * Spark read it in); {@code cells} is the table's cells as text, read only when the table has a timestamp column.
   */
  static Dataset<Row> keep(Dataset<Row> table, Supplier<Dataset<Row>> cells, String datetimeFormat) {
    List<String> timestamps = new ArrayList<>();
    for (StructField field : table.schema().fields()) {
      if (field.dataType().equals(DataTypes.TimestampType)) {
        timestamps.add(field.name());
      }
    }
    if (timestamps.isEmpty()) {
      return table;
    }
    // Every row's text, not the file's first rows: an offset that first appears late in the file (a table sorted
    // by time that crosses a switch after its first rows) is kept too. Only the timestamp columns are collected.
    Dataset<Row> text = cells.get().select(timestamps.stream().map(ColumnNames::column).toArray(Column[]::new));
    List<Row> rows = text.collectAsList();
    Column[] columns = new Column[table.columns().length];
    for (int c = 0; c < columns.length; c++) {
      String name = table.columns()[c];
      int t = timestamps.indexOf(name);
      Metadata form = t < 0 ? null : form(rows, t);
      if (t >= 0 && form == null && datetimeFormat != null) {
        form = new MetadataBuilder().putString(ZONE, WALL_CLOCK_ZONE).putString(PATTERN, datetimeFormat)
            .putBoolean(Meridiem.LOWER, DateCodes.hasHalfDay(datetimeFormat) && mostlyLowerMeridiem(rows, t))
            .build();
      }
      columns[c] = form == null ? ColumnNames.column(name) : ColumnNames.column(name).as(name,
          new MetadataBuilder().withMetadata(table.schema().fields()[c].metadata()).withMetadata(form).build());
    }
    return table.select(columns);
  }

  /** Whether most of column t's texts write their AM and PM in lower case. */
  private static boolean mostlyLowerMeridiem(List<Row> rows, int t) {
    long cells = rows.stream().filter(row -> !row.isNullAt(t)).count();
    long lower = rows.stream().filter(row -> !row.isNullAt(t) && Meridiem.lowerIn(row.getString(t))).count();
    return 2 * lower > cells;
  }

  /**
   * The zone and pattern of column t's texts: ISO-8601 all with an offset or all without one, beside which some
   * may be dates alone; null when they are not.
   */
  private static Metadata form(List<Row> rows, int t) {
    List<OffsetDateTime> times = new ArrayList<>();
    int local = 0;
    int dates = 0;
    String example = null;
    for (Row row : rows) {
      String cell = row.isNullAt(t) ? null : row.getString(t).strip();
      if (cell == null || cell.isEmpty()) {
        continue;
      }
      String iso = cell.replace(' ', 'T');
      try {
        times.add(OffsetDateTime.parse(iso));
      } catch (DateTimeParseException noOffset) {
        try {
          LocalDateTime.parse(iso);
          local++;
        } catch (DateTimeParseException noTime) {
          try {
            LocalDate.parse(cell);
            dates++;
            continue;
          } catch (DateTimeParseException notIso) {
            return null;
          }
        }
      }
      example = example == null ? cell : example;
    }
    if (local > 0 && !times.isEmpty()) {
      return null; // a mix of local times and offsets: no one form to keep
    }
    if (dates > local + times.size()) {
      // Mostly dates alone, read as midnights in the wall-clock zone: written in it, they are those dates again.
      return new MetadataBuilder().putString(PATTERN, DATE_PATTERN).putString(ZONE, WALL_CLOCK_ZONE).build();
    }
    if (example == null) {
      return null; // no text
    }
    MetadataBuilder form = new MetadataBuilder().putString(PATTERN, pattern(example, local == 0));
    if (local > 0) {
      return form.putString(ZONE, WALL_CLOCK_ZONE).build();
    }
    ZoneId zone = zone(times);
    return zone != null ? form.putString(ZONE, zone.getId()).build()
        : form.putString(OFFSET_RUNS, OffsetRuns.of(times).toString()).build();
  }

  /**
   * The DateTimeFormatter pattern of an ISO-8601 text such as {@code example}: its date-time separator, seconds
   * (or none: 2024-06-29T23:11), fraction digits and, with {@code offset}, its offset as Z or +02:00.
   */
  private static String pattern(String example, boolean offset) {
    int dot = example.indexOf('.', 10);
    int fraction = 0;
    while (dot > 0 && dot + 1 + fraction < example.length() && Character.isDigit(example.charAt(dot + 1 + fraction))) {
      fraction++;
    }
    boolean seconds = example.length() > 16 && example.charAt(16) == ':';
    return "yyyy-MM-dd'" + example.charAt(10) + "'HH:mm" + (seconds ? ":ss" : "")
        + (fraction > 0 ? "." + "S".repeat(fraction) : "") + (!offset ? "" : example.endsWith("Z") ? "XXX" : "xxx");
  }

  /**
   * One offset, or else the first zone by id whose rules give every time its offset; null when there is none.
   */
  private static ZoneId zone(List<OffsetDateTime> times) {
    Set<ZoneOffset> offsets = new TreeSet<>();
    times.forEach(t -> offsets.add(t.getOffset()));
    if (offsets.size() == 1) {
      return offsets.iterator().next();
    }
    List<OffsetDateTime> screen = times.subList(0, Math.min(SCREEN, times.size()));
    for (String id : new TreeSet<>(ZoneId.getAvailableZoneIds())) {
      ZoneId zone = ZoneId.of(id);
      if (givesTheirOffsets(zone, screen) && givesTheirOffsets(zone, times)) {
        return zone;
      }
    }
    return null;
  }

  private static boolean givesTheirOffsets(ZoneId zone, List<OffsetDateTime> times) {
    return times.stream().allMatch(t -> zone.getRules().getOffset(t.toInstant()).equals(t.getOffset()));
  }

  /** The column as the input's text when its metadata has a zone and pattern, else the column itself. */
  static Column written(StructField field) {
    Column column = ColumnNames.column(field.name());
    if (!field.metadata().contains(PATTERN)) {
      return column;
    }
    String pattern = field.metadata().getString(PATTERN);
    UserDefinedFunction format;
    if (field.metadata().contains(ZONE)) {
      String zone = field.metadata().getString(ZONE);
      format = functions.udf((UDF1<Timestamp, String>) ts -> ts == null ? null
          : ts.toInstant().atZone(ZoneId.of(zone)).format(DateTimeFormatter.ofPattern(pattern)), DataTypes.StringType);
    } else {
      OffsetRuns runs = OffsetRuns.parse(field.metadata().getString(OFFSET_RUNS));
      format = functions.udf((UDF1<Timestamp, String>) ts -> ts == null ? null
          : ts.toInstant().atOffset(runs.nearest(ts.toInstant())).format(DateTimeFormatter.ofPattern(pattern)),
          DataTypes.StringType);
    }
    return Meridiem.written(format.apply(column), field.metadata()).as(field.name());
  }
}
