package org.cfdmspark.encoding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.Random;
import java.util.stream.LongStream;
import org.apache.spark.sql.types.DataTypes;
import org.cfdmspark.testkit.Stderr;
import org.junit.jupiter.api.Test;

/**
 * Days, months and years written as whole numbers, one row each (a daily or yearly table), are distinct and in a
 * sequence as keys are, but are no keys: as keys they came out as other numbers of their digits (a day 12260473, a
 * year 9726). Real ids stay keys. The values here are made with java.time, not with the code under test.
 */
class CalendarKeysTest {
  private static final ColumnFitter NUMBERS = new NumericFitter(NumericType.LONG, false, true, true, 0);

  @Test
  void oneRowPerDayWrittenYyyyMMddIsANumberWithTheNoteThatReadsItAsDates() throws Throwable {
    Object[] days = LongStream.range(0, 300).mapToObj(k -> (Object) Long.parseLong(LocalDate.of(2023, 1, 1)
        .plusDays(k).format(DateTimeFormatter.BASIC_ISO_DATE))).toArray();
    ColumnCodec[] codec = new ColumnCodec[1];
    String stderr = Stderr.of(() -> codec[0] = fitter().fit("day", days));
    assertInstanceOf(NumericColumnCodec.class, codec[0], "modelled, not a key");
    assertTrue(stderr.contains("read them as dates with --date day=yyyyMMdd"), stderr);
    // a warehouse's date key is a date too, whatever its name says
    assertInstanceOf(NumericColumnCodec.class, fitter().fit("date_key", days));
  }

  /**
   * Months are too sparse for a sequence (88 numbers from December to January); under an id-like name they were
   * keys, and are now the id-like name's categories, each sample a month of training.
   */
  @Test
  void oneRowPerMonthWrittenYyyyMMIsNoKeyEvenUnderAnIdLikeName() throws Throwable {
    Object[] months = LongStream.range(0, 60).mapToObj(k -> {
      YearMonth month = YearMonth.of(2019, 1).plusMonths(k);
      return (Object) (month.getYear() * 100L + month.getMonthValue());
    }).toArray();
    ColumnCodec[] codec = new ColumnCodec[1];
    String stderr = Stderr.of(() -> codec[0] = fitter().fit("period", months));
    assertInstanceOf(NumericColumnCodec.class, codec[0]);
    assertTrue(stderr.contains("read them as dates with --date period=yyyyMM"), stderr);
    assertInstanceOf(CategoricalColumnCodec.class, fitter().fit("period_key", months));
  }

  @Test
  void oneRowPerYearIsANumberWithANoteNamingKey() throws Throwable {
    Object[] years = LongStream.rangeClosed(1950, 2023).mapToObj(y -> (Object) y).toArray();
    ColumnCodec[] codec = new ColumnCodec[1];
    String stderr = Stderr.of(() -> codec[0] = fitter().fit("year", years));
    NumericColumnCodec numbers = assertInstanceOf(NumericColumnCodec.class, codec[0]);
    assertEquals(0, numbers.decimals(), "whole numbers");
    assertTrue(stderr.contains("column 'year'") && stderr.contains("1950–2023") && stderr.contains("--key year"),
        stderr);
  }

  @Test
  void idsStayKeys() {
    Object[] sequence = LongStream.rangeClosed(1, 500).mapToObj(v -> (Object) v).toArray();
    assertInstanceOf(KeyColumnCodec.class, fitter().fit("row", sequence), "1 … N");
    Object[] fromThousand = LongStream.rangeClosed(1001, 1500).mapToObj(v -> (Object) v).toArray();
    assertInstanceOf(KeyColumnCodec.class, fitter().fit("ticket", fromThousand), "four digits below the years");
    Object[] yearLike = LongStream.rangeClosed(1950, 2023).mapToObj(v -> (Object) v).toArray();
    assertInstanceOf(KeyColumnCodec.class, fitter().fit("customer_id", yearLike), "years under an id's name");
    Random random = new Random(5);
    Object[] large = random.longs(400, 10_000_000L, 99_999_999L).distinct().mapToObj(v -> (Object) v).toArray();
    assertInstanceOf(KeyColumnCodec.class, fitter().fit("order_no", large), "random 8-digit order numbers");
  }

  @Test
  void aDeclaredKeyOfDaysIsAKey() {
    Object[] days = LongStream.range(0, 100).mapToObj(k -> (Object) Long.parseLong(LocalDate.of(2023, 1, 1)
        .plusDays(k).format(DateTimeFormatter.BASIC_ISO_DATE))).toArray();
    assertInstanceOf(KeyColumnCodec.class, new KeyFitter(NUMBERS, DataTypes.LongType, true, 100).fit("day", days));
  }

  private static KeyFitter fitter() {
    return new KeyFitter(NUMBERS, DataTypes.LongType, false, 100);
  }
}
