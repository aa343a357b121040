package org.cfdmspark.encoding;

import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cfdmspark.config.ShellText;

/**
 * What a text column of more distinct values than --max-categories holds, when most of those values say so: dates
 * or timestamps in a pattern the CSV reader does not infer (03/15/2021, 13.09.2022 16:23, 06-May-2023; dates in
 * two forms, 2022-03-01 beside 01/06/2022, are told so, since no one pattern reads them), numbers with a
 * decimal comma read without --decimal-comma (1.507,14), numbers formatted for people ($2,273.21, 17.3%, 1,234,567)
 * but not in one form (the reader's job.NumberDress reads those that are), or durations of 24 hours or more
 * (27:10:00). Such a column is not an id or free text: the fix is to read it as what it is, not to leave it out. A
 * lone group after a comma (1,935) may be either a thousands separator or a decimal comma; a column of only such
 * numbers is told both readings.
 */
final class ManyValuesHint {
  /**
   * Day, month and year in some order with one separator (/ - .), then optionally a time of day after a space or a
   * T, on a 12-hour clock when an AM or PM follows it (03/14/2024 02:15 PM). The year is the first or the last
   * field; {@link DateShape} checks the fields' lengths.
   */
  private static final Pattern DATE = Pattern.compile("\\s*(\\d{1,4})([/.-])(\\d{1,2})\\2(\\d{1,4})"
      + "(?:([ T])(\\d{1,2}):\\d{2}(:\\d{2})?(?:( ?)([AaPp][Mm]))?)?\\s*");
  /** A day, a month's English name (short or full) and a year, one separator around the month. */
  private static final Pattern MONTH_NAME = Pattern.compile(
      "\\s*(\\d{1,2})([ /.-])([A-Za-z]{3,9})\\2(\\d{2}|\\d{4})\\s*");
  /** The months' short English names, one after another. */
  private static final String MONTHS = "janfebmaraprmayjunjulaugsepoctnovdec";
  private static final Set<String> FULL_MONTHS = Set.of("january", "february", "march", "april",
      "may", "june", "july", "august", "september", "october", "november", "december");
  /**
   * A time of day on a 12-hour clock, without a date (05:32 pm, 9:05:10AM); a 24-hour one (17:32) the CSV reader
   * reads as a clock time by itself.
   */
  private static final Pattern TWELVE_HOUR_TIME = Pattern.compile(
      "\\s*(\\d{1,2}):[0-5]\\d(:[0-5]\\d)?( ?)[AaPp][Mm]\\s*");
  /**
   * A compact timestamp: yyyyMMdd, then a space, a T or nothing, then the hour and minutes with or without a colon,
   * and optionally seconds (20240202 0345, 20240202T03:45:10). Dates alone in that form are read as numbers.
   */
  private static final Pattern COMPACT = Pattern.compile(
      "\\s*(\\d{4})(\\d{2})(\\d{2})([ T]?)(\\d{2})(:?)(\\d{2})(?:\\6(\\d{2}))?\\s*");
  /**
   * A number with a decimal comma: its whole part ungrouped or in groups of three after a point or a space (the
   * grouping --decimal-comma reads), then a comma and digits.
   */
  private static final Pattern DECIMAL_COMMA = Pattern.compile(
      "\\s*[+-]?(\\d{1,3}([. \u00A0\u202F]\\d{3})+|\\d+),\\d+\\s*");

  /**
   * A comma between the whole part's first digits and one group of three (1,935; -12,500; 8,643%): a thousands
   * separator or a decimal comma, which the text alone cannot tell.
   */
  private static final Pattern ONE_GROUP = Pattern.compile("\\s*[+-]?\\d{1,3},\\d{3}(\\s?%)?\\s*");
  /**
   * A number written for people, not for reading back: with a currency sign ($2,273.21, -€15), a percent sign
   * (17.3%, 12 %) or thousands separated by commas before a decimal point or in more than one group (1,234.5;
   * 1,234,567).
   */
  private static final Pattern FORMATTED = Pattern.compile("\\s*(?:[+-]?\\p{Sc}\\s?[+-]?[\\d,]*\\d(?:\\.\\d+)?"
      + "|[+-]?[\\d,]*\\d(?:\\.\\d+)?\\s?%|[+-]?\\d{1,3}(?:,\\d{3})+\\.\\d+|[+-]?\\d{1,3}(?:,\\d{3}){2,})\\s*");
  /**
   * A formatted number whose one comma has one or two digits after it, then no digit to the end, and no point
   * (€ 15,37; 8,5 %): a decimal comma, since a thousands separator is followed by a group of three.
   */
  private static final Pattern FORMATTED_DECIMAL_COMMA = Pattern.compile("[^.,]*\\d,\\d{1,2}[^\\d.,]*");
  /** What makes a comma a thousands separator: a decimal point, a currency sign or a second group. */
  private static final Pattern TELLS_THOUSANDS = Pattern.compile("\\.|\\p{Sc}|,\\d{3},");
  /** A plain number, which every form of number above may hold among its values. */
  private static final Pattern PLAIN = Pattern.compile("\\s*[+-]?\\d+(?:\\.\\d+)?\\s*");

  /**
   * Hours (any number of them), minutes and optionally seconds: a duration ({@code 27:10:00}). Under 24 hours such
   * text is a clock time, which the CSV reader reads as one by itself; 24 hours or more is no time of day.
   */
  private static final Pattern DURATION = Pattern.compile("\\s*(\\d+):[0-5]\\d(:[0-5]\\d(\\.\\d+)?)?\\s*");

  private ManyValuesHint() {
  }

  /**
   * The fix for {@code column} when more than half of its distinct {@code values} look like dates, timestamps,
   * decimal-comma numbers or durations (one of them 24 hours or more): a clause such as "they look like dates
   * (such as '03/15/2021'): read them as dates with --date visit=MM/dd/yyyy"; null when they do not (or are not
   * text).
   */
  static String of(String column, Collection<?> values) {
    DateShape dates = new DateShape();
    int decimals = 0;
    String decimalExample = null;
    int compact = 0;
    String compactPattern = null;
    String compactExample = null;
    int durations = 0;
    String longDuration = null;
    int times = 0;
    String timeExample = null;
    String timePattern = null;
    int formatted = 0;
    String formattedExample = null;
    int formattedCommas = 0;
    int formattedDecimalCommas = 0;
    String decimalCommaExample = null;
    int oneGroup = 0;
    String oneGroupExample = null;
    int telling = 0;
    int plain = 0;
    int monthNames = 0;
    String monthNameExample = null;
    String monthNamePattern = null;
    for (Object value : values) {
      if (!(value instanceof String text)) {
        return null;
      }
      String named = monthNamePattern(text);
      if (named != null) {
        monthNames++;
        monthNameExample = monthNameExample == null ? text.strip() : monthNameExample;
        // d reads a day of one digit or two, dd only two: a pattern with d wins.
        monthNamePattern = monthNamePattern == null || named.charAt(1) != 'd' ? named : monthNamePattern;
        continue;
      }
      Matcher time = TWELVE_HOUR_TIME.matcher(text);
      if (time.matches()) {
        times++;
        timeExample = timeExample == null ? text.strip() : timeExample;
        timePattern = timePattern == null || time.group(1).length() < 2 ? (time.group(1).length() < 2 ? "h" : "hh")
            + ":mm" + (time.group(2) == null ? "" : ":ss") + time.group(3) + "a" : timePattern;
        continue;
      }
      Matcher duration = DURATION.matcher(text);
      if (duration.matches()) {
        durations++;
        longDuration = longDuration == null && duration.group(1).length() <= 9
            && Integer.parseInt(duration.group(1)) >= 24 ? text.strip() : longDuration;
        continue;
      }
      if (ONE_GROUP.matcher(text).matches()) {
        oneGroup++;
        oneGroupExample = oneGroupExample == null ? text.strip() : oneGroupExample;
        continue;
      }
      if (FORMATTED.matcher(text).matches()) {
        formatted++;
        formattedExample = formattedExample == null ? text.strip() : formattedExample;
        telling += TELLS_THOUSANDS.matcher(text).find() ? 1 : 0;
        formattedCommas += text.contains(",") ? 1 : 0;
        if (FORMATTED_DECIMAL_COMMA.matcher(text).matches()) {
          formattedDecimalCommas++;
          decimalCommaExample = decimalCommaExample == null ? text.strip() : decimalCommaExample;
        }
        continue;
      }
      if (PLAIN.matcher(text).matches()) {
        plain++;
      }
      String pattern = compactPattern(text);
      if (pattern != null) {
        compact++;
        compactPattern = compactPattern == null ? pattern : compactPattern;
        compactExample = compactExample == null ? text : compactExample;
      } else if (!dates.add(text) && DECIMAL_COMMA.matcher(text).matches()) {
        decimals++;
        decimalExample = decimalExample == null ? text : decimalExample;
      }
    }
    int most = values.size() / 2 + 1;
    if (dates.count >= most && dates.mixedForms() != null) {
      return dates.mixedForms();
    }
    if (monthNames >= most) {
      return "they look like dates with the month's name (such as '" + monthNameExample + "'): read them as dates "
          + "with " + dateOption(column, monthNamePattern);
    }
    if (dates.count >= most) {
      return dates.timed > dates.count / 2 ? timestamps(column, dates.example, dates.pattern(true))
          : "they look like dates (such as '" + dates.example + "'): read them as dates with "
              + dateOption(column, dates.pattern(false));
    }
    if (compact >= most) {
      return timestamps(column, compactExample, compactPattern);
    }
    if (times >= most) {
      return "they look like times of day on a 12-hour clock (such as '" + timeExample + "'): read them as times "
          + "with " + dateOption(column, timePattern);
    }
    if (durations >= most && longDuration != null) {
      return "they look like durations, some of 24 hours or more (such as '" + longDuration + "'), which are no "
          + "time of day: write them as a number (of seconds or minutes) to model them as one";
    }
    // 1,935 and 8,643% beside plain numbers or percents, with nothing that tells a thousands separator: ambiguous.
    if (oneGroup > 0 && decimals == 0 && telling == 0 && oneGroup + formatted + plain >= most) {
      return "they look like numbers with a thousands separator or a decimal comma (such as '" + oneGroupExample
          + "'): if the comma separates thousands, write them without it to model them as numbers; if it is a "
          + "decimal comma, read them with --decimal-comma";
    }
    // Formatted numbers whose every comma is a decimal comma (€ 15,37): written plainly without it they would be
    // 100 times too large, so the fix is the dialect that reads them.
    if (formattedDecimalCommas > 0 && formattedDecimalCommas == formattedCommas && decimals == 0 && oneGroup == 0
        && formatted + plain >= most) {
      return "they look like numbers formatted for reading with a decimal comma (such as '" + decimalCommaExample
          + "'): read them as numbers with --decimal-comma true";
    }
    // Formatted numbers, and the ambiguous 1,935 among them, with no decimal comma that only a decimal comma reads.
    if (formatted > 0 && decimals == 0 && formatted + oneGroup + plain >= most) {
      return "they look like numbers formatted for reading (such as '" + formattedExample + "'), but the reader takes "
          + "such a column as numbers only when every value is in one form — the same currency sign before the "
          + "digits or percent sign after them, commas between groups of three, no parentheses or leading zeros — "
          + "and " + outOfForm(values, formattedExample) + ": write them so, or plainly ("
          + formattedExample.replaceAll("[^0-9.+-]", "") + "), to model them as numbers";
    }
    if (decimals + oneGroup >= most) {
      return "they look like numbers with a decimal comma (such as '" + decimalExample + "'): read them as numbers "
          + "with --decimal-comma";
    }
    return null;
  }

  /**
   * Why a column of formatted numbers is not in one form the reader takes: a value it does not take at all
   * ("'(2,274.23)' is not"), else a value with another currency or percent sign than {@code example} ("'€5' beside
   * '$5'").
   */
  private static String outOfForm(Collection<?> values, String example) {
    String signs = signs(example);
    String other = null;
    for (Object value : values) {
      String text = ((String) value).strip();
      if (!DressedNumberText.CELL.matcher(text).matches() && !PLAIN.matcher(text).matches()) {
        return "'" + text + "' is not";
      }
      other = other == null && !signs(text).equals(signs) ? text : other;
    }
    return other == null ? "they are not" : "'" + other + "' stands beside '" + example + "'";
  }

  /** The currency and percent signs of a number's text, in order. */
  private static String signs(String text) {
    return text.replaceAll("[^\\p{Sc}%]", "");
  }

  /** The hint for timestamps: --date with the column's pattern, which models the time of day too. */
  private static String timestamps(String column, String example, String pattern) {
    return "they look like timestamps (such as '" + example + "'): read them as timestamps with "
        + dateOption(column, pattern);
  }

  /**
   * --date with the column's pattern, as a shell takes it; a pattern of {@link DateShape#pattern} that names the other
   * order too ("dd/MM/yy HH:mm (or MM/dd/yy HH:mm)") gives both, each its own shell word.
   */
  private static String dateOption(String column, String pattern) {
    int or = pattern.indexOf(" (or ");
    return or < 0 ? "--date " + ShellText.word(column + "=" + pattern)
        : "--date " + ShellText.word(column + "=" + pattern.substring(0, or)) + " (or "
            + ShellText.word(column + "=" + pattern.substring(or + 5, pattern.length() - 1)) + ")";
  }

  /**
   * The pattern of a date with the month's English name between the day and the year, one separator around it
   * (06-May-2023, 6 September 2023, 06/Sep/23); or null.
   */
  private static String monthNamePattern(String text) {
    Matcher date = MONTH_NAME.matcher(text);
    if (!date.matches()) {
      return null;
    }
    String month = date.group(3).toLowerCase(Locale.ROOT);
    int at = MONTHS.indexOf(month.substring(0, 3));
    boolean full = month.length() > 3;
    if (at < 0 || at % 3 != 0 || full && !FULL_MONTHS.contains(month)) {
      return null;
    }
    String sep = date.group(2);
    return (date.group(1).length() < 2 ? "d" : "dd") + sep + (full ? "MMMM" : "MMM") + sep
        + (date.group(4).length() == 4 ? "yyyy" : "yy");
  }

  /** The pattern of a compact timestamp ({@link #COMPACT}) with a plausible month, day, hour and minute; or null. */
  private static String compactPattern(String text) {
    Matcher m = COMPACT.matcher(text);
    if (!m.matches() || !within(m.group(2), 1, 12) || !within(m.group(3), 1, 31) || !within(m.group(5), 0, 23)
        || !within(m.group(7), 0, 59) || m.group(8) != null && !within(m.group(8), 0, 59)) {
      return null;
    }
    String separator = "T".equals(m.group(4)) ? "'T'" : m.group(4);
    return "yyyyMMdd" + separator + "HH" + m.group(6) + "mm" + (m.group(8) == null ? "" : m.group(6) + "ss");
  }

  private static boolean within(String digits, int low, int high) {
    int value = Integer.parseInt(digits);
    return value >= low && value <= high;
  }

  /**
   * The shape of the date-like values seen: per field of the date (in the order written) its greatest number and
   * its shortest and longest length, and how the time of day is written; enough to name a pattern.
   */
  private static final class DateShape {
    private final int[] greatest = new int[3];
    private final int[] shortest = {Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE};
    private final int[] longest = new int[3];
    private int count;
    private int timed;
    private int shortHours;
    private int withSeconds;
    private int twelveHour;
    private String meridiemSpace;
    private String separator;
    private boolean yearFirst;
    private String timeSeparator;
    private String example;
    /** A date whose year is at the other end, or whose separator is another, than the first date's; or null. */
    private String otherForm;

    /** Adds {@code text} when it is a date (or timestamp) with the year first or last; whether it is one. */
    boolean add(String text) {
      Matcher date = DATE.matcher(text);
      if (!date.matches()) {
        return false;
      }
      String[] fields = {date.group(1), date.group(3), date.group(4)};
      boolean yearFirst = fields[0].length() == 4 && fields[2].length() <= 2;
      boolean yearLast = fields[0].length() <= 2 && (fields[2].length() == 2 || fields[2].length() == 4);
      if (!yearFirst && !yearLast) {
        return false;
      }
      for (int f = 0; f < 3; f++) {
        greatest[f] = Math.max(greatest[f], Integer.parseInt(fields[f]));
        shortest[f] = Math.min(shortest[f], fields[f].length());
        longest[f] = Math.max(longest[f], fields[f].length());
      }
      if (date.group(5) != null) {
        timed++;
        shortHours += date.group(6).length() < 2 ? 1 : 0;
        withSeconds += date.group(7) != null ? 1 : 0;
        if (date.group(9) != null) {
          twelveHour++;
          meridiemSpace = meridiemSpace == null ? date.group(8) : meridiemSpace;
        }
        timeSeparator = timeSeparator == null ? date.group(5) : timeSeparator;
      }
      if (example == null) {
        separator = date.group(2);
        this.yearFirst = yearFirst;
        example = text;
      } else if (otherForm == null && (this.yearFirst != yearFirst || !separator.equals(date.group(2)))) {
        otherForm = text;
      }
      count++;
      return true;
    }

    /**
     * The clause for dates written in two or more forms (2022-03-01 beside 01/06/2022), which no one --date
     * pattern reads; null when they share one.
     */
    String mixedForms() {
      return otherForm == null ? null : "they look like dates, but in more than one form (such as '" + example.strip()
          + "' and '" + otherForm.strip() + "'), and --date reads one pattern: write them in one form first";
    }

    /**
     * The pattern of the values seen (Spark's datetime letters), with the time of day when {@code timed}. The
     * year is the field of four digits; of the other two the day is the one above 12, and the day comes first when
     * neither is (then "(or ...)" names the other order).
     */
    String pattern(boolean timed) {
      boolean yearFirst = longest[0] == 4;
      int year = yearFirst ? 0 : 2;
      int a = yearFirst ? 1 : 0;
      int b = yearFirst ? 2 : 1;
      boolean dayFirst = yearFirst ? greatest[a] > 12 : greatest[a] > 12 || greatest[b] <= 12;
      boolean ambiguous = !yearFirst && greatest[a] <= 12 && greatest[b] <= 12;
      String[] letters = new String[3];
      letters[year] = longest[year] == 4 ? "yyyy" : "yy";
      letters[a] = letters(dayFirst ? "d" : "M", shortest[a]);
      letters[b] = letters(dayFirst ? "M" : "d", shortest[b]);
      // h is the hour of a 12-hour clock (1-12) and a its AM or PM; H the hour of the day (0-23).
      String hour = twelveHour > 0 ? "h" : "H";
      String time = !timed ? ""
          : ("T".equals(timeSeparator) ? "'T'" : " ") + (shortHours > 0 ? hour : hour + hour) + ":mm"
              + (withSeconds > 0 ? ":ss" : "") + (twelveHour > 0 ? meridiemSpace + "a" : "");
      String pattern = String.join(separator, letters) + time;
      if (!ambiguous) {
        return pattern;
      }
      String swapped = String.join(separator, letters(dayFirst ? "M" : "d", shortest[a]),
          letters(dayFirst ? "d" : "M", shortest[b]), letters[year]) + time;
      return pattern + " (or " + swapped + ")";
    }

    /** Two letters when every value writes the field with two digits, else one (which reads one or two). */
    private static String letters(String letter, int shortest) {
      return shortest >= 2 ? letter + letter : letter;
    }
  }
}
