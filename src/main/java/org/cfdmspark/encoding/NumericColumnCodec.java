package org.cfdmspark.encoding;

import java.util.Arrays;
import org.apache.spark.sql.types.DataType;

/**
 * A number column (method.md §6): encoded as (x − mean) / sd; decoded by the inverse, rounded to the decimals
 * the column's values have (whole numbers, or 1 decimal for 38.3 mm: the float encoding would otherwise hand back
 * 38.29999993), and clipped to the observed [min, max], so no decoded cell lies outside what the input held. A
 * constant column (sd = 0) is encoded with scale 1, i.e. as constant 0, and decodes to the constant.
 * A column of at most {@value #MAX_LEVELS} distinct values (a loan term of 12, 24, 36… months, a count) is
 * discrete: decoded values snap to the nearest value seen in training, as a category would, so a barycentre of
 * 36 and 60 becomes 48 only if 48 occurs.
 *
 * <p>After the value slot come indicator slots (1 = this state, else 0): one per point mass, a value that a
 * large share of the rows hold exactly (the 0 of a debt column, the 35 of an expenses column), and one for
 * "missing" when the column has missing cells (the value slot then holds the mean, 0). Decoding votes among
 * the states — "other" scoring 1 minus the indicators' sum — so a sample that mixes a zero-debt row with a
 * 4,000-debt one comes out as one of the two kinds, not as 1,000: averaging rows would otherwise wear every spike
 * of the distribution down. The value slot keeps every row's value, so distances between rows are those of the
 * plain standardised column plus 1 per change of state, as a category change counts. (Point masses are this
 * project's addition to method.md §6, which votes among categories the same way; --point-masses false drops them.)
 */
public record NumericColumnCodec(String name, NumericType type, double mean, double sd, double min, double max,
    int decimals, double[] levels, double[] masses, boolean hasMissing) implements ColumnCodec {

  /** Columns with at most this many distinct values decode to one of them. */
  public static final int MAX_LEVELS = 32;
  /** {@code decimals} of a column whose values have more decimals than are worth rounding to: none. */
  public static final int UNROUNDED = -1;

  public NumericColumnCodec {
    if (!(Double.isFinite(mean) && Double.isFinite(min) && Double.isFinite(max) && min <= max && sd >= 0)) {
      throw new IllegalArgumentException("column '" + name + "' has unusable statistics: mean " + mean + ", sd "
          + sd + ", range [" + min + ", " + max + "]");
    }
    masses = masses == null ? new double[0] : masses.clone();
    Arrays.sort(masses);
  }

  /** The divisor: sd, or 1 for a constant column so that nothing is divided by zero. */
  public double scale() {
    return sd > 0 ? sd : 1;
  }

  @Override
  public int width() {
    return 1 + masses.length + (hasMissing ? 1 : 0);
  }

  @Override
  public boolean isMetricSlot(int k) {
    return k == 0 || k > masses.length;
  }

  @Override
  public DataType outputType() {
    return type.sparkType();
  }

  @Override
  public void encode(Object value, float[] out, int offset) {
    Arrays.fill(out, offset, offset + width(), 0f);
    if (value == null) {
      out[offset + 1 + masses.length] = 1;
      return;
    }
    double x = ((Number) value).doubleValue();
    out[offset] = (float) ((x - mean) / scale());
    int mass = Arrays.binarySearch(masses, x);
    if (mass >= 0) {
      out[offset + 1 + mass] = 1;
    }
  }

  @Override
  public Object decode(double[] z, int offset, long tieBreak) {
    if (width() > 1) {
      // states: 0 = another value, 1 .. masses = a point mass, then missing
      double[] votes = new double[width()];
      double other = 1;
      for (int k = 1; k < votes.length; k++) {
        votes[k] = z[offset + k];
        other -= votes[k];
      }
      votes[0] = other;
      int state = Vote.winner(votes, 0, votes.length, tieBreak);
      if (state > masses.length) {
        return null;
      }
      if (state > 0) {
        return type.box(masses[state - 1]);
      }
      return value(otherValue(z, offset, other));
    }
    return value(z[offset]);
  }

  /**
   * The value slot of a barycentre, averaged over its "other" rows only: the slot is Σ w_i x_i over all rows,
   * point-mass rows hold their mass and missing rows 0 there, and the indicators give their weights, so
   * subtracting their part and dividing by the other rows' weight leaves those rows' own barycentre. Without it
   * a mix of three 4,000-debt rows and one zero-debt row would come out as 3,000, and every mix with a missing
   * row would lean to the mean.
   */
  private double otherValue(double[] z, int offset, double otherWeight) {
    double slot = z[offset];
    for (int m = 0; m < masses.length; m++) {
      slot -= z[offset + 1 + m] * (masses[m] - mean) / scale();
    }
    return slot / otherWeight;
  }

  /** The cell for a value-slot reading: back to input units, then snapped, rounded and clipped. */
  private Object value(double standardised) {
    double x = standardised * scale() + mean;
    if (levels != null) {
      return type.box(nearestLevel(x));
    }
    if (decimals >= 0) {
      double scale = Math.pow(10, decimals);
      x = Math.rint(x * scale) / scale;
    }
    return type.box(Math.min(max, Math.max(min, x)));
  }

  private double nearestLevel(double x) {
    int at = Arrays.binarySearch(levels, x);
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
