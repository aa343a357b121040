package org.cfdmspark.ml;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import org.cfdmspark.encoding.NoiseCorrelation;
import org.cfdmspark.encoding.TableCodec;
import org.cfdmspark.engine.RidgeNormalEquations;
import org.cfdmspark.engine.TrainingSet;

/**
 * Fits --correlated-noise's {@link NoiseCorrelation} on the training rows: the correlation of the number columns'
 * value slots <em>within the categories</em>, i.e. of their residuals after a least-squares fit on the categorical
 * columns' one-hot slots (additive category effects; a ridge of {@value #RIDGE} keeps the one-hot blocks' collinearity
 * solvable). A sample's categories are its parents' already, so its noise should follow how the numbers vary among
 * rows of the same categories: across penguin species, bill depth falls as flipper length rises, within each species
 * both rise together (Simpson's paradox), and the plain correlation would push every sample's noise the wrong way.
 * Columns that vary together whatever the categories (a quantity and its double) keep their correlation.
 *
 * <p>Both read every k-th row of the strata's rows in order (deterministic): at most {@value #MAX_ROWS} rows, which
 * estimate a correlation to about ±0.003, and at most {@value #MAX_WORK} multiply-adds' worth for the normal
 * equations, so that a table of a million rows or of thousands of one-hot slots spends no more than a fraction of a
 * second and a few of its rows' worth of memory here.
 */
final class NoiseCorrelationFit {
  /** The ridge of the least squares, per row (RidgeNormalEquations' λ). */
  static final double RIDGE = 1e-6;
  /** The most multiply-adds the least squares' normal equations may cost (rows × (slots + 1)²). */
  static final double MAX_WORK = 2e9;
  /** The most rows read. */
  static final int MAX_ROWS = 100_000;

  private NoiseCorrelationFit() {
  }

  /**
   * The correlation of {@code codec}'s number columns that draw their own final noise, within the categories, over
   * the rows of {@code sets} (the sampleable strata's training rows) together; null when fewer than two such columns
   * have spread.
   */
  static NoiseCorrelation fit(TableCodec codec, List<TrainingSet> sets) {
    int[] slots = codec.categoricalSlots();
    int total = sets.stream().mapToInt(TrainingSet::size).sum();
    double features = slots.length + 1.0;
    long stride = Math.max(1, (long) Math.ceil(total / Math.min(MAX_ROWS, MAX_WORK / (features * features))));
    List<int[]> rows = sampledRows(sets, stride);
    double[][] readings = new double[codec.columns().size()][];
    for (int c = 0; c < readings.length; c++) {
      if (codec.drawsOwnNoise(c)) {
        readings[c] = new double[rows.size()];
        double[][] perSet = new double[sets.size()][];
        for (int k = 0; k < sets.size(); k++) {
          perSet[k] = codec.trainingReadings(c, sets.get(k).points().values(), sets.get(k).size());
        }
        for (int r = 0; r < rows.size(); r++) {
          readings[c][r] = perSet[rows.get(r)[0]][rows.get(r)[1]];
        }
      }
    }
    int[] columns = IntStream.range(0, readings.length).filter(c -> readings[c] != null).toArray();
    if (columns.length >= 2 && slots.length > 0) {
      residuals(readings, columns, slots, sets, rows);
    }
    return NoiseCorrelation.fit(readings);
  }

  /** Every {@code stride}-th row of the sets in order, as (set, row in it). */
  private static List<int[]> sampledRows(List<TrainingSet> sets, long stride) {
    List<int[]> rows = new ArrayList<>();
    long row = 0;
    for (int k = 0; k < sets.size(); k++) {
      for (int i = 0; i < sets.get(k).size(); i++, row++) {
        if (row % stride == 0) {
          rows.add(new int[] {k, i});
        }
      }
    }
    return rows;
  }

  /**
   * Replaces the present readings of {@code columns} (one per row of {@code rows}) by their residuals on an
   * intercept and the categorical {@code slots}; a missing reading (NaN) stays missing.
   */
  private static void residuals(double[][] readings, int[] columns, int[] slots, List<TrainingSet> sets,
      List<int[]> rows) {
    int features = slots.length + 1;
    double[] means = new double[columns.length];
    for (int j = 0; j < columns.length; j++) {
      means[j] = Arrays.stream(readings[columns[j]]).filter(v -> !Double.isNaN(v)).average().orElse(0);
    }
    RidgeNormalEquations equations = new RidgeNormalEquations(features, columns.length);
    double[] phi = new double[features];
    double[] targets = new double[columns.length];
    for (int r = 0; r < rows.size(); r++) {
      features(sets, rows.get(r), slots, phi);
      for (int j = 0; j < columns.length; j++) {
        double v = readings[columns[j]][r];
        targets[j] = Double.isNaN(v) ? means[j] : v; // a missing cell at the mean: it pulls no coefficient
      }
      equations.add(phi, 0, targets, 0);
    }
    double[] beta = equations.solve(RIDGE); // column-major: beta[a + j · features]
    for (int r = 0; r < rows.size(); r++) {
      features(sets, rows.get(r), slots, phi);
      for (int j = 0; j < columns.length; j++) {
        double[] values = readings[columns[j]];
        if (!Double.isNaN(values[r])) {
          double fitted = 0;
          for (int a = 0; a < features; a++) {
            fitted += beta[a + j * features] * phi[a];
          }
          values[r] -= fitted;
        }
      }
    }
  }

  /** A row's regressors: 1, then its categorical slots; {@code row} is (set, row in it). */
  private static void features(List<TrainingSet> sets, int[] row, int[] slots, double[] phi) {
    TrainingSet set = sets.get(row[0]);
    float[] x = set.points().values();
    int at = row[1] * set.dimension();
    phi[0] = 1;
    for (int k = 0; k < slots.length; k++) {
      phi[k + 1] = x[at + slots[k]];
    }
  }

  /** How the codec's final noise is drawn, for the log: "drawn together over 14 number columns, …". */
  static String describe(TableCodec codec) {
    NoiseCorrelation correlation = codec.noiseCorrelation();
    if (correlation == null) {
      return "each column's drawn by itself (fewer than two number columns with spread)";
    }
    int[] columns = correlation.columns();
    int strongest = 1;
    int partner = 0;
    for (int j = 1; j < columns.length; j++) {
      for (int k = 0; k < j; k++) {
        if (Math.abs(correlation.correlation(j, k)) > Math.abs(correlation.correlation(strongest, partner))) {
          strongest = j;
          partner = k;
        }
      }
    }
    return String.format(Locale.ROOT, "drawn together over %d number columns, correlated as their normal scores "
        + "are%s; the strongest correlation %.3f (%s, %s)", columns.length, codec.categoricalSlots().length > 0
        ? " within the categories" : "", correlation.correlation(strongest, partner),
        codec.columns().get(columns[partner]).name(), codec.columns().get(columns[strongest]).name());
  }
}
