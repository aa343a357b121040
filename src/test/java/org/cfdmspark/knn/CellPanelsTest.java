package org.cfdmspark.knn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The pre-packed cell panels against the rows they hold, and the vector kernel's dot products over them against
 * the scalar reference on the same rows: the same bits for every (query, row), zeros for the padding rows, for
 * cells of every tail (empty, one row, a lane short of a panel, a panel and one, more than a tile) and query
 * counts that leave every kind of edge tile.
 */
class CellPanelsTest {
  private static final int LANES = VectorDotProductKernel.LANES;
  /** Cell sizes around the panel width and the kernel's tile of panels. */
  private static final int[] CELL_SIZES = {0, 1, LANES - 1, LANES, LANES + 1, 3 * LANES, 3 * LANES + 1,
      4 * LANES + 2, 7 * LANES - 1, 43};

  @Test
  void panelsHoldEachCellsRowsInLanesWithZeroPadding() {
    Random random = new Random(11);
    for (int d : new int[] {1, 5, 111}) {
      int[] cellStart = cellStarts();
      RowMatrix rows = VectorDotProductKernelTest.randomMatrix(cellStart[cellStart.length - 1], d, random);
      CellPanels panels = CellPanels.of(rows, cellStart, LANES);
      for (int c = 0; c < CELL_SIZES.length; c++) {
        int size = cellStart[c + 1] - cellStart[c];
        assertEquals((size + LANES - 1) / LANES, panels.panelCount(c), "cell " + c);
        for (int local = 0; local < panels.panelCount(c) * LANES; local++) {
          int base = (panels.firstPanel(c) + local / LANES) * d * LANES + local % LANES;
          for (int j = 0; j < d; j++) {
            double expected = local < size ? rows.get(cellStart[c] + local, j) : 0;
            assertEquals(expected, panels.values()[base + j * LANES], "cell " + c + ", row " + local + ", j " + j);
          }
        }
      }
    }
  }

  @Test
  void panelDotsMatchTheScalarReferenceBitForBit() {
    Random random = new Random(12);
    VectorDotProductKernel kernel = new VectorDotProductKernel();
    for (int d : VectorDotProductKernelTest.dimensions()) {
      int[] cellStart = cellStarts();
      RowMatrix rows = VectorDotProductKernelTest.randomMatrix(cellStart[cellStart.length - 1], d, random);
      CellPanels panels = CellPanels.of(rows, cellStart, LANES);
      for (int queryCount : new int[] {1, 2, 3, 4, 5, 7, 9}) {
        int offset = 2;
        double[] queries = VectorDotProductKernelTest.randomQueries(offset + queryCount, d, random);
        for (int c = 0; c < CELL_SIZES.length; c++) {
          int stride = panels.panelCount(c) * LANES;
          double[] out = new double[queryCount * stride];
          java.util.Arrays.fill(out, Double.NaN);
          kernel.panelDots(queries, offset, queryCount, panels, panels.firstPanel(c), panels.panelCount(c), out);
          double[] expected = new double[out.length];
          for (int q = 0; q < queryCount; q++) {
            for (int r = 0; r < cellStart[c + 1] - cellStart[c]; r++) {
              expected[q * stride + r] = ScalarDotProductKernel.dot(queries, (offset + q) * d, rows.values(),
                  (cellStart[c] + r) * d, d);
            }
          }
          VectorDotProductKernelTest.assertSameBits(expected, out, out.length,
              "d " + d + ", " + queryCount + " queries, cell " + c);
        }
      }
    }
  }

  private static int[] cellStarts() {
    int[] start = new int[CELL_SIZES.length + 1];
    for (int c = 0; c < CELL_SIZES.length; c++) {
      start[c + 1] = start[c] + CELL_SIZES[c];
    }
    return start;
  }
}
