package org.cfdmspark.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.Metadata;
import org.junit.jupiter.api.Test;

/**
 * The text forms of number columns, as the test tables write them: each column of cells gives a form that
 * writes every cell back as it was (and so as the same double), or, for a column that mixes forms beyond the
 * rules, the majority's form with every value unchanged.
 */
class NumberFormTest {

  /** The form of these cells, tallied as the reader's aggregate tallies them (in two halves, merged). */
  private static NumberForm formOf(boolean decimalComma, String... cells) {
    NumberForm.Tally first = new NumberForm.Tally();
    NumberForm.Tally second = new NumberForm.Tally();
    for (int k = 0; k < cells.length; k++) {
      Row shape = NumberForm.shape(cells[k], decimalComma);
      if (shape != null) {
        (k % 2 == 0 ? first : second).add(shape);
      }
    }
    return first.merge(second).shapes().form();
  }

  /** Each cell as its column's form writes the double Spark parses from it. */
  private static List<String> written(NumberForm form, String... cells) {
    return List.of(cells).stream().map(cell -> form.format(Double.parseDouble(cell))).toList();
  }

  private static void assertWrittenAsRead(String... cells) {
    assertEquals(List.of(cells), written(formOf(false, cells), cells));
  }

  @Test
  void plainFormsComeBackAsTheyWere() {
    assertWrittenAsRead("12.50", "5.00", "3.75", "1200.00"); // money: fixed decimals
    assertWrittenAsRead("41.0", "452600.0", "12345678.0"); // a whole column with .0 (not 1.2345678E7)
    assertWrittenAsRead("39.1", "34", "42", "18.7"); // penguins: whole values without a point
    assertWrittenAsRead("20000", "110000", "-109"); // whole numbers in a fractional column
    assertWrittenAsRead("-0.0", "0.0", "0.008", "-0.014", "0.010"); // case 18's delta: zeros apart
    assertWrittenAsRead("-122.23", "-122.3", "-121.0", "37.88"); // california: shortest, at least one
    assertWrittenAsRead("0.9153571895987431", "1.063423232239679", "1.0695392646732"); // shortest digits
    assertWrittenAsRead("12.50", "3.125", "7.25"); // at least two decimals, else as needed
  }

  @Test
  void positiveValuesKeepTheirPlusWhenMostHaveOne() {
    assertWrittenAsRead("+1.5", "-0.3", "+0.25", "0.0", "+12.75"); // a change: + on every positive value
    assertWrittenAsRead("+2.5e-03", "-1.5e-03", "+7.0e-04"); // and on a scientific mantissa
    assertEquals(List.of("1.5", "-0.3", "2.25"), written(formOf(false, "+1.5", "-0.3", "2.25", "3.5"), "1.5", "-0.3",
        "2.25"), "one + in three positive cells: the majority writes none");
    NumberForm signed = formOf(false, "+1.5", "-0.3");
    assertEquals(signed, NumberForm.of(signed.addTo(Metadata.empty())), "kept in the column's metadata");
  }

  @Test
  void scientificFormsComeBackAsTheyWere() {
    assertWrittenAsRead("2.418e-06", "9.100e-07", "1.000e-05"); // case 18's p_value: three mantissa decimals
    assertWrittenAsRead("4.435e-09", "1.8e-09", "1.38e-09", "3e-09"); // conc_mol: shortest mantissa
    assertWrittenAsRead("5.00E+05", "1.00E+05", "2.50E+05"); // upper case, + and two digits
    assertWrittenAsRead("1.5E3", "2E-4", "7.25E12"); // unpadded exponent, no +
  }

  @Test
  void aColumnMixingPlainAndScientificKeepsBothWhereTheyAreSeparable() {
    // credit default's LIMIT_BAL: multiples of 100,000 written 5.00E+05 beside plain 20000 and 110000
    assertWrittenAsRead("20000", "5.00E+05", "110000", "1.00E+05", "780000", "-165580", "3.00E+05");
    NumberForm form = formOf(false, "20000", "5.00E+05", "110000");
    assertEquals("4.00E+05", form.format(400000)); // a sampled value in that range and precision
    assertEquals("230000", form.format(230000));
    assertEquals("1234567", form.format(1234567.4)); // plain cells are whole: so is a sample
  }

  @Test
  void aColumnMixingFormsBeyondTheRulesTakesTheMajoritysAndKeepsEveryValue() {
    // 1.0E5 is within the scientific cells' exponent and digits, but written plain: not separable
    String[] cells = {"100000", "1.00E+05", "250000", "123456", "1.50E+05"};
    NumberForm form = formOf(false, cells);
    assertEquals(List.of("100000", "100000", "250000", "123456", "150000"), written(form, cells));
    // 0.10 is within the scientific cell's exponent and digits; fixed decimals of the plain majority would round
    // the scientific cell: as many as it needs
    String[] money = {"12.50", "3.70", "0.10", "2.55e-01"};
    assertEquals(List.of("12.50", "3.70", "0.10", "0.255"), written(formOf(false, money), money));
  }

  @Test
  void decimalCommaNumbersAreShapedWithTheCommaAsThePoint() {
    NumberForm form = formOf(true, "1.918,97", "3,70", "1 234,50");
    assertEquals(NumberForm.plain(2, 2, 2), form);
    assertEquals("1234.50", form.format(1234.5)); // the dialect puts the comma and grouping back
  }

  @Test
  void fixedFormsRoundSamplesToTheirDigits() {
    assertEquals("12.35", NumberForm.plain(2, 2, 2).format(12.3456));
    NumberForm penguins = formOf(false, "39.1", "34");
    assertEquals("42", penguins.format(41.98)); // rounded to a whole value: written as the whole ones
    assertEquals("42.1", penguins.format(42.06));
    NumberForm pValue = formOf(false, "2.418e-06", "9.100e-07");
    assertEquals("9.996e-06", pValue.format(9.99649e-6));
    assertEquals("1.000e-05", pValue.format(9.99996e-6)); // rounding up carries into the exponent
  }

  @Test
  void theFormTravelsInTheColumnsMetadataAndIsAbsentFromOlderOnes() {
    for (String[] cells : new String[][] {{"12.50"}, {"34", "39.1"}, {"20000", "5.00E+05"}, {"3e-09", "1.8e-09"}}) {
      NumberForm form = formOf(false, cells);
      assertEquals(form, NumberForm.of(form.addTo(Metadata.empty())));
    }
    assertNull(NumberForm.of(Metadata.empty()));
    assertNull(formOf(false, "NaN", "n/a"));
  }
}
