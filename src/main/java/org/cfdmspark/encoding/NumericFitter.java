package org.cfdmspark.encoding;

import java.util.Arrays;
import java.util.List;
import org.cfdmspark.config.Notices;

/**
 * Fits a number column: mean and population standard deviation (a single row or a constant column gives 0, not
 * NaN), range, how many cells are missing, how many are NaN or infinite (refused: they are not values a model
 * can reproduce), how many decimals and significant digits the values have (decoded values are rounded to as many,
 * {@link DecimalDigits}), whether its zeros are −0.0, and, for columns of few distinct values, those values:
 * whole-number columns of at most {@value #CODE_LEVELS} values become categorical, other columns of few values snap
 * to them ({@link NumericColumnCodec#MAX_LEVELS}). Columns with more values than that get their point masses
 * (values held by at least {@value #MASS_SHARE} of the present cells, see {@link NumericColumnCodec}); with normal
 * scores, the quantile knots of the values other than those masses ({@link NormalScores}). All of it is exact, from
 * the sorted values.
 */
record NumericFitter(NumericType type, boolean declaredInteger, boolean pointMasses, boolean normalScores,
    double finalNoise) implements ColumnFitter {
  /** Whole-number columns with at most this many distinct values are modelled as categories. */
  static final int CODE_LEVELS = 16;
  /** The share of a column's present cells that one value must hold to be a point mass. */
  static final double MASS_SHARE = 0.05;
  /**
   * The fewest cells a point mass holds: on a table of under 200 rows a value of two or three rows is no spike of
   * the distribution (on a 20-row table every value holds 5 %).
   */
  static final int MASS_ROWS = 10;
  /**
   * A timestamp column's candidate grains in microseconds, coarsest first, each a whole number of the next (the
   * search steps down the list): an hour, half an hour, a quarter hour, 5 minutes, a minute, a second, a ms.
   */
  /**
   * A whole-number column's candidate grains, coarsest first: round steps that amounts are written in (credit
   * limits in 10,000s, incomes in 100s, body masses in 25 g). The coarsest that every value is a multiple of is the
   * column's grain, so that decoded values are too; 1 when none is.
   */
  private static final long[] ROUND_GRAINS = {1_000_000, 500_000, 250_000, 100_000, 50_000, 25_000, 10_000, 5_000,
      2_500, 1_000, 500, 250, 100, 50, 25, 10, 5, 2};
  private static final long[] TIMESTAMP_GRAINS = {3_600_000_000L, 1_800_000_000L, 900_000_000L, 300_000_000L,
      60_000_000L, 1_000_000L, 1_000L, 1L};

  @Override
  public ColumnCodec fit(String column, Object[] cells) {
    long rows = cells.length;
    int present = 0;
    long nonFinite = 0;
    for (Object cell : cells) {
      if (cell != null) {
        present++;
        nonFinite += type.integral() || Double.isFinite(((Number) cell).doubleValue()) ? 0 : 1;
      }
    }
    if (nonFinite > 0) {
      throw NonFiniteText.refusal(column, nonFinite, rows, List.of());
    }
    if (present == 0) {
      throw ColumnFitter.noValues(column);
    }
    // Whole numbers as offsets from their minimum: exact in a double however large the values are.
    long origin = type.integral() ? smallestWhole(cells) : 0;
    double[] values = new double[present]; // in row order, for the sums
    long[] timestamps = type.timestamp() ? new long[present] : null; // microseconds since the epoch
    int maxScale = Integer.MIN_VALUE;
    int maxPrecision = 0;
    long zeros = 0;
    long negativeZeros = 0;
    int grain = 0; // the coarsest of TIMESTAMP_GRAINS that every timestamp is a whole number of so far
    int at = 0;
    for (Object cell : cells) {
      if (cell == null) {
        continue;
      }
      if (type.integral()) {
        long whole = type.whole(cell);
        if (timestamps != null) {
          timestamps[at] = whole;
        }
        values[at++] = whole - origin;
        while (type.timestamp() && Math.floorMod(whole, TIMESTAMP_GRAINS[grain]) != 0) {
          grain++;
        }
      } else {
        double x = ((Number) cell).doubleValue();
        values[at++] = x;
        zeros += x == 0 ? 1 : 0;
        negativeZeros += x == 0 && Double.doubleToRawLongBits(x) != 0 ? 1 : 0;
      }
    }
    double[] sorted = values.clone();
    for (int k = 0; k < sorted.length; k++) {
      sorted[k] += 0.0; // −0.0 and 0.0 are one value
    }
    Arrays.sort(sorted);
    for (int k = 0; k < sorted.length && !type.integral(); k++) {
      if (k == 0 || sorted[k] != sorted[k - 1]) {
        // digits of the column's own type: a float's shortest text, not its double widening's
        String text = type == NumericType.FLOAT ? Float.toString((float) sorted[k]) : Double.toString(sorted[k]);
        maxScale = Math.max(maxScale, DecimalDigits.scale(text));
        maxPrecision = Math.max(maxPrecision, DecimalDigits.precision(text));
      }
    }
    double min = sorted[0];
    double max = sorted[present - 1];
    double mean = min;
    double sd = 0;
    if (min < max) {
      double sum = 0;
      for (double x : values) {
        sum += x;
      }
      mean = sum / present;
      double squares = 0;
      for (double x : values) {
        squares += (x - mean) * (x - mean);
      }
      sd = Math.sqrt(squares / present);
    }
    NumberOverflow.require(column, mean, sd, min, max);
    double[] distinct = distinct(sorted);
    long step = type.timestamp() ? TIMESTAMP_GRAINS[grain] : 1;
    int decimals = decimals(maxScale, maxPrecision, step);
    if (decimals == 0 && distinct.length <= CODE_LEVELS && !type.temporal()) {
      // Few whole numbers are codes (education 1-6, a 12/24/36-month term): a barycentre of codes means nothing,
      // a vote among them does. One-hot keeps the output type and decodes to a value seen in training.
      return new CategoricalColumnCodec(column, type.sparkType(), Arrays.stream(distinct)
          .mapToObj(v -> type.integral() ? type.boxWhole(origin + (long) v) : type.box(v)).toArray(),
          present < rows);
    }
    // Few fractional values are the column's own levels only when they repeat: on a 20-row table, 20 distinct
    // heights are a sample of a continuum, which decoding to the values seen would hand back in every sample.
    boolean continuum = decimals != 0 && 2 * distinct.length > present;
    double[] levels = distinct.length > NumericColumnCodec.MAX_LEVELS || continuum ? null : distinct;
    if (type == NumericType.INTEGER || type == NumericType.LONG) {
      String hint = CompactDateHint.of(column, origin, distinct);
      if (hint != null) {
        Notices.print(hint);
      }
    }
    // A column of few levels already decodes to values seen in training; its values are all "masses" alike.
    double[] masses = levels != null || !pointMasses ? null : masses(sorted);
    // The value slot's normal scores are those of the values other than the point masses: a mass is decoded by
    // its vote, and quantiles that held it would give its share again to every "other" sample landing in its
    // probability interval (credit default: AGE 29, 5.3 % of rows, came out 8.2 %).
    double[] others = masses == null ? sorted : withoutValues(sorted, masses);
    double[] grid = normalScores ? NormalScores.probabilities(others.length) : null;
    return new NumericColumnCodec(column, type, mean, sd, min, max, decimals, levels, masses, present < rows,
        type.integral() ? 0 : maxPrecision, origin, zeros > 0 && negativeZeros == zeros, null,
        normalScores ? knots(grid, others) : null, grid, finalNoise, null,
        levels != null ? (type.integral() ? step : 0) : type.temporal() ? step
            : type.integral() || allWhole(values) ? roundGrain(values, origin) : 0,
        timestamps != null && levels == null ? TimeOfDay.fit(timestamps, present, step,
            new NumericFitter(NumericType.TIMESTAMP_NTZ, false, false, normalScores, finalNoise)) : null);
  }

  /**
   * The coarsest of {@link #ROUND_GRAINS} that every value (offsets from {@code origin}) is a whole number of, else
   * 1. Asked only of columns of more than {@value NumericColumnCodec#MAX_LEVELS} distinct values: by chance, 33
   * distinct values are all even with probability 2^−33.
   */
  private static long roundGrain(double[] values, long origin) {
    for (long grain : ROUND_GRAINS) {
      boolean all = true;
      for (int k = 0; k < values.length && all; k++) {
        all = Math.floorMod(origin + (long) values[k], grain) == 0;
      }
      if (all) {
        return grain;
      }
    }
    return 1;
  }

  /**
   * Whether every value of a fractional column is a whole number (amounts written 19225.00): such a column keeps its
   * round step as a whole-number column does (a new user's loan amounts, all multiples of 25, came out 10 % on the
   * step when written with decimals, 100 % without).
   */
  private static boolean allWhole(double[] values) {
    for (double x : values) {
      if (x != Math.rint(x) || Math.abs(x) >= 0x1p53) {
        return false;
      }
    }
    return true;
  }

  /** The sorted values without those equal to one of {@code excluded} (sorted); never empty for a mass list. */
  private static double[] withoutValues(double[] sorted, double[] excluded) {
    return Arrays.stream(sorted).filter(x -> Arrays.binarySearch(excluded, x) < 0).toArray();
  }

  /**
   * The quantile knots of {@link NormalScores} from the sorted values (offsets from the origin): at probability p
   * of the grid {@code p} the smallest value with at least p of the values at or below it, the order statistic
   * that Spark's percentile_approx returns when exact. A column of fewer values than the grid has knots would
   * repeat each value over several knots, and the flats between equal knots decode most scores to a training
   * value itself (a 92-row table: 82 % of decoded cells); its knots interpolate between the order statistics
   * instead (Hyndman and Fan's type 7: (n − 1)·p between the ranks), which keeps the minimum and the maximum.
   */
  private static double[] knots(double[] p, double[] sorted) {
    double[] knots = new double[p.length];
    if (sorted.length < p.length) {
      for (int k = 0; k < p.length; k++) {
        double h = (sorted.length - 1) * p[k];
        int below = (int) Math.min(sorted.length - 1, Math.floor(h));
        int above = Math.min(sorted.length - 1, below + 1);
        knots[k] = sorted[below] + (h - below) * (sorted[above] - sorted[below]);
      }
      return knots;
    }
    for (int k = 0; k < p.length; k++) {
      int rank = (int) Math.ceil(p[k] * sorted.length) - 1;
      knots[k] = sorted[Math.min(sorted.length - 1, Math.max(0, rank))];
    }
    return knots;
  }

  private long smallestWhole(Object[] cells) {
    long smallest = Long.MAX_VALUE;
    for (Object cell : cells) {
      smallest = cell == null ? smallest : Math.min(smallest, type.whole(cell));
    }
    return smallest;
  }

  /**
   * 0 for whole numbers, else the most decimals a value has, else UNROUNDED when digits do not bound them;
   * timestamps: −6 or −3 when their grain (in microseconds) is whole seconds or milliseconds.
   */
  private int decimals(int maxScale, int maxPrecision, long timestampGrain) {
    if (type.timestamp()) {
      return timestampGrain % 1_000_000L == 0 ? -6 : timestampGrain % 1_000L == 0 ? -3 : 0;
    }
    if (type.integral() || declaredInteger || maxScale <= 0) {
      return 0;
    }
    return maxPrecision >= DecimalDigits.FULL_PRECISION ? NumericColumnCodec.UNROUNDED : maxScale;
  }

  /** The distinct values of sorted values, up to MAX_LEVELS + 1 of them (enough to tell a column of few). */
  private static double[] distinct(double[] sorted) {
    double[] distinct = new double[NumericColumnCodec.MAX_LEVELS + 1];
    int count = 0;
    for (int k = 0; k < sorted.length && count < distinct.length; k++) {
      if (k == 0 || sorted[k] != sorted[k - 1]) {
        distinct[count++] = sorted[k];
      }
    }
    return Arrays.copyOf(distinct, count);
  }

  /**
   * The values (ascending) that hold at least MASS_SHARE of the sorted values and MASS_ROWS of them; none in a
   * constant column.
   */
  static double[] masses(double[] sorted) {
    double[] masses = new double[(int) Math.floor(1 / MASS_SHARE)];
    int found = 0;
    if (sorted[0] == sorted[sorted.length - 1]) {
      return new double[0];
    }
    for (int start = 0; start < sorted.length;) {
      int end = start;
      while (end < sorted.length && sorted[end] == sorted[start]) {
        end++;
      }
      if (end - start >= Math.max(MASS_SHARE * sorted.length, MASS_ROWS) && found < masses.length) {
        masses[found++] = sorted[start];
      }
      start = end;
    }
    return Arrays.copyOf(masses, found);
  }
}
