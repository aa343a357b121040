package org.cfdmspark.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import java.util.List;
import org.apache.spark.sql.types.Metadata;
import org.junit.jupiter.api.Test;

/** Numbers dressed for people: which columns are read as numbers, and how their values are written back. */
class NumberDressTest {

  private static NumberDress.Tally tally(boolean decimalComma, String... cells) {
    NumberDress.Tally tally = new NumberDress.Tally(decimalComma);
    for (String cell : cells) {
      tally.add(cell);
    }
    return tally;
  }

  private static NumberDress.Tally tally(String... cells) {
    return tally(false, cells);
  }

  /** A cell's plain text, as the read's tally hands it on. */
  private static String undressed(String cell, boolean decimalComma) {
    return new NumberDress.Tally(decimalComma).add(cell);
  }

  private static NumberDress point(String prefix, String suffix, String grouping, boolean signFirst, boolean plus) {
    return new NumberDress(prefix, suffix, grouping, signFirst, plus, false);
  }

  @Test
  void aColumnOfOneCurrencySignPercentSignOrThousandsIsDressed() {
    assertEquals(point("$", "", ",", true, false), tally("$2,273.21", "-$15.00", "$0.99").dress());
    assertEquals(point("", "%", "", true, false), tally("17.3%", "-2.5%", "0.0%").dress());
    assertEquals(point("", " %", "", true, false), tally("12 %", "7 %").dress());
    assertEquals(point("€ ", "", ",", false, false), tally("€ 1,500", "€ -20").dress(), "the sign after €");
    assertEquals(point("", " €", ",", true, false), tally("4,398.59 €", "12.00 €").dress(), "a currency sign after");
    assertEquals(point("", "", ",", true, false), tally("1,234,567", "12", "1,000").dress(), "two groups");
    assertEquals(point("", "", ",", true, false), tally("1,234.5", "17").dress(), "a group and a point");
    assertTrue(tally("12%", "7%").whole());
    assertFalse(tally("12.5%", "7%").whole());
  }

  @Test
  void withADecimalCommaTheGroupsAreSeparatedByAPointOrASpace() {
    assertEquals(new NumberDress("", " €", ".", true, false, true), tally(true, "1.629,09 €", "-4,50 €", "12 €").dress());
    assertEquals(new NumberDress("€ ", "", ".", true, false, true), tally(true, "€ 4.491,94", "€ 3").dress());
    assertEquals(new NumberDress("", " %", "", true, false, true), tally(true, "5,1 %", "12,0 %").dress());
    assertNull(tally(true, "1.234,5", "3,7").dress(), "grouped numbers without signs: the decimal-comma reader's");
    assertEquals("-1629.09", undressed("-1.629,09 €", true));
    assertEquals("1234567", undressed("1 234 567 €", true));
    assertEquals("1.629,09 €", new NumberDress("", " €", ".", true, false, true).dress("1629.09"));
    assertEquals("-1 234,5 %", new NumberDress("", " %", " ", true, false, true).dress("-1234.5"));
  }

  @Test
  void whereCellsMixTheWaysOfWritingOneFormTheMostCommonWayIsWritten() {
    assertEquals(point("", " %", "", true, false), tally("10.4 %", "10.6%", "3.0 %").dress(),
        "a space before % in two cells of three");
    assertEquals(point("", "%", "", true, true), tally("+0.6%", "-2.4%", "+1.0%", "0.0%", "0%", "3%").dress(),
        "a plus on two positive cells of three (zeros have none)");
    assertEquals(point("$", "", ",", true, false), tally("$34586.72", "$48,209.17", "$12,764.56", "$5.00").dress(),
        "commas in two of the three numbers of four digits or more");
    assertEquals(point("$", "", "", false, false), tally("$-8.71", "-$8.71", "$-1.00", "$1234.00").dress(),
        "the minus after $ in two of three");
  }

  @Test
  void mixedPlainAmbiguousOrPaddedColumnsAreNot() {
    assertNull(tally("$5", "€5").dress(), "two currencies");
    assertNull(tally("$5", "5").dress(), "a prefix on some cells only");
    assertNull(tally("5%", "late").dress(), "a word among them");
    assertNull(tally("12", "3.5").dress(), "plain numbers: Spark's to read");
    assertNull(tally("1,935", "935", "2,001").dress(), "1,935 may be 1.935 with a decimal comma");
    assertNull(tally("8,643%", "42%").dress(), "so may 8,643%");
    assertNull(tally("01,234", "02,345").dress(), "zero-padded codes");
    assertNull(tally().dress(), "no cells");
  }

  @Test
  void aDressedCellUndressesToItsSignDigitsAndDecimals() {
    assertEquals(List.of("-4803.45", "-15", "17.3", "1234567", "1500", "+2", "4398.59"),
        List.of(undressed("-$4,803.45", false), undressed("$-15", false),
            undressed(" 17.3 % ", false), undressed("1,234,567", false),
            undressed("€ 1,500", false), undressed("+2%", false),
            undressed("4,398.59 €", false)));
    assertNull(undressed("text", false));
  }

  @Test
  void aPlainNumberIsWrittenInTheDress() {
    NumberDress dollars = point("$", "", ",", true, false);
    assertEquals("$2,273.21", dollars.dress("2273.21"));
    assertEquals("-$4,803.45", dollars.dress("-4803.45"));
    assertEquals("$999", dollars.dress("999"));
    assertEquals("$1,000,000.5", dollars.dress("1000000.5"));
    assertEquals("€ -20", point("€ ", "", ",", false, false).dress("-20"));
    assertEquals("-2.5 %", point("", " %", "", true, false).dress("-2.5"));
    assertEquals("1234567%", point("", "%", "", true, false).dress("1234567"), "ungrouped as read");
    assertEquals("+0.6%", point("", "%", "", true, true).dress("0.6"), "a plus as read");
    assertEquals("-2.4%", point("", "%", "", true, true).dress("-2.4"));
    assertEquals("0%", point("", "%", "", true, true).dress("0"), "a zero has no sign");
    assertEquals("0.00%", point("", "%", "", true, true).dress("0.00"));
    assertEquals("$5.00E+05", dollars.dress("5.00E+05"), "a scientific value keeps its form");
  }

  @Test
  void theDressTravelsInTheColumnsMetadata() {
    NumberDress dress = new NumberDress("€ ", " %", ".", false, true, true);
    assertEquals(dress, NumberDress.of(dress.addTo(Metadata.empty())));
    assertNull(NumberDress.of(Metadata.empty()));
  }
}
