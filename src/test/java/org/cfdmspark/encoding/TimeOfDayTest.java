package org.cfdmspark.encoding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A timestamp's time of day has a slot of its own, so barycentres keep the input's hours: averaging timestamps
 * alone hands a mix of 09:00 on one day and 16:00 three days later the 02:30 between them.
 */
class TimeOfDayTest {
  private static final Instant START = Instant.parse("2024-01-01T00:00:00Z");

  @Test
  void barycentresOfBusinessHoursStayInBusinessHours() {
    Object[] cells = times(400, 3, 8 * 60, 18 * 60); // 08:00-17:59, whole minutes, over a year
    NumericColumnCodec codec = fit(cells);
    assertNotNull(codec.timeOfDay());
    assertEquals(2, codec.width(), "the value slot and the time of day");
    Random random = new Random(9);
    for (int pair = 0; pair < 2000; pair++) {
      LocalTime time = time(codec.decode(barycentre(codec, cells[random.nextInt(cells.length)],
          cells[random.nextInt(cells.length)], random.nextDouble()), 0, random.nextLong()));
      assertTrue(!time.isBefore(LocalTime.of(8, 0)) && time.isBefore(LocalTime.of(18, 0)), time.toString());
    }
    // Without the slot, the same pairs leave the window: the test can fail.
    NumericColumnCodec alone = withoutTimeOfDay(codec);
    int outside = 0;
    for (int pair = 0; pair < 2000; pair++) {
      LocalTime time = time(alone.decode(barycentre(alone, cells[random.nextInt(cells.length)],
          cells[random.nextInt(cells.length)], random.nextDouble()), 0, random.nextLong()));
      outside += time.isBefore(LocalTime.of(8, 0)) || !time.isBefore(LocalTime.of(18, 0)) ? 1 : 0;
    }
    assertTrue(outside > 500, outside + " of 2000 outside 08-18 without the slot");
  }

  @Test
  void aNightShiftAcrossMidnightIsOneWindow() {
    Object[] cells = times(400, 5, 22 * 60, 30 * 60); // 22:00-05:59, past midnight
    NumericColumnCodec codec = fit(cells);
    // The day is cut in the middle of the widest gap of the times, 05:59-22:00, at the column's grain: 13:59.
    assertEquals((13 * 60 + 59) * 60_000_000L, codec.timeOfDay().cut());
    Random random = new Random(4);
    for (int pair = 0; pair < 2000; pair++) {
      LocalTime time = time(codec.decode(barycentre(codec, cells[random.nextInt(cells.length)],
          cells[random.nextInt(cells.length)], random.nextDouble()), 0, random.nextLong()));
      assertTrue(!time.isBefore(LocalTime.of(22, 0)) || time.isBefore(LocalTime.of(6, 0)), time.toString());
    }
  }

  @Test
  void quarterHoursDecodeToQuarterHoursAndTrainingRowsToThemselves() {
    Object[] cells = new Object[300];
    Random random = new Random(8);
    for (int i = 0; i < cells.length; i++) {
      cells[i] = Timestamp.from(START.plusSeconds(900L * random.nextInt(365 * 96)));
    }
    NumericColumnCodec codec = (NumericColumnCodec) CodecJson.fromJson(CodecJson.toJson(
        new TableCodec(List.of(fit(cells)), cells.length))).columns().get(0); // as a saved model reads it
    assertEquals(900_000_000L, codec.grain());
    for (int pair = 0; pair < 1000; pair++) {
      Object cell = codec.decode(barycentre(codec, cells[random.nextInt(cells.length)],
          cells[random.nextInt(cells.length)], random.nextDouble()), 0, random.nextLong());
      assertEquals(0, time(cell).getMinute() % 15, cell.toString());
    }
    for (Object cell : cells) {
      assertEquals(cell, codec.decode(barycentre(codec, cell, cell, 0.5), 0, 0L));
    }
  }

  @Test
  void timestampsAtOneTimeOfDayStayAtItAndThoseWithinOneDayHaveNoSlot() {
    Object[] midnights = new Object[100];
    Object[] oneDay = new Object[100];
    Random random = new Random(2);
    for (int i = 0; i < midnights.length; i++) {
      // 23:00 UTC: midnight in a zone an hour ahead, what a session in that zone hands the codec
      midnights[i] = Timestamp.from(START.plusSeconds(86_400L * random.nextInt(365) - 3600));
      oneDay[i] = Timestamp.from(START.plusSeconds(600L * i));
    }
    NumericColumnCodec codec = fit(midnights);
    for (int pair = 0; pair < 500; pair++) {
      Object cell = codec.decode(barycentre(codec, midnights[random.nextInt(100)], midnights[random.nextInt(100)],
          random.nextDouble()), 0, random.nextLong());
      assertEquals(LocalTime.of(23, 0), time(cell), cell.toString()); // not any whole hour between two
    }
    assertNull(fit(oneDay).timeOfDay());
    assertEquals(1, fit(oneDay).width());
  }

  /** {@code n} timestamps over a year at random whole minutes, {@code from} to {@code to} minutes after midnight. */
  private static Object[] times(int n, long seed, int from, int to) {
    Random random = new Random(seed);
    Object[] cells = new Object[n];
    for (int i = 0; i < n; i++) {
      cells[i] = Timestamp.from(START.plusSeconds(86_400L * random.nextInt(365)
          + 60L * (from + random.nextInt(to - from))));
    }
    return cells;
  }

  private static NumericColumnCodec fit(Object[] cells) {
    return (NumericColumnCodec) new NumericFitter(NumericType.TIMESTAMP, false, false, false, 0).fit("at", cells);
  }

  /** The encoded point w·a + (1 − w)·b, as a sample that mixes two rows is. */
  private static double[] barycentre(NumericColumnCodec codec, Object a, Object b, double w) {
    float[] x = new float[codec.width()];
    float[] y = new float[codec.width()];
    codec.encode(a, x, 0);
    codec.encode(b, y, 0);
    double[] z = new double[x.length];
    for (int k = 0; k < z.length; k++) {
      z[k] = w * x[k] + (1 - w) * y[k];
    }
    return z;
  }

  private static NumericColumnCodec withoutTimeOfDay(NumericColumnCodec c) {
    return new NumericColumnCodec(c.name(), c.type(), c.mean(), c.sd(), c.min(), c.max(), c.decimals(), c.levels(),
        c.masses(), c.hasMissing(), c.digits(), c.origin(), c.negativeZero(), c.declaredType(), c.quantiles(),
        c.probabilities(), c.finalNoise(), c.draw(), c.grain());
  }

  private static LocalTime time(Object cell) {
    return ((Timestamp) cell).toInstant().atOffset(ZoneOffset.UTC).toLocalTime();
  }
}
