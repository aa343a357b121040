package org.cfdmspark.encoding;

import java.util.Optional;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;

/** The Spark number types a numeric column may have, each with the boxing its decoded cells need. */
public enum NumericType {
  BYTE(DataTypes.ByteType, true),
  SHORT(DataTypes.ShortType, true),
  INTEGER(DataTypes.IntegerType, true),
  LONG(DataTypes.LongType, true),
  FLOAT(DataTypes.FloatType, false),
  DOUBLE(DataTypes.DoubleType, false);

  private final DataType sparkType;
  private final boolean integral;

  NumericType(DataType sparkType, boolean integral) {
    this.sparkType = sparkType;
    this.integral = integral;
  }

  /** The numeric type for a Spark type, or empty for any other type (strings, dates, decimals ...). */
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

  /** Whether the type holds only whole numbers (decoded values are then always rounded). */
  public boolean integral() {
    return integral;
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
    };
  }
}
