package org.cfdmspark.job;

import java.util.regex.Pattern;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.Metadata;

/**
 * The case of a 12-hour clock's AM and PM. Spark and java.time write the half-day letter {@code a} in upper case
 * only, so a column read from 10:05pm came back as 10:05PM; a column whose text writes them in lower case is marked
 * in its metadata when it is read ({@link DateCodes} for --date, {@link TimestampText} for --datetime-format) and
 * written so again.
 */
final class Meridiem {
  /** Metadata key, true when the column's text writes its AM and PM in lower case. */
  static final String LOWER = "cfdm.lowerMeridiem";
  /** An AM or PM marker in lower case, not inside a word (a Java and a Spark regular expression). */
  static final String LOWER_MARKER = "(?<![A-Za-z])[ap]m(?![A-Za-z])";
  private static final Pattern LOWER_FOUND = Pattern.compile(LOWER_MARKER);

  private Meridiem() {
  }

  /** Whether a cell's text holds a lower-case am or pm. */
  static boolean lowerIn(String text) {
    return LOWER_FOUND.matcher(text).find();
  }

  /** The written text with AM and PM in lower case when the column's {@code metadata} says so. */
  static Column written(Column text, Metadata metadata) {
    return metadata.contains(LOWER) && metadata.getBoolean(LOWER)
        ? functions.regexp_replace(functions.regexp_replace(text, "AM", "am"), "PM", "pm") : text;
  }
}
