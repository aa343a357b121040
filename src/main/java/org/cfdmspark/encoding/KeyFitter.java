package org.cfdmspark.encoding;

import static org.apache.spark.sql.functions.approx_count_distinct;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.count_distinct;
import static org.apache.spark.sql.functions.length;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.when;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Row;
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
 * fitted by {@code modelled}. The first pass estimates the distinct count and takes the range and lengths; only a
 * column whose estimate is near its row count gets the exact count (and, for text, the prefix-and-digits test) in
 * the second.
 */
record KeyFitter(ColumnFitter modelled, DataType type, boolean declared) implements ColumnFitter {
  /** Fewer rows than this are too few to call a column of distinct values a key. */
  static final int MIN_ROWS = 20;
  /** A column is a candidate when its estimated distinct count is at least this share of its rows. */
  private static final double CANDIDATE_SHARE = 0.9;
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
  private static final int ROWS = 0;
  private static final int PRESENT = 1;
  private static final int APPROX_DISTINCT = 2;
  private static final int MIN = 3;
  private static final int MAX = 4;
  private static final int MIN_LENGTH = 5;
  private static final int MAX_LENGTH = 6;
  private static final int SPACED = 7;
  private static final int OWN = 8;
  /** Second-pass results: the exact distinct count, then for text the prefixed-number count and largest number. */
  private static final int DISTINCT = 0;
  private static final int NUMBERED = 1;
  private static final int LARGEST_NUMBER = 2;

  private boolean text() {
    return type.equals(DataTypes.StringType);
  }

  private Column value(String column) {
    return text() ? ColumnNames.column(column) : ColumnNames.column(column).cast(DataTypes.LongType);
  }

  @Override
  public List<Column> aggregates(String column) {
    Column c = value(column);
    Column text = c.cast(DataTypes.StringType);
    List<Column> aggregates = new ArrayList<>(List.of(count(lit(1)), count(c), approx_count_distinct(c), min(c),
        max(c), min(length(text)), max(length(text)), count(when(text.rlike("\\s"), lit(1)))));
    aggregates.addAll(modelled.aggregates(column));
    return aggregates;
  }

  private boolean candidate(String column, Row results, int offset) {
    long rows = results.getLong(offset + ROWS);
    return declared || results.getLong(offset + PRESENT) == rows && rows >= MIN_ROWS
        && results.getLong(offset + APPROX_DISTINCT) >= CANDIDATE_SHARE * rows
        && (text() ? results.getLong(offset + SPACED) == 0 && results.getInt(offset + MAX_LENGTH) <= MAX_TEXT_LENGTH
            : ID_NAME.matcher(column).find() || dense(results, offset, rows));
  }

  /** Whether whole numbers span at most DENSE_SPAN values per row (in doubles: a 64-bit span cannot overflow). */
  private static boolean dense(Row results, int offset, long rows) {
    double span = (double) results.getLong(offset + MAX) - results.getLong(offset + MIN) + 1;
    return span <= (double) DENSE_SPAN * rows;
  }

  @Override
  public List<Column> refinements(String column, Row results, int offset) {
    List<Column> refinements = new ArrayList<>();
    if (candidate(column, results, offset)) {
      Column c = value(column);
      refinements.add(count_distinct(c));
      if (text() && !results.isNullAt(offset + MIN)) {
        String prefix = prefix(results, offset);
        refinements.add(count(when(c.rlike("^" + Pattern.quote(prefix) + "[0-9]{1,18}$"), lit(1))));
        refinements.add(max(c.substr(prefix.length() + 1, Integer.MAX_VALUE).try_cast(DataTypes.LongType)));
      }
    }
    refinements.addAll(modelled.refinements(column, results, offset + OWN));
    return refinements;
  }

  /** The common prefix of the smallest and largest key (so of all keys) less any digits it ends in. */
  private static String prefix(Row results, int offset) {
    String low = results.getString(offset + MIN);
    String high = results.getString(offset + MAX);
    int common = 0;
    while (common < Math.min(low.length(), high.length()) && low.charAt(common) == high.charAt(common)) {
      common++;
    }
    while (common > 0 && Character.isDigit(low.charAt(common - 1))) {
      common--;
    }
    return low.substring(0, common);
  }

  @Override
  public ColumnCodec build(String column, Row results, int offset, Row refined, int refinedOffset, long rows) {
    boolean candidate = candidate(column, results, offset);
    int own = candidate ? (text() ? 3 : 1) : 0;
    if (candidate && (declared || refined.getLong(refinedOffset + DISTINCT) == rows)) {
      return key(column, results, offset, refined, refinedOffset);
    }
    return modelled.build(column, results, offset + OWN, refined, refinedOffset + own, rows);
  }

  private KeyColumnCodec key(String column, Row results, int offset, Row refined, int refinedOffset) {
    if (!text()) {
      long low = results.isNullAt(offset + MIN) ? 0 : results.getLong(offset + MIN);
      long high = results.isNullAt(offset + MAX) ? -1 : results.getLong(offset + MAX);
      return new KeyColumnCodec(column, type, high + 1, low, null, 0, null);
    }
    if (results.isNullAt(offset + MIN)) {
      return new KeyColumnCodec(column, type, 0, 0, "", 0, null);
    }
    String prefix = prefix(results, offset);
    long present = results.getLong(offset + PRESENT);
    if (refined.getLong(refinedOffset + NUMBERED) == present && !refined.isNullAt(refinedOffset + LARGEST_NUMBER)) {
      int shortest = results.getInt(offset + MIN_LENGTH);
      int longest = results.getInt(offset + MAX_LENGTH);
      return new KeyColumnCodec(column, type, refined.getLong(refinedOffset + LARGEST_NUMBER) + 1, 0, prefix,
          shortest == longest ? longest - prefix.length() : 0, null);
    }
    return new KeyColumnCodec(column, type, 0, 0, null, 0, results.getString(offset + MAX));
  }
}
