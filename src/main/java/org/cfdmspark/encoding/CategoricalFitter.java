package org.cfdmspark.encoding;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.cfdmspark.config.BadInputException;
import org.cfdmspark.config.Notices;

/**
 * Fits a categorical column: its distinct values, sorted ({@link CellOrder}, so the encoding does not depend on how
 * the data is split), and whether it has missing cells. A text column whose cells are mostly numbers is refused
 * unless declared categorical: a stray word in a number column is far likelier than a category that looks numeric.
 * So is one of numbers among which stand only NaN or infinity spelt otherwise than Spark reads them ({@link
 * NonFiniteText}) or numbers in parentheses (accounting negatives, (788), which the reader takes for text), whatever
 * their share: each named as what it is, with its fix.
 * A column of more than --max-categories values is refused (an id or free text, most likely; or dates or
 * decimal-comma numbers not read as such, which {@link ManyValuesHint} recognises).
 */
record CategoricalFitter(DataType type, boolean declared, int maxCategories) implements ColumnFitter {
  /** Distinct values from which a categorical column that looks like numbers or dates gets a {@link #note}. */
  static final int NOTE_FROM = 20;
  /** Texts an error quotes at most. */
  private static final int QUOTED = 5;
  /** Digits, and nothing else. */
  private static final Pattern DIGITS = Pattern.compile("[0-9]+");
  /** A number in parentheses, with a currency sign before or after its digits or a percent sign after them. */
  private static final Pattern PARENTHESISED = Pattern.compile(
      "\\s*\\(\\s*\\p{Sc}?\\s?[\\d,]*\\d(\\.\\d+)?\\s?[\\p{Sc}%]?\\s*\\)\\s*");

  @Override
  public ColumnCodec fit(String column, Object[] cells) {
    long rows = cells.length;
    long missing = 0;
    // Each distinct value's cells, in order of first appearance (the rows' order).
    Map<Object, long[]> counts = new LinkedHashMap<>();
    for (Object cell : cells) {
      if (cell == null) {
        missing++;
      } else {
        counts.computeIfAbsent(cell, k -> new long[1])[0]++;
      }
    }
    long numbers = 0;
    List<Object> texts = new ArrayList<>();
    long nonFinite = 0;
    List<String> nonFiniteTexts = new ArrayList<>();
    for (Map.Entry<Object, long[]> value : counts.entrySet()) {
      boolean text = type.equals(DataTypes.StringType);
      if (text && isNumber((String) value.getKey())) {
        numbers += value.getValue()[0];
      } else {
        texts.add(value.getKey());
      }
      if (text && NonFiniteText.is((String) value.getKey())) {
        nonFinite += value.getValue()[0];
        nonFiniteTexts.add((String) value.getKey());
      }
    }
    Set<Object> distinct = counts.keySet();
    long present = rows - missing;
    // Numbers but for NaN or infinity spelt otherwise than Spark reads them (inf, -Infinity): a number column, with
    // the refusal of one, however many of its cells those are and however many values it has.
    if (!declared && numbers > 0 && nonFinite > 0 && numbers + nonFinite == present) {
      throw NonFiniteText.refusal(column, nonFinite, rows, nonFiniteTexts);
    }
    if (!declared && numbers > 0 && !texts.isEmpty() && texts.stream().allMatch(CategoricalFitter::isParenthesised)) {
      throw new BadInputException(String.format(Locale.ROOT, "column '%s' holds numbers, %,d of its %,d in "
          + "parentheses (accounting negatives?) such as '%s', which are read as text: write them with a minus sign "
          + "(%s) to model the column as numbers, or model it as categories with --categorical %s", column,
          present - numbers, present, texts.get(0), withMinus((String) texts.get(0)), ColumnFitter.option(column)));
    }
    if (!declared && numbers > 0 && numbers >= present / 2 && numbers < present) {
      // --null-value marks one text: several (N/A, ?, null) must first be made one in the file.
      throw new BadInputException("column '" + column + "' holds numbers but also " + (texts.size() == 1
          ? "text such as '" + texts.get(0) + "' (" + (present - numbers) + " of " + present + " cells); "
              + missingAdvice((String) texts.get(0))
          : texts.size() + " texts, " + quoted(texts) + " (" + (present - numbers) + " of " + present + " cells), "
              + "and --null-value marks one text as missing: if they all mean missing, write them as one (or empty) "
              + "in the file")
          + ", or model the column as categories with --categorical " + column);
    }
    if (missing == rows) {
      throw ColumnFitter.noValues(column);
    }
    if (distinct.size() > maxCategories) {
      String tooMany = "column '" + column + "' has " + distinct.size() + " distinct values, more than "
          + "--max-categories " + maxCategories + "; ";
      if (declared && !type.equals(DataTypes.StringType)) {
        // A number column the user named as categories: the fix is to take that back, not to drop the column.
        throw new BadInputException(tooMany + "model it as a number without --categorical "
            + ColumnFitter.option(column) + ", or raise --max-categories");
      }
      String codes = codes(distinct);
      if (codes != null) {
        throw new BadInputException(tooMany + "they look like codes (" + codes + "): " + (distinct.size()
            <= ColumnOverrides.MOST_MAX_CATEGORIES ? "keep them as categories with --max-categories "
            + distinct.size() + " (a sample takes a training row's code), or " : "") + "leave it out with --exclude "
            + ColumnFitter.option(column) + "; --key " + ColumnFitter.option(column) + " would give each sample a "
            + "new code of their form, but needs every cell present and distinct (" + distinct.size()
            + " values in " + rows + " rows)");
      }
      String hint = ManyValuesHint.of(column, distinct);
      throw new BadInputException(hint != null
          ? tooMany + hint + ", or leave it out with --exclude " + ColumnFitter.option(column)
              + " or raise --max-categories"
          : unique(distinct, present) ? tooMany + "every value is distinct (names, an id or free text?): leave it out "
              + "with --exclude " + ColumnFitter.option(column) + ", or give each sample a new value of its form with "
              + "--key " + ColumnFitter.option(column) + " (as categories, every sample would copy a training row's)"
          : tooMany + "leave it out with --exclude " + ColumnFitter.option(column)
              + " (an id or free text?) or raise --max-categories");
    }
    String note = note(column, distinct, declared);
    if (note != null) {
      Notices.print(note);
    } else if (unique(distinct, present)) {
      Notices.print(copiesWarning(column, present));
    }
    Object[] levels = distinct.toArray();
    Arrays.sort(levels, CellOrder::compare);
    return new CategoricalColumnCodec(column, type, levels, missing > 0);
  }

  /**
   * How to make a text's cells missing: --null-value names it, but not white space, which the option's value loses
   * (it is trimmed) and which the reader takes for missing only in a column it reads as numbers.
   */
  private static String missingAdvice(String text) {
    return text.isBlank() ? "if those blank cells mean missing, write them empty in the file"
        : "mark that text as missing with --null-value '" + text + "'";
  }

  /**
   * A one-line note for a text column modelled as categories whose values look like something else (numbers in a
   * form the reader does not take, dates in an unread pattern: {@link ManyValuesHint}) — a sample then takes one
   * of its training values, not a new number or date, which a user would want to know; null for one declared
   * categorical (--categorical), one of fewer than {@value #NOTE_FROM} values (a few tiers read as labels: 10%, 20%),
   * or one that looks like none of them. Without it such a column under --max-categories was modelled silently.
   */
  static String note(String column, Set<Object> distinct, boolean declared) {
    String hint = declared || distinct.size() < NOTE_FROM ? null : ManyValuesHint.of(column, distinct);
    return hint == null ? null : "note: column '" + column + "' is modelled as " + distinct.size() + " categories "
        + "(each sample takes one of its training values), but " + hint + " (or --categorical " + column
        + " to keep it so without this note)";
  }

  /**
   * Whether a text column's every one of its {@code present} values is distinct, in at least {@value
   * KeyFitter#MIN_ROWS} rows: names, free text or an id that {@link KeyFitter} did not take for a key (it has
   * spaces). Each value then names one training row, which every sample modelled so copies whole.
   */
  private boolean unique(Set<Object> distinct, long present) {
    return type.equals(DataTypes.StringType) && present >= KeyFitter.MIN_ROWS && distinct.size() == present;
  }

  /**
   * The warning for a column of {@code present} distinct texts modelled as categories: a new user's 150 full names
   * came out one per sample, each a training person's, with nothing said.
   */
  static String copiesWarning(String column, long present) {
    return "warning: column '" + column + "' holds a different text in each of its " + present + " rows (names or "
        + "free text?): modelled as categories, every sample copies one training row's; leave it out with --exclude "
        + ColumnFitter.option(column) + ", or give each sample a new value of its form with --key "
        + ColumnFitter.option(column);
  }

  /**
   * What makes a text column's values codes, not amounts: digits of one length, some with a leading zero (ZIP,
   * FIPS or account codes: "5 digits, with leading zeros, such as '00501'"); null when they are not.
   */
  private static String codes(Set<Object> distinct) {
    int length = -1;
    String padded = null;
    for (Object value : distinct) {
      if (!(value instanceof String text) || !DIGITS.matcher(text).matches()
          || length >= 0 && text.length() != length) {
        return null;
      }
      length = text.length();
      padded = padded == null && text.startsWith("0") ? text : padded;
    }
    return padded == null ? null : length + " digits, with leading zeros, such as '" + padded + "'";
  }

  /** The first few texts, quoted: "'N/A', '?', 'null'", then "…" past {@value #QUOTED}. */
  private static String quoted(List<Object> texts) {
    return texts.stream().limit(QUOTED).map(t -> "'" + t + "'").collect(Collectors.joining(", "))
        + (texts.size() > QUOTED ? ", …" : "");
  }

  /**
   * Whether Spark would read the text as a finite number (a cast to double: trimmed, Java's syntax). NaN and
   * infinity are not: a column of numbers among which they stand is refused as such ({@link NonFiniteText}).
   */
  static boolean isNumber(String text) {
    String trimmed = text.strip();
    try {
      return Double.isFinite(Double.parseDouble(trimmed)) && !trimmed.endsWith("d") && !trimmed.endsWith("D")
          && !trimmed.endsWith("f") && !trimmed.endsWith("F");
    } catch (NumberFormatException e) {
      return false;
    }
  }

  /** Whether a value is a number in parentheses, an accounting negative: (788), ($1,234.50), (12.5 %). */
  private static boolean isParenthesised(Object value) {
    return value instanceof String text && PARENTHESISED.matcher(text).matches();
  }

  /** An accounting negative written with a minus sign instead: (788) → -788, ($1,234.50) → -$1,234.50. */
  private static String withMinus(String parenthesised) {
    String inner = parenthesised.strip();
    return "-" + inner.substring(1, inner.length() - 1).strip();
  }
}
