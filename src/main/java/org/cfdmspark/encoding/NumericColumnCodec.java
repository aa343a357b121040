package org.cfdmspark.encoding;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DecimalType;

/**
 * A number column (method.md §6): encoded as (x − mean) / sd; decoded by the inverse, rounded to the decimals
 * the column's values have (whole numbers, or 1 decimal for 38.3 mm: the float encoding would otherwise hand back
 * 38.29999993), and clipped to the observed [min, max], so no decoded cell lies outside what the input held. A
 * constant column (sd = 0) is encoded with scale 1, i.e. as constant 0, and decodes to the constant.
 * A column of at most {@value #MAX_LEVELS} distinct values (a loan term of 12, 24, 36… months, a count) is
 * discrete: decoded values snap to the nearest value seen in training, as a category would, so a barycentre of
 * 36 and 60 becomes 48 only if 48 occurs (a fractional column only when its values repeat: NumericFitter).
 *
 * <p>After the value slot come indicator slots (1 = this state, else 0): one per point mass, a value that a
 * large share of the rows hold exactly (the 0 of a debt column, the 35 of an expenses column), and one for
 * "missing" when the column has missing cells (the value slot then holds the mean, 0). Decoding votes among
 * the states — "other" scoring 1 minus the indicators' sum — so a sample that mixes a zero-debt row with a
 * 4,000-debt one comes out as one of the two kinds, not as 1,000: averaging rows would otherwise wear every spike
 * of the distribution down. The value slot keeps every row's value, so distances between rows are those of the
 * plain standardised column plus 1 per change of state, as a category change counts. (Point masses are this
 * project's addition to method.md §6, which votes among categories the same way; --point-masses false drops them.)
 *
 * <p>Numbers keep their input form: decoded values are rounded to at most {@code decimals} decimals and
 * {@code digits} significant digits ({@link DecimalDigits}: 4.435e-9 stays a 4-digit number, not 0); a column whose
 * zeros are all −0.0 decodes zeros as −0.0. Whole-number types are exact at any size: mean, min, max, levels and
 * masses are offsets from {@code origin} (a value of the column), and a decoded value is origin plus a rounded
 * offset in long arithmetic, so a 64-bit id of 9,007,199,254,740,993 does not come back as a multiple of 256.
 *
 * @param decimals the most decimals a value has (0 for whole numbers), or {@link #UNROUNDED}; for timestamps
 *     −6 or −3 when every value is whole seconds or milliseconds
 * @param digits the most significant digits a value has; 0 = no bound
 * @param origin for whole-number types, the value the statistics are offsets from (0 for others)
 * <p>The value slot holds (x − mean) / sd, or, with {@code quantiles}, the normal score Φ⁻¹(F(x)) of
 * {@link NormalScores} (--numeric-scale normal-scores), so that barycentres keep a skewed column's shape. Decoding
 * adds {@code finalNoise}·N(0, 1) to the value slot's reading of a sample in the "other" state (in the slot's units:
 * standard deviations or normal scores), drawn from the row's bits ({@link FinalNoise}) and, in a table, mixed with
 * the other number columns' draws ({@link NoiseCorrelation}): σ-CFDM lands on a barycentre, and the noise spreads it
 * the way fresh rows spread around their neighbours (--final-noise, --correlated-noise).
 *
 * @param negativeZero whether the column's zeros are all −0.0
 * @param declaredType the column's Spark type when it is not {@code type}'s own: a {@code DecimalType(p, s)}
 *     column is modelled as doubles (or as longs when s = 0 and p ≤ 18, exactly) and decodes to decimals of that
 *     precision and scale ({@link DecimalFitter}); null for every other column
 * @param quantiles the quantile knots (offsets from {@code origin}) of the column's values other than its point
 *     masses when the value slot holds normal scores (a mass's rows take the score of where the mass lies among the
 *     others; models saved before held every value's knots); null for the standardised value
 * @param probabilities the knots' probabilities, as many, ascending from 0 to 1 ({@link NormalScores}); null for
 *     the uniform k/(K−1) of models saved before the grid was stored, and for the standardised value
 * @param finalNoise the standard deviation of the noise decoding adds to the value slot; 0 = none
 * @param draw how decoding picks the state: voted, or drawn from the indicators' shares with
 *     {@link CategoryDraw#WEIGHTS_ALL}; null (a model saved before the choice existed) = voted
 * @param grain for whole-number types, the step of decoded values in the column's units (days for dates,
 *     microseconds for timestamps): 1, or for numbers of more than {@value #MAX_LEVELS} values the coarsest round
 *     step that every value is a multiple of (25, 100, 10,000: NumericFitter), or for timestamps the coarsest of an
 *     hour, 30, 15, 5 and 1 minutes, a second and a millisecond that every value is a whole number of, so that a
 *     column of whole minutes decodes to whole minutes and one of quarter hours to quarter hours (rounded to the nearest: a float32 encoding hands
 *     back 16:22:59.4 for 16:23, which a write in the input's pattern of minutes would cut to 16:22);
 *     0 = 10^−decimals (models saved before the grain was stored); for a fractional column of more than
 *     {@value #MAX_LEVELS} values that are all whole numbers (19225.00), its round step likewise (1 when none), else
 *     0
 * @param timeOfDay for a timestamp column of more than {@value #MAX_LEVELS} values over more than a day, its time of
 *     day in a slot of its own after the states' ({@link TimeOfDay}); null for every other column (and models saved
 *     before it was modelled)
 * @param marginalMap the map decoding applies to the value slot's reading, final noise included, before turning it
 *     into a value ({@link MarginalMap}: the sampler's marginal to the training rows'); null = none (the fit's
 *     first codec, --marginal-map false, and models saved before it existed)
 */
public record NumericColumnCodec(String name, NumericType type, double mean, double sd, double min, double max,
    int decimals, double[] levels, double[] masses, boolean hasMissing, int digits, long origin,
    boolean negativeZero, DataType declaredType, double[] quantiles, double[] probabilities,
    double finalNoise, CategoryDraw draw, long grain, TimeOfDay timeOfDay, MarginalMap marginalMap)
    implements ColumnCodec {

  /** Columns with at most this many distinct values decode to one of them. */
  public static final int MAX_LEVELS = 32;

  /**
   * The values that hold a point mass's share of {@code values} (NaN: no value), by the fit's rule for masses
   * ({@link NumericFitter}: 5 % of the values and 10 of them), ascending: a column of few levels has no mass states,
   * but its heavy levels are masses all the same.
   */
  public static double[] heavyValues(double[] values) {
    double[] sorted = Arrays.stream(values).filter(v -> !Double.isNaN(v)).sorted().toArray();
    return sorted.length == 0 ? new double[0] : NumericFitter.masses(sorted);
  }
  /** {@code decimals} of a column whose values have more decimals than are worth rounding to: none. */
  public static final int UNROUNDED = -1;
  /** {@link #state}'s answer for a missing cell. */
  private static final int MISSING = -1;

  public NumericColumnCodec {
    if (!(Double.isFinite(mean) && Double.isFinite(min) && Double.isFinite(max) && min <= max && sd >= 0)) {
      throw new IllegalArgumentException("column '" + name + "' has unusable statistics: mean " + mean + ", sd "
          + sd + ", range [" + min + ", " + max + "]");
    }
    masses = masses == null ? new double[0] : masses.clone();
    for (int m = 0; m < masses.length; m++) {
      masses[m] = masses[m] + 0.0; // −0.0 to 0.0: binary search tells them apart
    }
    Arrays.sort(masses);
    if (probabilities != null && (quantiles == null || probabilities.length != quantiles.length)) {
      throw new IllegalArgumentException("column '" + name + "': " + probabilities.length
          + " knot probabilities for " + (quantiles == null ? 0 : quantiles.length) + " quantile knots");
    }
    if (!(finalNoise >= 0 && Double.isFinite(finalNoise))) {
      throw new IllegalArgumentException("column '" + name + "': final noise must be a finite number >= 0, got "
          + finalNoise);
    }
    draw = draw == null ? CategoryDraw.VOTE : draw;
    grain = grain > 0 || !type.integral() ? grain : (long) Math.pow(10, Math.max(0, -decimals));
  }

  /** A column without a marginal map. */
  public NumericColumnCodec(String name, NumericType type, double mean, double sd, double min, double max,
      int decimals, double[] levels, double[] masses, boolean hasMissing, int digits, long origin,
      boolean negativeZero, DataType declaredType, double[] quantiles, double[] probabilities, double finalNoise,
      CategoryDraw draw, long grain, TimeOfDay timeOfDay) {
    this(name, type, mean, sd, min, max, decimals, levels, masses, hasMissing, digits, origin, negativeZero,
        declaredType, quantiles, probabilities, finalNoise, draw, grain, timeOfDay, null);
  }

  /** A column without a time-of-day slot. */
  public NumericColumnCodec(String name, NumericType type, double mean, double sd, double min, double max,
      int decimals, double[] levels, double[] masses, boolean hasMissing, int digits, long origin,
      boolean negativeZero, DataType declaredType, double[] quantiles, double[] probabilities, double finalNoise,
      CategoryDraw draw, long grain) {
    this(name, type, mean, sd, min, max, decimals, levels, masses, hasMissing, digits, origin, negativeZero,
        declaredType, quantiles, probabilities, finalNoise, draw, grain, null);
  }

  /** A column without a stored grain (decoded at 10^−decimals). */
  public NumericColumnCodec(String name, NumericType type, double mean, double sd, double min, double max,
      int decimals, double[] levels, double[] masses, boolean hasMissing, int digits, long origin,
      boolean negativeZero, DataType declaredType, double[] quantiles, double[] probabilities, double finalNoise,
      CategoryDraw draw) {
    this(name, type, mean, sd, min, max, decimals, levels, masses, hasMissing, digits, origin, negativeZero,
        declaredType, quantiles, probabilities, finalNoise, draw, 0);
  }

  /** A column whose state is voted. */
  public NumericColumnCodec(String name, NumericType type, double mean, double sd, double min, double max,
      int decimals, double[] levels, double[] masses, boolean hasMissing, int digits, long origin,
      boolean negativeZero, DataType declaredType, double[] quantiles, double[] probabilities, double finalNoise) {
    this(name, type, mean, sd, min, max, decimals, levels, masses, hasMissing, digits, origin, negativeZero,
        declaredType, quantiles, probabilities, finalNoise, CategoryDraw.VOTE);
  }

  /** A column without a bound on significant digits, an origin or negative zeros. */
  public NumericColumnCodec(String name, NumericType type, double mean, double sd, double min, double max,
      int decimals, double[] levels, double[] masses, boolean hasMissing) {
    this(name, type, mean, sd, min, max, decimals, levels, masses, hasMissing, 0, 0, false);
  }

  /** A standardised column of its NumericType's own Spark type, without final noise. */
  public NumericColumnCodec(String name, NumericType type, double mean, double sd, double min, double max,
      int decimals, double[] levels, double[] masses, boolean hasMissing, int digits, long origin,
      boolean negativeZero) {
    this(name, type, mean, sd, min, max, decimals, levels, masses, hasMissing, digits, origin, negativeZero, null,
        null, null, 0);
  }

  /** This codec decoding to {@code decimal} cells. */
  NumericColumnCodec asDecimal(DecimalType decimal) {
    return new NumericColumnCodec(name, type, mean, sd, min, max, decimals, levels, masses, hasMissing, digits,
        origin, negativeZero, decimal, quantiles, probabilities, finalNoise, draw, grain, timeOfDay, marginalMap);
  }

  /**
   * This column in the report's space (metrics.md): the value slot holds (x − mean) / sd even when this codec's
   * holds normal scores; {@code finalNoise} keeps decoding unchanged (noise acts on the slot's own units); the
   * marginal map, which reads the model's slot, is dropped. This codec itself when it is standardised already.
   */
  NumericColumnCodec standardised() {
    return quantiles == null && (timeOfDay == null || timeOfDay.times().quantiles() == null) ? this
        : new NumericColumnCodec(name, type, mean, sd, min, max, decimals, levels, masses, hasMissing, digits,
            origin, negativeZero, declaredType, null, null, finalNoise, draw, grain,
            timeOfDay == null ? null : timeOfDay.standardised(), null);
  }

  /**
   * This column decoding without final noise and without a marginal map: a training row's encoding decodes to its
   * own cells (both act on samples only).
   */
  NumericColumnCodec noiseless() {
    return finalNoise == 0 && marginalMap == null ? this : new NumericColumnCodec(name, type, mean, sd, min, max,
        decimals, levels, masses, hasMissing, digits, origin, negativeZero, declaredType, quantiles, probabilities, 0,
        draw, grain, timeOfDay == null ? null : timeOfDay.noiseless(), null);
  }

  /** This column with its state picked by {@code choice}. */
  NumericColumnCodec drawing(CategoryDraw choice) {
    return new NumericColumnCodec(name, type, mean, sd, min, max, decimals, levels, masses, hasMissing, digits,
        origin, negativeZero, declaredType, quantiles, probabilities, finalNoise, choice, grain, timeOfDay,
        marginalMap);
  }

  /** This column with {@code map} applied to the value slot's readings (null: none). */
  NumericColumnCodec mapped(MarginalMap map) {
    return new NumericColumnCodec(name, type, mean, sd, min, max, decimals, levels, masses, hasMissing, digits,
        origin, negativeZero, declaredType, quantiles, probabilities, finalNoise, draw, grain, timeOfDay, map);
  }

  /** The divisor: sd, or 1 for a constant column so that nothing is divided by zero. */
  public double scale() {
    return sd > 0 ? sd : 1;
  }

  @Override
  public int width() {
    return states() + (timeOfDay != null ? 1 : 0);
  }

  /** The slots that hold the value and the states' indicators: the value, the point masses, missing. */
  private int states() {
    return 1 + masses.length + (hasMissing ? 1 : 0);
  }

  @Override
  public boolean isMetricSlot(int k) {
    return k == 0 || k > masses.length;
  }

  @Override
  public DataType outputType() {
    return declaredType == null ? type.sparkType() : declaredType;
  }

  @Override
  public void encode(Object value, float[] out, int offset) {
    Arrays.fill(out, offset, offset + width(), 0f);
    if (value == null) {
      out[offset + 1 + masses.length] = 1;
      return;
    }
    double x = offset(value);
    out[offset] = (float) standardised(x);
    if (timeOfDay != null) {
      timeOfDay.encode(type.whole(value), out, offset + states());
    }
    int mass = Arrays.binarySearch(masses, x + 0.0);
    if (mass >= 0) {
      out[offset + 1 + mass] = 1;
    }
  }

  @Override
  public Object decode(double[] z, int offset, long tieBreak) {
    return decodeWithNoise(z, offset, tieBreak, finalNoise == 0 ? 0 : FinalNoise.gaussian(tieBreak));
  }

  /**
   * As {@link #decode(double[], int, long)}, with the final noise {@code finalNoise · noiseDraw} for a standard normal
   * {@code noiseDraw} given, rather than drawn from the column's own row bits: what a table's columns decode with,
   * their draws shared by joined dates and mixed by {@link NoiseCorrelation} ({@link TableCodec}).
   */
  public Object decodeWithNoise(double[] z, int offset, long tieBreak, double noiseDraw) {
    int state = state(z, offset, tieBreak);
    if (state == MISSING) {
      return null;
    }
    if (state > 0) {
      return cell(masses[state - 1]);
    }
    double reading = valueReading(z, offset, noiseDraw);
    return value(marginalMap == null ? reading : marginalMap.apply(reading),
        states() > 1 ? otherTime(z, offset, otherWeight(z, offset)) : timeOfDay == null ? 0 : z[offset + 1],
        tieBreak);
  }

  /**
   * The value slot's reading that decoding turns into this sample's value, before the marginal map: the slot (over
   * the barycentre's "other" rows only) plus the final noise; NaN when the sample decodes to a point mass or to a
   * missing cell. What {@link MarginalMap} is fitted on. The noise is {@code finalNoise · noiseDraw}, as decoding
   * adds it ({@link #decodeWithNoise}).
   */
  public double reading(double[] z, int offset, long tieBreak, double noiseDraw) {
    return state(z, offset, tieBreak) != 0 ? Double.NaN : valueReading(z, offset, noiseDraw);
  }

  /** The reading of a sample in the "other" state (its state already known): the slot plus the final noise. */
  private double valueReading(double[] z, int offset, double noiseDraw) {
    return (states() == 1 ? z[offset] : otherValue(z, offset, otherWeight(z, offset))) + finalNoise * noiseDraw;
  }

  /**
   * A sample's weight of missing rows, the chance its missing state is drawn with before the marginal map; NaN for a
   * column without missing cells or whose states are all drawn together ({@link CategoryDraw#WEIGHTS_ALL}).
   */
  public double missingWeight(double[] z, int offset) {
    return hasMissing && draw != CategoryDraw.WEIGHTS_ALL ? z[offset + 1 + masses.length] : Double.NaN;
  }

  /** Whether a training row's encoding is a missing cell. */
  boolean trainingMissing(float[] x, int offset) {
    return hasMissing && x[offset + 1 + masses.length] != 0;
  }

  /** The value slot of a training row's encoding when the row holds a value other than a point mass, else NaN. */
  double trainingReading(float[] x, int offset) {
    for (int k = 1; k < states(); k++) {
      if (x[offset + k] != 0) {
        return Double.NaN;
      }
    }
    return x[offset];
  }

  /** The state a sample decodes to: 0 = another value, 1 .. masses = a point mass, {@link #MISSING}. */
  private int state(double[] z, int offset, long tieBreak) {
    if (states() == 1) {
      return 0;
    }
    double[] votes = new double[states()];
    double other = 1;
    for (int k = 1; k < votes.length; k++) {
      votes[k] = z[offset + k];
      other -= votes[k];
    }
    votes[0] = other;
    // The missing state is drawn with its weight, the value states voted: a vote hands a minority state only to
    // barycentres where most rows lack the value, and missing cells scattered through the rows (credit_data's
    // Income, 8.6 % missing) came out at two thirds of their rate. Under weights-all every state is drawn. A
    // barycentre of rows that all lack the value is missing whatever the draw's rounding.
    // The marginal map scales the chance to the missing share of the rows the pilot started from (MarginalMap).
    boolean drawMissing = hasMissing && draw != CategoryDraw.WEIGHTS_ALL;
    double missing = votes[votes.length - 1];
    if (drawMissing && (Vote.chance(marginalMap == null ? missing : marginalMap.missingChance(missing), tieBreak)
        || noWeight(votes, votes.length - 1))) {
      return MISSING;
    }
    int count = drawMissing ? votes.length - 1 : votes.length;
    double[] weights = marginalMap == null || draw == CategoryDraw.WEIGHTS_ALL ? null : marginalMap.stateWeights();
    int state = weights != null ? Vote.winner(votes, 0, count, weights, tieBreak)
        : draw.numberState(votes, 0, count, tieBreak);
    return state > masses.length ? MISSING : state;
  }

  /**
   * The vote among a sample's value states: its barycentre's weight of rows holding another value, then of each
   * point mass, into out[at .. at + 1 + masses); what {@link MarginalMap#stateWeights} are fitted on.
   */
  void stateVotes(double[] z, int offset, double[] out, int at) {
    out[at] = otherWeight(z, offset);
    for (int m = 0; m < masses.length; m++) {
      out[at + 1 + m] = z[offset + 1 + m];
    }
  }

  /** The point masses' values as text, in the order of their states. */
  public List<String> massValues() {
    return Arrays.stream(masses).mapToObj(m -> String.valueOf(cell(m))).toList();
  }

  /** A training row's value state ({@link #stateVotes}' order: 0 another value, 1 + m mass m), −1 if missing. */
  int trainingState(float[] x, int offset) {
    if (trainingMissing(x, offset)) {
      return -1;
    }
    for (int m = 0; m < masses.length; m++) {
      if (x[offset + 1 + m] != 0) {
        return 1 + m;
      }
    }
    return 0;
  }

  /** The barycentre's weight of rows in the "other" state: 1 minus the indicators' sum. */
  private double otherWeight(double[] z, int offset) {
    double other = 1;
    for (int k = 1; k < states(); k++) {
      other -= z[offset + k];
    }
    return other;
  }

  /** Whether votes[0 .. count) hold no weight (rounding aside): every row of the barycentre lacks the value. */
  private static boolean noWeight(double[] votes, int count) {
    for (int k = 0; k < count; k++) {
      if (votes[k] > 1e-9) {
        return false;
      }
    }
    return true;
  }

  /** The value slot of an offset from the origin: standardised, or its normal score. */
  private double standardised(double x) {
    return quantiles != null ? NormalScores.score(probabilities, quantiles, x) : (x - mean) / scale();
  }

  /**
   * The value slot of a barycentre, averaged over its "other" rows only: the slot is Σ w_i x_i over all rows,
   * point-mass rows hold their mass and missing rows 0 there, and the indicators give their weights, so
   * subtracting their part and dividing by the other rows' weight leaves those rows' own barycentre. Without it
   * a mix of three 4,000-debt rows and one zero-debt row would come out as 3,000, and every mix with a missing
   * row would lean to the mean.
   */
  private double otherValue(double[] z, int offset, double otherWeight) {
    double slot = z[offset];
    for (int m = 0; m < masses.length; m++) {
      slot -= z[offset + 1 + m] * standardised(masses[m]);
    }
    return slot / otherWeight;
  }

  /**
   * The time-of-day slot of a barycentre, averaged over its "other" rows only, as {@link #otherValue} (missing
   * rows hold 0 there); 0 without the slot.
   */
  private double otherTime(double[] z, int offset, double otherWeight) {
    if (timeOfDay == null) {
      return 0;
    }
    double slot = z[offset + states()];
    for (int m = 0; m < masses.length; m++) {
      slot -= z[offset + 1 + m] * timeOfDay.slot(origin + (long) masses[m]);
    }
    return slot / otherWeight;
  }

  /**
   * The cell for a value-slot reading (and the time-of-day slot's, which only a column with one reads): back to
   * input units, then snapped, rounded and clipped.
   */
  private Object value(double standardised, double timeSlot, long tieBreak) {
    double x = quantiles != null ? NormalScores.value(probabilities, quantiles, standardised)
        : standardised * scale() + mean;
    if (levels != null) {
      return cell(nearestLevel(x));
    }
    if (type.integral()) {
      x = Math.rint(x / grain) * grain; // the nearest whole grain: exact, offsets from the origin are below 2^53
      if (timeOfDay != null) {
        x = timeOfDay.combine(origin + (long) Math.min(max, Math.max(min, x)), timeSlot, tieBreak) - origin;
      }
    } else if (grain > 0) {
      x = Math.rint(x / grain) * grain; // whole amounts written with decimals: their round step
    } else if (decimals >= 0 || digits > 0) {
      x = DecimalDigits.round(x, decimals >= 0 ? decimals : Integer.MAX_VALUE, digits > 0 ? digits
          : DecimalDigits.FULL_PRECISION);
    }
    return cell(Math.min(max, Math.max(min, x)));
  }

  /** The value's offset from the origin: exact for whole-number types, the value itself for others. */
  private double offset(Object value) {
    return type.integral() ? type.whole(value) - origin : ((Number) value).doubleValue();
  }

  /** The cell for an offset from the origin that is already rounded and clipped. */
  private Object cell(double x) {
    if (declaredType instanceof DecimalType decimal) {
      return decimal(decimal, type.integral() ? BigDecimal.valueOf(origin + (long) x) : BigDecimal.valueOf(x));
    }
    if (type.integral()) {
      return type.boxWhole(origin + (long) x);
    }
    return type.box(x == 0 ? (negativeZero ? -0.0 : 0.0) : x);
  }

  /** {@code value} at the scale of {@code decimal}: a cell of a DecimalType(p, s) column, written with s digits. */
  static BigDecimal decimal(DecimalType decimal, BigDecimal value) {
    return value.setScale(decimal.scale(), RoundingMode.HALF_UP);
  }

  /** Whether a present cell of this column holds one of its point masses. */
  boolean atPointMass(Object cell) {
    return Arrays.binarySearch(masses, offset(cell) + 0.0) >= 0;
  }

  /** The smallest value of the column, in input units. */
  public double lowest() {
    return min + origin;
  }

  /** The largest value of the column, in input units. */
  public double highest() {
    return max + origin;
  }

  /**
   * The cell of the largest value on this column's grid (its levels, whole numbers or decimals) that is at most
   * {@code bound} (below it when strict), in input units; null when that is below the column's minimum.
   */
  Object atMost(double bound, boolean strict) {
    double x = bound - origin;
    double v;
    if (levels != null) {
      int k = levels.length - 1;
      while (k >= 0 && (strict ? levels[k] >= x : levels[k] > x)) {
        k--;
      }
      if (k < 0) {
        return null;
      }
      v = levels[k];
    } else {
      double unit = unit();
      v = unit == 0 ? x : DecimalDigits.round(Math.floor(x / unit) * unit, gridDecimals());
      if (strict && v >= x) {
        v = unit == 0 ? Math.nextDown(x) : DecimalDigits.round(v - unit, gridDecimals());
      }
    }
    return v < min ? null : cell(Math.min(v, max));
  }

  /** As {@link #atMost}, the other way: the smallest grid value at least (above) {@code bound}; null past max. */
  Object atLeast(double bound, boolean strict) {
    double x = bound - origin;
    double v;
    if (levels != null) {
      int k = 0;
      while (k < levels.length && (strict ? levels[k] <= x : levels[k] < x)) {
        k++;
      }
      if (k == levels.length) {
        return null;
      }
      v = levels[k];
    } else {
      double unit = unit();
      v = unit == 0 ? x : DecimalDigits.round(Math.ceil(x / unit) * unit, gridDecimals());
      if (strict && v <= x) {
        v = unit == 0 ? Math.nextUp(x) : DecimalDigits.round(v + unit, gridDecimals());
      }
    }
    return v > max ? null : cell(Math.max(v, min));
  }

  /**
   * The cell of the grid value nearest {@code value} (input units), not clipped to the column's range: a value that
   * other columns' cells decide, such as their sum ({@link ColumnFormula}).
   */
  Object nearestOnGrid(double value) {
    double x = type.integral() ? value - origin : value;
    double unit = unit();
    return cell(unit == 0 ? x : DecimalDigits.round(Math.rint(x / unit) * unit, gridDecimals()));
  }

  /** The step between decoded values in input units (see {@link #unit}). */
  double gridStep() {
    return unit();
  }

  /** The grid step of decoded values: the grain for whole numbers, 10^-decimals, or 0 for unrounded doubles. */
  private double unit() {
    return type.integral() || grain > 0 ? grain : decimals >= 0 ? Math.pow(10, -decimals) : 0;
  }

  private int gridDecimals() {
    return type.integral() ? Math.min(0, decimals) : decimals;
  }

  /**
   * The cell of a value in input units that a training cell of this column holds ({@link #number} of it), as
   * decoding writes it.
   */
  Object cellOf(double value) {
    return cell(type.integral() ? value - origin : value);
  }

  /** A cell of this column as a number in input units (days or microseconds for dates and timestamps). */
  public double number(Object cell) {
    return type.integral() ? type.whole(cell) : ((Number) cell).doubleValue();
  }

  private double nearestLevel(double x) {
    int at = Arrays.binarySearch(levels, x);
    if (at >= 0) {
      return levels[at];
    }
    int above = -at - 1;
    if (above == 0) {
      return levels[0];
    }
    if (above == levels.length) {
      return levels[levels.length - 1];
    }
    return x - levels[above - 1] <= levels[above] - x ? levels[above - 1] : levels[above];
  }
}
