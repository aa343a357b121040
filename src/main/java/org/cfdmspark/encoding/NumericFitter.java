package org.cfdmspark.encoding;

import static org.apache.spark.sql.functions.approx_count_distinct;
import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.floor;
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
 * can reproduce), how many decimals the values have (whole numbers, or up to {@value #MAX_DECIMALS}: decoded values
 * are rounded to as many) and, for columns
 * of few distinct values, those values: whole-number columns of at most {@value #CODE_LEVELS} values become
 * categorical, other columns of few values snap to them ({@link NumericColumnCodec#MAX_LEVELS}). The distinct
 * values are collected in a second pass, and only for columns whose approximate distinct count is small: the fit
 * runs in one task, and a million rows of continuous columns would not fit in it as sets. Point masses of columns
 * with more values than that (values held by at least {@value #MASS_SHARE} of the cells, see
 * {@link NumericColumnCodec}) are found in the same two passes: the first pass's approximate percentiles name the
 * candidates (a value held by 5 % of the cells fills at least 4 of the 101 percentile probes), the second pass
 * counts them exactly.
 */
record NumericFitter(NumericType type, boolean declaredInteger, boolean pointMasses) implements ColumnFitter {
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
  /** The most decimals a column's values may have for decoded values to be rounded to them. */
  static final int MAX_DECIMALS = 6;
  /** How far a value times 10^k may lie from a whole number and still count as having k decimals. */
  private static final double DECIMAL_TOLERANCE = 1e-6;
  /** Where each first-pass value sits among the column's results (in the order {@link #aggregates} lists them). */
  private static final int MEAN = 0;
  private static final int SD = 1;
  private static final int MIN = 2;
  private static final int MAX = 3;
  private static final int PRESENT = 4;
  private static final int NON_FINITE = 5;
  private static final int FRACTIONAL = 6;
  private static final int APPROX_DISTINCT = 7;
  private static final int PERCENTILES = 8;
  /** Then one count per k = 1 .. MAX_DECIMALS of values with more than k decimals. */
  private static final int OFF_GRID = 9;

  @Override
  public List<Column> aggregates(String column) {
    Column c = value(column);
    Column nonFinite = nonFinite(c);
    Column finite = finite(c);
    List<Column> aggregates = new ArrayList<>(List.of(mean(finite), stddev_pop(finite), min(finite),
        max(finite), count(c), count(when(nonFinite, lit(1))), count(when(finite.notEqual(floor(finite)), lit(1))),
        approx_count_distinct(finite), percentile_approx(finite, probes(), lit(10_000))));
    for (int k = 1; k <= MAX_DECIMALS; k++) {
      Column scaled = finite.multiply(Math.pow(10, k));
      aggregates.add(count(when(functions.abs(scaled.minus(functions.rint(scaled))).gt(DECIMAL_TOLERANCE), lit(1))));
    }
    return aggregates;
  }

  /** 0 for whole numbers, else the fewest decimals (up to MAX_DECIMALS) every value has, else UNROUNDED. */
  private int decimals(Row results, int offset) {
    if (type.integral() || declaredInteger || results.getLong(offset + FRACTIONAL) == 0) {
      return 0;
    }
    for (int k = 1; k <= MAX_DECIMALS; k++) {
      if (results.getLong(offset + OFF_GRID + k - 1) == 0) {
        return k;
      }
    }
    return NumericColumnCodec.UNROUNDED;
  }

  private static Column probes() {
    Column[] probes = new Column[PROBES];
    for (int k = 0; k < PROBES; k++) {
      probes[k] = lit(k / (double) (PROBES - 1));
    }
    return functions.array(probes);
  }

  /** Values that fill at least MASS_PROBES percentile probes: the only ones that can hold MASS_SHARE of cells. */
  private static List<Double> massCandidates(Row results, int offset) {
    List<Double> candidates = new ArrayList<>();
    if (results.isNullAt(offset + PERCENTILES)
        || results.getDouble(offset + MIN) == results.getDouble(offset + MAX)) {
      return candidates; // no values, or a constant column: nothing to tell apart
    }
    List<Double> percentiles = results.getList(offset + PERCENTILES);
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
    for (double candidate : pointMasses ? massCandidates(results, offset) : List.<Double>of()) {
      refinements.add(count(when(finite.equalTo(candidate), lit(1))));
    }
    return refinements;
  }

  private static boolean scansDistinct(Row results, int offset) {
    return results.getLong(offset + APPROX_DISTINCT) <= DISTINCT_SCAN;
  }

  private static Column value(String column) {
    return ColumnNames.column(column).cast(DataTypes.DoubleType);
  }

  private static Column nonFinite(Column c) {
    return isnan(c).or(c.equalTo(Double.POSITIVE_INFINITY)).or(c.equalTo(Double.NEGATIVE_INFINITY));
  }

  /** The value where it is a finite number, else null (which aggregates skip). */
  private static Column finite(Column c) {
    return when(functions.not(nonFinite(c)), c);
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
    List<Double> distinct = scanned ? refined.getList(refinedOffset) : null;
    if (distinct != null && decimals == 0 && distinct.size() <= CODE_LEVELS) {
      // Few whole numbers are codes (education 1-6, a 12/24/36-month term): a barycentre of codes means nothing,
      // a vote among them does. One-hot keeps the output type and decodes to a value seen in training.
      return new CategoricalColumnCodec(column, type.sparkType(),
          distinct.stream().map(type::box).toArray(), present < rows);
    }
    double[] levels = distinct == null || distinct.size() > NumericColumnCodec.MAX_LEVELS ? null
        : distinct.stream().mapToDouble(Double::doubleValue).toArray();
    // A column of few levels already decodes to values seen in training; its values are all "masses" alike.
    double[] masses = levels != null || !pointMasses ? null
        : masses(results, offset, refined, refinedOffset + (scanned ? 1 : 0), present);
    return new NumericColumnCodec(column, type, results.getDouble(offset + MEAN), results.getDouble(offset + SD),
        results.getDouble(offset + MIN), results.getDouble(offset + MAX), decimals, levels, masses, present < rows);
  }

  /** The candidates whose exact counts, from refined[firstCount ..], reach MASS_SHARE of the present cells. */
  private static double[] masses(Row results, int offset, Row refined, int firstCount, long present) {
    List<Double> candidates = massCandidates(results, offset);
    double[] masses = new double[candidates.size()];
    int found = 0;
    for (int k = 0; k < candidates.size(); k++) {
      if (refined.getLong(firstCount + k) >= MASS_SHARE * present) {
        masses[found++] = candidates.get(k);
      }
    }
    return Arrays.copyOf(masses, found);
  }
}
