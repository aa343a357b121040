package org.cfdmspark.encoding;

import java.util.Arrays;
import java.util.List;
import org.cfdmspark.config.ShellText;

/**
 * A whole-number column whose every value is a date written yyyyMMdd (20230514) or a month written yyyyMM (202305),
 * read as numbers because nothing told the reader otherwise: modelled as numbers, a barycentre of 20221231 and
 * 20230102 is 20227166, a day that does not exist, and a new user's column of such dates came out with 183 of 2,000
 * samples not dates. Read with {@code --date col=yyyyMMdd} (or {@code yyyyMM}) they are modelled as days and
 * written back as the same numbers. A note says so; the column stays numbers, since the values alone cannot prove
 * they are dates (though {@value #MIN_VALUES} numbers that all are is no accident: one number in 27 of the range is
 * a valid day). Such a column is no key however dense its values ({@link KeyFitter}), so the note is made for a
 * table of one row per day too.
 */
final class CompactDateHint {
  /** The fewest distinct values that make the note: a column of fewer decodes to values seen in training anyway. */
  static final int MIN_VALUES = NumericColumnCodec.MAX_LEVELS + 1;

  private CompactDateHint() {
  }

  /**
   * The note for column {@code column}, whose distinct values are {@code origin} plus {@code distinct} (sorted);
   * null when they are not all yyyyMMdd dates or all yyyyMM months of the years 1000–2999
   * ({@link CalendarNumbers}), or there are fewer than {@value #MIN_VALUES}.
   */
  static String of(String column, long origin, double[] distinct) {
    if (distinct.length < MIN_VALUES) {
      return null;
    }
    for (CalendarNumbers kind : List.of(CalendarNumbers.DAYS, CalendarNumbers.MONTHS)) {
      if (Arrays.stream(distinct).allMatch(offset -> kind.is(origin + (long) offset))) {
        long example = origin + (long) distinct[distinct.length / 2];
        return "note: column '" + column + "' holds whole numbers that are all " + kind.description + " (such as "
            + example + "); as numbers, a sample can be a " + kind.unit + " that does not exist: read them as dates "
            + "with --date " + ShellText.word(column + "=" + kind.pattern);
      }
    }
    return null;
  }
}
