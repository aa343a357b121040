package org.cfdmspark.job;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.cfdmspark.config.BadInputException;
import org.cfdmspark.config.Notices;
import org.cfdmspark.config.Settings;

/**
 * Columns whose header cell names nothing: empty, or the --null-value text, which Spark reads as no name. Spark
 * names such a column {@code _c} and its position from 0 ({@code grp,,c} reads as grp, _c1, c), a name the user
 * never wrote that the output would carry. A file whose every line ends with a separator (an export's habit) has
 * such a column last, without a value: it is no column of the table and is left out, with a note. Any other
 * nameless column is refused unless --exclude (or a --columns list without it) leaves it out by Spark's name.
 */
final class UnnamedColumns {
  private UnnamedColumns() {
  }

  /**
   * The nameless columns to leave out of the table read as {@code names} from the CSV input {@code parts}: those
   * after the last named column, without a value ({@code valueCells}, per column: cells neither empty nor the null
   * text), unless the settings leave them out already.
   *
   * @throws BadInputException for a nameless column that the settings keep and that is not such a trailing one
   */
  static List<String> dropped(String[] names, CsvParts parts, long[] valueCells, Settings settings, String path) {
    String nullValue = settings.get(JobKnobs.NULL_VALUE);
    String[] header = null;
    List<Integer> unnamed = new ArrayList<>();
    for (int c = 0; c < names.length; c++) {
      if (!names[c].equals("_c" + c)) {
        continue;
      }
      header = header == null ? parts.header() : header;
      if (header != null && c < header.length && (header[c].isEmpty() || header[c].equals(nullValue))) {
        unnamed.add(c);
      }
    }
    List<String> excluded = settings.get(JobKnobs.EXCLUDE);
    List<String> columns = settings.get(JobKnobs.COLUMNS);
    List<String> dropped = new ArrayList<>();
    for (int k = 0; k < unnamed.size(); k++) {
      int c = unnamed.get(k);
      if (excluded.contains(names[c]) || !columns.isEmpty() && !columns.contains(names[c])) {
        continue;
      }
      boolean trailing = unnamed.subList(k, unnamed.size()).equals(range(c, names.length));
      if (trailing && valueCells[c] == 0) {
        dropped.add(names[c]);
        continue;
      }
      String written = header[c].isEmpty() ? "has no name"
          : "is named '" + header[c] + "', the " + JobKnobs.NULL_VALUE.option() + " text, which reads as no name";
      String values = valueCells[c] == 0 ? "it has no value"
          : String.format(Locale.ROOT, "it holds %,d value%s", valueCells[c], valueCells[c] == 1 ? "" : "s");
      throw new BadInputException("input '" + path + "': column " + (c + 1) + " of its header " + written + " ("
          + values + "); name it in the header, or leave it out with " + JobKnobs.EXCLUDE.option() + " "
          + names[c] + " (Spark's name for it, counting columns from 0)");
    }
    if (!dropped.isEmpty()) {
      Notices.print("note: input '" + path + "' ends its lines with " + (dropped.size() == 1 ? "a separator"
          : dropped.size() + " separators") + ": " + (dropped.size() == 1 ? "its last column has" : "its last "
          + dropped.size() + " columns have") + " no name and no value, and " + (dropped.size() == 1 ? "is" : "are")
          + " left out");
    }
    return dropped;
  }

  private static List<Integer> range(int from, int to) {
    List<Integer> range = new ArrayList<>();
    for (int c = from; c < to; c++) {
      range.add(c);
    }
    return range;
  }
}
