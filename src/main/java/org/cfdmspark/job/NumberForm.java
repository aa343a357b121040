package org.cfdmspark.job;

import com.fasterxml.jackson.core.io.schubfach.DoubleToDecimal;
import java.io.Serializable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.MetadataBuilder;

/**
 * The text form of a CSV number column, which a double forgets: how many decimals plain values are written with,
 * whole values apart ({@code 12.50} and {@code 5.00}; {@code 34} beside {@code 39.1}; {@code 0.0} beside
 * {@code 0.010}) and which values are written in scientific notation, with how
 * many mantissa decimals and what exponent ({@code 5.00E+05}, {@code 2.418e-06}). The read finds it from the
 * cells' text ({@link Shapes}, tallied in the reader's one pass over the cells, {@link CellChecks}); it travels in the column's
 * metadata ({@link #KEY}), which a saved model keeps with its input schema, and CSV output writes every value of
 * the column in it ({@link #format}): the samples, the held-out rows and the reader/writer round trip.
 *
 * <p>Values are written from the shortest decimal that reads back as the double (Schubfach, via Jackson, since
 * Java 17's {@code Double.toString} is not always shortest), so a value written in its input's form reads back
 * as the same double; fixed decimals round (a sample 12.499 is written 12.50).
 *
 * @param wholeDecimals the decimals of a plain whole value (0: without a point, 34; 1: 41.0)
 * @param minDecimals the fewest decimals of a plain value with a fraction
 * @param maxDecimals the most: equal to minDecimals for fixed decimals (rounded to; a value that rounds to a
 *     whole one is written as one), {@link #SHORTEST} for as many as the value needs
 * @param scientific which values are written in scientific notation and how; null for none
 * @param plusSign whether a positive value is written with a + ({@code +1.5}), as most positive cells were
 */
record NumberForm(int wholeDecimals, int minDecimals, int maxDecimals, Scientific scientific, boolean plusSign)
    implements Serializable {
  /** Column metadata key of the form (a nested metadata). */
  static final String KEY = "cfdm.numberForm";
  /** {@link #maxDecimals} (and mantissa decimals) of a form with as many decimals as each value needs. */
  static final int SHORTEST = Integer.MAX_VALUE;

  /**
   * Scientific notation: {@code mantissa letter sign digits}, the mantissa in [1, 10).
   *
   * @param letter "e" or "E"
   * @param plus whether a non-negative exponent is written with a +
   * @param exponentDigits the exponent's digits at least (zero-padded: e-06 is 2)
   * @param minMantissa the fewest decimals of the mantissa
   * @param maxMantissa the most, equal to minMantissa when fixed ({@link #SHORTEST} for as many as needed)
   * @param always whether every value is written so; else those with an exponent in [fromExponent, toExponent]
   *     and at most maxSignificant significant digits (the scientific cells of a column that mixes forms)
   * @param fromExponent see always
   * @param toExponent see always
   * @param maxSignificant see always
   */
  record Scientific(String letter, boolean plus, int exponentDigits, int minMantissa, int maxMantissa,
      boolean always, int fromExponent, int toExponent, int maxSignificant) implements Serializable {

    boolean writes(BigDecimal stripped) {
      return always || stripped.signum() != 0 && exponent(stripped) >= fromExponent
          && exponent(stripped) <= toExponent && stripped.precision() <= maxSignificant;
    }

    String format(BigDecimal stripped) {
      int exponent = stripped.signum() == 0 ? 0 : exponent(stripped);
      BigDecimal mantissa = scaled(stripped.movePointLeft(exponent), minMantissa, maxMantissa);
      if (mantissa.abs().compareTo(BigDecimal.TEN) >= 0) { // 9.996e-06 with two decimals: 1.00e-05
        exponent++;
        mantissa = scaled(stripped.movePointLeft(exponent), minMantissa, maxMantissa);
      }
      String digits = Integer.toString(Math.abs(exponent));
      return mantissa.toPlainString() + letter + (exponent < 0 ? "-" : plus ? "+" : "")
          + "0".repeat(Math.max(0, exponentDigits - digits.length())) + digits;
    }
  }

  /** A form without a + on positive values. */
  NumberForm(int wholeDecimals, int minDecimals, int maxDecimals, Scientific scientific) {
    this(wholeDecimals, minDecimals, maxDecimals, scientific, false);
  }

  /** A form of plain values only (see {@link NumberForm}). */
  static NumberForm plain(int wholeDecimals, int minDecimals, int maxDecimals) {
    return new NumberForm(wholeDecimals, minDecimals, maxDecimals, null);
  }

  /**
   * The value's text in this form; NaN and the infinities as Java writes them (Spark reads those back).
   */
  String format(double value) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      return Double.toString(value);
    }
    BigDecimal stripped = new BigDecimal(DoubleToDecimal.toString(value)).stripTrailingZeros();
    String text = scientific != null && scientific.writes(stripped) ? scientific.format(stripped) : plain(stripped);
    boolean negativeZero = value == 0 && Double.doubleToRawLongBits(value) != 0; // -0.0 (a BigDecimal has no sign)
    return negativeZero && !text.startsWith("-") ? "-" + text : plusSign && value > 0 ? "+" + text : text;
  }

  /** A value written plain: whole with {@link #wholeDecimals}, else with [minDecimals, maxDecimals]. */
  private String plain(BigDecimal stripped) {
    BigDecimal fractional = stripped.scale() <= 0 ? stripped : scaled(stripped, minDecimals, maxDecimals);
    // a value rounded to a whole one (41.98 with one decimal) is written as a whole one: 42
    return (fractional.stripTrailingZeros().scale() <= 0
        ? fractional.setScale(wholeDecimals, RoundingMode.UNNECESSARY) : fractional).toPlainString();
  }

  /** {@code stripped} with decimals in [min, max]: fixed when min == max (rounded), else as many as it needs. */
  private static BigDecimal scaled(BigDecimal stripped, int min, int max) {
    int needed = Math.max(0, stripped.scale());
    return stripped.setScale(min == max ? min : Math.max(min, Math.min(max, needed)), RoundingMode.HALF_EVEN);
  }

  /** The decimal exponent of a non-zero number: 5 for 5.00E+05, -6 for 0.0000024. */
  private static int exponent(BigDecimal stripped) {
    return stripped.precision() - stripped.scale() - 1;
  }

  /** The form in a column's metadata, null when it has none (a Parquet input, a model saved before forms). */
  static NumberForm of(Metadata metadata) {
    if (!metadata.contains(KEY)) {
      return null;
    }
    Metadata form = metadata.getMetadata(KEY);
    Scientific scientific = !form.contains("letter") ? null : new Scientific(form.getString("letter"),
        form.getBoolean("plus"), (int) form.getLong("exponentDigits"), (int) form.getLong("minMantissa"),
        (int) form.getLong("maxMantissa"), form.getBoolean("always"), (int) form.getLong("fromExponent"),
        (int) form.getLong("toExponent"), (int) form.getLong("maxSignificant"));
    // Forms saved before the sign was kept have no plusSign: no + then, as they wrote.
    return new NumberForm((int) form.getLong("wholeDecimals"), (int) form.getLong("minDecimals"),
        (int) form.getLong("maxDecimals"), scientific, form.contains("plusSign") && form.getBoolean("plusSign"));
  }

  /** {@code metadata} with this form under {@link #KEY}. */
  Metadata addTo(Metadata metadata) {
    MetadataBuilder form = new MetadataBuilder().putLong("wholeDecimals", wholeDecimals)
        .putLong("minDecimals", minDecimals)
        .putLong("maxDecimals", maxDecimals);
    if (plusSign) {
      form.putBoolean("plusSign", true);
    }
    if (scientific != null) {
      form.putString("letter", scientific.letter()).putBoolean("plus", scientific.plus())
          .putLong("exponentDigits", scientific.exponentDigits()).putLong("minMantissa", scientific.minMantissa())
          .putLong("maxMantissa", scientific.maxMantissa()).putBoolean("always", scientific.always())
          .putLong("fromExponent", scientific.fromExponent()).putLong("toExponent", scientific.toExponent())
          .putLong("maxSignificant", scientific.maxSignificant());
    }
    return new MetadataBuilder().withMetadata(metadata).putMetadata(KEY, form.build()).build();
  }

  /** A decimal-comma number's thousands separators (see {@link TableReader}): point, spaces. */
  private static final Pattern GROUPED = Pattern.compile("\\s*[+-]?[0-9]{1,3}([. \u00A0\u202F][0-9]{3})+\\s*");
  private static final Pattern SEPARATORS = Pattern.compile("[. \u00A0\u202F]");
  /** Exponent digits beyond which a text is no double's (and its exponent would overflow an int). */
  private static final int EXPONENT_DIGITS = 6;

  /**
   * The shape of a number's text, which {@link Tally#add} reads: (scientific, decimals of a plain value or of a
   * scientific value's mantissa, the exponent's letter is E, a non-negative exponent has a + (null for a negative
   * one), exponent digits, the value's decimal exponent (null for zero), its significant digits (0 for zero), the
   * decimals it needs written plain, whether a positive value is written with a + (null for zero and negative
   * values)); null for a text that is not a number. With a decimal comma, a comma is the
   * point and thousands separators are dropped (1.234.567,5; 1 234).
   */
  static Row shape(String text, boolean decimalComma) {
    if (text == null) {
      return null;
    }
    String number = text.strip();
    if (decimalComma) {
      boolean grouped = number.contains(",") || GROUPED.matcher(number).matches();
      number = (grouped ? SEPARATORS.matcher(number).replaceAll("") : number).replace(',', '.');
    }
    // A scan rather than a regular expression and a BigDecimal: it runs once per cell of every number column
    // in the read's aggregation. sign? digits* (. digits*)? ([eE] [+-]? digits+)?
    int n = number.length();
    int at = n > 0 && (number.charAt(0) == '+' || number.charAt(0) == '-') ? 1 : 0;
    int digitsFrom = at;
    at = digitsEnd(number, at);
    int point = at - digitsFrom; // digits before the point
    int decimals = 0;
    if (at < n && number.charAt(at) == '.') {
      int fractionFrom = at + 1;
      at = digitsEnd(number, fractionFrom);
      decimals = at - fractionFrom;
    }
    if (point + decimals == 0) {
      return null;
    }
    Character letter = null;
    Boolean plus = null;
    int exponentDigits = 0;
    int exponent = 0;
    if (at < n && (number.charAt(at) == 'e' || number.charAt(at) == 'E')) {
      letter = number.charAt(at++);
      char sign = at < n ? number.charAt(at) : ' ';
      at += sign == '+' || sign == '-' ? 1 : 0;
      int exponentFrom = at;
      at = digitsEnd(number, at);
      exponentDigits = at - exponentFrom;
      if (exponentDigits == 0 || exponentDigits > EXPONENT_DIGITS) {
        return null;
      }
      exponent = Integer.parseInt(number, exponentFrom, at, 10) * (sign == '-' ? -1 : 1);
      plus = exponent < 0 || sign == '-' ? null : sign == '+';
    }
    if (at != n) {
      return null;
    }
    // the first and last non-zero digits, counted over the digits without the point
    int first = -1;
    int last = -1;
    for (int k = 0; k < point + decimals; k++) {
      char c = number.charAt(digitsFrom + k + (k >= point ? 1 : 0));
      if (c != '0') {
        first = first < 0 ? k : first;
        last = k;
      }
    }
    boolean zero = first < 0;
    char sign = n > 0 ? number.charAt(0) : ' ';
    return RowFactory.create(letter != null, decimals, letter == null ? null : letter == 'E', plus,
        letter == null ? null : exponentDigits, zero ? null : point - 1 - first + exponent,
        zero ? 0 : last - first + 1, zero ? 0 : Math.max(0, last - point + 1 - exponent),
        zero || sign == '-' ? null : sign == '+');
  }

  /** Where the digits of {@code text} from {@code at} end. */
  private static int digitsEnd(String text, int at) {
    int end = at;
    while (end < text.length() && text.charAt(end) >= '0' && text.charAt(end) <= '9') {
      end++;
    }
    return end;
  }

  /** A column's cells' {@link #shape}s, tallied cell by cell into its {@link Shapes}. */
  public static final class Tally implements Serializable { // public: Spark's encoder of it asks
    private long plain;
    private long scientific;
    private long upper;
    private long plus;
    private long nonNegative;
    /** Positive cells, and those written with a +. */
    private long positive;
    private long plusSigned;
    private Integer wholeDecimals;
    private Integer minDecimals;
    private Integer maxDecimals;
    private Integer minMantissa;
    private Integer maxMantissa;
    private Integer exponentDigits;
    private Integer from;
    private Integer to;
    private Integer significant;
    private Integer needed;
    /** Each non-zero plain cell's exponent and significant digits: exponent * 64 + digits. */
    private final Set<Long> plainShapes = new HashSet<>();

    /** Tallies one cell's shape. */
    Tally add(Row shape) {
      int decimals = shape.getInt(1);
      if (!shape.isNullAt(8)) {
        positive++;
        plusSigned += shape.getBoolean(8) ? 1 : 0;
      }
      if (!shape.getBoolean(0)) {
        plain++;
        if (!shape.isNullAt(5)) {
          plainShapes.add(shape.getInt(5) * 64L + shape.getInt(6));
        }
        if (shape.getInt(7) == 0) {
          wholeDecimals = least(wholeDecimals, decimals);
        } else {
          minDecimals = least(minDecimals, decimals);
          maxDecimals = most(maxDecimals, decimals);
        }
        return this;
      }
      scientific++;
      upper += shape.getBoolean(2) ? 1 : 0;
      plus += !shape.isNullAt(3) && shape.getBoolean(3) ? 1 : 0;
      nonNegative += shape.isNullAt(3) ? 0 : 1;
      minMantissa = least(minMantissa, decimals);
      maxMantissa = most(maxMantissa, decimals);
      exponentDigits = least(exponentDigits, shape.getInt(4));
      if (!shape.isNullAt(5)) {
        from = least(from, shape.getInt(5));
        to = most(to, shape.getInt(5));
      }
      significant = most(significant, shape.getInt(6));
      needed = most(needed, shape.getInt(7));
      return this;
    }

    /** This tally with {@code other}'s cells added. */
    Tally merge(Tally other) {
      plain += other.plain;
      scientific += other.scientific;
      upper += other.upper;
      plus += other.plus;
      nonNegative += other.nonNegative;
      positive += other.positive;
      plusSigned += other.plusSigned;
      wholeDecimals = least(wholeDecimals, other.wholeDecimals);
      minDecimals = least(minDecimals, other.minDecimals);
      maxDecimals = most(maxDecimals, other.maxDecimals);
      minMantissa = least(minMantissa, other.minMantissa);
      maxMantissa = most(maxMantissa, other.maxMantissa);
      exponentDigits = least(exponentDigits, other.exponentDigits);
      from = least(from, other.from);
      to = most(to, other.to);
      significant = most(significant, other.significant);
      needed = most(needed, other.needed);
      plainShapes.addAll(other.plainShapes);
      return this;
    }

    Shapes shapes() {
      List<Row> shapes = plainShapes.stream().map(key -> RowFactory.create((int) Math.floorDiv(key, 64L),
          (int) Math.floorMod(key, 64L))).toList();
      return new Shapes(plain, scientific, wholeDecimals, minDecimals, maxDecimals, minMantissa, maxMantissa, upper,
          plus, nonNegative, exponentDigits, from, to, significant, needed, shapes, positive, plusSigned);
    }

    private static Integer least(Integer a, Integer b) {
      return a == null ? b : b == null ? a : Integer.valueOf(Math.min(a, b));
    }

    private static Integer most(Integer a, Integer b) {
      return a == null ? b : b == null ? a : Integer.valueOf(Math.max(a, b));
    }
  }

  /**
   * What a column's cells' shapes say, tallied over the column ({@link Tally}), and the form that writes them.
   *
   * @param plainCells cells written plain; {@code scientificCells} in scientific notation
   * @param wholeDecimals the fewest decimals of a plain cell with a whole value, null for none
   * @param minDecimals the fewest decimals of a plain cell with a fraction, null for none; {@code maxDecimals} the
   *     most
   * @param minMantissa the fewest mantissa decimals of a scientific cell; {@code maxMantissa} the most
   * @param upperCells scientific cells with an E
   * @param plusCells scientific cells with a non-negative exponent written with +; {@code nonNegativeCells} all
   *     those with a non-negative exponent
   * @param exponentDigits the fewest exponent digits of a scientific cell
   * @param fromExponent the least exponent of a non-zero scientific cell's value; {@code toExponent} the greatest
   * @param maxSignificant the most significant digits of a scientific cell's value
   * @param scientificNeeded the most decimals a scientific cell's value needs written plain
   * @param plainShapes each non-zero plain cell's (exponent, significant digits), distinct
   * @param positiveCells cells of a positive value; {@code plusSignedCells} those written with a +
   */
  record Shapes(long plainCells, long scientificCells, Integer wholeDecimals, Integer minDecimals,
      Integer maxDecimals,
      Integer minMantissa, Integer maxMantissa, long upperCells, long plusCells, long nonNegativeCells,
      Integer exponentDigits, Integer fromExponent, Integer toExponent, Integer maxSignificant,
      Integer scientificNeeded, List<Row> plainShapes, long positiveCells, long plusSignedCells) {
    /**
     * The form that writes every cell as it is, or, when that takes more than these rules can say, the form
     * that writes most cells as they are and every value unchanged; null for a column without number cells:
     * <ul>
     *   <li>plain cells only: whole values with the fewest decimals of the whole cells (34 beside 39.1; 41.0;
     *       20000; 0.0 beside 0.010), or, without whole cells, those of the others (at least one); the others with
     *       fixed decimals when all have the same number (12.50; 0.010), else at least the fewest and otherwise as
     *       many as each value needs (-122.3 beside -122.23); a column of whole cells only rounds a sample to a
     *       whole value;</li>
     *   <li>scientific cells only: the same for the mantissa (2.418e-06; 4.435e-09 beside 3e-09), with the
     *       cells' exponent letter, + (when no cell has a non-negative exponent: a +, as C's printf writes) and
     *       fewest exponent digits;</li>
     *   <li>both: scientific for the values whose exponent and significant digits are within those of the
     *       scientific cells (5.00E+05 beside 20000 and 110000) when no plain cell is within them; otherwise the
     *       form of the majority for all, its decimals widened to as many as needed where fixed ones would
     *       round a minority cell.</li>
     * </ul>
     * Positive values take a + when more than half of the positive cells have one (a change of +1.5 beside -0.3).
     */
    NumberForm form() {
      NumberForm form = unsignedForm();
      return form == null || 2 * plusSignedCells <= positiveCells ? form : new NumberForm(form.wholeDecimals(),
          form.minDecimals(), form.maxDecimals(), form.scientific(), true);
    }

    private NumberForm unsignedForm() {
      if (plainCells == 0 && scientificCells == 0) {
        return null;
      }
      if (scientificCells == 0) {
        return plainForm(false);
      }
      if (plainCells == 0) {
        return new NumberForm(0, 0, SHORTEST, scientific(true, false));
      }
      boolean separable = fromExponent != null && plainShapes.stream().noneMatch(s -> s.getInt(0) >= fromExponent
          && s.getInt(0) <= toExponent && s.getInt(1) <= maxSignificant);
      if (separable) {
        NumberForm plain = plainForm(false);
        return new NumberForm(plain.wholeDecimals(), plain.minDecimals(), plain.maxDecimals(),
            scientific(false, false));
      }
      return plainCells >= scientificCells ? plainForm(scientificNeeded > (maxDecimals == null ? 0 : maxDecimals))
          : new NumberForm(0, 0, SHORTEST, scientific(true, plainShapes.stream()
              .anyMatch(s -> s.getInt(1) - 1 > maxMantissa)));
    }

    private NumberForm plainForm(boolean widened) {
      if (minDecimals == null) { // whole cells only: a sample rounded to a whole value too
        return plain(wholeDecimals, 0, widened ? SHORTEST : 0);
      }
      return plain(wholeDecimals != null ? wholeDecimals : Math.max(1, minDecimals), minDecimals,
          widened || !minDecimals.equals(maxDecimals) ? SHORTEST : maxDecimals);
    }

    private Scientific scientific(boolean always, boolean widened) {
      return new Scientific(upperCells * 2 >= scientificCells ? "E" : "e", nonNegativeCells == 0
          || plusCells * 2 >= nonNegativeCells, exponentDigits, minMantissa,
          widened || !minMantissa.equals(maxMantissa) ? SHORTEST : maxMantissa, always,
          fromExponent == null ? 0 : fromExponent, toExponent == null ? 0 : toExponent,
          maxSignificant == null ? 0 : maxSignificant);
    }
  }
}
