package org.cfdmspark.knn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The double cell panels against the rows they hold, and the vector kernel's dot products over them against the
 * scalar reference on the same rows: the same bits for every (query, row), zeros for the padding rows. The float cell
 * panels against the rows they hold, and the vector kernel's float scan over them against the double
 * values the search ranks by (the scalar reference's ‖x‖² − 2⟨q, x⟩): within {@link CellPanels#slack} for every
 * (query, row), NaN for the padding rows, for cells of every tail (empty, one row, a lane short of a panel, a panel
 * and one, more than a tile) and query counts that leave a query tail, on random rows and on rows whose products
 * cancel (the float sum's worst case).
 */
class CellPanelsTest {
  private static final int DOUBLE_LANES = VectorDotProductKernel.LANES;
  private static final int LANES = VectorPanelScan.LANES;
  private static final int TILE = VectorPanelScan.PANEL_TILE;

  @Test
  void doublePanelsHoldEachCellsRowsInLanesWithZeroPadding() {
    Random random = new Random(11);
    for (int d : new int[] {1, 5, 111}) {
      int[] cellStart = cellStarts(DOUBLE_LANES);
      RowMatrix rows = VectorDotProductKernelTest.randomMatrix(cellStart[cellStart.length - 1], d, random);
      CellPanels panels = CellPanels.ofDoubles(rows, cellStart, DOUBLE_LANES);
      for (int c = 0; c < cellStart.length - 1; c++) {
        int size = cellStart[c + 1] - cellStart[c];
        assertEquals((size + DOUBLE_LANES - 1) / DOUBLE_LANES, panels.panelCount(c), "cell " + c);
        for (int local = 0; local < panels.panelCount(c) * DOUBLE_LANES; local++) {
          int base = (panels.firstPanel(c) + local / DOUBLE_LANES) * d * DOUBLE_LANES + local % DOUBLE_LANES;
          for (int j = 0; j < d; j++) {
            double expected = local < size ? rows.get(cellStart[c] + local, j) : 0;
            assertEquals(expected, panels.values()[base + j * DOUBLE_LANES],
                "cell " + c + ", row " + local + ", j " + j);
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
      int[] cellStart = cellStarts(DOUBLE_LANES);
      RowMatrix rows = VectorDotProductKernelTest.randomMatrix(cellStart[cellStart.length - 1], d, random);
      CellPanels panels = CellPanels.ofDoubles(rows, cellStart, DOUBLE_LANES);
      for (int queryCount : new int[] {1, 2, 3, 4, 5, 7, 9}) {
        int offset = 2;
        double[] queries = VectorDotProductKernelTest.randomQueries(offset + queryCount, d, random);
        for (int c = 0; c < cellStart.length - 1; c++) {
          int stride = panels.panelCount(c) * DOUBLE_LANES;
          double[] out = new double[queryCount * stride];
          Arrays.fill(out, Double.NaN);
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


  @Test
  void floatPanelsHoldEachCellsRowsInLanesPaddedToWholeTiles() {
    Random random = new Random(11);
    for (int d : new int[] {1, 5, 111}) {
      int[] cellStart = cellStarts(LANES);
      RowMatrix rows = VectorDotProductKernelTest.randomMatrix(cellStart[cellStart.length - 1], d, random);
      CellPanels panels = CellPanels.ofFloats(rows, cellStart, LANES, TILE);
      for (int c = 0; c < cellStart.length - 1; c++) {
        int size = cellStart[c + 1] - cellStart[c];
        int needed = (size + LANES - 1) / LANES;
        assertEquals((needed + TILE - 1) / TILE * TILE, panels.panelCount(c), "cell " + c);
        for (int local = 0; local < panels.panelCount(c) * LANES; local++) {
          int panel = panels.firstPanel(c) + local / LANES;
          int base = panel * d * LANES + local % LANES;
          for (int j = 0; j < d; j++) {
            double expected = local < size ? rows.get(cellStart[c] + local, j) : 0;
            assertEquals(expected, panels.floatValues()[base + j * LANES], "cell " + c + ", row " + local + ", j " + j);
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
      int[] cellStart = cellStarts(LANES);
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
    int[] cellStart = cellStarts(LANES);
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
    CellPanels panels = CellPanels.ofFloats(rows, cellStart, LANES, TILE);
    float[] floats = new float[queries.length];
    for (int i = 0; i < queries.length; i++) {
      floats[i] = (float) queries[i];
    }
    double worstShare = 0;
    for (int count : new int[] {1, 3, 4, 5, queryCount}) {
      for (int c = 0; c < cellStart.length - 1; c++) {
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

  /** Cell sizes around the panel width and the kernel's tile of panels, as cell starts. */
  private static int[] cellStarts(int lanes) {
    int[] sizes = {0, 1, lanes - 1, lanes, lanes + 1, 3 * lanes, 3 * lanes + 1, 4 * lanes + 2, 7 * lanes - 1, 43};
    int[] start = new int[sizes.length + 1];
    for (int c = 0; c < sizes.length; c++) {
      start[c + 1] = start[c] + sizes[c];
    }
    return start;
  }
}
