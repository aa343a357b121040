package org.cfdmspark.encoding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Whole numbers that are all yyyyMMdd dates get the note that reads them as dates; others get none. */
class CompactDateHintTest {
  private static final long ORIGIN = 20_221_201L;

  /** {@code count} distinct yyyyMMdd days every 9 days from 2022-12-01, as offsets from {@link #ORIGIN}, sorted. */
  private static double[] days(int count) {
    return IntStream.range(0, count).mapToDouble(k -> Long.parseLong(LocalDate.of(2022, 12, 1).plusDays(9L * k)
        .format(DateTimeFormatter.BASIC_ISO_DATE)) - ORIGIN).toArray();
  }

  @Test
  void datesAcrossMonthEndsAndYearsGetTheNote() {
    String note = CompactDateHint.of("visit day", ORIGIN, days(60));
    // The middle value, the 31st: 2022-12-01 plus 270 days.
    assertEquals("note: column 'visit day' holds whole numbers that are all dates written yyyyMMdd (such as "
        + "20230828); as numbers, a sample can be a day that does not exist: read them as dates with --date "
        + "'visit day=yyyyMMdd'", note);
  }

  @Test
  void oneNumberThatIsNoDayMeansNoNote() {
    double[] values = days(60);
    values[59] = 20_240_230L - ORIGIN; // February 30th
    assertNull(CompactDateHint.of("visit", ORIGIN, values));
    double[] month13 = days(60);
    month13[59] = 20_241_301L - ORIGIN;
    assertNull(CompactDateHint.of("visit", ORIGIN, month13));
  }

  @Test
  void monthsWrittenYyyyMMGetTheNoteWithTheirPattern() {
    long origin = 201_901L;
    // 60 months from January 2019: 201901 … 202312, as offsets from the first; the middle one, the 31st, July 2021
    double[] months = IntStream.range(0, 60).mapToDouble(k -> (2019 + k / 12) * 100L + k % 12 + 1 - origin)
        .toArray();
    assertEquals("note: column 'period' holds whole numbers that are all months written yyyyMM (such as 202107); as "
        + "numbers, a sample can be a month that does not exist: read them as dates with --date period=yyyyMM",
        CompactDateHint.of("period", origin, months));
    months[59] = 202_313L - origin; // month 13
    assertNull(CompactDateHint.of("period", origin, months));
  }

  @Test
  void fewValuesDecodeToTheirOwnAndNeedNoNote() {
    assertNull(CompactDateHint.of("visit", ORIGIN, days(CompactDateHint.MIN_VALUES - 1)));
  }
}
