package org.cfdmspark.job;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.MetadataBuilder;

/**
 * How a CSV column writes its missing cells: as the input wrote them. The reader reads both empty cells and the
 * --null-value text ({@code NA}, {@code ?}) as missing, and R's {@code read.csv} (among others) reads an empty cell
 * of a text column as an empty string, not as NA: a user whose input says NA gets NA back. The read tallies each
 * column's two forms in its one pass over the cells as text ({@link CellChecks}); a column that writes the null
 * text carries it in its metadata ({@link #KEY}), which a saved model keeps with its input schema, so that
 * {@code sample} writes it too. A column without the key writes empty cells: Spark's CSV writer's own choice, and
 * what a model saved before the key writes.
 */
final class MissingText {
  /** Column metadata key: the text the column's missing cells are written as (absent: empty). */
  static final String KEY = "cfdm.missingText";
  /**
   * Spark's CSV writer's default timestamp text: a typed timestamp column converted to text here is written as the
   * writer would have written it ({@code yyyy-MM-dd'T'HH:mm:ss[.SSS][XXX]}, whose optional parts are always
   * printed).
   */
  private static final String WRITER_TIMESTAMP = "yyyy-MM-dd'T'HH:mm:ss.SSSXXX";

  private MissingText() {
  }

  /**
   * The columns that write their missing cells as {@code nullValue}, by name, from the counts of each column's
   * missing cells read as that text ({@code nullTextCells}) and as empty cells ({@code emptyCells}), both indexed as
   * {@code names}: a column whose missing cells were mostly the null text (ties: empty), and a column without
   * missing cells when the table's were. An empty {@code nullValue} writes every column empty: an empty map.
   */
  static Map<String, String> decide(String[] names, long[] nullTextCells, long[] emptyCells, String nullValue) {
    Map<String, String> texts = new LinkedHashMap<>();
    if (nullValue.isEmpty()) {
      return texts;
    }
    long tableNullText = 0;
    long tableEmpty = 0;
    for (int c = 0; c < names.length; c++) {
      tableNullText += nullTextCells[c];
      tableEmpty += emptyCells[c];
    }
    for (int c = 0; c < names.length; c++) {
      boolean none = nullTextCells[c] + emptyCells[c] == 0;
      if (none ? tableNullText > tableEmpty : nullTextCells[c] > emptyCells[c]) {
        texts.put(names[c], nullValue);
      }
    }
    return texts;
  }

  /**
   * One note per column whose cells hold both forms, which the read merges into missing: the null text may be a
   * value there (NA for North America beside empty cells), and only the user can tell. Empty when the null text is
   * empty (only empty cells are missing then).
   */
  static List<String> mixedForms(String[] names, long[] nullTextCells, long[] emptyCells, String nullValue) {
    List<String> notes = new ArrayList<>();
    for (int c = 0; c < names.length && !nullValue.isEmpty(); c++) {
      if (nullTextCells[c] > 0 && emptyCells[c] > 0) {
        notes.add("column '" + names[c] + "' has " + emptyCells[c] + " empty cells and " + nullTextCells[c] + " '"
            + nullValue + "' cells, all read as missing; if '" + nullValue + "' is a value there, give "
            + JobKnobs.NULL_VALUE.option() + " '' so that only empty cells are missing");
      }
    }
    return notes;
  }

  /**
   * One note per column whose every value is written like the null text, letter for letter, and whose missing cells
   * are all that text: two capital letters beside NA (country codes, where NA is Namibia), which the read takes for
   * missing cells without a word. {@code shapedCells} counts each column's value cells so written, {@code
   * valueCells} all its value cells. Empty when the null text is empty.
   */
  static List<String> valueLike(String[] names, long[] nullTextCells, long[] emptyCells, long[] shapedCells,
      long[] valueCells, String nullValue) {
    List<String> notes = new ArrayList<>();
    for (int c = 0; c < names.length && !nullValue.isEmpty(); c++) {
      if (nullTextCells[c] > 0 && emptyCells[c] == 0 && valueCells[c] > 0 && shapedCells[c] == valueCells[c]) {
        notes.add("column '" + names[c] + "' reads its " + nullTextCells[c] + " '" + nullValue + "' cells as "
            + "missing, but its values are written like it (such codes hold '" + nullValue + "' as a value: "
            + "Namibia's country code); if it is a value there, give " + JobKnobs.NULL_VALUE.option() + " ''");
      }
    }
    return notes;
  }

  /**
   * Whether {@code cell} is written like {@code nullValue}, letter for letter: as long, each character of the same
   * kind (capital letter, small letter, digit) or the same character (US, FR and NA; a1 and n2).
   */
  static boolean shapedLike(String text, String nullValue) {
    if (text.length() != nullValue.length() || nullValue.isEmpty()) {
      return false;
    }
    for (int k = 0; k < text.length(); k++) {
      char a = text.charAt(k);
      char b = nullValue.charAt(k);
      if (a != b && !(Character.isUpperCase(a) && Character.isUpperCase(b)
          || Character.isLowerCase(a) && Character.isLowerCase(b) || Character.isDigit(a) && Character.isDigit(b))) {
        return false;
      }
    }
    return true;
  }

  /** {@code metadata} with the missing cells' text {@code text}. */
  static Metadata addTo(Metadata metadata, String text) {
    return new MetadataBuilder().withMetadata(metadata).putString(KEY, text).build();
  }

  /** The missing cells' text in a column's metadata, null for empty cells (none recorded). */
  static String of(Metadata metadata) {
    return metadata.contains(KEY) ? metadata.getString(KEY) : null;
  }

  /**
   * {@code column} (of {@code type}, as the CSV writer would get it) as the text the writer would write, with
   * {@code text} for its missing cells. Spark's writer has one null text for the whole table, so the column's own
   * is written as a value; a value text is the writer's own (a cast, or its timestamp pattern).
   */
  static Column written(Column column, DataType type, String text) {
    Column values = type.equals(DataTypes.StringType) ? column
        : type.equals(DataTypes.TimestampType) ? functions.date_format(column, WRITER_TIMESTAMP)
        : column.cast(DataTypes.StringType);
    return functions.coalesce(values, functions.lit(text));
  }
}
