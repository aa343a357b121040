package org.cfdmspark.encoding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The fix a refused many-valued text column is told when its values are dates, decimal-comma numbers, numbers
 * formatted for reading or durations.
 */
class ManyValuesHintTest {

  @Test
  void datesGetTheDateOptionWithTheirPattern() {
    assertTrue(ManyValuesHint.of("visit_us", List.of("04/12/2022", "09/17/2020", "08/22/2020"))
        .endsWith("read them as dates with --date visit_us=MM/dd/yyyy"), "a second field above 12: month first");
    assertTrue(ManyValuesHint.of("visit", List.of("15.3.2021", "4.12.2022", "1.1.2020"))
        .endsWith("--date visit=d.M.yyyy"), "a first field above 12: day first; one digit somewhere: one letter");
    assertTrue(ManyValuesHint.of("visit", List.of("2021-03-15", "2022-11-02"))
        .endsWith("--date visit=yyyy-MM-dd"), "the year first");
    assertTrue(ManyValuesHint.of("visit", List.of("03/04/21", "05/06/21"))
        .endsWith("--date visit=dd/MM/yy (or visit=MM/dd/yy)"), "day and month cannot be told apart: both orders");
    assertTrue(ManyValuesHint.of("US date", List.of("04/12/2022", "09/17/2020", "08/22/2020"))
        .endsWith("--date 'US date=MM/dd/yyyy'"), "a name with a space: one shell word");
  }

  @Test
  void datesWithTheMonthsNameGetTheirPattern() {
    assertTrue(ManyValuesHint.of("signed", List.of("06-May-2023", "25-Dec-2021", "01-Jan-2022"))
        .endsWith("read them as dates with --date signed=dd-MMM-yyyy"));
    assertTrue(ManyValuesHint.of("signed", List.of("16 September 2023", "6 March 2021"))
        .endsWith("--date 'signed=d MMMM yyyy'"), "full names; one digit in a day: d, which reads two as well");
    assertNull(ManyValuesHint.of("code", List.of("06-Mab-2023", "25-Xyz-2021")), "no month has these names");
  }

  @Test
  void datesInTwoFormsAreToldSoNotGivenOnePatternForBoth() {
    String hint = ManyValuesHint.of("d", List.of("2022-03-01", "2022-05-17", "2021-11-30", "01/06/2022"));
    assertTrue(hint.startsWith("they look like dates, but in more than one form (such as '2022-03-01' and "
        + "'01/06/2022')"), hint);
    assertFalse(hint.contains("--date d="), "no one pattern reads both: " + hint);
    assertTrue(ManyValuesHint.of("d", List.of("01/03/2022", "17.05.2022")).contains("more than one form"),
        "the same order, another separator");
  }

  @Test
  void timestampsGetTheDateOptionWithTheirPattern() {
    String hint = ManyValuesHint.of("ship_eu", List.of("13/09/2022 16:23", "10/03/2021 05:45", "20/05/2022 04:58"));
    assertTrue(hint.startsWith("they look like timestamps (such as '13/09/2022 16:23')"), hint);
    assertTrue(hint.endsWith("read them as timestamps with --date 'ship_eu=dd/MM/yyyy HH:mm'"), hint);
    assertTrue(ManyValuesHint.of("ts", List.of("20240202 0345", "20241130 2359", "20240715 1200"))
        .endsWith("--date 'ts=yyyyMMdd HHmm'"), "compact, a space between date and time");
    assertTrue(ManyValuesHint.of("ts", List.of("20240202T03:45:10", "20241130T23:59:59"))
        .endsWith("--date \"ts=yyyyMMdd'T'HH:mm:ss\""), "compact, a T and colons: double quotes");
    assertNull(ManyValuesHint.of("code", List.of("20241399 0345", "20241340 9999")), "no month 13 nor hour 99");
    assertTrue(ManyValuesHint.of("at", List.of("03/04/21 10:00", "05/06/21 11:30"))
        .endsWith("--date 'at=dd/MM/yy HH:mm' (or 'at=MM/dd/yy HH:mm')"), "both orders, each quoted");
  }

  @Test
  void timestampsOnATwelveHourClockGetItsPattern() {
    // A new user's column (02/18/2024 10:05 PM) was told it might be an id: hh is the hour 1-12, a the AM or PM.
    String hint = ManyValuesHint.of("when", List.of("02/18/2024 10:05 PM", "10/05/2024 01:57 AM",
        "12/31/2024 12:00 PM"));
    assertTrue(hint.endsWith("read them as timestamps with --date 'when=MM/dd/yyyy hh:mm a'"), hint);
    assertTrue(ManyValuesHint.of("at", List.of("2024-03-18 9:05:10pm", "2024-11-30 10:15:00am"))
        .endsWith("--date 'at=yyyy-MM-dd h:mm:ssa'"), "no space before the marker, single-digit hours");
    assertTrue(ManyValuesHint.of("at", List.of("2024-03-18 21:05", "2024-11-30 10:15"))
        .endsWith("--date 'at=yyyy-MM-dd HH:mm'"), "no marker: the 24-hour clock");
    // A time alone: a new user's appointment slots (05:32 pm) were told they might be an id.
    String slot = ManyValuesHint.of("slot", List.of("05:32 pm", "11:05 am", "07:40 pm"));
    assertTrue(slot.startsWith("they look like times of day on a 12-hour clock (such as '05:32 pm')")
        && slot.endsWith("--date 'slot=hh:mm a'"), slot);
    assertTrue(ManyValuesHint.of("slot", List.of("5:32:10PM", "11:05:00AM")).endsWith("--date slot=h:mm:ssa"), "no space: no quotes");
  }

  @Test
  void decimalCommaNumbersGetTheDecimalCommaOption() {
    assertEquals("they look like numbers with a decimal comma (such as '1.507,14'): read them as numbers with "
        + "--decimal-comma", ManyValuesHint.of("preis", List.of("1.507,14", "904,41", "-4 847,59", "12")));
  }

  @Test
  void numbersFormattedForReadingInSeveralFormsAreToldToBeWrittenInOne() {
    // (the reader reads a column of one form as numbers: these reach the hint when their forms differ)
    String money = ManyValuesHint.of("amount", List.of("$2,273.21", "$612.63", "-$4,803.45", "€15"));
    assertEquals("they look like numbers formatted for reading (such as '$2,273.21'), but the reader takes such a "
        + "column as numbers only when every value is in one form — the same currency sign before the digits or "
        + "percent sign after them, commas between groups of three, no parentheses or leading zeros — and '€15' "
        + "stands beside '$2,273.21': write them so, or plainly (2273.21), to model them as numbers", money);
    assertTrue(ManyValuesHint.of("balance", List.of("4,222.71", "1,000.50", "(2,274.23)"))
        .contains("and '(2,274.23)' is not: "), "an accounting negative is named");
    assertTrue(ManyValuesHint.of("rate", List.of("17.3%", "3.3%", "0.1 %")).contains("(such as '17.3%')"));
    assertTrue(ManyValuesHint.of("qty", List.of("1,935", "935", "12,345,678")).contains("(such as '12,345,678')"),
        "two groups: thousands, not a decimal comma");
    assertTrue(ManyValuesHint.of("paid", List.of("1,234.50", "17.25")).startsWith("they look like numbers formatted"),
        "a group before a decimal point");
  }

  @Test
  void formattedNumbersWithADecimalCommaAreToldTheDecimalCommaNotToBeWrittenPlainly() {
    // Written plainly without the comma, € 8,00 would be 800: 100 times the amount.
    String euros = ManyValuesHint.of("price", List.of("€ 15,37", "€ 8,00", "€ 9,5", "12"));
    assertEquals("they look like numbers formatted for reading with a decimal comma (such as '€ 15,37'): read them "
        + "as numbers with --decimal-comma true", euros);
    assertTrue(ManyValuesHint.of("share", List.of("5,1 %", "12,75%", "3 %")).endsWith("--decimal-comma true"),
        "percents too");
    assertFalse(ManyValuesHint.of("amount", List.of("$2,273.21", "$15,37", "$1,000")).contains("--decimal-comma"),
        "a point or a group of three beside them: thousands separators");
  }

  @Test
  void aLoneGroupAfterACommaIsToldBothReadings() {
    // 1,935 reads as 1.935 with --decimal-comma: the hint must not send a thousands column there alone.
    assertEquals("they look like numbers with a thousands separator or a decimal comma (such as '1,935'): if the "
        + "comma separates thousands, write them without it to model them as numbers; if it is a decimal comma, read "
        + "them with --decimal-comma", ManyValuesHint.of("qty", List.of("1,935", "1,597", "1,091", "935")));
    assertTrue(ManyValuesHint.of("preis", List.of("1,935", "904,41", "7,5")).endsWith("read them as numbers with "
        + "--decimal-comma"), "other decimal commas beside it decide");
    assertTrue(ManyValuesHint.of("growth", List.of("8,643%", "4,019%", "42%")).startsWith("they look like numbers "
        + "with a thousands separator or a decimal comma (such as '8,643%')"), "percents too");
  }

  @Test
  void durationsOfADayOrMoreAreToldToBeNumbers() {
    assertEquals("they look like durations, some of 24 hours or more (such as '27:10:00'), which are no time of "
        + "day: write them as a number (of seconds or minutes) to model them as one",
        ManyValuesHint.of("duration", List.of("00:59:26", "27:10:00", "01:21:00", "120:00")));
    assertNull(ManyValuesHint.of("at", List.of("08:30", "17:45")), "clock times only: read as times, no hint");
  }

  @Test
  void idsFreeTextAndAMinorityOfDatesGetNoHint() {
    assertNull(ManyValuesHint.of("id", List.of("customer-1", "customer-2", "customer-3")));
    assertNull(ManyValuesHint.of("note", List.of("late again", "03/15/2021", "see 1,5")), "one date of three");
    assertNull(ManyValuesHint.of("version", List.of("1.2.3", "10.20.300")), "not a year first or last");
    assertNull(ManyValuesHint.of("n", List.of(1, 2, 3)), "not text");
  }
}
