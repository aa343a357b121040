package org.cfdmspark.knn;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * Dot products with the JDK Vector API, laid out like a GEMM micro-kernel: the matrix rows of a block are
 * packed (converted to double) into panels of {@link #LANES} rows, row r of a panel in lane r, so one vector
 * holds one column of LANES rows. A tile of {@link #QUERY_TILE} queries × {@link #PANEL_TILE} panels keeps
 * its sums in registers while the depth index j runs, each query value broadcast across the lanes.
 *
 * <p>Why rows in lanes rather than d in lanes: every (query, row) product is then one lane doing
 * sum = fma(q_j, x_j, sum) for j = 0, 1, …, d−1 in order, whatever the tile, the block shape or the padding —
 * so results are bit-identical for any block sizes and any vector width (no horizontal reduction whose order
 * could vary: the order is fixed by the code, not by the hardware), d needs no tail handling, and
 * {@link ScalarDotProductKernel} reproduces every bit with the same fused loop.
 *
 * <p>Cache blocking: the depth runs in chunks of {@link #DEPTH_BLOCK} so a tile's panels (PANEL_TILE·LANES
 * rows × DEPTH_BLOCK doubles) stay in L1 while every query tile passes over them; partial sums wait in
 * memory between chunks (stored exactly, so chunking does not change any bit either) — in the output array
 * itself when the rows fill whole panels, so the common 256-row block needs no scratch sums and no copy.
 *
 * <p>Not thread-safe (owns the packing buffers): one instance per thread, as {@link DotProductKernel#best()}
 * hands out.
 */
final class VectorDotProductKernel implements DotProductKernel {
  private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;
  static final int LANES = SPECIES.length();
  /**
   * Floats as many as the double lanes: a gather of one column of scattered rows, widened to doubles; null where
   * no vector shape holds them (a scalable vector wider than 512 bits: {@link #scatteredDots} runs the scalar
   * loop).
   */
  private static final VectorSpecies<Float> FLOATS = LANES * Float.SIZE >= 64 && LANES * Float.SIZE <= 512
      ? VectorSpecies.of(float.class, VectorShape.forBitSize(LANES * Float.SIZE)) : null;
  static final int QUERY_TILE = 4;
  static final int PANEL_TILE = 3;
  /** 128: a full tile's panels (3 × 128 × 8 doubles = 24 KB) stay inside a 32 KB L1; best of 32..256 at d = 784. */
  static final int DEPTH_BLOCK = 128;

  /** One vector of zeros: where the sums of a first depth chunk are loaded from (at offset 0). */
  private static final double[] ZEROS = new double[LANES];

  /** {@link #scatteredDots}'s row bases, the idle lanes' pointing at the first row. */
  private final int[] gatherBases = new int[ScalarDotProductKernel.BATCH];
  private double[] panels = new double[0];
  private double[] scratch = new double[0];
  private double[] weightedNorms = new double[0];

  /** True when the preferred double vector is wide enough (≥ 4 lanes) to beat the scalar loop. */
  static boolean worthwhile() {
    return LANES >= 4;
  }

  @Override
  public void dots(double[] queries, int queryOffset, int queryCount, RowMatrix matrix, int firstRow, int rowCount,
      double[] out) {
    int d = matrix.dimension();
    int panelCount = (rowCount + LANES - 1) / LANES;
    int stride = panelCount * LANES;
    // When the rows fill whole panels the sums can live in out itself (same layout): no copy at the end.
    double[] target = stride == rowCount ? out : scratchSums(queryCount * stride);
    if (panels.length < stride * DEPTH_BLOCK) {
      panels = new double[stride * DEPTH_BLOCK];
    }
    for (int j0 = 0; j0 < d; j0 += DEPTH_BLOCK) {
      int depth = Math.min(DEPTH_BLOCK, d - j0);
      // Sums start at zero in the first depth chunk, else where the previous chunk left them. The choice is made
      // here, as a source array and an offset scale, so the tiles hold no branch: C2 had compiled a branch per
      // accumulator as never taken (d <= 64), deoptimised on each at d = 784, and left the tile in slow
      // interpreted-vector code (measured 12x slower).
      double[] from = j0 == 0 ? ZEROS : target;
      int fromScale = j0 == 0 ? 0 : 1;
      pack(matrix, firstRow, rowCount, panelCount, j0, depth);
      multiply(queries, queryOffset, queryCount, d, j0, depth, panels, 0, panelCount, target, stride, from, fromScale);
    }
    if (target != out) {
      for (int q = 0; q < queryCount; q++) {
        System.arraycopy(target, q * stride, out, q * rowCount, rowCount);
      }
    }
  }

  @Override
  public int panelLanes() {
    return LANES;
  }

  @Override
  public int floatPanelLanes() {
    return VectorPanelScan.LANES;
  }

  @Override
  public int floatPanelTile() {
    return VectorPanelScan.PANEL_TILE;
  }

  /**
   * The scattered rows in lanes, as {@link #dots} puts a panel's rows: for each j one gather of the rows' j-th
   * floats, widened, and one fused multiply-add per lane with q_j broadcast, so each lane runs the scalar order.
   * A third of the scalar loop's time for 8 rows of 122 values (0.32 against 1.0 µs on AVX-512): the warm IVF
   * search evaluates some 80 of credit default's 693 centroids per query in such batches, and in the scalar loop
   * they were a fifth of a sampling run's CPU.
   */
  @Override
  public void scatteredDots(double[] queries, int queryBase, float[] x, int[] rowBases, int count, int d,
      int columnStride, double[] out) {
    if (count <= 1 || FLOATS == null || ScalarDotProductKernel.BATCH % LANES != 0) {
      ScalarDotProductKernel.dotsAt(queries, queryBase, x, rowBases, count, d, columnStride, out);
      return;
    }
    int vectors = (count + LANES - 1) / LANES;
    for (int i = 0; i < vectors * LANES; i++) {
      gatherBases[i] = i < count ? rowBases[i] : rowBases[0];
    }
    for (int v = 0; v < vectors; v++) {
      DoubleVector sum = DoubleVector.zero(SPECIES);
      for (int j = 0; j < d; j++) {
        DoubleVector column = (DoubleVector) FloatVector.fromArray(FLOATS, x, j * columnStride, gatherBases, v * LANES)
            .convertShape(VectorOperators.F2D, SPECIES, 0);
        sum = column.fma(DoubleVector.broadcast(SPECIES, queries[queryBase + j]), sum);
      }
      sum.intoArray(out, v * LANES);
    }
  }

  /** The rows come packed: no conversion, no copy, the whole depth in one pass (a cell's panel tile fits L1). */
  @Override
  public void panelDots(double[] queries, int queryOffset, int queryCount, CellPanels cellPanels, int firstPanel,
      int panelCount, double[] out) {
    if (cellPanels.lanes() != LANES || cellPanels.inFloat()) {
      throw new IllegalArgumentException("panels of " + cellPanels.lanes() + (cellPanels.inFloat() ? " float" : "")
          + " lanes, this kernel multiplies " + LANES + " double lanes");
    }
    int d = cellPanels.dimension();
    multiply(queries, queryOffset, queryCount, d, 0, d, cellPanels.values(), firstPanel * d * LANES, panelCount, out,
        panelCount * LANES, ZEROS, 0);
  }

  /** The cells' float panels, in {@link VectorPanelScan}'s float tiles. */
  @Override
  public void panelDistances(float[] queries, int queryCount, CellPanels cellPanels, int firstPanel, int panelCount,
      float[] out) {
    VectorPanelScan.distances(queries, queryCount, cellPanels, firstPanel, panelCount, out);
  }

  @Override
  public int firstAtMost(float[] values, int from, int to, float bound) {
    return VectorPanelScan.firstAtMost(values, from, to, bound);
  }

  /**
   * sums[q·stride + p·LANES + lane] = from + Σ_j q_j·x_j over depth j0 .. j0 + depth − 1, for the panelCount panels
   * of x from xBase (panel p at xBase + p·depth·LANES, column j at j·LANES) and the queryCount queries. Tiles of
   * QUERY_TILE × PANEL_TILE; the edges in tiles of one query × PANEL_TILE panels or QUERY_TILE queries × one
   * panel, so that several independent chains still fill the FMA pipeline (one chain waits on each add).
   */
  private static void multiply(double[] queries, int queryOffset, int queryCount, int d, int j0, int depth,
      double[] x, int xBase, int panelCount, double[] sums, int stride, double[] from, int fromScale) {
    int panelStride = depth * LANES;
    for (int p = 0; p < panelCount; p += PANEL_TILE) {
      int tilePanels = Math.min(PANEL_TILE, panelCount - p);
      int panelBase = xBase + p * panelStride;
      for (int q = 0; q < queryCount; q += QUERY_TILE) {
        int tileQueries = Math.min(QUERY_TILE, queryCount - q);
        int queryBase = (queryOffset + q) * d + j0;
        int sumBase = q * stride + p * LANES;
        if (tileQueries == QUERY_TILE && tilePanels == PANEL_TILE) {
          fullTile(queries, queryBase, d, depth, x, panelBase, panelStride, sums, sumBase, stride, from, fromScale);
        } else if (tilePanels == PANEL_TILE) {
          for (int tq = 0; tq < tileQueries; tq++) {
            queryTile(queries, queryBase + tq * d, depth, x, panelBase, panelStride, sums, sumBase + tq * stride,
                from, fromScale);
          }
        } else if (tileQueries == QUERY_TILE) {
          for (int tp = 0; tp < tilePanels; tp++) {
            panelTile(queries, queryBase, d, depth, x, panelBase + tp * panelStride, sums, sumBase + tp * LANES,
                stride, from, fromScale);
          }
        } else {
          for (int tq = 0; tq < tileQueries; tq++) {
            for (int tp = 0; tp < tilePanels; tp++) {
              singleTile(queries, queryBase + tq * d, depth, x, panelBase + tp * panelStride, sums,
                  sumBase + tq * stride + tp * LANES, from, fromScale);
            }
          }
        }
      }
    }
  }

  /**
   * The logit pass in vectors: at small d it costs as much as the dot products, and a scalar running maximum is
   * a latency-bound chain. The same three roundings per element as {@link DotProductKernel#logit} (the row's
   * weighted norm, the weighted dot product, their difference), and an exact maximum.
   */
  @Override
  public void logits(double[] queries, int queryOffset, int queryCount, RowMatrix matrix, int firstRow,
      int rowCount, double dotWeight, double normWeight, double[] out, double[] maxima) {
    dots(queries, queryOffset, queryCount, matrix, firstRow, rowCount, out);
    if (weightedNorms.length < rowCount) {
      weightedNorms = new double[rowCount];
    }
    double[] norms = matrix.squaredNorms();
    for (int r = 0; r < rowCount; r++) {
      weightedNorms[r] = normWeight * norms[firstRow + r];
    }
    int whole = rowCount - rowCount % LANES;
    DoubleVector weight = DoubleVector.broadcast(SPECIES, dotWeight);
    for (int q = 0; q < queryCount; q++) {
      int base = q * rowCount;
      DoubleVector max = DoubleVector.broadcast(SPECIES, Double.NEGATIVE_INFINITY);
      for (int r = 0; r < whole; r += LANES) {
        DoubleVector logit = DoubleVector.fromArray(SPECIES, out, base + r).mul(weight)
            .sub(DoubleVector.fromArray(SPECIES, weightedNorms, r));
        logit.intoArray(out, base + r);
        max = max.max(logit);
      }
      double blockMax = max.reduceLanes(VectorOperators.MAX);
      for (int r = whole; r < rowCount; r++) {
        out[base + r] = DotProductKernel.logit(dotWeight, normWeight, out[base + r], norms[firstRow + r]);
        blockMax = Math.max(blockMax, out[base + r]);
      }
      maxima[q] = blockMax;
    }
  }

  private double[] scratchSums(int length) {
    if (scratch.length < length) {
      scratch = new double[length];
    }
    return scratch;
  }

  /**
   * panels[(p·depth + j)·LANES + lane] = x[firstRow + p·LANES + lane][j0 + j], zero past the last row. Reads
   * each row sequentially (measured faster than writing the panels sequentially from LANES rows at once).
   */
  private void pack(RowMatrix matrix, int firstRow, int rowCount, int panelCount, int j0, int depth) {
    int d = matrix.dimension();
    float[] x = matrix.values();
    for (int p = 0; p < panelCount; p++) {
      int panelBase = p * depth * LANES;
      for (int lane = 0; lane < LANES; lane++) {
        int r = p * LANES + lane;
        if (r < rowCount) {
          int rowBase = (firstRow + r) * d + j0;
          for (int j = 0; j < depth; j++) {
            panels[panelBase + j * LANES + lane] = x[rowBase + j];
          }
        } else {
          for (int j = 0; j < depth; j++) {
            panels[panelBase + j * LANES + lane] = 0;
          }
        }
      }
    }
  }

  /** QUERY_TILE queries × PANEL_TILE panels, twelve accumulators in registers. */
  private static void fullTile(double[] queries, int queryBase, int d, int depth, double[] x, int x0Base,
      int panelStride, double[] sums, int sumBase, int stride, double[] from, int fromScale) {
    int s0 = sumBase;
    int s1 = s0 + stride;
    int s2 = s1 + stride;
    int s3 = s2 + stride;
    DoubleVector a00 = DoubleVector.fromArray(SPECIES, from, fromScale * s0);
    DoubleVector a01 = DoubleVector.fromArray(SPECIES, from, fromScale * (s0 + LANES));
    DoubleVector a02 = DoubleVector.fromArray(SPECIES, from, fromScale * (s0 + 2 * LANES));
    DoubleVector a10 = DoubleVector.fromArray(SPECIES, from, fromScale * s1);
    DoubleVector a11 = DoubleVector.fromArray(SPECIES, from, fromScale * (s1 + LANES));
    DoubleVector a12 = DoubleVector.fromArray(SPECIES, from, fromScale * (s1 + 2 * LANES));
    DoubleVector a20 = DoubleVector.fromArray(SPECIES, from, fromScale * s2);
    DoubleVector a21 = DoubleVector.fromArray(SPECIES, from, fromScale * (s2 + LANES));
    DoubleVector a22 = DoubleVector.fromArray(SPECIES, from, fromScale * (s2 + 2 * LANES));
    DoubleVector a30 = DoubleVector.fromArray(SPECIES, from, fromScale * s3);
    DoubleVector a31 = DoubleVector.fromArray(SPECIES, from, fromScale * (s3 + LANES));
    DoubleVector a32 = DoubleVector.fromArray(SPECIES, from, fromScale * (s3 + 2 * LANES));
    for (int j = 0; j < depth; j++) {
      int xj = x0Base + j * LANES;
      DoubleVector x0 = DoubleVector.fromArray(SPECIES, x, xj);
      DoubleVector x1 = DoubleVector.fromArray(SPECIES, x, xj + panelStride);
      DoubleVector x2 = DoubleVector.fromArray(SPECIES, x, xj + 2 * panelStride);
      DoubleVector q = DoubleVector.broadcast(SPECIES, queries[queryBase + j]);
      a00 = q.fma(x0, a00);
      a01 = q.fma(x1, a01);
      a02 = q.fma(x2, a02);
      q = DoubleVector.broadcast(SPECIES, queries[queryBase + d + j]);
      a10 = q.fma(x0, a10);
      a11 = q.fma(x1, a11);
      a12 = q.fma(x2, a12);
      q = DoubleVector.broadcast(SPECIES, queries[queryBase + 2 * d + j]);
      a20 = q.fma(x0, a20);
      a21 = q.fma(x1, a21);
      a22 = q.fma(x2, a22);
      q = DoubleVector.broadcast(SPECIES, queries[queryBase + 3 * d + j]);
      a30 = q.fma(x0, a30);
      a31 = q.fma(x1, a31);
      a32 = q.fma(x2, a32);
    }
    a00.intoArray(sums, s0);
    a01.intoArray(sums, s0 + LANES);
    a02.intoArray(sums, s0 + 2 * LANES);
    a10.intoArray(sums, s1);
    a11.intoArray(sums, s1 + LANES);
    a12.intoArray(sums, s1 + 2 * LANES);
    a20.intoArray(sums, s2);
    a21.intoArray(sums, s2 + LANES);
    a22.intoArray(sums, s2 + 2 * LANES);
    a30.intoArray(sums, s3);
    a31.intoArray(sums, s3 + LANES);
    a32.intoArray(sums, s3 + 2 * LANES);
  }

  /** One query × PANEL_TILE panels: the last queries of a block, three chains. */
  private static void queryTile(double[] queries, int queryBase, int depth, double[] x, int x0Base, int panelStride,
      double[] sums, int sumBase, double[] from, int fromScale) {
    DoubleVector a0 = DoubleVector.fromArray(SPECIES, from, fromScale * sumBase);
    DoubleVector a1 = DoubleVector.fromArray(SPECIES, from, fromScale * (sumBase + LANES));
    DoubleVector a2 = DoubleVector.fromArray(SPECIES, from, fromScale * (sumBase + 2 * LANES));
    for (int j = 0; j < depth; j++) {
      int xj = x0Base + j * LANES;
      DoubleVector q = DoubleVector.broadcast(SPECIES, queries[queryBase + j]);
      a0 = q.fma(DoubleVector.fromArray(SPECIES, x, xj), a0);
      a1 = q.fma(DoubleVector.fromArray(SPECIES, x, xj + panelStride), a1);
      a2 = q.fma(DoubleVector.fromArray(SPECIES, x, xj + 2 * panelStride), a2);
    }
    a0.intoArray(sums, sumBase);
    a1.intoArray(sums, sumBase + LANES);
    a2.intoArray(sums, sumBase + 2 * LANES);
  }

  /** QUERY_TILE queries × one panel: the last panels of a block, four chains. */
  private static void panelTile(double[] queries, int queryBase, int d, int depth, double[] x, int xBase,
      double[] sums, int sumBase, int stride, double[] from, int fromScale) {
    int s0 = sumBase;
    int s1 = s0 + stride;
    int s2 = s1 + stride;
    int s3 = s2 + stride;
    DoubleVector a0 = DoubleVector.fromArray(SPECIES, from, fromScale * s0);
    DoubleVector a1 = DoubleVector.fromArray(SPECIES, from, fromScale * s1);
    DoubleVector a2 = DoubleVector.fromArray(SPECIES, from, fromScale * s2);
    DoubleVector a3 = DoubleVector.fromArray(SPECIES, from, fromScale * s3);
    for (int j = 0; j < depth; j++) {
      DoubleVector xj = DoubleVector.fromArray(SPECIES, x, xBase + j * LANES);
      a0 = DoubleVector.broadcast(SPECIES, queries[queryBase + j]).fma(xj, a0);
      a1 = DoubleVector.broadcast(SPECIES, queries[queryBase + d + j]).fma(xj, a1);
      a2 = DoubleVector.broadcast(SPECIES, queries[queryBase + 2 * d + j]).fma(xj, a2);
      a3 = DoubleVector.broadcast(SPECIES, queries[queryBase + 3 * d + j]).fma(xj, a3);
    }
    a0.intoArray(sums, s0);
    a1.intoArray(sums, s1);
    a2.intoArray(sums, s2);
    a3.intoArray(sums, s3);
  }

  /** One query × one panel: the corner of a block, with the same per-lane operation order as the full tile. */
  private static void singleTile(double[] queries, int queryBase, int depth, double[] x, int xBase, double[] sums,
      int sumBase, double[] from, int fromScale) {
    DoubleVector a = DoubleVector.fromArray(SPECIES, from, fromScale * sumBase);
    for (int j = 0; j < depth; j++) {
      a = DoubleVector.broadcast(SPECIES, queries[queryBase + j])
          .fma(DoubleVector.fromArray(SPECIES, x, xBase + j * LANES), a);
    }
    a.intoArray(sums, sumBase);
  }

  @Override
  public String name() {
    return "vector(" + LANES + " double lanes)";
  }

  @Override
  public String toString() {
    return name();
  }
}
