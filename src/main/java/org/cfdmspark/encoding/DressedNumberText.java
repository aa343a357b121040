package org.cfdmspark.encoding;

import java.util.regex.Pattern;

/**
 * The text of a number dressed for people that the CSV reader reads as a number (job.NumberDress): a sign, a
 * currency sign and a space, a sign, the digits (grouped by commas in threes or not; no leading zero, so that a code
 * such as 01,234 stays text), decimals after a point, a percent sign after a space or not. Shared by the reader and
 * by the hint a refused text column gets ({@link ManyValuesHint}), so that the hint's example of a value the reader
 * does not take is one it really does not.
 */
public final class DressedNumberText {
  /** Groups: 1 sign, 2 currency sign and space, 3 sign, 4 digits, 5 point and decimals, 6 space and percent sign. */
  public static final Pattern CELL = Pattern.compile("\\s*([+-]?)(\\p{Sc}\\s?)?([+-]?)"
      + "(0|[1-9][0-9]{0,2}(?:,[0-9]{3})+|[1-9][0-9]*)(\\.[0-9]+)?(\\s?%)?\\s*");

  private DressedNumberText() {
  }
}
