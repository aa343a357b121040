package org.cfdmspark.knn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The float cell panels against the rows they hold, and the vector kernel's float scan over them against the double
 * values the search ranks by (the scalar reference's ‖x‖² − 2⟨q, x⟩): within {@link CellPanels#slack} for every
 * (query, row), NaN for the padding rows, for cells of every tail (empty, one row, a lane short of a panel, a panel
 * and one, more than a tile) and query counts that leave a query tail, on random rows and on rows whose products
 * cancel (the float sum's worst case).
 */
class CellPanelsTest {
  private static final int LANES = VectorPanelScan.LANES;
  private static final int TILE = VectorPanelScan.PANEL_TILE;
  /** Cell sizes around the panel width and the kernel's tile of panels. */
  private static final int[] CELL_SIZES = {0, 1, LANES - 1, LANES, LANES + 1, 3 * LANES, 3 * LANES + 1,
      4 * LANES + 2, 7 * LANES - 1, 43};

  @Test
  void panelsHoldEachCellsRowsInLanesPaddedToWholeTiles() {
    Random random = new Random(11);
    for (int d : new int[] {1, 5, 111}) {
      int[] cellStart = cellStarts();
      RowMatrix rows = VectorDotProductKernelTest.randomMatrix(cellStart[cellStart.length - 1], d, random);
      CellPanels panels = CellPanels.of(rows, cellStart, LANES, TILE);
      for (int c = 0; c < CELL_SIZES.length; c++) {
        int size = cellStart[c + 1] - cellStart[c];
        int needed = (size + LANES - 1) / LANES;
        assertEquals((needed + TILE - 1) / TILE * TILE, panels.panelCount(c), "cell " + c);
        for (int local = 0; local < panels.panelCount(c) * LANES; local++) {
          int panel = panels.firstPanel(c) + local / LANES;
          int base = panel * d * LANES + local % LANES;
          for (int j = 0; j < d; j++) {
            double expected = local < size ? rows.get(cellStart[c] + local, j) : 0;
            assertEquals(expected, panels.values()[base + j * LANES], "cell " + c + ", row " + local + ", j " + j);
          }
          float norm = panels.norms()[panel * LANES + local % LANES];
          if (local < size) {
            assertEquals((float) rows.squaredNorms()[cellStart[c] + local], norm, "norm, cell " + c + ", row " + local);
          } else {
            assertTrue(Float.isNaN(norm), "padding norm, cell " + c + ", row " + local);
          }
        }
      }
    }
  }

  @Test
  void floatScanStaysWithinItsSlackOfTheDoubleValues() {
    Random random = new Random(12);
    VectorDotProductKernel kernel = new VectorDotProductKernel();
    for (int d : VectorDotProductKernelTest.dimensions()) {
      int[] cellStart = cellStarts();
      RowMatrix rows = VectorDotProductKernelTest.randomMatrix(cellStart[cellStart.length - 1], d, random);
      assertWithinSlack(kernel, rows, cellStart, VectorDotProductKernelTest.randomQueries(9, d, random), "random, d "
          + d);
    }
  }

  /**
   * Rows of large alternating values and queries nearly orthogonal to them: the products cancel, so the float sum's
   * error is near its bound's scale, far above its value. The largest error seen must be a sizeable share of the
   * slack (the bound is not vacuous) and never above it.
   */
  @Test
  void cancellingProductsStayWithinTheSlackAndUseAGoodShareOfIt() {
    Random random = new Random(13);
    VectorDotProductKernel kernel = new VectorDotProductKernel();
    int d = 64;
    int[] cellStart = cellStarts();
    int n = cellStart[cellStart.length - 1];
    float[] values = new float[n * d];
    for (int i = 0; i < values.length; i++) {
      values[i] = (float) ((i % 2 == 0 ? 1 : -1) * 1000 * (1 + 1e-3 * random.nextGaussian()));
    }
    RowMatrix rows = RowMatrix.of(n, d, values);
    double[] queries = new double[9 * d];
    for (int i = 0; i < queries.length; i++) {
      queries[i] = 1000 * (1 + 1e-7 * random.nextGaussian()) + random.nextGaussian() * 1e-3;
    }
    double worstShare = assertWithinSlack(kernel, rows, cellStart, queries, "cancelling");
    assertTrue(worstShare > 1e-3, "largest error " + worstShare + " of the slack: the cases do not exercise it");
  }

  /** Asserts every scanned value within its slack of the double value; returns the largest error / slack seen. */
  private static double assertWithinSlack(VectorDotProductKernel kernel, RowMatrix rows, int[] cellStart,
      double[] queries, String where) {
    int d = rows.dimension();
    int queryCount = queries.length / d;
    CellPanels panels = CellPanels.of(rows, cellStart, LANES, TILE);
    float[] floats = new float[queries.length];
    for (int i = 0; i < queries.length; i++) {
      floats[i] = (float) queries[i];
    }
    double worstShare = 0;
    for (int count : new int[] {1, 3, 4, 5, queryCount}) {
      for (int c = 0; c < CELL_SIZES.length; c++) {
        int stride = panels.panelCount(c) * LANES;
        float[] out = new float[count * stride];
        kernel.panelDistances(floats, count, panels, panels.firstPanel(c), panels.panelCount(c), out);
        for (int q = 0; q < count; q++) {
          double norm = norm(queries, q * d, d);
          assertTrue(panels.scannable(norm), where);
          double slack = panels.slack(norm);
          for (int r = 0; r < stride; r++) {
            float value = out[q * stride + r];
            if (r >= cellStart[c + 1] - cellStart[c]) {
              assertTrue(Float.isNaN(value), where + ": padding row " + r + " of cell " + c + " gave " + value);
              continue;
            }
            int row = cellStart[c] + r;
            double exact = rows.squaredNorms()[row]
                - 2 * ScalarDotProductKernel.dot(queries, q * d, rows.values(), row * d, d);
            double error = Math.abs(value - exact);
            assertTrue(error <= slack, where + ", " + count + " queries, cell " + c + ", query " + q + ", row " + r
                + ": float " + value + ", double " + exact + ", slack " + slack);
            worstShare = Math.max(worstShare, error / slack);
          }
        }
      }
    }
    return worstShare;
  }

  private static double norm(double[] values, int base, int d) {
    double sum = 0;
    for (int j = 0; j < d; j++) {
      sum += values[base + j] * values[base + j];
    }
    return Math.sqrt(sum);
  }

  private static int[] cellStarts() {
    int[] start = new int[CELL_SIZES.length + 1];
    for (int c = 0; c < CELL_SIZES.length; c++) {
      start[c + 1] = start[c] + CELL_SIZES[c];
    }
    return start;
  }
}
