package org.cfdmspark.job;

import org.cfdmspark.config.BadInputException;

/**
 * Quotes escaped by a backslash ({@code "6\" sub"}, as MySQL and many exporters write them) in a file read with
 * RFC 4180's doubled quotes, the default. Read so, the backslash-escaped quote ends the quoted cell: the cell then
 * holds its quotes and backslash ({@code "6\" sub"} as a value, written back {@code """6\"" sub"""}), silently, or
 * the rest of the line breaks the row's number of fields. A cell or row holding a backslash before the quote is
 * refused with the option that reads it, unless --csv-escape was given: a file of doubled quotes whose values hold
 * a backslash before a quote ({@code "C:\""x"""}) is read as it asks then.
 */
final class BackslashEscapes {
  private BackslashEscapes() {
  }

  /**
   * Refuses a file whose cells (as {@code found} tallied them) hold a backslash before the quote, read with doubled
   * quotes that the user did not choose ({@code escapeGiven}: --csv-escape was given).
   *
   * @throws BadInputException naming an example and the fix
   */
  static void require(CellChecks found, CsvDialect dialect, boolean escapeGiven, String path) {
    if (found.backslashQuotes() == 0 || escapeGiven) {
      return;
    }
    throw new BadInputException("input '" + path + "' has quotes escaped by a backslash (\\" + dialect.quote()
        + "), such as in '" + found.backslashQuoteExample().strip() + "', which the default RFC 4180 reading (a quote "
        + "doubled) takes for the end of the cell: give " + option() + " (or " + JobKnobs.CSV_ESCAPE.option() + " '"
        + dialect.quote() + "' if the backslashes are part of the values)");
  }

  /**
   * The advice added to the refusal of rows with another number of fields than the header's, when {@code found}
   * saw a backslash before the quote: the option that reads such a file; else "".
   */
  static String hint(CellChecks found, CsvDialect dialect) {
    return found.backslashQuotes() == 0 ? "" : "; its text holds \\" + dialect.quote() + ", a quote escaped by a "
        + "backslash: give " + option();
  }

  private static String option() {
    return JobKnobs.CSV_ESCAPE.option() + " '\\'";
  }
}
