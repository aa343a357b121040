package org.cfdmspark.encoding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import java.util.LinkedHashSet;
import java.util.Set;
import org.apache.spark.sql.types.DataTypes;
import org.cfdmspark.config.BadInputException;
import org.cfdmspark.testkit.Stderr;
import org.junit.jupiter.api.Test;

/**
 * The note a categorical column gets when its values look like numbers or dates the reader did not take, and the
 * warning one of distinct names or free text gets.
 */
class CategoricalFitterTest {

  private static Set<Object> values(String format, int count) {
    Set<Object> values = new LinkedHashSet<>();
    for (int i = 0; i < count; i++) {
      values.add(String.format(java.util.Locale.ROOT, format, i + 1.5));
    }
    return values;
  }

  @Test
  void aManyValuedColumnOfUnreadNumbersIsNotedAndTiersAreNot() {
    // dollar amounts with accounting negatives among them: the parentheses break the reader's form
    Set<Object> fees = values("$%.2f", 25);
    fees.addAll(values("($%.2f)", 6));
    String note = CategoricalFitter.note("fee", fees, false);
    assertTrue(note != null && note.startsWith("note: column 'fee' is modelled as 31 categories (each sample takes "
        + "one of its training values), but they look like numbers") && note.contains("'($1.50)' is not"), note);
    assertEquals(1, note.lines().count(), note);
    assertNull(CategoricalFitter.note("fee", fees, true), "declared categorical: no note");
    assertNull(CategoricalFitter.note("tier", values("%.0f%%", 5), false), "five tiers: labels, no note");
    assertNull(CategoricalFitter.note("city", Set.of("Oslo", "Lima", "Pune", "Kyiv", "Baku", "Doha", "Riga", "Bern",
        "Kiev", "Oran", "Nice", "Graz", "Linz", "Nuuk", "Suva", "Apia", "Male", "Lome", "Dili", "Aden"), false),
        "words: no note");
  }

  /** 30 full names, "Ann Berg" … : first names and surnames crossed, each pair once. */
  private static Object[] names(int count) {
    String[] first = {"Ann", "Ben", "Cai", "Dee", "Eva", "Finn"};
    String[] last = {"Berg", "Costa", "Khan", "Mori", "Novak"};
    Object[] names = new Object[count];
    for (int i = 0; i < count; i++) {
      names[i] = first[i % first.length] + " " + last[i / first.length % last.length];
    }
    return names;
  }

  @Test
  void aColumnOfDistinctNamesIsWarnedOfAndPastTheLimitNotToldToRaiseIt() throws Throwable {
    String err = Stderr.of(() -> new CategoricalFitter(DataTypes.StringType, false, 200).fit("full name",
        names(30)));
    assertTrue(err.startsWith("warning: column 'full name' holds a different text in each of its 30 rows")
        && err.contains("--exclude 'full name'") && err.contains("--key 'full name'"), err);
    BadInputException refused = assertThrows(BadInputException.class,
        () -> new CategoricalFitter(DataTypes.StringType, false, 10).fit("full name", names(30)));
    assertTrue(refused.getMessage().contains("every value is distinct"), refused.getMessage());
    assertFalse(refused.getMessage().contains("raise --max-categories"), "raising it would copy names: "
        + refused.getMessage());
    Object[] repeated = names(30);
    repeated[29] = repeated[0];
    assertEquals("", Stderr.of(() -> new CategoricalFitter(DataTypes.StringType, false, 200).fit("full name",
        repeated)), "a name twice: not every row's own");
  }

  /** {@code count} distinct decimal numbers as text (a number column Spark left text), then {@code others}. */
  private static Object[] numbersAnd(int count, String... others) {
    Object[] cells = new Object[count + others.length];
    for (int i = 0; i < count; i++) {
      cells[i] = String.format(java.util.Locale.ROOT, "%.2f", 10 + i * 0.37);
    }
    System.arraycopy(others, 0, cells, count, others.length);
    return cells;
  }

  private static String refusal(CategoricalFitter fitter, String column, Object[] cells) {
    return assertThrows(BadInputException.class, () -> fitter.fit(column, cells)).getMessage();
  }

  @Test
  void blankTextAmongNumbersIsNotAdvisedAsANullValue() {
    // --null-value '   ' is trimmed to nothing: advising it sent the user round in a circle.
    CategoricalFitter fitter = new CategoricalFitter(DataTypes.StringType, false, 200);
    for (String blank : new String[] {"   ", "\t", " "}) {
      String message = refusal(fitter, "a", numbersAnd(30, blank, blank));
      assertTrue(message.contains("holds numbers but also text such as '" + blank + "'")
          && message.contains("write them empty in the file") && !message.contains("--null-value"), message);
    }
    assertTrue(refusal(fitter, "a", numbersAnd(30, "?", "?")).contains("--null-value '?'"));
  }

  @Test
  void infinityAndNanSpeltAsSparkDoesNotReadThemAreRefusedAsInANumberColumn() {
    CategoricalFitter fitter = new CategoricalFitter(DataTypes.StringType, false, 200);
    for (String spelling : new String[] {"inf", "-inf", "+Inf", "infinity", "-Infinity", "∞", "nan", "1.#INF"}) {
      String message = refusal(fitter, "z", numbersAnd(40, spelling, null, spelling));
      assertTrue(message.startsWith("column 'z' holds NaN or Infinity in 2 of 43 rows (written '" + spelling + "')")
          && message.contains("--null-value") && message.contains("--exclude z"), message);
    }
    // Two spellings: one --null-value cannot mark both, so the message does not offer it alone.
    String two = refusal(fitter, "z", numbersAnd(40, "inf", "-inf"));
    assertTrue(two.contains("'inf', '-inf'") && two.contains("write them as one text"), two);
    // Past --max-categories the infinities are the problem named, not the number of values.
    String many = refusal(new CategoricalFitter(DataTypes.StringType, false, 10), "z", numbersAnd(40, "inf"));
    assertTrue(many.contains("holds NaN or Infinity") && !many.contains("--max-categories"), many);
    assertEquals(41, ((CategoricalColumnCodec) new CategoricalFitter(DataTypes.StringType, true, 200)
        .fit("z", numbersAnd(40, "inf"))).levels().length, "declared categorical: taken as it is");
  }

  @Test
  void distinctNumbersWithOneInfinityAreRefusedNotTakenForAKey() {
    // All 41 values distinct and without spaces: once taken for a text key, drawn digit by digit.
    KeyFitter fitter = new KeyFitter(new CategoricalFitter(DataTypes.StringType, false, 200), DataTypes.StringType,
        false, 200);
    String message = assertThrows(BadInputException.class, () -> fitter.fit("z", numbersAnd(40, "∞")))
        .getMessage();
    assertTrue(message.startsWith("column 'z' holds NaN or Infinity in 1 of 41 rows (written '∞')"), message);
  }

  @Test
  void accountingNegativesAreNamedAsSuchWithTheirMinusForm() {
    CategoricalFitter fitter = new CategoricalFitter(DataTypes.StringType, false, 200);
    String message = refusal(fitter, "balance", numbersAnd(30, "(788)", "(12.50)", "( $1,234.50 )"));
    assertTrue(message.contains("column 'balance' holds numbers, 3 of its 33 in parentheses")
        && message.contains("'(788)'") && message.contains("(-788)") && message.contains("--categorical balance")
        && !message.contains("--null-value"), message);
    // Past --max-categories, and mostly negatives: the same refusal.
    String many = refusal(new CategoricalFitter(DataTypes.StringType, false, 10), "balance",
        numbersAnd(2, "(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)", "(8)", "(9)", "(10)", "(11)", "(12)"));
    assertTrue(many.contains("in parentheses") && !many.contains("--max-categories"), many);
  }

  /** {@code count} distinct five-digit codes from {@code first} on, then the first again: a repeat. */
  private static Object[] codes(int first, int count) {
    Object[] cells = new Object[count + 1];
    for (int i = 0; i < count; i++) {
      cells[i] = String.format(java.util.Locale.ROOT, "%05d", first + 37 * i);
    }
    cells[count] = cells[0];
    return cells;
  }

  @Test
  void manyCodesWithLeadingZerosAreToldTheLimitTheyNeedAndWhatAKeyNeeds() {
    CategoricalFitter fitter = new CategoricalFitter(DataTypes.StringType, false, 200);
    String message = refusal(fitter, "zip", codes(501, 399));
    assertTrue(message.startsWith("column 'zip' has 399 distinct values, more than --max-categories 200; they look "
        + "like codes (5 digits, with leading zeros, such as '00501')") && message.contains("--max-categories 399")
        && message.contains("--key zip") && message.contains("(399 values in 400 rows)"), message);
    assertFalse(refusal(fitter, "amount", codes(10_000, 399)).contains("codes"), "no leading zero: amounts?");
    Object[] lengths = codes(501, 399);
    lengths[5] = "123456";
    assertFalse(refusal(fitter, "zip", lengths).contains("codes"), "digits of several lengths");
  }
}
