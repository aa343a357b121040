package org.cfdmspark.job;

import java.io.Serializable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.MetadataBuilder;
import org.cfdmspark.encoding.DressedNumberText;

/**
 * How a CSV number column is dressed for people, which Spark's reader does not read as a number and a double
 * forgets: a currency sign before it ({@code $2,273.21}, {@code -€15}), a percent sign after it ({@code 17.3%},
 * {@code 12 %}), commas between the thousands of its whole part ({@code 1,234,567}). The read tallies every text
 * column's cells ({@link Tally}, in {@link CellChecks}' one pass; not with --decimal-comma, whose numbers group
 * otherwise); a column whose every present cell is such a number with one prefix and one suffix, and that is
 * dressed at all, is read as numbers (whole numbers when no cell has a decimal point). The dress travels in the
 * column's metadata ({@link #KEY}) and CSV output writes every value in it ({@link #dress}), after its
 * {@link NumberForm}. A percent is kept as the number written (17.3, not 0.173).
 *
 * @param prefix the text before the digits: a currency sign, with the space after it if the cells have one; "" for
 *     none
 * @param suffix the text after them: "%" or " %"; "" for none
 * @param grouped whether the whole part is written in groups of three with commas
 * @param signFirst whether a minus goes before the prefix ({@code -$15}) rather than after it ({@code $-15})
 * @param plus whether a positive value is written with a plus ({@code +0.6%}; a zero never is)
 */
record NumberDress(String prefix, String suffix, boolean grouped, boolean signFirst, boolean plus)
    implements Serializable {
  /** Column metadata key of the dress (a nested metadata). */
  static final String KEY = "cfdm.numberDress";
  /** A dressed number ({@link DressedNumberText#CELL}). */
  private static final Pattern CELL = DressedNumberText.CELL;
  /** A number's plain text, as {@link NumberForm} writes it, whose whole part can be grouped. */
  private static final Pattern PLAIN = Pattern.compile("(-?)([0-9]+)(\\.[0-9]*)?");

  /** The dress of a column from its metadata; null for a plain one. */
  static NumberDress of(Metadata metadata) {
    if (!metadata.contains(KEY)) {
      return null;
    }
    Metadata dress = metadata.getMetadata(KEY);
    return new NumberDress(dress.getString("prefix"), dress.getString("suffix"), dress.getBoolean("grouped"),
        dress.getBoolean("signFirst"), dress.getBoolean("plus"));
  }

  /** {@code metadata} with this dress under {@link #KEY}. */
  Metadata addTo(Metadata metadata) {
    return new MetadataBuilder().withMetadata(metadata).putMetadata(KEY, new MetadataBuilder()
        .putString("prefix", prefix).putString("suffix", suffix).putBoolean("grouped", grouped)
        .putBoolean("signFirst", signFirst).putBoolean("plus", plus).build()).build();
  }

  /**
   * A dressed cell's number as plain text (sign, digits, decimals: {@code -2273.21}), which {@link NumberForm} and a
   * cast read; the cell itself when it is not a dressed number.
   */
  static String undressed(String cell) {
    Matcher m = CELL.matcher(cell);
    if (!m.matches()) {
      return cell;
    }
    String sign = m.group(1).isEmpty() ? m.group(3) : m.group(1);
    return sign + m.group(4).replace(",", "") + (m.group(5) == null ? "" : m.group(5));
  }

  /** The text of a number written plainly ({@link NumberForm#format}, or a whole number's) in this dress. */
  String dress(String number) {
    Matcher m = PLAIN.matcher(number);
    if (!m.matches()) {
      return prefix + number + suffix;
    }
    boolean zero = m.group(2).chars().allMatch(c -> c == '0')
        && (m.group(3) == null || m.group(3).chars().allMatch(c -> c == '0' || c == '.'));
    String sign = m.group(1).isEmpty() && plus && !zero ? "+" : m.group(1);
    String digits = grouped ? grouped(m.group(2)) : m.group(2);
    String decimals = m.group(3) == null ? "" : m.group(3);
    return (signFirst ? sign + prefix : prefix + sign) + digits + decimals + suffix;
  }

  /** Digits in groups of three, separated by commas: 1234567 → 1,234,567. */
  private static String grouped(String digits) {
    StringBuilder out = new StringBuilder(digits);
    for (int at = digits.length() - 3; at > 0; at -= 3) {
      out.insert(at, ',');
    }
    return out.toString();
  }

  /**
   * What the read knows of a text column's cells: whether each is a dressed number, the currency and percent signs
   * seen (least and greatest by code point: one of each when they are equal, whatever the partitioning), whether any
   * is grouped or has a decimal point, and how many are written each way where a column may mix forms (a space after
   * the currency sign or before the percent sign, commas in a number of four digits or more, a minus before or
   * after the currency sign, a plus on a positive value), so that output takes each column's most common way.
   */
  public static final class Tally implements Serializable { // public: Spark's encoder of it asks
    private long cells;
    private boolean allDressed = true;
    private String leastPrefix;
    private String greatestPrefix;
    private String leastSuffix;
    private String greatestSuffix;
    private boolean anyGrouped;
    private boolean anyGroups;
    private boolean anyPoint;
    private long prefixSpaced;
    private long suffixSpaced;
    private long groupedLong;
    private long ungroupedLong;
    private long signFirst;
    private long signAfter;
    private long plus;
    private long unsigned;

    /** The tally with one present cell added. */
    void add(String cell) {
      cells++;
      Matcher m = CELL.matcher(cell);
      if (!m.matches()) {
        allDressed = false;
        return;
      }
      String prefix = m.group(2) == null ? "" : m.group(2);
      String suffix = m.group(6) == null ? "" : m.group(6);
      String currency = prefix.strip();
      leastPrefix = least(leastPrefix, currency);
      greatestPrefix = greatest(greatestPrefix, currency);
      leastSuffix = least(leastSuffix, suffix.strip());
      greatestSuffix = greatest(greatestSuffix, suffix.strip());
      prefixSpaced += prefix.length() > currency.length() ? 1 : 0;
      suffixSpaced += suffix.length() > 1 ? 1 : 0;
      String digits = m.group(4);
      int comma = digits.indexOf(',');
      anyGrouped |= comma >= 0;
      anyGroups |= comma >= 0 && digits.indexOf(',', comma + 1) >= 0;
      anyPoint |= m.group(5) != null;
      groupedLong += comma >= 0 ? 1 : 0;
      ungroupedLong += comma < 0 && digits.length() > 3 ? 1 : 0;
      String sign = m.group(1).isEmpty() ? m.group(3) : m.group(1);
      signFirst += sign.equals("-") && !currency.isEmpty() && !m.group(1).isEmpty() ? 1 : 0;
      signAfter += sign.equals("-") && !currency.isEmpty() && m.group(1).isEmpty() ? 1 : 0;
      boolean zero = digits.equals("0") && (m.group(5) == null || m.group(5).matches("\\.0*"));
      plus += sign.equals("+") && !zero ? 1 : 0;
      unsigned += sign.isEmpty() && !zero ? 1 : 0;
    }

    /** This tally with {@code other}'s cells added. */
    Tally merge(Tally other) {
      cells += other.cells;
      allDressed &= other.allDressed;
      leastPrefix = least(leastPrefix, other.leastPrefix);
      greatestPrefix = greatest(greatestPrefix, other.greatestPrefix);
      leastSuffix = least(leastSuffix, other.leastSuffix);
      greatestSuffix = greatest(greatestSuffix, other.greatestSuffix);
      anyGrouped |= other.anyGrouped;
      anyGroups |= other.anyGroups;
      anyPoint |= other.anyPoint;
      prefixSpaced += other.prefixSpaced;
      suffixSpaced += other.suffixSpaced;
      groupedLong += other.groupedLong;
      ungroupedLong += other.ungroupedLong;
      signFirst += other.signFirst;
      signAfter += other.signAfter;
      plus += other.plus;
      unsigned += other.unsigned;
      return this;
    }

    /**
     * The column's dress when every present cell is a dressed number with one currency sign (or none) and one
     * percent sign (or none) and it is dressed at all (a column of plain numbers is Spark's to read); else null. Each
     * way of writing that a column may mix is its cells' most common one (ties: a space, commas, a minus first, no
     * plus). Also null when its commas could be decimal commas: each grouped cell has one group of three after its
     * comma (1,935), no cell has a decimal point and there is no currency sign, so the column may be 1.935 in a
     * decimal-comma file read without --decimal-comma; such a column stays text, and with many values it is refused
     * with both readings named (encoding.ManyValuesHint), rather than read a thousand times too large.
     */
    NumberDress dress() {
      if (cells == 0 || !allDressed || !leastPrefix.equals(greatestPrefix) || !leastSuffix.equals(greatestSuffix)
          || leastPrefix.isEmpty() && leastSuffix.isEmpty() && !anyGrouped
          || anyGrouped && !anyGroups && !anyPoint && leastPrefix.isEmpty()) {
        return null;
      }
      long prefixed = leastPrefix.isEmpty() ? 0 : cells;
      long suffixed = leastSuffix.isEmpty() ? 0 : cells;
      String prefix = leastPrefix + (2 * prefixSpaced >= prefixed && prefixSpaced > 0 ? " " : "");
      String suffix = (2 * suffixSpaced >= suffixed && suffixSpaced > 0 ? " " : "") + leastSuffix;
      return new NumberDress(prefix, suffix, groupedLong >= ungroupedLong && groupedLong > 0, signFirst >= signAfter,
          plus > unsigned);
    }

    /** Whether the dressed column's numbers are all whole (no cell has a decimal point). */
    boolean whole() {
      return !anyPoint;
    }

    private static String least(String a, String b) {
      return a == null ? b : b == null || a.compareTo(b) <= 0 ? a : b;
    }

    private static String greatest(String a, String b) {
      return a == null ? b : b == null || a.compareTo(b) >= 0 ? a : b;
    }
  }
}
