package org.cfdmspark.encoding;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.cfdmspark.config.BadInputException;
import org.cfdmspark.config.Notices;

/**
 * Tells a key column from a modelled one. A key ({@link KeyColumnCodec}) has at least {@value #MIN_ROWS} rows, no
 * missing cell and every value distinct, and looks like an identifier rather than a measurement:
 * <ul>
 *   <li>whole numbers: a sequence, spanning at most {@value #DENSE_SPAN} values per row (max − min + 1 ≤
 *       {@value #DENSE_SPAN} n), or a name that says id ({@link #ID_NAME}: customer_id, OrderNo, account number).
 *       n distinct draws of a measure from a span of c·n values are all distinct with probability about
 *       exp(−n / 2c) (the birthday bound), under 10⁻³ for c = 4 from n = 60 on; so all-distinct values that
 *       are sparse (300 incomes between 12,000 and 250,000) are a measure that happened not to repeat, and are
 *       modelled; so are days, months and years written as numbers ({@link CalendarNumbers}: a table of one row
 *       per day holds a dense run of 20230101 …), which a key would replace by other numbers of their digits;</li>
 *   <li>text: no value with white space (free text has it) and none longer than {@value #MAX_TEXT_LENGTH}
 *       characters (a SHA-256 in hex has 64; longer unspaced cells are blobs, not ids), not dates in a pattern,
 *       and not numbers among which a few words stray (numbers all but a few: a measure with a stray "n/a").</li>
 * </ul>
 * --no-key models a column that passes; --key makes any whole-number or text column a key. A whole-number column
 * under an id-like name whose values repeat is a foreign key (a store_id over orders): its values are codes, modelled
 * as categories when there are at most {@code maxCategories} of them, so that no sample holds an id that training
 * does not (as a number, a barycentre of two ids is a third; a new user's 50 store ids: 10 % of samples held one
 * that no store has). Other columns are fitted by {@code modelled}.
 */
record KeyFitter(ColumnFitter modelled, DataType type, boolean declared, int maxCategories)
    implements ColumnFitter {
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

  /**
   * @throws BadInputException for a --key column whose values repeat: its new keys would be unique, so the column
   *     would silently lose what its repeats say
   */
  @Override
  public ColumnCodec fit(String column, Object[] cells) {
    if (declared) {
      requireDistinct(column, cells);
    }
    if (declared || looksLikeKey(column, cells)) {
      return key(column, cells);
    }
    if (!text() && ID_NAME.matcher(column).find() && Arrays.stream(cells).filter(Objects::nonNull).distinct()
        .count() <= maxCategories) {
      return new CategoricalFitter(type, false, maxCategories).fit(column, cells);
    }
    return modelled.fit(column, cells);
  }

  private void requireDistinct(String column, Object[] cells) {
    Set<Object> seen = new HashSet<>();
    long present = 0;
    for (Object cell : cells) {
      if (cell != null) {
        present++;
        seen.add(value(cell));
      }
    }
    if (present < cells.length) {
      // New keys fill every row: the missing cells, and what their absence says, would be lost silently. Repeats
      // are named too, so that filling the gaps is not offered as the whole fix.
      String repeats = seen.size() < present ? String.format(Locale.ROOT, ", and its %,d present cells hold %,d "
          + "distinct values", present, seen.size()) : "";
      throw new BadInputException(String.format(Locale.ROOT, "--key %s: %,d of its %,d cells are missing%s, and every "
          + "sample gets a new key; %sleave out --key %s to model the column", column, cells.length - present,
          cells.length, repeats, repeats.isEmpty() ? "fill them, or " : "", column));
    }
    if (seen.size() < present) {
      throw new BadInputException(String.format(Locale.ROOT, "--key %s: the column has %,d distinct values in %,d "
          + "rows, and a key's values are all distinct (each sample gets a new one); leave out --key %s to model "
          + "it", column, seen.size(), present, column));
    }
  }

  /**
   * Whether every cell is present and distinct, in enough rows, and the values look like identifiers: text
   * without white space and not too long that does not read as dates or decimal-comma numbers, whole numbers in a
   * dense run or under an id-like name.
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
    if (text()) {
      // Distinct dates in a pattern the reader did not parse (03/15/2021) are values, not ids: keys drawn per
      // position from their characters would be dates no calendar has. As a category, or refused with the hint.
      // So are numbers read as text because of a stray word among them (1.5 … 50.5 and one "abc"): refused by
      // the categorical fitter, which names the word.
      long numbers = seen.stream().filter(v -> CategoricalFitter.isNumber((String) v)).count();
      boolean numbersAndAStrayWord = numbers >= seen.size() / 2.0 && numbers < seen.size();
      return !numbersAndAStrayWord && ManyValuesHint.of(column, seen) == null;
    }
    boolean idName = ID_NAME.matcher(column).find();
    // The span in doubles: a 64-bit span cannot overflow.
    if (!idName && (double) high - low + 1 > (double) DENSE_SPAN * cells.length) {
      return false;
    }
    return !calendarValues(column, seen, idName, low, high);
  }

  /**
   * Whether distinct whole numbers that would be a key are days, months or years instead (a table of one row per
   * day or year: {@link CalendarNumbers}), which are modelled: as a key they came out as numbers of the same digits,
   * 12260473 for a day, 9726 for a year, with only a note calling them ids. Days and months are so whatever the
   * column's name (a warehouse's date_key 20230101 is a date), and the number fitter's note tells how to read them
   * as dates. Years only without an id-like name, since four-digit ids lie among the years too; for them a note
   * is printed here, naming --key for the id that only looks like years.
   */
  private static boolean calendarValues(String column, Set<Object> values, boolean idName, long low, long high) {
    CalendarNumbers kind = CalendarNumbers.of(values.stream().map(Long.class::cast).toList());
    if (kind == CalendarNumbers.YEARS && !idName) {
      Notices.print("note: column '" + column + "' has a different whole number in every row, all of them years ("
          + low + "–" + high + "): modelled as a number, not as a key; --key " + ColumnFitter.option(column)
          + " makes it a key (new values, none from training)");
    }
    return kind == CalendarNumbers.DAYS || kind == CalendarNumbers.MONTHS || (kind == CalendarNumbers.YEARS && !idName);
  }

  private Object value(Object cell) {
    return text() ? cell : (Object) ((Number) cell).longValue();
  }

  /** The codec of key column {@code column}: its training keys' form and which of its keys they are. */
  private KeyColumnCodec key(String column, Object[] cells) {
    Set<Object> keys = new TreeSet<>(CellOrder::compare);
    for (Object cell : cells) {
      if (cell != null) {
        keys.add(value(cell));
      }
    }
    if (text()) {
      List<String> texts = keys.stream().map(String.class::cast).toList();
      List<List<String>> shapes = TextKeyForm.fit(texts);
      return new KeyColumnCodec(column, type, 0, 0, shapes, TextKeyForm.taken(shapes, texts));
    }
    long[] numbers = keys.stream().mapToLong(Long.class::cast).toArray();
    long[] range = digitRange(numbers);
    long[] taken = Arrays.stream(numbers).filter(v -> v >= range[0] && v <= range[1]).map(v -> v - range[0]).toArray();
    return new KeyColumnCodec(column, type, range[0], range[1], null, taken);
  }

  /**
   * The whole numbers with the digits of the sorted {@code keys}: from the smallest with as many digits as the
   * smallest key (0 for a key of 0, the most negative for a negative one) to the largest with as many as the
   * largest key (−1 for negative keys only), within the type; 0 … 9 for no keys. A range of more than 2⁶³ − 1
   * numbers (64-bit keys from 0 or below to 19 digits) keeps its positive part.
   */
  private long[] digitRange(long[] keys) {
    long max = NumericType.of(type).orElseThrow().wholeMax();
    long min = -max - 1;
    if (keys.length == 0) {
      return new long[] {0, 9};
    }
    long smallest = keys[0];
    long largest = keys[keys.length - 1];
    long low = smallest > 0 ? nines(digits(smallest) - 1) + 1 : smallest == 0 ? 0
        : digits(smallest) >= 19 ? min : Math.max(min, -nines(digits(smallest)));
    long high = largest < 0 ? -1 : Math.min(max, nines(digits(largest)));
    boolean countable = high - low >= 0 && high - low < Long.MAX_VALUE; // high − low + 1 neither wraps nor overflows
    return new long[] {countable ? low : 1, high};
  }

  /** Decimal digits of {@code v} without its sign. */
  private static int digits(long v) {
    return Long.toString(v).replace("-", "").length();
  }

  /** The largest number of {@code digits} digits (0 for none), or Long.MAX_VALUE past 18. */
  private static long nines(int digits) {
    return digits >= 19 ? Long.MAX_VALUE : (long) Math.pow(10, digits) - 1;
  }
}
