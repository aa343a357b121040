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
 * Tells a key column from a modelled one: a whole-number or text column of at least {@value #MIN_ROWS} rows, no
 * missing cell and every value distinct (text: none with white space, which free text has and keys do not) is
 * a key ({@link KeyColumnCodec}), unless the user says --no-key; --key makes any whole-number or text column one.
 * Other columns are fitted by {@code modelled}. The first pass estimates the distinct count and takes the range
 * and lengths; only a column whose estimate is near its row count gets the exact count (and, for text, the
 * prefix-and-digits test) in the second.
 */
record KeyFitter(ColumnFitter modelled, DataType type, boolean declared) implements ColumnFitter {
  /** Fewer rows than this are too few to call a column of distinct values a key. */
  static final int MIN_ROWS = 20;
  /** A column is a candidate when its estimated distinct count is at least this share of its rows. */
  private static final double CANDIDATE_SHARE = 0.9;
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

  private boolean candidate(Row results, int offset) {
    long rows = results.getLong(offset + ROWS);
    return declared || results.getLong(offset + PRESENT) == rows && rows >= MIN_ROWS
        && results.getLong(offset + APPROX_DISTINCT) >= CANDIDATE_SHARE * rows
        && results.getLong(offset + SPACED) == 0;
  }

  @Override
  public List<Column> refinements(String column, Row results, int offset) {
    List<Column> refinements = new ArrayList<>();
    if (candidate(results, offset)) {
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
    boolean candidate = candidate(results, offset);
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
