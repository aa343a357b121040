package org.cfdmspark.encoding;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.function.Function;

/**
 * A categorical column that is a calendar field of a date column in every training row ({@link
 * CalendarDependencies}): an order's month, weekday, quarter or year. Decoding votes (or draws) the category on its
 * own, so a barycentre of rows could come out as 2024-03-14 on a "Monday" (a Thursday): {@link TableCodec#decode}
 * therefore sets the category to the level that spells the decoded date's field (compared as {@link #normal}
 * text: case and leading zeros aside, so "MONDAY", "03" and 3 are spellings of their fields).
 *
 * @param date the date column
 * @param dependent the categorical column decoded from it
 * @param field the calendar field the dependent spells
 */
public record CalendarDependency(String date, String dependent, Field field) implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The calendar fields a column can spell, each as English text or its number (Monday is day 1). */
  public enum Field {
    YEAR(date -> String.valueOf(date.getYear())),
    QUARTER(date -> String.valueOf((date.getMonthValue() + 2) / 3)),
    QUARTER_Q(date -> "q" + (date.getMonthValue() + 2) / 3),
    MONTH(date -> String.valueOf(date.getMonthValue())),
    MONTH_NAME(date -> date.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH)),
    MONTH_ABBREVIATION(date -> date.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH)),
    DAY_OF_WEEK(date -> String.valueOf(date.getDayOfWeek().getValue())),
    DAY_OF_WEEK_NAME(date -> date.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH)),
    DAY_OF_WEEK_ABBREVIATION(date -> date.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH)),
    DAY_OF_MONTH(date -> String.valueOf(date.getDayOfMonth()));

    private final Function<LocalDate, String> text;

    Field(Function<LocalDate, String> text) {
      this.text = text;
    }

    /** The field of the date {@code epochDay} days after 1970-01-01, as {@link #normal} text. */
    String of(long epochDay) {
      return normal(text.apply(LocalDate.ofEpochDay(epochDay)));
    }
  }

  /** A cell's text as fields are compared: lower case, a number without leading zeros. */
  static String normal(Object cell) {
    String text = cell.toString().strip().toLowerCase(Locale.ROOT);
    return text.matches("0+\\d") ? text.replaceFirst("^0+", "") : text;
  }

  /** As the manifest lists it: "order_date determines order_month (its month)". */
  @Override
  public String toString() {
    return date + " determines " + dependent + " (its " + field.name().toLowerCase(Locale.ROOT).replace('_', ' ')
        + ")";
  }
}
