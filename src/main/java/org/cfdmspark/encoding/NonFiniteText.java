package org.cfdmspark.encoding;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.cfdmspark.config.BadInputException;
import org.cfdmspark.config.ShellText;

/**
 * NaN and infinity in a number column, which no model can reproduce: refused whether Spark read them as numbers
 * (its NaN, Inf and Java's Infinity) or left their column text because it does not know their spelling (inf,
 * -inf, infinity, ∞, nan, Excel's 1.#INF). A column of numbers with a few lowercase "inf" was read as text and,
 * under --max-categories, modelled as categories without a word: every sample copied a training value.
 */
final class NonFiniteText {
  /** NaN and infinity as exports spell them, any case, signed or not (MSVC's 1.#INF, 1.#IND and 1.#QNAN too). */
  private static final Pattern SPELLING = Pattern.compile(
      "[+-]?(nan|inf|infinity|∞|1\\.#(inf|ind|qnan|snan)0*)", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  /** Spellings an error quotes at most. */
  private static final int QUOTED = 4;

  private NonFiniteText() {
  }

  /** Whether {@code text} (around white space) spells NaN or an infinity. */
  static boolean is(String text) {
    return SPELLING.matcher(text.strip()).matches();
  }

  /**
   * The refusal of a number column with {@code cells} NaN or infinite cells in {@code rows} rows, written as
   * {@code spellings} (distinct, in the file's words; empty when Spark read them as numbers, whose text is gone).
   * The fix is to mark them missing with --null-value, which takes one text: several spellings must first be made
   * one in the file.
   */
  static BadInputException refusal(String column, long cells, long rows, List<String> spellings) {
    String written = spellings.isEmpty() ? "" : " (written " + spellings.stream().limit(QUOTED)
        .map(s -> "'" + s + "'").collect(Collectors.joining(", ")) + (spellings.size() > QUOTED ? ", …" : "") + ")";
    String mark = spellings.isEmpty() ? "mark such cells as missing (e.g. --null-value NaN)"
        : spellings.size() == 1 ? "mark such cells as missing with --null-value " + ShellText.word(spellings.get(0))
        : "mark such cells as missing (write them as one text, or empty, in the file and give that text with "
            + "--null-value)";
    return new BadInputException(String.format(Locale.ROOT, "column '%s' holds NaN or Infinity in %,d of %,d rows%s; "
        + "%s or leave the column out with --exclude %s", column, cells, rows, written, mark,
        ColumnFitter.option(column)));
  }
}
