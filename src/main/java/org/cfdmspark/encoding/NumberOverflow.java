package org.cfdmspark.encoding;

import java.util.Locale;
import org.cfdmspark.config.BadInputException;

/**
 * A number column whose values are too large in size for its statistics in doubles: a sum of values near 1e308
 * overflows the mean, a sum of squared deviations overflows the standard deviation from about 1e154 (fewer the more
 * rows), and a range of ±9e307 overflows its width. An infinite mean stopped the fit with a stack trace (exit 1),
 * and an infinite standard deviation passed, standardising every value to 0: all are refused, before any output,
 * with the rescaling that makes the column usable.
 */
final class NumberOverflow {
  private NumberOverflow() {
  }

  /**
   * Refuses {@code column} when its {@code mean}, standard deviation {@code sd} or range [{@code min}, {@code max}]
   * overflowed (is infinite or NaN) while its values are finite.
   *
   * @throws BadInputException naming the column, its largest value in size and a divisor that brings it near 1
   */
  static void require(String column, double mean, double sd, double min, double max) {
    if (Double.isFinite(mean) && Double.isFinite(sd) && Double.isFinite(max - min)) {
      return;
    }
    double largest = Math.max(Math.abs(min), Math.abs(max));
    int exponent = (int) Math.floor(Math.log10(largest));
    throw new BadInputException(String.format(Locale.ROOT, "column '%s' holds values up to %.3g in size, too large "
        + "for its mean and spread in doubles (they overflow past 1.8e308): rescale it in the file (divide it by "
        + "1e%d, say) or leave it out with --exclude %s", column, largest, exponent, ColumnFitter.option(column)));
  }
}
