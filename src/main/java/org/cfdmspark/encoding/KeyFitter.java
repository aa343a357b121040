package org.cfdmspark.encoding;

import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;

/**
 * Tells a key column from a modelled one. A key ({@link KeyColumnCodec}) has at least {@value #MIN_ROWS} rows, no
 * missing cell and every value distinct, and looks like an identifier rather than a measurement:
 * <ul>
 *   <li>whole numbers: a sequence, spanning at most {@value #DENSE_SPAN} values per row (max − min + 1 ≤
 *       {@value #DENSE_SPAN} n), or a name that says id ({@link #ID_NAME}: customer_id, OrderNo, account number).
 *       n distinct draws of a measure from a span of c·n values are all distinct with probability about
 *       exp(−n / 2c) (the birthday bound), under 10⁻³ for c = 4 from n = 60 on; so all-distinct values that
 *       are sparse (300 incomes between 12,000 and 250,000) are a measure that happened not to repeat, and are
 *       modelled;</li>
 *   <li>text: no value with white space (free text has it) and none longer than {@value #MAX_TEXT_LENGTH}
 *       characters (a SHA-256 in hex has 64; longer unspaced cells are blobs, not ids).</li>
 * </ul>
 * --no-key models a column that passes; --key makes any whole-number or text column a key. Other columns are
 * fitted by {@code modelled}.
 */
record KeyFitter(ColumnFitter modelled, DataType type, boolean declared) implements ColumnFitter {
  /** Fewer rows than this are too few to call a column of distinct values a key. */
  static final int MIN_ROWS = 20;
  /** Whole-number keys without an id-like name span at most this many values per row. */
  static final int DENSE_SPAN = 4;
  /** Text keys are at most this long. */
  static final int MAX_TEXT_LENGTH = 64;
  /**
   * A name that says its column identifies rows: id, key, pk, uuid, guid, code, number, num, no, nr or ref as its
   * last word (customer_id, "order no", ID) or camel-case part (customerId, OrderNo, accountNumber).
   */
  static final Pattern ID_NAME = Pattern.compile(
      "(?i:(^|[^a-zA-Z])(id|key|pk|uuid|guid|code|number|num|no|nr|ref))$|[a-z0-9](Id|ID|Key|Uuid|Code|Number|Num|No|Nr|Ref)$");
  private static final Pattern SPACE = Pattern.compile("\\s");

  private boolean text() {
    return type.equals(DataTypes.StringType);
  }

  @Override
  public ColumnCodec fit(String column, Object[] cells) {
    return declared || looksLikeKey(column, cells) ? key(column, cells) : modelled.fit(column, cells);
  }

  /**
   * Whether every cell is present and distinct, in enough rows, and the values look like identifiers: text
   * without white space and not too long, whole numbers in a dense run or under an id-like name.
   */
  private boolean looksLikeKey(String column, Object[] cells) {
    if (cells.length < MIN_ROWS) {
      return false;
    }
    Set<Object> seen = new HashSet<>();
    long low = Long.MAX_VALUE;
    long high = Long.MIN_VALUE;
    for (Object cell : cells) {
      if (cell == null || !seen.add(value(cell))) {
        return false;
      }
      if (text()) {
        String s = (String) cell;
        if (s.length() > MAX_TEXT_LENGTH || SPACE.matcher(s).find()) {
          return false;
        }
      } else {
        long v = (Long) value(cell);
        low = Math.min(low, v);
        high = Math.max(high, v);
      }
    }
    // The span in doubles: a 64-bit span cannot overflow.
    return text() || ID_NAME.matcher(column).find() || (double) high - low + 1 <= (double) DENSE_SPAN * cells.length;
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
