package org.cfdmspark.encoding;

import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;

/**
 * Tells a key column from a modelled one: a whole-number or text column of at least {@value #MIN_ROWS} rows, no
 * missing cell and every value distinct (text: none with white space, which free text has and keys do not) is
 * a key ({@link KeyColumnCodec}), unless the user says --no-key; --key makes any whole-number or text column one.
 * Other columns are fitted by {@code modelled}.
 */
record KeyFitter(ColumnFitter modelled, DataType type, boolean declared) implements ColumnFitter {
  /** Fewer rows than this are too few to call a column of distinct values a key. */
  static final int MIN_ROWS = 20;
  private static final Pattern SPACE = Pattern.compile("\\s");

  private boolean text() {
    return type.equals(DataTypes.StringType);
  }

  @Override
  public ColumnCodec fit(String column, Object[] cells) {
    return declared || distinctWithoutGaps(cells) ? key(column, cells) : modelled.fit(column, cells);
  }

  /** Whether every cell is present and distinct, in enough rows, and no text holds white space. */
  private boolean distinctWithoutGaps(Object[] cells) {
    if (cells.length < MIN_ROWS) {
      return false;
    }
    Set<Object> seen = new HashSet<>();
    for (Object cell : cells) {
      if (cell == null || text() && SPACE.matcher((String) cell).find() || !seen.add(value(cell))) {
        return false;
      }
    }
    return true;
  }

  private Object value(Object cell) {
    return text() ? cell : (Object) ((Number) cell).longValue();
  }

  private KeyColumnCodec key(String column, Object[] cells) {
    Object low = null;
    Object high = null;
    for (Object cell : cells) {
      if (cell != null) {
        Object v = value(cell);
        low = low == null || CellOrder.compare(v, low) < 0 ? v : low;
        high = high == null || CellOrder.compare(v, high) > 0 ? v : high;
      }
    }
    if (!text()) {
      return new KeyColumnCodec(column, type, low == null ? 0 : (Long) high + 1, low == null ? 0 : (Long) low, null,
          0, null);
    }
    if (low == null) {
      return new KeyColumnCodec(column, type, 0, 0, "", 0, null);
    }
    String prefix = prefix((String) low, (String) high);
    Pattern numbered = Pattern.compile(Pattern.quote(prefix) + "[0-9]{1,18}");
    long largest = -1;
    int shortest = Integer.MAX_VALUE;
    int longest = 0;
    for (Object cell : cells) {
      if (cell == null) {
        continue;
      }
      String key = (String) cell;
      if (!numbered.matcher(key).matches()) {
        return new KeyColumnCodec(column, type, 0, 0, null, 0, (String) high);
      }
      largest = Math.max(largest, Long.parseLong(key.substring(prefix.length())));
      int length = key.codePointCount(0, key.length());
      shortest = Math.min(shortest, length);
      longest = Math.max(longest, length);
    }
    return new KeyColumnCodec(column, type, largest + 1, 0, prefix,
        shortest == longest ? longest - prefix.length() : 0, null);
  }

  /** The common prefix of the smallest and largest key (so of all keys) less any digits it ends in. */
  private static String prefix(String low, String high) {
    int common = 0;
    while (common < Math.min(low.length(), high.length()) && low.charAt(common) == high.charAt(common)) {
      common++;
    }
    while (common > 0 && Character.isDigit(low.charAt(common - 1))) {
      common--;
    }
    return low.substring(0, common);
  }
}
