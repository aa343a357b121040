package org.cfdmspark.knn;

/**
 * The rows of every IVF cell converted to double once and stored as the panels a vector kernel multiplies: a
 * cell's rows in groups of {@code lanes}, row r of a group in lane r, one group column after another
 * (values[(panel·d + j)·lanes + lane] = x[row][j]), the last group of each cell padded with zero rows. So
 * re-ranking a cell reads its rows contiguously and in the kernel's layout, where packing them at every call
 * cost as much as their multiply-adds (~5 queries probe a cell per sampler block). Costs (N + lanes·C)·d
 * doubles: twice the float copy of the rows. Immutable once built; shared by the threads of an executor.
 */
final class CellPanels {
  private final int lanes;
  private final int dimension;
  private final double[] values;
  /** Cell c's panels are firstPanel[c] .. firstPanel[c + 1] − 1. */
  private final int[] firstPanel;

  private CellPanels(int lanes, int dimension, double[] values, int[] firstPanel) {
    this.lanes = lanes;
    this.dimension = dimension;
    this.values = values;
    this.firstPanel = firstPanel;
  }

  /**
   * Panels of {@code lanes} rows for the cells of {@code cellOrdered}: cell c holds its rows
   * [cellStart[c], cellStart[c + 1]).
   */
  static CellPanels of(RowMatrix cellOrdered, int[] cellStart, int lanes) {
    int cells = cellStart.length - 1;
    int d = cellOrdered.dimension();
    int[] firstPanel = new int[cells + 1];
    for (int c = 0; c < cells; c++) {
      firstPanel[c + 1] = firstPanel[c] + (cellStart[c + 1] - cellStart[c] + lanes - 1) / lanes;
    }
    double[] values = new double[Math.multiplyExact(Math.multiplyExact(firstPanel[cells], d), lanes)];
    float[] x = cellOrdered.values();
    for (int c = 0; c < cells; c++) {
      for (int row = cellStart[c]; row < cellStart[c + 1]; row++) {
        int local = row - cellStart[c];
        int base = (firstPanel[c] + local / lanes) * d * lanes + local % lanes;
        for (int j = 0; j < d; j++) {
          values[base + j * lanes] = x[row * d + j];
        }
      }
    }
    return new CellPanels(lanes, d, values, firstPanel);
  }

  /** Rows per panel. */
  int lanes() {
    return lanes;
  }

  int dimension() {
    return dimension;
  }

  /** The panels, laid out as the class comment says. */
  double[] values() {
    return values;
  }

  /** The first panel of cell {@code cell}. */
  int firstPanel(int cell) {
    return firstPanel[cell];
  }

  /** How many panels cell {@code cell} has: its rows / lanes, rounded up. */
  int panelCount(int cell) {
    return firstPanel[cell + 1] - firstPanel[cell];
  }
}
