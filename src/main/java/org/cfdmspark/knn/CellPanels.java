package org.cfdmspark.knn;

import java.util.Arrays;

/**
 * The rows of every IVF cell stored once as the panels a vector kernel multiplies: a cell's rows in groups of
 * {@code lanes}, row r of a group in lane r, one group column after another (values[(panel·d + j)·lanes + lane] =
 * x[row][j]), each cell's panels padded with rows of zeros to a multiple of {@code panelTile}. Re-ranking a cell
 * then reads its rows contiguously and in the kernel's layout, where packing them at every call cost as much as their
 * multiply-adds (~5 queries probe a cell per sampler block). Immutable once built; shared by the threads of an
 * executor. Two forms:
 *
 * <ul>
 *   <li><b>double</b> ({@link #ofDoubles}, {@link DotProductKernel#panelDots}): the rows converted once, for the
 *       exact products; (N + lanes·C)·d doubles, twice the float copy of the rows;
 *   <li><b>float</b> ({@link #ofFloats}, {@link DotProductKernel#panelDistances}): the rows as they are (floats
 *       already, so exact), with their squared norms in the same lanes (NaN for the padding, so that no padding row
 *       ever passes a filter), for a float scan whose values are only a filter: {@link #slack} bounds how far each can
 *       be from the double value the search ranks by (see {@link FloatScanCandidates}). Half the bytes, and a float
 *       vector holds twice the rows; about (N + lanes·panelTile·C)·(d + 1) floats.
 * </ul>
 */
final class CellPanels {
  /** The unit roundoff of float arithmetic, 2⁻²⁴. */
  private static final double FLOAT_UNIT = 0x1p-24;

  private final int lanes;
  private final int panelTile;
  private final int dimension;
  /** Cell c's panels are firstPanel[c] .. firstPanel[c + 1] − 1. */
  private final int[] firstPanel;
  /** The double form's values, or null. */
  private final double[] doubles;
  /** The float form's values and norms, or null. */
  private final float[] floats;
  private final float[] norms;
  private final double largestNorm;

  private CellPanels(int lanes, int panelTile, int dimension, int[] firstPanel, double[] doubles, float[] floats,
      float[] norms, double largestNorm) {
    this.lanes = lanes;
    this.panelTile = panelTile;
    this.dimension = dimension;
    this.firstPanel = firstPanel;
    this.doubles = doubles;
    this.floats = floats;
    this.norms = norms;
    this.largestNorm = largestNorm;
  }

  /**
   * Double panels of {@code lanes} rows for the cells of {@code cellOrdered}, whose cell c holds its rows
   * [cellStart[c], cellStart[c + 1]).
   */
  static CellPanels ofDoubles(RowMatrix cellOrdered, int[] cellStart, int lanes) {
    return of(cellOrdered, cellStart, lanes, 1, false);
  }

  /**
   * Float panels of {@code lanes} rows for the cells of {@code cellOrdered}, each cell's panel count rounded up to a
   * multiple of {@code panelTile}, with the rows' norms.
   */
  static CellPanels ofFloats(RowMatrix cellOrdered, int[] cellStart, int lanes, int panelTile) {
    return of(cellOrdered, cellStart, lanes, panelTile, true);
  }

  private static CellPanels of(RowMatrix cellOrdered, int[] cellStart, int lanes, int panelTile, boolean inFloat) {
    int cells = cellStart.length - 1;
    int d = cellOrdered.dimension();
    int[] firstPanel = new int[cells + 1];
    for (int c = 0; c < cells; c++) {
      int panels = (cellStart[c + 1] - cellStart[c] + lanes - 1) / lanes;
      firstPanel[c + 1] = firstPanel[c] + (panels + panelTile - 1) / panelTile * panelTile;
    }
    int size = Math.multiplyExact(Math.multiplyExact(firstPanel[cells], d), lanes);
    double[] doubles = inFloat ? null : new double[size];
    float[] floats = inFloat ? new float[size] : null;
    float[] norms = inFloat ? new float[Math.multiplyExact(firstPanel[cells], lanes)] : null;
    if (inFloat) {
      Arrays.fill(norms, Float.NaN);
    }
    float[] x = cellOrdered.values();
    double[] squaredNorms = cellOrdered.squaredNorms();
    double largestSquared = 0;
    for (int c = 0; c < cells; c++) {
      for (int row = cellStart[c]; row < cellStart[c + 1]; row++) {
        int local = row - cellStart[c];
        int panel = firstPanel[c] + local / lanes;
        int base = panel * d * lanes + local % lanes;
        for (int j = 0; j < d; j++) {
          if (inFloat) {
            floats[base + j * lanes] = x[row * d + j];
          } else {
            doubles[base + j * lanes] = x[row * d + j];
          }
        }
        if (inFloat) {
          norms[panel * lanes + local % lanes] = (float) squaredNorms[row];
        }
        largestSquared = Math.max(largestSquared, squaredNorms[row]);
      }
    }
    return new CellPanels(lanes, panelTile, d, firstPanel, doubles, floats, norms, Math.sqrt(largestSquared));
  }

  /** True for the float form. */
  boolean inFloat() {
    return floats != null;
  }

  /** True when these are the panels asked for: this form, lanes and tile (the double form's tile is 1). */
  boolean fits(int lanes, int panelTile, boolean inFloat) {
    return this.lanes == lanes && this.panelTile == (inFloat ? panelTile : 1) && inFloat() == inFloat;
  }

  /** Rows per panel. */
  int lanes() {
    return lanes;
  }

  /** Panels each cell's panel count is a multiple of. */
  int panelTile() {
    return panelTile;
  }

  int dimension() {
    return dimension;
  }

  /** The double form's panels, laid out as the class comment says (null for the float form). */
  double[] values() {
    return doubles;
  }

  /** The float form's panels, laid out as the class comment says (null for the double form). */
  float[] floatValues() {
    return floats;
  }

  /** The float form's norms[panel·lanes + lane]: the lane's row's squared norm, rounded to float; NaN for padding. */
  float[] norms() {
    return norms;
  }

  /** The first panel of cell {@code cell}. */
  int firstPanel(int cell) {
    return firstPanel[cell];
  }

  /** How many panels cell {@code cell} has: its rows / lanes, rounded up to a multiple of the panel tile. */
  int panelCount(int cell) {
    return firstPanel[cell + 1] - firstPanel[cell];
  }

  /** The least float at or above {@code value}: a filter's bound on scanned values loses no row to its rounding. */
  static float roundedUp(double value) {
    float rounded = (float) value;
    return rounded < value ? Math.nextUp(rounded) : rounded;
  }

  /**
   * True when a query of this Euclidean norm can be scanned in float: every value of the scan stays far inside
   * float's range (else the search ranks that query's rows in double).
   */
  boolean scannable(double queryNorm) {
    return (queryNorm + largestNorm) * (queryNorm + largestNorm) < 1e30;
  }

  /**
   * A bound on |v − w| for any row x of these panels and a {@link #scannable} query q of Euclidean norm
   * {@code queryNorm}: v the scan's float value of ‖x‖² − 2⟨q, x⟩ (q rounded to float, a sum of d fused
   * multiply-adds in any order, the float norm subtracted), w the double value a {@link DotProductKernel} gives.
   * From the standard bounds (Higham, <i>Accuracy and Stability of Numerical Algorithms</i>, 2nd ed., §3.1): the
   * sum's error is at most γ_d·Σ|q_j·x_j| ≤ γ_d·‖q‖·‖x‖ (Cauchy–Schwarz), rounding q costs u·‖q‖·‖x‖, the float
   * norm u·‖x‖², the subtraction u·|v|; so |v − w| ≤ 2(d + 4)·u·(‖q‖·X + X²) with X the largest row norm, u = 2⁻²⁴,
   * with 1 % to spare for γ_d's denominator and the double value's own rounding (2⁻⁵³-relative), and an absolute
   * term for values below float's normal range.
   */
  double slack(double queryNorm) {
    double scale = queryNorm * largestNorm + largestNorm * largestNorm;
    return 2.0 * (dimension + 4) * FLOAT_UNIT * scale * 1.01 + dimension * (1 + queryNorm + largestNorm) * 0x1p-120;
  }
}
