package org.cfdmspark.knn;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The IVF search's first pass in float vectors: approximate ‖x‖² − 2⟨q, x⟩ for a cell's queries against its
 * {@link CellPanels}, rows in lanes as {@link VectorDotProductKernel} lays them out, a tile of {@link #QUERY_TILE}
 * queries × {@link #PANEL_TILE} panels keeping its eight sums in registers while j runs over d. A float vector holds
 * twice the rows of a double one, and the panels are half the bytes, so the pass costs about half the double
 * kernel's; its values are a filter only (see {@link CellPanels#slack}), so they need not match any other kernel's
 * bits. The cells' panel counts are multiples of PANEL_TILE, so only the queries have a tail (a one-query tile).
 */
final class VectorPanelScan {
  private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
  static final int LANES = SPECIES.length();
  static final int QUERY_TILE = 4;
  static final int PANEL_TILE = 2;

  private VectorPanelScan() {
  }

  /** As {@link DotProductKernel#panelDistances}. */
  static void distances(float[] queries, int queryCount, CellPanels cellPanels, int firstPanel, int panelCount,
      float[] out) {
    if (!cellPanels.inFloat() || cellPanels.lanes() != LANES || panelCount % PANEL_TILE != 0) {
      throw new IllegalArgumentException("panels of " + cellPanels.lanes() + " lanes in a count of " + panelCount
          + "; this scan reads " + LANES + " lanes in multiples of " + PANEL_TILE);
    }
    int d = cellPanels.dimension();
    int panelStride = d * LANES;
    int stride = panelCount * LANES;
    float[] x = cellPanels.floatValues();
    float[] norms = cellPanels.norms();
    for (int p = 0; p < panelCount; p += PANEL_TILE) {
      int xBase = (firstPanel + p) * panelStride;
      int normBase = (firstPanel + p) * LANES;
      int q = 0;
      for (; q + QUERY_TILE <= queryCount; q += QUERY_TILE) {
        fullTile(queries, q * d, d, x, xBase, panelStride, norms, normBase, out, q * stride + p * LANES, stride);
      }
      for (; q < queryCount; q++) {
        queryTile(queries, q * d, d, x, xBase, panelStride, norms, normBase, out, q * stride + p * LANES);
      }
    }
  }

  /** As {@link DotProductKernel#firstAtMost}: a vector of values compared at a time, most of them failing. */
  static int firstAtMost(float[] values, int from, int to, float bound) {
    FloatVector limit = FloatVector.broadcast(SPECIES, bound);
    int at = from;
    for (; at <= to - LANES; at += LANES) {
      VectorMask<Float> passed = FloatVector.fromArray(SPECIES, values, at).compare(VectorOperators.LE, limit);
      if (passed.anyTrue()) {
        return at + passed.firstTrue();
      }
    }
    for (; at < to; at++) {
      if (values[at] <= bound) {
        return at;
      }
    }
    return to;
  }

  /** QUERY_TILE queries × PANEL_TILE panels: eight sums in registers, then norm − 2·sum. */
  private static void fullTile(float[] queries, int queryBase, int d, float[] x, int xBase, int panelStride,
      float[] norms, int normBase, float[] out, int outBase, int stride) {
    FloatVector a00 = FloatVector.zero(SPECIES);
    FloatVector a01 = FloatVector.zero(SPECIES);
    FloatVector a10 = FloatVector.zero(SPECIES);
    FloatVector a11 = FloatVector.zero(SPECIES);
    FloatVector a20 = FloatVector.zero(SPECIES);
    FloatVector a21 = FloatVector.zero(SPECIES);
    FloatVector a30 = FloatVector.zero(SPECIES);
    FloatVector a31 = FloatVector.zero(SPECIES);
    for (int j = 0; j < d; j++) {
      int xj = xBase + j * LANES;
      FloatVector x0 = FloatVector.fromArray(SPECIES, x, xj);
      FloatVector x1 = FloatVector.fromArray(SPECIES, x, xj + panelStride);
      FloatVector q = FloatVector.broadcast(SPECIES, queries[queryBase + j]);
      a00 = q.fma(x0, a00);
      a01 = q.fma(x1, a01);
      q = FloatVector.broadcast(SPECIES, queries[queryBase + d + j]);
      a10 = q.fma(x0, a10);
      a11 = q.fma(x1, a11);
      q = FloatVector.broadcast(SPECIES, queries[queryBase + 2 * d + j]);
      a20 = q.fma(x0, a20);
      a21 = q.fma(x1, a21);
      q = FloatVector.broadcast(SPECIES, queries[queryBase + 3 * d + j]);
      a30 = q.fma(x0, a30);
      a31 = q.fma(x1, a31);
    }
    FloatVector n0 = FloatVector.fromArray(SPECIES, norms, normBase);
    FloatVector n1 = FloatVector.fromArray(SPECIES, norms, normBase + LANES);
    FloatVector minusTwo = FloatVector.broadcast(SPECIES, -2f);
    a00.fma(minusTwo, n0).intoArray(out, outBase);
    a01.fma(minusTwo, n1).intoArray(out, outBase + LANES);
    a10.fma(minusTwo, n0).intoArray(out, outBase + stride);
    a11.fma(minusTwo, n1).intoArray(out, outBase + stride + LANES);
    a20.fma(minusTwo, n0).intoArray(out, outBase + 2 * stride);
    a21.fma(minusTwo, n1).intoArray(out, outBase + 2 * stride + LANES);
    a30.fma(minusTwo, n0).intoArray(out, outBase + 3 * stride);
    a31.fma(minusTwo, n1).intoArray(out, outBase + 3 * stride + LANES);
  }

  /** One query × PANEL_TILE panels: the last queries of a cell. */
  private static void queryTile(float[] queries, int queryBase, int d, float[] x, int xBase, int panelStride,
      float[] norms, int normBase, float[] out, int outBase) {
    FloatVector a0 = FloatVector.zero(SPECIES);
    FloatVector a1 = FloatVector.zero(SPECIES);
    for (int j = 0; j < d; j++) {
      int xj = xBase + j * LANES;
      FloatVector q = FloatVector.broadcast(SPECIES, queries[queryBase + j]);
      a0 = q.fma(FloatVector.fromArray(SPECIES, x, xj), a0);
      a1 = q.fma(FloatVector.fromArray(SPECIES, x, xj + panelStride), a1);
    }
    FloatVector minusTwo = FloatVector.broadcast(SPECIES, -2f);
    a0.fma(minusTwo, FloatVector.fromArray(SPECIES, norms, normBase)).intoArray(out, outBase);
    a1.fma(minusTwo, FloatVector.fromArray(SPECIES, norms, normBase + LANES)).intoArray(out, outBase + LANES);
  }
}
