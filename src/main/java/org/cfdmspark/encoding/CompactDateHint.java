package org.cfdmspark.encoding;

import java.time.YearMonth;
import org.cfdmspark.config.ShellText;

/**
 * A whole-number column whose every value is a date written yyyyMMdd (20230514), read as numbers because nothing
 * told the reader otherwise: modelled as numbers, a barycentre of 20221231 and 20230102 is 20227166, a day that does
 * not exist, and a new user's column of such dates came out with 183 of 2,000 samples not dates. Read with
 * {@code --date col=yyyyMMdd} they are modelled as days and written back as the same numbers. A note says so;
 * the column stays numbers, since the values alone cannot prove they are dates (though {@value #MIN_VALUES}
 * numbers that all are is no accident: one number in 27 of the range is a valid day).
 */
final class CompactDateHint {
  /** The fewest distinct values that make the note: a column of fewer decodes to values seen in training anyway. */
  static final int MIN_VALUES = NumericColumnCodec.MAX_LEVELS + 1;

  private CompactDateHint() {
  }

  /**
   * The note for column {@code column}, whose distinct values are {@code origin} plus {@code distinct} (sorted);
   * null when a value is not a yyyyMMdd date of the years 1000–2999 or there are fewer than {@value #MIN_VALUES}.
   */
  static String of(String column, long origin, double[] distinct) {
    if (distinct.length < MIN_VALUES) {
      return null;
    }
    for (double offset : distinct) {
      if (!isDate(origin + (long) offset)) {
        return null;
      }
    }
    long example = origin + (long) distinct[distinct.length / 2];
    return "note: column '" + column + "' holds whole numbers that are all dates written yyyyMMdd (such as "
        + example + "); as numbers, a sample can be a day that does not exist: read them as dates with --date "
        + ShellText.word(column + "=yyyyMMdd");
  }

  private static boolean isDate(long value) {
    if (value < 10_000_101L || value > 29_991_231L) {
      return false;
    }
    int year = (int) (value / 10_000);
    int month = (int) (value / 100 % 100);
    int day = (int) (value % 100);
    return month >= 1 && month <= 12 && day >= 1 && day <= YearMonth.of(year, month).lengthOfMonth();
  }
}
