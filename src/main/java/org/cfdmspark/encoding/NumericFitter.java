package org.cfdmspark.encoding;

import static org.apache.spark.sql.functions.approx_count_distinct;
import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.isnan;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.mean;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.percentile_approx;
import static org.apache.spark.sql.functions.stddev_pop;
import static org.apache.spark.sql.functions.when;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.cfdmspark.config.BadInputException;

/**
 * Fits a number column: mean and population standard deviation (a single row or a constant column gives 0, not
 * NaN), range, how many cells are missing, how many are NaN or infinite (refused: they are not values a model
 * can reproduce), how many decimals and significant digits the values have (decoded values are rounded to as many,
 * {@link DecimalDigits}), whether its zeros are −0.0, and, for columns
 * of few distinct values, those values: whole-number columns of at most {@value #CODE_LEVELS} values become
 * categorical, other columns of few values snap to them ({@link NumericColumnCodec#MAX_LEVELS}). The distinct
 * values are collected in a second pass, and only for columns whose approximate distinct count is small: the fit
 * runs in one task, and a million rows of continuous columns would not fit in it as sets. Point masses of columns
 * with more values than that (values held by at least {@value #MASS_SHARE} of the cells, see
 * {@link NumericColumnCodec}) are found in the same two passes: the first pass's approximate percentiles name the
 * candidates (a value held by 5 % of the cells fills at least 4 of the 101 percentile probes), the second pass
 * counts them exactly.
 */
record NumericFitter(NumericType type, boolean declaredInteger, boolean pointMasses, boolean normalScores,
    double finalNoise) implements ColumnFitter {
  /** Whole-number columns with at most this many distinct values are modelled as categories. */
  static final int CODE_LEVELS = 16;
  /**
   * Columns whose approximate distinct count (HyperLogLog++, within about 5 %: 76 for credit default's 81 credit
   * limits) is at most this get their distinct values collected in a second pass: twice MAX_LEVELS, so an
   * estimate's error cannot hide a column of few values.
   */
  static final int DISTINCT_SCAN = 2 * NumericColumnCodec.MAX_LEVELS;
  /** The share of a column's present cells that one value must hold to be a point mass. */
  static final double MASS_SHARE = 0.05;
  /** Percentile probes 0, 1 %, …, 100 %, and how many a value must fill to be counted as a possible mass. */
  private static final int PROBES = 101;
  private static final int MASS_PROBES = 3;
  /** Where each first-pass value sits among the column's results (in the order {@link #aggregates} lists them). */
  private static final int MEAN = 0;
  private static final int SD = 1;
  private static final int MIN = 2;
  private static final int MAX = 3;
  private static final int PRESENT = 4;
  private static final int NON_FINITE = 5;
  private static final int APPROX_DISTINCT = 6;
  private static final int PERCENTILES = 7;
  /** The largest scale and precision of the values ({@link DecimalDigits}), the −0.0 cells and all zero cells. */
  private static final int SCALE = 8;
  private static final int PRECISION = 9;
  private static final int NEGATIVE_ZEROS = 10;
  private static final int ZEROS = 11;
  /** Timestamps: the values that are not whole seconds, and not whole milliseconds. */
  private static final int OFF_SECONDS = 12;
  private static final int OFF_MILLIS = 13;
  /** With normal scores: the quantile knots of {@link NormalScores}. */
  private static final int QUANTILES = 14;

  @Override
  public List<Column> aggregates(String column) {
    Column c = value(column);
    Column finite = finite(c);
    boolean whole = type.integral();
    // digits of the column's own type: a float's shortest text, not its double widening's
    Column own = whole ? lit(null) : ColumnNames.column(column).cast(type.sparkType());
    List<Column> aggregates = new ArrayList<>(List.of(mean(finite), stddev_pop(finite), min(finite), max(finite),
        count(c), count(when(nonFinite(c), lit(1))), approx_count_distinct(finite),
        percentile_approx(finite, probes(), lit(10_000)),
        whole ? lit(0) : max(DecimalDigits.scaleOf(own)), whole ? lit(0) : max(DecimalDigits.precisionOf(own)),
        count(when(finite.cast(DataTypes.StringType).equalTo("-0.0"), lit(1))), count(when(finite.equalTo(0), lit(1))),
        count(when(functions.pmod(finite, lit(1_000_000L)).notEqual(0), lit(1))),
        count(when(functions.pmod(finite, lit(1_000L)).notEqual(0), lit(1)))));
    if (normalScores) {
      aggregates.add(percentile_approx(finite, knotProbes(), lit(QUANTILE_ACCURACY)));
    }
    return aggregates;
  }

  /**
   * percentile_approx's accuracy for the knots: rank error at most 1/100,000 of the rows, so knots are exact order
   * statistics below 100,000 rows (and then independent of the input's partitioning) and far inside a knot's
   * 1/512 of the rows above.
   */
  private static final int QUANTILE_ACCURACY = 100_000;

  private static Column knotProbes() {
    return functions.array(Arrays.stream(NormalScores.probabilities()).mapToObj(p -> lit(p)).toArray(Column[]::new));
  }

  /** 0 for whole numbers, else the most decimals a value has, else UNROUNDED when digits do not bound them. */
  private int decimals(Row results, int offset) {
    if (type == NumericType.TIMESTAMP) {
      return results.getLong(offset + OFF_SECONDS) == 0 ? -6 : results.getLong(offset + OFF_MILLIS) == 0 ? -3 : 0;
    }
    int scale = results.getInt(offset + SCALE);
    if (type.integral() || declaredInteger || scale <= 0) {
      return 0;
    }
    return results.getInt(offset + PRECISION) >= DecimalDigits.FULL_PRECISION ? NumericColumnCodec.UNROUNDED : scale;
  }

  private static Column probes() {
    Column[] probes = new Column[PROBES];
    for (int k = 0; k < PROBES; k++) {
      probes[k] = lit(k / (double) (PROBES - 1));
    }
    return functions.array(probes);
  }

  /** Values that fill at least MASS_PROBES percentile probes: the only ones that can hold MASS_SHARE of cells. */
  private static List<Object> massCandidates(Row results, int offset) {
    List<Object> candidates = new ArrayList<>();
    if (results.isNullAt(offset + PERCENTILES) || results.get(offset + MIN).equals(results.get(offset + MAX))) {
      return candidates; // no values, or a constant column: nothing to tell apart
    }
    List<Object> percentiles = results.getList(offset + PERCENTILES);
    int run = 0;
    for (int k = 0; k < percentiles.size(); k++) {
      run = k > 0 && percentiles.get(k).equals(percentiles.get(k - 1)) ? run + 1 : 1;
      if (run == MASS_PROBES) {
        candidates.add(percentiles.get(k));
      }
    }
    return candidates;
  }

  /**
   * The sorted distinct values, for a column that has few (by its approximate count) and might snap to them;
   * then the exact count of each point-mass candidate.
   */
  @Override
  public List<Column> refinements(String column, Row results, int offset) {
    List<Column> refinements = new ArrayList<>();
    Column finite = finite(value(column));
    if (scansDistinct(results, offset)) {
      refinements.add(array_sort(collect_set(finite)));
    }
    for (Object candidate : pointMasses ? massCandidates(results, offset) : List.of()) {
      refinements.add(count(when(finite.equalTo(candidate), lit(1))));
    }
    return refinements;
  }

  private static boolean scansDistinct(Row results, int offset) {
    return results.getLong(offset + APPROX_DISTINCT) <= DISTINCT_SCAN;
  }

  /** The column as doubles, or as longs for whole-number types (exact at any size; days or µs of dates). */
  private Column value(String column) {
    Column c = ColumnNames.column(column);
    return switch (type) {
      case DATE -> functions.unix_date(c).cast(DataTypes.LongType);
      case TIMESTAMP -> functions.unix_micros(c);
      default -> c.cast(type.integral() ? DataTypes.LongType : DataTypes.DoubleType);
    };
  }

  private Column nonFinite(Column c) {
    return type.integral() ? lit(false)
        : isnan(c).or(c.equalTo(Double.POSITIVE_INFINITY)).or(c.equalTo(Double.NEGATIVE_INFINITY));
  }

  /** The value where it is a finite number, else null (which aggregates skip). */
  private Column finite(Column c) {
    return type.integral() ? c : when(functions.not(nonFinite(c)), c);
  }

  @Override
  public ColumnCodec build(String column, Row results, int offset, Row refined, int refinedOffset, long rows) {
    long present = results.getLong(offset + PRESENT);
    long nonFinite = results.getLong(offset + NON_FINITE);
    if (nonFinite > 0) {
      throw new BadInputException("column '" + column + "' holds NaN or Infinity in " + nonFinite + " of " + rows
          + " rows; mark such cells as missing (e.g. --null-value NaN) or leave the column out with --exclude "
          + column);
    }
    if (present == 0) {
      throw ColumnFitter.noValues(column);
    }
    int decimals = decimals(results, offset);
    // Without the distinct scan the column has far more than MAX_LEVELS values: it is neither codes nor snapped.
    boolean scanned = scansDistinct(results, offset);
    List<Number> distinct = scanned ? refined.getList(refinedOffset) : null;
    if (distinct != null && decimals == 0 && distinct.size() <= CODE_LEVELS && !type.temporal()) {
      // Few whole numbers are codes (education 1-6, a 12/24/36-month term): a barycentre of codes means nothing,
      // a vote among them does. One-hot keeps the output type and decodes to a value seen in training.
      return new CategoricalColumnCodec(column, type.sparkType(), distinct.stream()
          .map(v -> type.integral() ? type.boxWhole(v.longValue()) : type.box(v.doubleValue())).toArray(),
          present < rows);
    }
    // Whole numbers as offsets from their minimum: exact in a double however large the values are.
    long origin = type.integral() ? ((Number) results.get(offset + MIN)).longValue() : 0;
    double[] levels = distinct == null || distinct.size() > NumericColumnCodec.MAX_LEVELS ? null
        : distinct.stream().mapToDouble(v -> offset(v, origin)).toArray();
    // A column of few levels already decodes to values seen in training; its values are all "masses" alike.
    double[] masses = levels != null || !pointMasses ? null
        : masses(results, offset, refined, refinedOffset + (scanned ? 1 : 0), present, origin);
    long zeros = results.getLong(offset + ZEROS);
    return new NumericColumnCodec(column, type, results.getDouble(offset + MEAN) - origin,
        results.getDouble(offset + SD), offset((Number) results.get(offset + MIN), origin),
        offset((Number) results.get(offset + MAX), origin), decimals, levels, masses, present < rows,
        type.integral() ? 0 : results.getInt(offset + PRECISION), origin,
        zeros > 0 && results.getLong(offset + NEGATIVE_ZEROS) == zeros,
        normalScores ? knots(results.getList(offset + QUANTILES), origin) : null, finalNoise);
  }

  /** The quantile knots as offsets from the origin. */
  private double[] knots(List<Number> quantiles, long origin) {
    return quantiles.stream().mapToDouble(v -> offset(v, origin)).sorted().toArray();
  }

  /** v − origin, exactly for whole numbers (origin is 0 for other types). */
  private double offset(Number v, long origin) {
    return type.integral() ? v.longValue() - origin : v.doubleValue();
  }

  /** The candidates whose exact counts, from refined[firstCount ..], reach MASS_SHARE of the present cells. */
  private double[] masses(Row results, int offset, Row refined, int firstCount, long present, long origin) {
    List<Object> candidates = massCandidates(results, offset);
    double[] masses = new double[candidates.size()];
    int found = 0;
    for (int k = 0; k < candidates.size(); k++) {
      if (refined.getLong(firstCount + k) >= MASS_SHARE * present) {
        masses[found++] = offset((Number) candidates.get(k), origin);
      }
    }
    return Arrays.copyOf(masses, found);
  }
}
