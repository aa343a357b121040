package org.cfdmspark.encoding;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;

/**
 * The Spark types a numeric column may have, each with the boxing its decoded cells need: numbers, and dates and
 * timestamps (with or without a time zone) as whole numbers of their unit (days, microseconds since the epoch).
 */
public enum NumericType {
  BYTE(DataTypes.ByteType, true),
  SHORT(DataTypes.ShortType, true),
  INTEGER(DataTypes.IntegerType, true),
  LONG(DataTypes.LongType, true),
  FLOAT(DataTypes.FloatType, false),
  DOUBLE(DataTypes.DoubleType, false),
  /** Dates as whole days since 1970-01-01. */
  DATE(DataTypes.DateType, true),
  /** Timestamps (instants) as whole microseconds since 1970-01-01T00:00Z. */
  TIMESTAMP(DataTypes.TimestampType, true),
  /** Timestamps without a time zone (local date-times) as whole microseconds since 1970-01-01T00:00. */
  TIMESTAMP_NTZ(DataTypes.TimestampNTZType, true);

  private static final double MICROS_PER_DAY = 86_400_000_000.0;

  private final DataType sparkType;
  private final boolean integral;

  NumericType(DataType sparkType, boolean integral) {
    this.sparkType = sparkType;
    this.integral = integral;
  }

  /** The numeric type for a Spark type, or empty for any other type (strings, booleans, decimals ...). */
  public static Optional<NumericType> of(DataType type) {
    for (NumericType numeric : values()) {
      if (numeric.sparkType.equals(type)) {
        return Optional.of(numeric);
      }
    }
    return Optional.empty();
  }

  public DataType sparkType() {
    return sparkType;
  }

  /** Whether the type is a date or timestamp, modelled as a whole number of days or microseconds. */
  public boolean temporal() {
    return this == DATE || this == TIMESTAMP || this == TIMESTAMP_NTZ;
  }

  /**
   * One unit of this type on the line on which an inequality compares two columns ({@link Inequality}): a date's
   * day is 86,400,000,000 microseconds, so that a date compares with a timestamp as its midnight (as SQL casts a
   * date to a timestamp); a timestamp's microsecond and a number's unit are 1.
   */
  public double comparisonUnit() {
    return this == DATE ? MICROS_PER_DAY : 1;
  }

  /** Whether the type is a timestamp, modelled as whole microseconds. */
  public boolean timestamp() {
    return this == TIMESTAMP || this == TIMESTAMP_NTZ;
  }

  /** The whole number a cell of this whole-number type stands for (days or microseconds for temporal types). */
  long whole(Object cell) {
    if (cell instanceof java.sql.Date date) {
      return date.toLocalDate().toEpochDay();
    } else if (cell instanceof LocalDate date) {
      return date.toEpochDay();
    } else if (cell instanceof java.sql.Timestamp timestamp) {
      return micros(timestamp.toInstant());
    } else if (cell instanceof Instant instant) {
      return micros(instant);
    } else if (cell instanceof LocalDateTime local) {
      return micros(local.toInstant(ZoneOffset.UTC));
    }
    return ((Number) cell).longValue();
  }

  private static long micros(Instant instant) {
    return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1000);
  }

  /** Whether the type holds only whole numbers (decoded values are then always rounded). */
  public boolean integral() {
    return integral;
  }

  /**
   * The largest value of this whole-number type (its smallest is −1 − this).
   *
   * @throws IllegalStateException for a type of other values (real numbers, dates, timestamps)
   */
  long wholeMax() {
    return switch (this) {
      case BYTE -> Byte.MAX_VALUE;
      case SHORT -> Short.MAX_VALUE;
      case INTEGER -> Integer.MAX_VALUE;
      case LONG -> Long.MAX_VALUE;
      default -> throw new IllegalStateException(this + " is not a type of whole numbers");
    };
  }

  /** A value of this whole-number type for x, exactly. */
  Object boxWhole(long x) {
    return switch (this) {
      case BYTE -> (byte) x;
      case SHORT -> (short) x;
      case INTEGER -> (int) x;
      case LONG -> x;
      case FLOAT -> (float) x;
      case DOUBLE -> (double) x;
      case DATE -> java.sql.Date.valueOf(LocalDate.ofEpochDay(x));
      case TIMESTAMP -> java.sql.Timestamp.from(Instant.EPOCH.plus(x, ChronoUnit.MICROS));
      case TIMESTAMP_NTZ -> LocalDateTime.ofInstant(Instant.EPOCH.plus(x, ChronoUnit.MICROS), ZoneOffset.UTC);
    };
  }

  /** A value of this type for x, which is already rounded (for integral types) and clipped. */
  Object box(double x) {
    return switch (this) {
      case BYTE -> (byte) x;
      case SHORT -> (short) x;
      case INTEGER -> (int) x;
      case LONG -> (long) x;
      case FLOAT -> (float) x;
      case DOUBLE -> x;
      case DATE, TIMESTAMP, TIMESTAMP_NTZ -> boxWhole((long) x);
    };
  }
}
