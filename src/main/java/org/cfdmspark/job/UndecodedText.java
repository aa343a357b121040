package org.cfdmspark.job;

import java.util.Locale;
import org.cfdmspark.config.BadInputException;

/**
 * Refuses a CSV read in the wrong character set. A decoder puts U+FFFD for bytes that are no character of the
 * --encoding (Latin-1's ü, byte FC, is none in UTF-8), and Spark reads such a file without a word: Süd and Köln
 * would be modelled, and written, as S\uFFFDd and K\uFFFDln. A file that holds U+FFFD itself is refused too: its
 * text was damaged before it came here.
 */
final class UndecodedText {
  private static final char REPLACEMENT = '\uFFFD';

  private UndecodedText() {
  }

  /**
   * Refuses a header {@code names} or cells ({@code found}, over those columns) holding U+FFFD.
   *
   * @throws BadInputException naming the first such column, its count of such cells and one of them, and the
   *     --encoding to give
   */
  static void require(String[] names, CellChecks found, String path, String encoding) {
    for (String name : names) {
      if (name.indexOf(REPLACEMENT) >= 0) {
        throw refused(path, encoding, "its header holds", "in '" + name + "'");
      }
    }
    int columns = 0;
    int first = -1;
    for (int c = 0; c < names.length; c++) {
      if (found.undecodedCells(c) > 0) {
        columns++;
        first = first < 0 ? c : first;
      }
    }
    if (first >= 0) {
      long cells = found.undecodedCells(first);
      throw refused(path, encoding, String.format(Locale.ROOT, "%,d cell%s of column '%s'%s hold%s", cells,
          cells == 1 ? "" : "s", names[first], columns == 1 ? "" : " (and cells of " + (columns - 1)
              + " more column" + (columns == 2 ? "" : "s") + ")", cells == 1 && columns == 1 ? "s" : ""),
          "such as '" + found.undecodedExample(first) + "'");
    }
  }

  private static BadInputException refused(String path, String encoding, String holders, String example) {
    return new BadInputException("input '" + path + "' is not " + encoding + " text: " + holders + " bytes that "
        + "are no " + encoding + " character, read as " + REPLACEMENT + " (" + example + "); give its character "
        + "set, such as " + JobKnobs.ENCODING.option() + " ISO-8859-1 or windows-1252 for a Western European export");
  }
}
