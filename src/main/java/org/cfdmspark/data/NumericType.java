package org.cfdmspark.data;

import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.mean;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.stddev_pop;

import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;

/**
 * The Spark number types a numeric column may have, each with the boxing its decoded cells need. Integer types
 * are rounded on decoding. Each constant fits columns of its type: mean, population standard deviation (so a
 * single row or a constant column gives 0 rather than NaN), minimum and maximum.
 */
public enum NumericType implements ColumnFitter {
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

  public boolean integral() {
    return integral;
  }

  /** A value of this type for x, which is already rounded and clipped to the column's range. */
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

  @Override
  public List<Column> aggregates(String column) {
    Column c = ColumnNames.column(column).cast(DataTypes.DoubleType);
    return List.of(mean(c), stddev_pop(c), min(c), max(c));
  }

  @Override
  public ColumnCodec build(String column, Row results, int offset) {
    return new NumericColumnCodec(column, this, results.getDouble(offset), results.getDouble(offset + 1),
        results.getDouble(offset + 2), results.getDouble(offset + 3));
  }
}
