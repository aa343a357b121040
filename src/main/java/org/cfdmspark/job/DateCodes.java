package org.cfdmspark.job;

import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.when;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.MetadataBuilder;
import org.apache.spark.sql.types.StructField;
import org.cfdmspark.config.BadInputException;
import org.cfdmspark.config.Notices;
import org.cfdmspark.encoding.ColumnNames;

/**
 * Columns that hold dates as numbers or text in a pattern ({@code --date visit=yyyyMMdd}: 20230514): read as
 * dates, so that they are modelled as days (a barycentre of 20230430 and 20230602 is a day in May, not the
 * 20230516 of the numbers, nor a 20230732), and written back in the pattern and the column's own type. A pattern
 * with a time of day ({@code yyyyMMddHHmm}, {@code dd/MM/yyyy HH:mm}) is read as timestamps instead, so that the
 * time is modelled too rather than cut off; one with a time and no date ({@code HH:mm}) as timestamps without a
 * zone on 1970-01-01, as {@link ClockTimes} reads clock times by itself. The pattern and the type travel in the
 * column's metadata, which a saved model keeps with its input schema.
 */
final class DateCodes {
  static final String PATTERN = "cfdm.datePattern";
  static final String TYPE = "cfdm.dateCodedAs";
  /** The pattern letters of fields finer than a day: hours, minutes, seconds, fractions, the half-day. */
  private static final String TIME_LETTERS = "HhKkmsSAnNaB";
  /** The aggregates {@link #read} computes per column: bad cells, their least and greatest, lower-case markers, cells. */
  private static final int CHECKS = 5;
  /** Spark's account of a week-based letter in a pattern. */
  private static final Pattern WEEK_BASED = Pattern.compile("detected week-based character: (\\S)");

  private DateCodes() {
  }

  /**
   * The table with each --date column as dates.
   *
   * @throws BadInputException for an entry that is not COL=PATTERN, an unknown column, or cells that are not
   *     dates in the pattern (with their count and an example)
   */
  static Dataset<Row> read(Dataset<Row> table, List<String> entries) {
    if (entries.isEmpty()) {
      return table;
    }
    List<String> names = Arrays.asList(table.columns());
    Column[] columns = names.stream().map(ColumnNames::column).toArray(Column[]::new);
    List<Column> checks = new ArrayList<>();
    List<String> parsed = new ArrayList<>();
    List<String> kinds = new ArrayList<>();
    List<Runnable> lowerCase = new ArrayList<>(); // marks entry k's column as written with am and pm
    for (String entry : entries) {
      int eq = entry.lastIndexOf('=');
      String name = eq < 0 ? entry : entry.substring(0, eq).strip();
      String pattern = eq < 0 ? "" : entry.substring(eq + 1).strip();
      if (!names.contains(name)) {
        throw new BadInputException(JobKnobs.DATE.option() + " " + entry + ": no input column '" + name + "'; write "
            + "COL=PATTERN with one of " + ColumnNames.quotedList(names));
      }
      if (pattern.isEmpty()) {
        throw new BadInputException(JobKnobs.DATE.option() + " " + entry + ": give the column's pattern as "
            + name + "=PATTERN, e.g. " + name + "=yyyyMMdd or '" + name + "=dd/MM/yyyy HH:mm'");
      }
      int c = names.indexOf(name);
      DataType type = table.schema().fields()[c].dataType();
      if (isTemporal(type)) {
        // Read as dates or timestamps already (an ISO form, --datetime-format, or clock times): modelled so, and
        // written in the input's own form; re-parsing Spark's rendering of them would check the pattern against
        // text the file does not hold, and write the column back as timestamps.
        Metadata read = table.schema().fields()[c].metadata();
        String form = read.contains(PATTERN) ? "clock times (" + read.getString(PATTERN) + ")"
            : type.simpleString();
        Notices.print("note: " + JobKnobs.DATE.option() + " " + entry + ": column '" + name + "' is read as "
            + form + " already and written back in its input's form; --date is not needed for it");
        continue;
      }
      requireReadable(table, entry, pattern);
      Column text = ColumnNames.column(name).cast(DataTypes.StringType);
      boolean timeOfDay = hasTimeOfDay(pattern);
      Column instant = functions.try_to_timestamp(text, lit(pattern));
      // A time without a date (HH:mm) is parsed on 1970-01-01 in the session's zone: without a zone, that day's
      // wall-clock time is what is modelled and written back, whatever zone the model is sampled in.
      Column date = !timeOfDay ? functions.to_date(instant)
          : hasDate(pattern) ? instant : instant.cast(DataTypes.TimestampNTZType);
      Metadata coded = new MetadataBuilder().withMetadata(table.schema().fields()[c].metadata())
          .putString(PATTERN, pattern).putString(TYPE, type.json()).build();
      columns[c] = date.as(name, coded);
      Column bad = text.isNotNull().and(date.isNull());
      checks.add(count(when(bad, lit(1))));
      checks.add(min(when(bad, text)));
      checks.add(max(when(bad, text)));
      // Spark writes the half-day letter a as AM and PM; a column that wrote am and pm is told apart here.
      checks.add(count(when(lit(hasHalfDay(pattern)).and(text.rlike(Meridiem.LOWER_MARKER)), lit(1))));
      checks.add(count(text));
      lowerCase.add(() -> columns[c] = date.as(name, new MetadataBuilder().withMetadata(coded)
          .putBoolean(Meridiem.LOWER, true).build()));
      parsed.add(entry);
      kinds.add(!timeOfDay ? "dates" : hasDate(pattern) ? "date-times" : "times of day");
    }
    if (parsed.isEmpty()) {
      return table;
    }
    Row result = table.agg(checks.get(0), checks.subList(1, checks.size()).toArray(Column[]::new)).first();
    for (int k = 0; k < parsed.size(); k++) {
      long bad = result.getLong(CHECKS * k);
      if (bad > 0) {
        String example = result.getString(CHECKS * k + 1);
        // Every such cell one text (MySQL's 0000-00-00, a 9999-12-31): a marker of a missing date, most likely.
        boolean marker = bad > 1 && example.equals(result.getString(CHECKS * k + 2));
        throw new BadInputException(JobKnobs.DATE.option() + " " + parsed.get(k) + ": " + bad + " cells are not "
            + kinds.get(k) + " in that pattern, such as '" + example + "'; fix the pattern or those cells"
            + (marker ? ", or, if '" + example + "' marks a missing value, read it as one with "
                + JobKnobs.NULL_VALUE.option() + " '" + example + "'" : ""));
      }
      if (2 * result.getLong(CHECKS * k + 3) > result.getLong(CHECKS * k + 4)) {
        lowerCase.get(k).run();
      }
    }
    return table.select(columns);
  }


  private static boolean isTemporal(DataType type) {
    return type.equals(DataTypes.DateType) || type.equals(DataTypes.TimestampType)
        || type.equals(DataTypes.TimestampNTZType);
  }

  /**
   * Refuses a pattern Spark cannot parse with (a week-based year YYYY, a letter that only formatting takes, a stray
   * brace) before any row is read: Spark throws it from inside the job, as an internal failure.
   *
   * @throws BadInputException naming the entry, Spark's reason and the common letters
   */
  private static void requireReadable(Dataset<Row> table, String entry, String pattern) {
    try {
      table.sparkSession().range(1).select(functions.try_to_timestamp(lit("2000-01-01"), lit(pattern)))
          .collectAsList();
    } catch (RuntimeException e) { // Spark's own exceptions are runtime ones
      Matcher week = WEEK_BASED.matcher(String.valueOf(e.getMessage()));
      String reason = week.find() ? "it has the week-based letter " + week.group(1) : "Spark does not recognise it";
      throw new BadInputException(JobKnobs.DATE.option() + " " + entry + ": not a pattern Spark can parse with ("
          + reason + "); write the year as yyyy (not YYYY, the week-based year), then MM month, dd day, HH hour "
          + "0-23, mm minute, ss second, and any text in single quotes ('T')");
    }
  }

  /**
   * Whether a java.time pattern has a field finer than a day: an hour, minute, second, fraction or half-day
   * letter outside quoted literals ({@code 'T'} and {@code 'at'} are text, not fields).
   */
  static boolean hasTimeOfDay(String pattern) {
    return hasLetter(pattern, ch -> TIME_LETTERS.indexOf(ch) >= 0);
  }

  /** Whether a java.time pattern has the half-day letter a (AM or PM) outside quoted literals. */
  static boolean hasHalfDay(String pattern) {
    return hasLetter(pattern, ch -> ch == 'a');
  }

  /** Whether a java.time pattern has a field of a day or coarser (year, month, day, weekday ...) outside quotes. */
  static boolean hasDate(String pattern) {
    return hasLetter(pattern, ch -> TIME_LETTERS.indexOf(ch) < 0);
  }

  /** Whether the pattern has a letter outside quoted literals that {@code field} accepts. */
  private static boolean hasLetter(String pattern, IntPredicate field) {
    boolean quoted = false;
    for (char ch : pattern.toCharArray()) {
      if (ch == '\'') {
        quoted = !quoted;
      } else if (!quoted && Character.isLetter(ch) && field.test(ch)) {
        return true;
      }
    }
    return false;
  }

  /** The column as written: a --date column back in its pattern and type, any other column as it is. */
  static Column written(StructField field, Column column) {
    if (!field.metadata().contains(PATTERN)) {
      return column;
    }
    Column text = Meridiem.written(functions.date_format(column, field.metadata().getString(PATTERN)),
        field.metadata());
    return text.cast(DataType.fromJson(field.metadata().getString(TYPE))).as(field.name());
  }
}
