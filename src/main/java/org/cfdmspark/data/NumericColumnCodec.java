package org.cfdmspark.data;

import org.apache.spark.sql.types.DataType;

/**
 * A number column (method.md §6): encoded as (x − mean) / sd; decoded by the inverse, rounded for integer types
 * and clipped to the observed [min, max], so no decoded cell lies outside what the input held. A constant column
 * (sd = 0) is encoded with scale 1, i.e. as constant 0, and decodes back to the constant.
 */
public record NumericColumnCodec(String name, NumericType type, double mean, double sd, double min, double max)
    implements ColumnCodec {

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
    return 1;
  }

  @Override
  public DataType outputType() {
    return type.sparkType();
  }

  @Override
  public void encode(Object value, float[] out, int offset) {
    out[offset] = (float) ((((Number) value).doubleValue() - mean) / scale());
  }

  @Override
  public Object decode(double[] z, int offset) {
    double x = z[offset] * scale() + mean;
    if (type.integral()) {
      x = Math.rint(x);
    }
    return type.box(Math.min(max, Math.max(min, x)));
  }
}
