package org.cfdmspark.encoding;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The decimal form of a column's numbers, read from their shortest text (Java's {@link Double#toString}, the form
 * a CSV reader parsed them from): how many decimals a value has (its scale: 2 for 128.92, 12 for 4.435e-9, −2 for
 * 1200) and how many significant digits (5 and 4 and 2). A column's largest of each bounds what its decoded values
 * may have, at any magnitude: a fixed tolerance on x·10^k cannot tell 4.435e-9 from 0. Rounding a decoded value to
 * the column's form hands back 0.04076, not the 0.04075999807854026 of the float encoding.
 */
final class DecimalDigits {
  /** Significant digits beyond which a double is no rounder for rounding: every double prints in 17. */
  static final int FULL_PRECISION = 17;
  /** Powers of ten that are exact doubles (10^0 .. 10^22), for rounding without BigDecimal. */
  private static final double[] POWERS = new double[23];

  static {
    POWERS[0] = 1;
    for (int k = 1; k < POWERS.length; k++) {
      POWERS[k] = POWERS[k - 1] * 10;
    }
  }

  private DecimalDigits() {
  }

  /** The decimals of x's shortest text: 2 for 128.92, 12 for 4.435e-9, −2 for 1200, 0 for 0. */
  static int scale(double x) {
    return scale(Double.toString(x));
  }

  /** The significant digits of x's shortest text: 5 for 128.92, 4 for 4.435e-9, 2 for 1200, 1 for 0. */
  static int precision(double x) {
    return precision(Double.toString(x));
  }

  /** The decimals of a number's text (Spark's or Java's spelling of it); null for NaN and infinities. */
  static Integer scale(String text) {
    BigDecimal x = decimal(text);
    return x == null ? null : x.signum() == 0 ? 0 : x.scale();
  }

  /** The significant digits of a number's text; null for NaN and infinities. */
  static Integer precision(String text) {
    BigDecimal x = decimal(text);
    return x == null ? null : x.signum() == 0 ? 1 : x.precision();
  }

  /** The number a Spark number-as-text spells; null for null, NaN and infinities. */
  private static BigDecimal decimal(String text) {
    try {
      return text == null ? null : new BigDecimal(text).stripTrailingZeros();
    } catch (NumberFormatException notFinite) {
      return null;
    }
  }

  /**
   * x rounded to {@code decimals} decimals (negative: to tens, hundreds ...), half to even; the nearest double to
   * that decimal, so it prints as the decimal.
   */
  static double round(double x, int decimals) {
    if (decimals >= 0 && decimals < POWERS.length) {
      double scaled = x * POWERS[decimals];
      // Past 2^52 a double has no fractional part left to round away (and x·10^k may not be exact).
      return Math.abs(scaled) >= 0x1p52 ? x : Math.rint(scaled) / POWERS[decimals];
    }
    if (decimals < 0 && -decimals < POWERS.length) {
      return Math.rint(x / POWERS[-decimals]) * POWERS[-decimals];
    }
    return Double.isFinite(x) ? new BigDecimal(x).setScale(decimals, RoundingMode.HALF_EVEN).doubleValue() : x;
  }

  /**
   * x rounded to at most {@code decimals} decimals and {@code digits} significant digits: the finer of the two
   * bounds a column's values keep (128.92 has 2 decimals; 4.435e-9 has 4 digits).
   */
  static double round(double x, int decimals, int digits) {
    if (x == 0 || !Double.isFinite(x)) {
      return x;
    }
    int magnitude = (int) Math.floor(Math.log10(Math.abs(x)));
    return round(x, Math.min(decimals, digits - 1 - magnitude));
  }
}
