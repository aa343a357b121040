package org.cfdmspark.job;

import java.io.Serializable;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.unsafe.types.UTF8String;
import scala.reflect.ClassTag$;

/**
 * What {@link TableReader} decides its corrections from, tallied over a CSV file's cells as text in one pass: the
 * row count, the rows whose number of fields is not the header's (Spark's corrupt-record column), each column's
 * missing cells by form (empty or the --null-value text, {@link MissingText}), cells holding U+FFFD (the
 * decoder's stand-in for bytes that are no character of the --encoding, {@link UndecodedText}) and cells that are
 * the column's name ({@link HeaderAsData}) and, per column,
 * zero-padded numbers, booleans spelt otherwise than Spark's, decimal-comma numbers and their grouping, numbers
 * dressed for people ({@link NumberDress}), the {@link NumberForm} tally and ISO date-times to the minute with an
 * offset ({@link MinuteOffsetTimes}); blank cells ({@link BlankCells}), which the number checks take for missing, and
 * cells that keep a text column text; cells and malformed rows holding a quote escaped by a backslash
 * ({@link BackslashEscapes}). A plain Java fold over the scan's rows
 * (one Spark job, one stage, no shuffle): as SQL aggregates it was two jobs (adaptive execution runs the partial aggregation as one) and, on a 1,000-row file,
 * seconds of planning and generated-code compiling for a pass that reads 36 kB (BENCHMARKS.md "Read: one pass").
 *
 * <p>The text rows are read without the null text, so that its cells are told from empty ones (null); every other
 * check takes both as missing. Columns are given by their index in the text rows. The regular expressions are
 * matched as Spark's {@code rlike} and {@code regexp_extract} match them (anywhere in the cell:
 * {@link Matcher#find()}).
 */
final class CellChecks implements Serializable {
  /** A zero-padded number: a zero followed by another digit (0.5 and 0 are not padded). */
  static final Pattern ZERO_PADDED = Pattern.compile("^\\s*[+-]?0[0-9]");
  /** The thousands separators of decimal-comma numbers: point, space, no-break space, narrow no-break space. */
  static final String GROUP_SEPARATORS = ". \u00A0\u202F";
  /**
   * A number with a decimal comma (or none): digits in groups of three after a separator, or ungrouped digits
   * with an optional exponent.
   */
  private static final Pattern COMMA_NUMBER = Pattern.compile("^\\s*[+-]?(?=[0-9]|,[0-9])([0-9]{1,3}(["
      + GROUP_SEPARATORS + "][0-9]{3})+(,[0-9]*)?|[0-9]*(,[0-9]*)?([eE][+-]?[0-9]+)?)\\s*$");
  /** The first thousands separator of a grouped number. */
  private static final Pattern GROUP = Pattern.compile("^\\s*[+-]?[0-9]{1,3}([" + GROUP_SEPARATORS + "])[0-9]{3}");
  /** The replacement character, which the decoder puts for bytes that are no character of the --encoding. */
  private static final UTF8String REPLACEMENT = UTF8String.fromString("\uFFFD");

  private final int[] padded;
  private final int[] spelt;
  private final int[] comma;
  private final int[] formed;
  /**
   * Per formed column: the index among the dressed columns of the same column, whose cells' form is read from their
   * plain text as the dress tally hands it on (text columns), or −1.
   */
  private final int[] undress;
  private final int[] dressed;
  private final boolean decimalComma;
  /** A backslash and the quote character, when the dialect escapes quotes otherwise (doubled); else null. */
  private final UTF8String backslashQuote;
  /** The --null-value text; "" when empty cells are the only missing ones. */
  private final UTF8String nullValue;
  /** The table's columns, the first cells of a text row; the next holds a malformed row's raw text. */
  private final int columns;
  /** The columns' names as read from the header. */
  private final UTF8String[] names;

  private long rows;
  private long malformedRows;
  /** The least (by code point, so the same whatever the partitioning) raw text of a malformed row; null: none. */
  private String malformedExample;
  /** Per column: missing cells written as the null text; {@code emptyCells} written empty. */
  private final long[] nullTextCells;
  private final long[] emptyCells;
  /** Per column: value cells written like the null text, letter for letter (NA beside US and FR). */
  private final long[] nullShapedCells;
  /** Per column: cells of white space only ({@link BlankCells#isBlank}). */
  private final long[] blankCells;
  /** Per formed column: present cells, blank ones aside, that are no number. */
  private final long[] textCells;
  /**
   * Per formed column: number cells that keep a text column text, codes ({@link BlankCells#keepsText}: 01234, whole
   * numbers beyond a long).
   */
  private final long[] codeCells;
  /** Cells and malformed rows holding {@code backslashQuote}; {@code backslashQuoteExample} the least of them. */
  private long backslashQuotes;
  private String backslashQuoteExample;
  /** Per column: cells holding the replacement character; {@code undecodedExample} the least of them. */
  private final long[] undecodedCells;
  private final String[] undecodedExample;
  /** Per column: cells that are the column's name. */
  private final long[] nameCells;
  private final long[] paddedCells;
  private final long[] speltCells;
  /** Per comma column: whether every non-missing cell is a decimal-comma number (null: no such cell). */
  private final Boolean[] allCommaNumbers;
  /** Per comma column: the greatest first thousands separator ("" for an ungrouped cell; null: no cell). */
  private final String[] grouping;
  /** Per comma column: whether a cell holds a comma (null: no cell). */
  private final Boolean[] anyComma;
  private final NumberForm.Tally[] forms;
  private final NumberDress.Tally[] dresses;
  private final long[] offsetTimeCells;

  /**
   * Empty checks: zero padding in the columns {@code padded}, spelling of booleans in {@code spelt},
   * decimal-comma numbers in {@code comma}, number forms in {@code formed} (indices into the text rows; a formed
   * column that is also {@code dressed} is read undressed), dressed numbers and ISO date-times with an offset
   * ({@link MinuteOffsetTimes#is}) in {@code dressed} (the text columns), the missing cells of
   * each of the text rows' first cells, one per name of {@code names}, empty or {@code nullValue}, and (when there
   * are names) malformed rows' raw text in the cell after them; cells holding a backslash before {@code quote}
   * when {@code quoteDoubled} (the dialect's escape is the quote itself).
   */
  CellChecks(int[] padded, int[] spelt, int[] comma, int[] formed, int[] dressed, boolean decimalComma,
      String nullValue, String[] names, String quote, boolean quoteDoubled) {
    columns = names.length;
    this.names = Arrays.stream(names).map(UTF8String::fromString).toArray(UTF8String[]::new);
    this.nullValue = UTF8String.fromString(nullValue);
    nullTextCells = new long[columns];
    emptyCells = new long[columns];
    nullShapedCells = new long[columns];
    blankCells = new long[columns];
    backslashQuote = quoteDoubled ? UTF8String.fromString("\\" + quote) : null;
    undecodedCells = new long[columns];
    undecodedExample = new String[columns];
    nameCells = new long[columns];
    this.padded = padded;
    this.spelt = spelt;
    this.comma = comma;
    this.formed = formed;
    this.dressed = dressed;
    this.decimalComma = decimalComma;
    undress = new int[formed.length];
    for (int k = 0; k < formed.length; k++) {
      int column = formed[k];
      undress[k] = IntStream.range(0, dressed.length).filter(d -> dressed[d] == column).findFirst().orElse(-1);
    }
    paddedCells = new long[padded.length];
    speltCells = new long[spelt.length];
    textCells = new long[formed.length];
    codeCells = new long[formed.length];
    allCommaNumbers = new Boolean[comma.length];
    grouping = new String[comma.length];
    anyComma = new Boolean[comma.length];
    forms = new NumberForm.Tally[formed.length];
    Arrays.setAll(forms, k -> new NumberForm.Tally());
    dresses = new NumberDress.Tally[dressed.length];
    Arrays.setAll(dresses, k -> new NumberDress.Tally(decimalComma));
    offsetTimeCells = new long[dressed.length];
  }

  /** These checks tallied over every row of {@code text} (a CSV read with every column as text). */
  CellChecks over(Dataset<Row> text) {
    JavaRDD<InternalRow> rows = JavaRDD.fromRDD(text.queryExecution().toRdd(),
        ClassTag$.MODULE$.apply(InternalRow.class));
    return rows.aggregate(this, CellChecks::add, CellChecks::merge);
  }

  /** The checks with one row's cells added. */
  private CellChecks add(InternalRow row) {
    rows++;
    String raw = columns == 0 || row.isNullAt(columns) ? null : row.getUTF8String(columns).toString();
    if (raw != null) {
      malformedRows++;
      malformedExample = least(malformedExample, raw);
      countBackslashQuote(row.getUTF8String(columns));
    }
    for (int c = 0; c < columns; c++) {
      if (row.isNullAt(c)) {
        emptyCells[c]++;
      } else if (isNullText(row, c)) {
        nullTextCells[c]++;
      } else {
        UTF8String cell = row.getUTF8String(c);
        blankCells[c] += BlankCells.isBlank(cell) ? 1 : 0;
        countBackslashQuote(cell);
        // Only a cell as long as the null text can be written like it: the others cost no string.
        nullShapedCells[c] += cell.numBytes() == nullValue.numBytes()
            && MissingText.shapedLike(cell.toString(), nullValue.toString()) ? 1 : 0;
        nameCells[c] += cell.equals(names[c]) ? 1 : 0;
        if (cell.contains(REPLACEMENT)) {
          undecodedCells[c]++;
          undecodedExample[c] = least(undecodedExample[c], cell.toString());
        }
      }
    }
    for (int k = 0; k < padded.length; k++) {
      String cell = cell(row, padded[k]);
      paddedCells[k] += cell != null && ZERO_PADDED.matcher(cell).find() ? 1 : 0;
    }
    for (int k = 0; k < spelt.length; k++) {
      String cell = cell(row, spelt[k]);
      speltCells[k] += cell != null && !cell.equals("true") && !cell.equals("false") ? 1 : 0;
    }
    for (int k = 0; k < comma.length; k++) {
      String cell = cell(row, comma[k]);
      if (cell != null) {
        allCommaNumbers[k] = both(allCommaNumbers[k], COMMA_NUMBER.matcher(cell).find());
        Matcher group = GROUP.matcher(cell);
        grouping[k] = greater(grouping[k], group.find() ? group.group(1) : "");
        anyComma[k] = either(anyComma[k], cell.contains(","));
      }
    }
    // Each dressed cell matched once: the tally hands back its undressed text for the number form below.
    String[] plain = new String[dressed.length];
    for (int k = 0; k < dressed.length; k++) {
      String cell = cell(row, dressed[k]);
      if (cell != null) {
        plain[k] = dresses[k].add(cell);
        offsetTimeCells[k] += MinuteOffsetTimes.is(cell) ? 1 : 0;
      }
    }
    for (int k = 0; k < formed.length; k++) {
      String cell = cell(row, formed[k]);
      // A dressed number's form is that of its digits and decimals, written plainly with a point.
      String undressed = undress[k] < 0 ? null : plain[undress[k]];
      var shape = cell == null ? null : undressed != null ? NumberForm.shape(undressed, false)
          : NumberForm.shape(cell, decimalComma);
      if (shape != null) {
        forms[k].add(shape);
      }
      textCells[k] += cell != null && shape == null ? 1 : 0;
      codeCells[k] += shape != null && BlankCells.keepsText(cell, shape) ? 1 : 0;
    }
    return this;
  }

  /** These checks with {@code other}'s rows added. */
  private CellChecks merge(CellChecks other) {
    rows += other.rows;
    malformedRows += other.malformedRows;
    malformedExample = least(malformedExample, other.malformedExample);
    backslashQuotes += other.backslashQuotes;
    backslashQuoteExample = least(backslashQuoteExample, other.backslashQuoteExample);
    for (int c = 0; c < columns; c++) {
      nullTextCells[c] += other.nullTextCells[c];
      emptyCells[c] += other.emptyCells[c];
      nullShapedCells[c] += other.nullShapedCells[c];
      blankCells[c] += other.blankCells[c];
      undecodedCells[c] += other.undecodedCells[c];
      undecodedExample[c] = least(undecodedExample[c], other.undecodedExample[c]);
      nameCells[c] += other.nameCells[c];
    }
    for (int k = 0; k < padded.length; k++) {
      paddedCells[k] += other.paddedCells[k];
    }
    for (int k = 0; k < spelt.length; k++) {
      speltCells[k] += other.speltCells[k];
    }
    for (int k = 0; k < comma.length; k++) {
      allCommaNumbers[k] = both(allCommaNumbers[k], other.allCommaNumbers[k]);
      grouping[k] = greater(grouping[k], other.grouping[k]);
      anyComma[k] = either(anyComma[k], other.anyComma[k]);
    }
    for (int k = 0; k < formed.length; k++) {
      forms[k].merge(other.forms[k]);
      textCells[k] += other.textCells[k];
      codeCells[k] += other.codeCells[k];
    }
    for (int k = 0; k < dressed.length; k++) {
      dresses[k].merge(other.dresses[k]);
    }
    for (int k = 0; k < dressed.length; k++) {
      offsetTimeCells[k] += other.offsetTimeCells[k];
    }
    return this;
  }

  /**
   * A cell's text, null when it is missing (empty or the null text) or blank: a column of numbers beside blank
   * cells is a number column whose blank cells are missing ({@link BlankCells}).
   */
  private String cell(InternalRow row, int column) {
    return row.isNullAt(column) || isNullText(row, column) || BlankCells.isBlank(row.getUTF8String(column)) ? null
        : row.getUTF8String(column).toString();
  }

  /** Counts a cell or malformed row's text holding a backslash before the quote, when the dialect doubles quotes. */
  private void countBackslashQuote(UTF8String text) {
    if (backslashQuote != null && text.contains(backslashQuote)) {
      backslashQuotes++;
      backslashQuoteExample = least(backslashQuoteExample, text.toString());
    }
  }

  /** Whether a present cell is the null text (compared as bytes: no string made per cell). */
  private boolean isNullText(InternalRow row, int column) {
    return nullValue.numBytes() > 0 && row.getUTF8String(column).equals(nullValue);
  }

  /** Both true (Spark's min of booleans), either null for none. */
  private static Boolean both(Boolean a, Boolean b) {
    return a == null ? b : b == null ? a : Boolean.valueOf(a && b);
  }

  /** Either true (Spark's max of booleans), either null for none. */
  private static Boolean either(Boolean a, Boolean b) {
    return a == null ? b : b == null ? a : Boolean.valueOf(a || b);
  }

  /** The greater of two texts by code point (as Spark's max of strings), either null for none. */
  static String greater(String a, String b) {
    return a == null ? b : b == null || a.compareTo(b) >= 0 ? a : b;
  }

  /** The lesser of two texts by code point, either null for none. */
  static String least(String a, String b) {
    return a == null ? b : b == null || a.compareTo(b) <= 0 ? a : b;
  }

  long rows() {
    return rows;
  }

  /** Rows whose number of fields is not the header's. */
  long malformedRows() {
    return malformedRows;
  }

  /** The raw text of one of them (the least by code point), null if none. */
  String malformedExample() {
    return malformedExample;
  }

  /** Missing cells of column c written as the null text. */
  long nullTextCells(int c) {
    return nullTextCells[c];
  }

  /** Missing cells of column c written empty. */
  long emptyCells(int c) {
    return emptyCells[c];
  }

  /** Column c's value cells written like the null text, letter for letter ({@link MissingText#shapedLike}). */
  long nullShapedCells(int c) {
    return nullShapedCells[c];
  }

  /** Cells of column c of white space only. */
  long blankCells(int c) {
    return blankCells[c];
  }

  /** Present cells of the k-th formed column, blank ones aside, that are no number. */
  long textCells(int k) {
    return textCells[k];
  }

  /** Number cells of the k-th formed column that are codes, which keep it text ({@link BlankCells#keepsText}). */
  long codeCells(int k) {
    return codeCells[k];
  }

  /** Cells and malformed rows holding a backslash before the quote, when the dialect doubles quotes. */
  long backslashQuotes() {
    return backslashQuotes;
  }

  /** The least of them by code point, null if none. */
  String backslashQuoteExample() {
    return backslashQuoteExample;
  }

  /** Cells of column c holding the replacement character U+FFFD. */
  long undecodedCells(int c) {
    return undecodedCells[c];
  }

  /** One of them (the least by code point), null if none. */
  String undecodedExample(int c) {
    return undecodedExample[c];
  }

  /** Cells of column c that are its name, as the header writes it. */
  long nameCells(int c) {
    return nameCells[c];
  }

  /** Cells of the k-th padded column that are zero-padded numbers. */
  long paddedCells(int k) {
    return paddedCells[k];
  }

  /** Non-missing cells of the k-th spelt column other than {@code true} and {@code false}. */
  long speltCells(int k) {
    return speltCells[k];
  }

  /** Whether the k-th comma column has values, all decimal-comma numbers. */
  boolean allCommaNumbers(int k) {
    return Boolean.TRUE.equals(allCommaNumbers[k]);
  }

  /** The k-th comma column's thousands separator ("" for none). */
  String grouping(int k) {
    return grouping[k] == null ? "" : grouping[k];
  }

  /** Whether a cell of the k-th comma column holds a comma. */
  boolean anyComma(int k) {
    return Boolean.TRUE.equals(anyComma[k]);
  }

  /** The k-th dressed column's cells as a tally, whose {@link NumberDress.Tally#dress} decides. */
  NumberDress.Tally dress(int k) {
    return dresses[k];
  }

  /** Cells of the k-th dressed (text) column that are ISO date-times with an offset ({@link MinuteOffsetTimes#is}). */
  long offsetTimeCells(int k) {
    return offsetTimeCells[k];
  }

  /** The form of the k-th formed column's cells, null for a column without numbers. */
  NumberForm form(int k) {
    return forms[k].shapes().form();
  }
}
