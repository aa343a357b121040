package org.cfdmspark.job;

import java.io.Serializable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.MetadataBuilder;
import org.cfdmspark.encoding.DressedNumberText;

/**
 * How a CSV number column is dressed for people, which Spark's reader does not read as a number and a double
 * forgets: a currency sign before it ({@code $2,273.21}, {@code -€15}) or after it ({@code 4,398.59 €}), a percent
 * sign after it ({@code 17.3%}, {@code 12 %}), separators between the thousands of its whole part ({@code 1,234,567};
 * with --decimal-comma {@code 1.629,09 €}, {@code 5,1 %}). The read tallies every text column's cells ({@link Tally},
 * in {@link CellChecks}' one pass, in the dialect's pattern, {@link DressedNumberText}); a column whose every present
 * cell is such a number with one currency or percent sign (or none) before and after, and that is dressed at all, is
 * read as numbers (whole numbers when no cell has decimals). The dress travels in the column's metadata
 * ({@link #KEY}) and CSV output writes every value in it ({@link #dress}), after its {@link NumberForm}. A percent is
 * kept as the number written (17.3, not 0.173).
 *
 * @param prefix the text before the digits: a currency sign, with the space after it if the cells have one; "" for
 *     none
 * @param suffix the text after them: a percent or currency sign, with the space before it if the cells have one;
 *     "" for none
 * @param grouping the separator between groups of three digits of the whole part ("," with a decimal point; a point,
 *     a space or a no-break space with a decimal comma); "" for none
 * @param signFirst whether a minus goes before the prefix ({@code -$15}) rather than after it ({@code $-15})
 * @param plus whether a positive value is written with a plus ({@code +0.6%}; a zero never is)
 * @param decimalComma whether the decimals follow a comma (--decimal-comma) rather than a point
 */
record NumberDress(String prefix, String suffix, String grouping, boolean signFirst, boolean plus,
    boolean decimalComma) implements Serializable {
  /** Column metadata key of the dress (a nested metadata). */
  static final String KEY = "cfdm.numberDress";
  /** A number's plain text, as {@link NumberForm} writes it, whose whole part can be grouped. */
  private static final Pattern PLAIN = Pattern.compile("(-?)([0-9]+)(\\.[0-9]*)?");
  /** Spaces a sign may stand apart from the digits by. */
  private static final Pattern SPACES = Pattern.compile("[\\s\u00A0\u202F]");
  /** What separates a number's groups of digits. */
  private static final Pattern NOT_DIGITS = Pattern.compile("[^0-9]");
  /** Digits. */
  private static final Pattern DIGITS = Pattern.compile("[0-9]");

  /** The dress of a column from its metadata; null for a plain one. */
  static NumberDress of(Metadata metadata) {
    if (!metadata.contains(KEY)) {
      return null;
    }
    Metadata dress = metadata.getMetadata(KEY);
    return new NumberDress(dress.getString("prefix"), dress.getString("suffix"), dress.getString("grouping"),
        dress.getBoolean("signFirst"), dress.getBoolean("plus"), dress.getBoolean("decimalComma"));
  }

  /** {@code metadata} with this dress under {@link #KEY}. */
  Metadata addTo(Metadata metadata) {
    return new MetadataBuilder().withMetadata(metadata).putMetadata(KEY, new MetadataBuilder()
        .putString("prefix", prefix).putString("suffix", suffix).putString("grouping", grouping)
        .putBoolean("signFirst", signFirst).putBoolean("plus", plus).putBoolean("decimalComma", decimalComma)
        .build()).build();
  }

  /**
   * A dressed cell's number as plain text with a decimal point (sign, digits, decimals: {@code -2273.21}), which
   * {@link NumberForm} reads, from the cell matched by {@link DressedNumberText}.
   */
  private static String undressed(Matcher m) {
    String sign = m.group(1).isEmpty() ? m.group(3) : m.group(1);
    String decimals = m.group(5) == null ? "" : "." + m.group(5).substring(1);
    return sign + NOT_DIGITS.matcher(m.group(4)).replaceAll("") + decimals;
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
    String digits = grouping.isEmpty() ? m.group(2) : grouped(m.group(2), grouping);
    String decimals = m.group(3) == null ? "" : (decimalComma ? "," : ".") + m.group(3).substring(1);
    return (signFirst ? sign + prefix : prefix + sign) + digits + decimals + suffix;
  }

  /** Digits in groups of three: 1234567 → 1,234,567 with {@code separator} ",". */
  private static String grouped(String digits, String separator) {
    StringBuilder out = new StringBuilder(digits);
    for (int at = digits.length() - 3; at > 0; at -= 3) {
      out.insert(at, separator);
    }
    return out.toString();
  }

  /**
   * What the read knows of a text column's cells: whether each is a dressed number of the dialect, the signs seen
   * before and after the digits (least and greatest by code point: one of each when they are equal, whatever the
   * partitioning), whether any is grouped or has decimals, and how many are written each way where a column may mix
   * forms (a space by the sign, separators in a number of four digits or more, a minus before or after the currency
   * sign, a plus on a positive value), so that output takes each column's most common way.
   */
  public static final class Tally implements Serializable { // public: Spark's encoder of it asks
    private final boolean decimalComma;
    private long cells;
    private boolean allDressed = true;
    private String leastPrefix;
    private String greatestPrefix;
    private String leastSuffix;
    private String greatestSuffix;
    /** The greatest space seen between a sign and the digits; null for none. */
    private String prefixSpace;
    private String suffixSpace;
    /** The greatest group separator seen; null for none. */
    private String separator;
    private boolean anyGroups;
    private boolean anyDecimals;
    private long prefixSpaced;
    private long suffixSpaced;
    private long groupedLong;
    private long ungroupedLong;
    private long signFirst;
    private long signAfter;
    private long plus;
    private long unsigned;

    /** An empty tally of the dialect's dressed numbers. */
    Tally(boolean decimalComma) {
      this.decimalComma = decimalComma;
    }

    /**
     * The tally with one present cell added; the cell's number as plain text with a decimal point ({@code -2273.21}
     * for {@code -$2,273.21}), which {@link NumberForm} reads; null when it is not a dressed number of the dialect.
     */
    String add(String cell) {
      cells++;
      Matcher m = DressedNumberText.cell(decimalComma).matcher(cell);
      if (!m.matches()) {
        allDressed = false;
        return null;
      }
      String prefix = m.group(2) == null ? "" : m.group(2);
      String suffix = m.group(6) == null ? "" : m.group(6);
      String before = SPACES.matcher(prefix).replaceAll("");
      String after = SPACES.matcher(suffix).replaceAll("");
      leastPrefix = CellChecks.least(leastPrefix, before);
      greatestPrefix = CellChecks.greater(greatestPrefix, before);
      leastSuffix = CellChecks.least(leastSuffix, after);
      greatestSuffix = CellChecks.greater(greatestSuffix, after);
      if (prefix.length() > before.length()) {
        prefixSpaced++;
        prefixSpace = CellChecks.greater(prefixSpace, prefix.substring(before.length()));
      }
      if (suffix.length() > after.length()) {
        suffixSpaced++;
        suffixSpace = CellChecks.greater(suffixSpace, suffix.substring(0, suffix.length() - after.length()));
      }
      String digits = m.group(4);
      String separators = DIGITS.matcher(digits).replaceAll("");
      separator = separators.isEmpty() ? separator : CellChecks.greater(separator, separators.substring(0, 1));
      anyGroups |= separators.length() > 1;
      anyDecimals |= m.group(5) != null;
      groupedLong += separators.isEmpty() ? 0 : 1;
      ungroupedLong += separators.isEmpty() && digits.length() > 3 ? 1 : 0;
      String sign = m.group(1).isEmpty() ? m.group(3) : m.group(1);
      signFirst += sign.equals("-") && !before.isEmpty() && !m.group(1).isEmpty() ? 1 : 0;
      signAfter += sign.equals("-") && !before.isEmpty() && m.group(1).isEmpty() ? 1 : 0;
      boolean zero = digits.equals("0") && (m.group(5) == null || m.group(5).chars().skip(1).allMatch(c -> c == '0'));
      plus += sign.equals("+") && !zero ? 1 : 0;
      unsigned += sign.isEmpty() && !zero ? 1 : 0;
      return undressed(m);
    }

    /** This tally with {@code other}'s cells added. */
    Tally merge(Tally other) {
      cells += other.cells;
      allDressed &= other.allDressed;
      leastPrefix = CellChecks.least(leastPrefix, other.leastPrefix);
      greatestPrefix = CellChecks.greater(greatestPrefix, other.greatestPrefix);
      leastSuffix = CellChecks.least(leastSuffix, other.leastSuffix);
      greatestSuffix = CellChecks.greater(greatestSuffix, other.greatestSuffix);
      prefixSpace = CellChecks.greater(prefixSpace, other.prefixSpace);
      suffixSpace = CellChecks.greater(suffixSpace, other.suffixSpace);
      separator = CellChecks.greater(separator, other.separator);
      anyGroups |= other.anyGroups;
      anyDecimals |= other.anyDecimals;
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
     * The column's dress when every present cell is a dressed number with one sign (or none) before and one after
     * the digits and it is dressed at all (a column of plain numbers is Spark's to read, and with --decimal-comma one
     * of grouped numbers without signs the decimal-comma reader's); else null. Each way of writing that a column may
     * mix is its cells' most common one (ties: a space, separators, a minus first, no plus). Also null, with a
     * decimal point, when its commas could be decimal commas: each grouped cell has one group of three after its
     * comma (1,935), no cell has decimals and there is no currency sign before the digits, so the column may be
     * 1.935 in a decimal-comma file read without --decimal-comma; such a column stays text, and with many values it
     * is refused with both readings named (encoding.ManyValuesHint), rather than read a thousand times too large.
     */
    NumberDress dress() {
      if (cells == 0 || !allDressed || !leastPrefix.equals(greatestPrefix) || !leastSuffix.equals(greatestSuffix)) {
        return null;
      }
      boolean signed = !leastPrefix.isEmpty() || !leastSuffix.isEmpty();
      if (!signed && (decimalComma || separator == null)
          || !decimalComma && separator != null && !anyGroups && !anyDecimals && leastPrefix.isEmpty()) {
        return null;
      }
      String prefix = leastPrefix + (prefixSpaced > 0 && 2 * prefixSpaced >= cells ? prefixSpace : "");
      String suffix = (suffixSpaced > 0 && 2 * suffixSpaced >= cells ? suffixSpace : "") + leastSuffix;
      String grouping = separator != null && groupedLong >= ungroupedLong ? separator : "";
      return new NumberDress(prefix, suffix, grouping, signFirst >= signAfter, plus > unsigned, decimalComma);
    }

    /** Whether the dressed column's numbers are all whole (no cell has decimals). */
    boolean whole() {
      return !anyDecimals;
    }
  }
}
