package org.cfdmspark.encoding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Decoded values keep their column's grain, rounded to the nearest. Timestamps: a float32 encoding of a 2020-2022
 * timestamp is only good to about a second, and a decoded 16:22:59.4 written in a pattern of minutes would read
 * 16:22. Whole numbers written in round steps (25 g, 10,000) stay in them.
 */
class GrainTest {
  private static final Instant START = Instant.parse("2020-01-01T00:00:00Z");
  private static final long THREE_YEARS_OF_MINUTES = 3L * 365 * 24 * 60;

  @Test
  void wholeMinutesOverThreeYearsComeBackExactlyThroughTheFloatEncoding() {
    Object[] cells = minutes(1000, 7);
    for (boolean normalScores : new boolean[] {true, false}) {
      // as a saved model reads it back: the grain travels with the codec
      NumericColumnCodec codec = (NumericColumnCodec) CodecJson.fromJson(CodecJson.toJson(
          new TableCodec(List.of(fit(cells, normalScores)), cells.length))).columns().get(0);
      for (Object cell : cells) {
        float[] encoded = new float[codec.width()];
        codec.encode(cell, encoded, 0);
        double[] z = new double[encoded.length];
        for (int k = 0; k < z.length; k++) {
          z[k] = encoded[k];
        }
        assertEquals(cell, codec.decode(z, 0, 0L), "normal scores " + normalScores);
      }
    }
  }

  @Test
  void aDecodedTimeJustBelowAWholeUnitRoundsUpToIt() {
    NumericColumnCodec minutes = fit(minutes(200, 11), false);
    Instant minute = START.plusSeconds(60 * THREE_YEARS_OF_MINUTES / 2); // inside the column's range
    for (double below : new double[] {0.4, 1, 29}) {
      assertEquals(Timestamp.from(minute), decodeAt(minutes, minute, below), below + " s before a whole minute");
    }
    assertEquals(Timestamp.from(minute.minusSeconds(60)), decodeAt(minutes, minute, 31),
        "31 s before a whole minute is nearer the one before");

    Object[] seconds = new Object[200];
    Random random = new Random(5);
    for (int i = 0; i < seconds.length; i++) {
      seconds[i] = Timestamp.from(START.plusSeconds(random.nextInt(3 * 365 * 86_400)));
    }
    Instant second = START.plusSeconds(86_400L * 365 + 98_765);
    assertEquals(Timestamp.from(second), decodeAt(fit(seconds, false), second, 0.001),
        "1 ms before a whole second, on a column of whole seconds");
  }

  @Test
  void wholeNumbersWrittenInRoundStepsDecodeToThoseSteps() {
    // body masses in 25 g (3,750, 3,800, 3,325 …) and credit limits in 10,000s: decoded values keep the step
    Random random = new Random(3);
    for (long step : new long[] {25, 10_000}) {
      Object[] cells = new Object[300];
      for (int i = 0; i < cells.length; i++) {
        cells[i] = step * (100 + random.nextInt(80));
      }
      NumericColumnCodec codec = (NumericColumnCodec) new NumericFitter(NumericType.LONG, false, true, true, 0)
          .fit("amount", cells);
      assertEquals(step, codec.grain());
      for (int k = 0; k < 200; k++) {
        long value = (Long) codec.decode(new double[] {random.nextGaussian()}, 0, 0L);
        assertEquals(0, value % step, value + " on a column written in steps of " + step);
      }
    }
    Object[] ones = new Object[300];
    for (int i = 0; i < ones.length; i++) {
      ones[i] = 25L * (100 + random.nextInt(80)) + (i == 7 ? 1 : 0); // one value off the step
    }
    assertEquals(1, ((NumericColumnCodec) new NumericFitter(NumericType.LONG, false, true, true, 0)
        .fit("amount", ones)).grain());
  }

  @Test
  void wholeAmountsWrittenWithDecimalsKeepTheirRoundStep() {
    // loan amounts in 25s written 19225.00: read as doubles, all whole
    Random random = new Random(4);
    Object[] cells = new Object[300];
    for (int i = 0; i < cells.length; i++) {
      cells[i] = 25.0 * (100 + random.nextInt(400));
    }
    NumericColumnCodec codec = (NumericColumnCodec) new NumericFitter(NumericType.DOUBLE, false, true, true, 0.2)
        .fit("amount", cells);
    assertEquals(25, codec.grain());
    for (int k = 0; k < 200; k++) {
      double value = (Double) codec.decode(new double[] {random.nextGaussian()}, 0, k);
      assertEquals(0, value % 25, value + " on a column of whole amounts in steps of 25");
    }
    cells[3] = 2500.5; // one amount with cents: the column's decimals decide, no step
    assertEquals(0, ((NumericColumnCodec) new NumericFitter(NumericType.DOUBLE, false, true, true, 0.2)
        .fit("amount", cells)).grain());
  }

  /**
   * The column's decoding of the standardised value of {@code seconds} before {@code at}, in double precision, and
   * of its time of day in the time-of-day slot (a column of random times over three years has one).
   */
  private static Object decodeAt(NumericColumnCodec codec, Instant at, double seconds) {
    double micros = at.getEpochSecond() * 1e6 - seconds * 1e6;
    NumericColumnCodec times = codec.timeOfDay().times();
    double time = Math.floorMod(at.getEpochSecond() * 1_000_000L - codec.timeOfDay().cut(), TimeOfDay.DAY)
        - seconds * 1e6;
    return codec.decode(new double[] {(micros - codec.origin() - codec.mean()) / codec.scale(),
        (time - times.origin() - times.mean()) / times.scale()}, 0, 0L);
  }

  /** {@code n} distinct-enough random whole minutes of 2020-2022 as timestamps. */
  private static Object[] minutes(int n, long seed) {
    Random random = new Random(seed);
    Object[] cells = new Object[n];
    for (int i = 0; i < n; i++) {
      cells[i] = Timestamp.from(START.plusSeconds(60 * (long) random.nextInt((int) THREE_YEARS_OF_MINUTES)));
    }
    return cells;
  }

  private static NumericColumnCodec fit(Object[] cells, boolean normalScores) {
    return (NumericColumnCodec) new NumericFitter(NumericType.TIMESTAMP, false, false, normalScores, 0)
        .fit("at", cells);
  }
}
