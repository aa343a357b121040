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

  /** The decimals of a number's text (Java's spelling of it); null for NaN and infinities. */
  static Integer scale(String text) {
    long digits = digits(text);
    return digits == NOT_A_NUMBER ? null : (int) (digits >> 32);
  }

  /** The significant digits of a number's text; null for NaN and infinities. */
  static Integer precision(String text) {
    long digits = digits(text);
    return digits == NOT_A_NUMBER ? null : (int) digits;
  }

  private static final long NOT_A_NUMBER = Long.MIN_VALUE;

  /**
   * Scale (high 32 bits) and precision (low 32) of the decimal a text spells, trailing zeros stripped, as
   * {@link BigDecimal#stripTrailingZeros} gives them (0 has scale 0 and precision 1); read off the digits of
   * "[-]digits[.digits][E[-]exponent]" (every double's and float's text) without building a BigDecimal, which
   * costs more than the rest of a column's fit; other texts go through BigDecimal.
   */
  private static long digits(String text) {
    if (text == null) {
      return NOT_A_NUMBER;
    }
    int exponentAt = Math.max(text.indexOf('E'), text.indexOf('e'));
    int end = exponentAt < 0 ? text.length() : exponentAt;
    int start = text.startsWith("-") || text.startsWith("+") ? 1 : 0;
    int point = text.indexOf('.');
    int first = -1; // the first and last non-zero digit's positions, and the fraction's length
    int last = -1;
    for (int k = start; k < end; k++) {
      char c = text.charAt(k);
      if (c != '.' && (c < '0' || c > '9') || c == '.' && k != point) {
        return viaBigDecimal(text);
      }
      if (c > '0') {
        first = first < 0 ? k : first;
        last = k;
      }
    }
    if (end == start || point == start && end == start + 1) {
      return viaBigDecimal(text);
    }
    int exponent;
    try {
      exponent = exponentAt < 0 ? 0 : Integer.parseInt(text.substring(exponentAt + 1));
    } catch (NumberFormatException e) {
      return viaBigDecimal(text);
    }
    if (first < 0) {
      return 1; // zero: scale 0, precision 1
    }
    int pointAt = point < 0 ? end : point;
    // The last non-zero digit's place: 10^-scale.
    int scale = (last < pointAt ? -(pointAt - 1 - last) : last - pointAt) - exponent;
    int precision = last - first + 1 - (first < pointAt && last > pointAt ? 1 : 0);
    return ((long) scale << 32) | (precision & 0xffffffffL);
  }

  private static long viaBigDecimal(String text) {
    try {
      BigDecimal x = new BigDecimal(text).stripTrailingZeros();
      return x.signum() == 0 ? 1 : ((long) x.scale() << 32) | (x.precision() & 0xffffffffL);
    } catch (NumberFormatException notFinite) {
      return NOT_A_NUMBER;
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
