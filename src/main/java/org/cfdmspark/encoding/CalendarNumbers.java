package org.cfdmspark.encoding;

import java.time.YearMonth;
import java.util.Collection;

/**
 * What whole numbers that are all calendar values are: days written yyyyMMdd (20230514), months written yyyyMM
 * (202305) or years (1987). A table with one row per day, month or year holds such a column with every value
 * distinct and in a dense run, which is what a key's sequence looks like too; but a key's new values would be
 * numbers of the same digits (12260473, a year 9726), not days or years. The forms are told apart by their digits:
 * eight and six digits must also be valid months and days (one eight-digit number in 27 of the range is a day, so
 * twenty that all are is no accident), four digits are years when they lie within {@link #FIRST_YEAR} and
 * {@link #LAST_YEAR}.
 */
enum CalendarNumbers {
  DAYS("dates written yyyyMMdd", "day", "yyyyMMdd"),
  MONTHS("months written yyyyMM", "month", "yyyyMM"),
  YEARS("years", "year", null);

  /**
   * The years a four-digit number is taken for one in: the records tables hold (censuses, prices, births) and
   * projections to the end of the century. Ids of four digits usually start at 1000 or 1001, which are no year.
   */
  static final int FIRST_YEAR = 1700;
  static final int LAST_YEAR = 2100;
  /** The years a yyyyMMdd or yyyyMM number may have: more is no accident for those, whose digits say more. */
  private static final int FIRST_CODED_YEAR = 1000;
  private static final int LAST_CODED_YEAR = 2999;

  /** How a note names the values ("dates written yyyyMMdd") and one of them ("day"). */
  final String description;
  final String unit;
  /** The --date pattern that reads them as dates; null for years, which are numbers. */
  final String pattern;

  CalendarNumbers(String description, String unit, String pattern) {
    this.description = description;
    this.unit = unit;
    this.pattern = pattern;
  }

  /** What {@code values} all are, null when they are not all one of these (or there are none). */
  static CalendarNumbers of(Collection<Long> values) {
    for (CalendarNumbers kind : values()) {
      if (!values.isEmpty() && values.stream().allMatch(kind::is)) {
        return kind;
      }
    }
    return null;
  }

  /** Whether one value is of this kind. */
  boolean is(long value) {
    return switch (this) {
      case DAYS -> value >= 0 && isMonth(value / 100) && value % 100 >= 1
          && value % 100 <= YearMonth.of((int) (value / 10_000), (int) (value / 100 % 100)).lengthOfMonth();
      case MONTHS -> isMonth(value);
      case YEARS -> value >= FIRST_YEAR && value <= LAST_YEAR;
    };
  }

  private static boolean isMonth(long yearMonth) {
    long year = yearMonth / 100;
    long month = yearMonth % 100;
    return year >= FIRST_CODED_YEAR && year <= LAST_CODED_YEAR && month >= 1 && month <= 12;
  }
}
