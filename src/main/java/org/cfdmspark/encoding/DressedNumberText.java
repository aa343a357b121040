package org.cfdmspark.encoding;

import java.util.regex.Pattern;

/**
 * The text of a number dressed for people that the CSV reader reads as a number (job.NumberDress): a sign, a
 * currency sign and a space, a sign, the digits (grouped in threes or not; no leading zero, so that a code such as
 * 01,234 stays text), decimals, then a percent or currency sign after a space or not. With a decimal point the groups
 * are separated by commas ({@link #CELL}: $2,273.21, 17.3%, 4,398.59 €); with a decimal comma by a point, a space or
 * a no-break space ({@link #COMMA_CELL}: 1.629,09 €, € 4.491,94, 5,1 %). Shared by the reader and by the hint a
 * refused text column gets ({@link ManyValuesHint}), so that the hint's example of a value the reader does not take
 * is one it really does not.
 */
public final class DressedNumberText {
  /** Groups: 1 sign, 2 currency sign and space, 3 sign, 4 digits, 5 decimals, 6 space and percent or currency sign. */
  public static final Pattern CELL = Pattern.compile("\\s*([+-]?)(\\p{Sc}\\s?)?([+-]?)"
      + "(0|[1-9][0-9]{0,2}(?:,[0-9]{3})+|[1-9][0-9]*)(\\.[0-9]+)?([\\s\u00A0\u202F]?[%\\p{Sc}])?\\s*");
  /** As {@link #CELL} with a decimal comma. */
  public static final Pattern COMMA_CELL = Pattern.compile("\\s*([+-]?)(\\p{Sc}[\\s\u00A0\u202F]?)?([+-]?)"
      + "(0|[1-9][0-9]{0,2}(?:[. \u00A0\u202F][0-9]{3})+|[1-9][0-9]*)(,[0-9]+)?([\\s\u00A0\u202F]?[%\\p{Sc}])?\\s*");

  private DressedNumberText() {
  }

  /** The pattern of the dialect: {@link #COMMA_CELL} with a decimal comma, else {@link #CELL}. */
  public static Pattern cell(boolean decimalComma) {
    return decimalComma ? COMMA_CELL : CELL;
  }
}
