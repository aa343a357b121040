package org.cfdmspark.knn;

import java.io.Serializable;
import java.util.Arrays;

/**
 * An immutable set of n points in R^d, stored row-major in one flat {@code float[]} with each row's squared
 * norm precomputed. Float storage halves the memory (and the Spark broadcast) of the training set; every
 * consumer does its arithmetic in double.
 */
public final class RowMatrix implements Serializable {
  private static final long serialVersionUID = 1L;

  private final int rows;
  private final int dimension;
  private final float[] values;
  private final double[] squaredNorms;
  /** Computed on first use and never serialized, as {@link IvfCells}' panels. */
  private transient volatile DistinctRows distinctRows;
  /** The rows as one cell of float panels, built on first use and never serialized. */
  private transient volatile CellPanels floatPanels;

  private RowMatrix(int rows, int dimension, float[] values) {
    this.rows = rows;
    this.dimension = dimension;
    this.values = values;
    this.squaredNorms = new double[rows];
    for (int i = 0; i < rows; i++) {
      double sum = 0;
      for (int j = 0, base = i * dimension; j < dimension; j++) {
        double v = values[base + j];
        sum += v * v;
      }
      squaredNorms[i] = sum;
    }
  }

  /** Copies {@code values} (row-major, {@code rows * dimension} entries). */
  public static RowMatrix of(int rows, int dimension, float[] values) {
    if (rows < 1 || dimension < 1) {
      throw new IllegalArgumentException("a matrix needs at least one row and one column, got " + rows + " x " + dimension);
    }
    if ((long) rows * dimension != values.length) {
      throw new IllegalArgumentException("expected " + (long) rows * dimension + " values for " + rows + " x " + dimension
          + ", got " + values.length);
    }
    for (float v : values) {
      if (!Float.isFinite(v)) {
        throw new IllegalArgumentException("matrix values must be finite, found " + v);
      }
    }
    return new RowMatrix(rows, dimension, Arrays.copyOf(values, values.length));
  }

  /** Builds a matrix from double rows (each of the same length). */
  public static RowMatrix ofRows(double[][] rowValues) {
    int d = rowValues.length == 0 ? 0 : rowValues[0].length;
    float[] flat = new float[rowValues.length * d];
    for (int i = 0; i < rowValues.length; i++) {
      if (rowValues[i].length != d) {
        throw new IllegalArgumentException("row " + i + " has " + rowValues[i].length + " values, expected " + d);
      }
      for (int j = 0; j < d; j++) {
        flat[i * d + j] = (float) rowValues[i][j];
      }
    }
    return of(rowValues.length, d, flat);
  }

  public int rows() {
    return rows;
  }

  public int dimension() {
    return dimension;
  }

  /** Entry (row, column). */
  public float get(int row, int column) {
    return values[row * dimension + column];
  }

  /** ‖x_row‖². */
  public double squaredNorm(int row) {
    return squaredNorms[row];
  }

  /**
   * The backing row-major array, shared for speed by the kernels in this package and by the estimators in
   * {@code core}. Callers must not modify it.
   */
  public float[] values() {
    return values;
  }

  /** The squared norms, shared like {@link #values()}; callers must not modify it. */
  public double[] squaredNorms() {
    return squaredNorms;
  }

  /**
   * The rows as one cell of float panels ({@link CellPanels#ofFloats}) of the given layout, built once per matrix
   * object and layout: a vector kernel's exact scans ({@link BruteForceIndex}) read them.
   */
  CellPanels floatPanels(int lanes, int panelTile) {
    CellPanels built = floatPanels;
    if (built == null || !built.fits(lanes, panelTile, true)) {
      synchronized (this) {
        built = floatPanels;
        if (built == null || !built.fits(lanes, panelTile, true)) {
          built = CellPanels.ofFloats(this, new int[] {0, rows}, lanes, panelTile);
          floatPanels = built;
        }
      }
    }
    return built;
  }

  /** The groups of equal rows, computed once per matrix object ({@link DistinctRows#of}). */
  DistinctRows distinctRows() {
    DistinctRows groups = distinctRows;
    if (groups == null) {
      groups = DistinctRows.group(this);
      distinctRows = groups;
    }
    return groups;
  }

  /** A new matrix holding the given rows, in the given order. */
  public RowMatrix select(int[] rowIndices) {
    float[] out = new float[rowIndices.length * dimension];
    for (int i = 0; i < rowIndices.length; i++) {
      System.arraycopy(values, rowIndices[i] * dimension, out, i * dimension, dimension);
    }
    return of(rowIndices.length, dimension, out);
  }
}
