package org.cfdmspark.data;

import org.apache.spark.sql.types.DataType;

/**
 * A number column (method.md §6): encoded as (x − mean) / sd; decoded by the inverse, rounded when the column
 * holds whole numbers, and clipped to the observed [min, max], so no decoded cell lies outside what the input
 * held. A constant column (sd = 0) is encoded with scale 1, i.e. as constant 0, and decodes to the constant.
 * A column of at most {@value #MAX_LEVELS} distinct values (a loan term of 12, 24, 36… months, a count) is
 * discrete: decoded values snap to the nearest value seen in training, as a category would, so a barycentre of
 * 36 and 60 becomes 48 only if 48 occurs. A column with missing cells takes a second float, the missing-value indicator (1 = missing, with the value slot
 * at the mean, 0); a decoded indicator above ½ gives a missing cell, so missingness is generated too.
 */
public record NumericColumnCodec(String name, NumericType type, double mean, double sd, double min, double max,
    boolean rounded, double[] levels, boolean hasMissing) implements ColumnCodec {

  /** Columns with at most this many distinct values decode to one of them. */
  public static final int MAX_LEVELS = 32;

  public NumericColumnCodec {
    if (!(Double.isFinite(mean) && Double.isFinite(min) && Double.isFinite(max) && min <= max && sd >= 0)) {
      throw new IllegalArgumentException("column '" + name + "' has unusable statistics: mean " + mean + ", sd "
          + sd + ", range [" + min + ", " + max + "]");
    }
  }

  /** The divisor: sd, or 1 for a constant column so that nothing is divided by zero. */
  public double scale() {
    return sd > 0 ? sd : 1;
  }

  @Override
  public int width() {
    return hasMissing ? 2 : 1;
  }

  @Override
  public DataType outputType() {
    return type.sparkType();
  }

  @Override
  public void encode(Object value, float[] out, int offset) {
    out[offset] = value == null ? 0 : (float) ((((Number) value).doubleValue() - mean) / scale());
    if (hasMissing) {
      out[offset + 1] = value == null ? 1 : 0;
    }
  }

  @Override
  public Object decode(double[] z, int offset) {
    if (hasMissing && z[offset + 1] > 0.5) {
      return null;
    }
    double x = z[offset] * scale() + mean;
    if (levels != null) {
      return type.box(nearestLevel(x));
    }
    if (rounded) {
      x = Math.rint(x);
    }
    return type.box(Math.min(max, Math.max(min, x)));
  }

  private double nearestLevel(double x) {
    int at = java.util.Arrays.binarySearch(levels, x);
    if (at >= 0) {
      return levels[at];
    }
    int above = -at - 1;
    if (above == 0) {
      return levels[0];
    }
    if (above == levels.length) {
      return levels[levels.length - 1];
    }
    return x - levels[above - 1] <= levels[above] - x ? levels[above - 1] : levels[above];
  }
}
