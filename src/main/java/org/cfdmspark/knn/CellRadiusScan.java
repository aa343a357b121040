package org.cfdmspark.knn;

import java.util.Arrays;

/**
 * The scan behind {@link SortedProjection#nearestWithin} for queries whose window holds many rows, restricted to the
 * k-means cells ({@link IvfCells}) that can hold a row within the radius. A row x of cell c is no farther from c than
 * from any other centroid c₀, so it lies on c's side of their bisector, and the query's distance to that hyperplane
 * bounds its distance to x from below: ‖q − x‖ ≥ (‖q − c‖² − ‖q − c₀‖²) / (2‖c − c₀‖) (the exact form of the IVF
 * triangle-inequality pruning; Elkan, ICML 2003, Lemma 1, and the Voronoi-cell bound of exact IVF search). With c₀
 * the query's nearest centroid, a cell whose bound exceeds the radius cannot hold a near-copy and is not read. The
 * bound is taken with a slack far above the rounding of the centroid values and of the rows' assignment, so every
 * row the window search could return is still scanned: the answers are the same.
 *
 * <p>Where rows form groups more than a radius apart (a mixture's components, a table's segments) a query reads only
 * the cells of its own group: on a 100,000 × 64 mixture of 16 components, 6 % of the rows at the near-copy threshold.
 * Where they form none, it reads nearly every cell, and costs one extra pass over the centroids (1/√N of a scan).
 *
 * <p>Memory: the rows' float panels in cell order (about N·(4·d + 4) bytes, as the plain scan's panels of all rows),
 * their order (4·N) and the centroids' pairwise distances (8·N for √N cells). Immutable once built and shared by
 * every thread of a JVM; each call holds its own scratch.
 */
final class CellRadiusScan {
  /** Rows below which the plain scan is kept: √N cells then hold fewer rows than {@link FloatScan#MIN_ROWS}. */
  static final int MIN_ROWS = FloatScan.MIN_ROWS * FloatScan.MIN_ROWS;
  /**
   * A window's rows cost about this many times a row of the cells' float scan (coordinates summed one at a time
   * against 16 rows a vector): a query whose window holds more than 1/SCAN_ADVANTAGE of the rows its cells hold is
   * scanned in cells. On the 100,000 × 64 mixture, 4 and 16 gave the guard 4.45 and 4.04 task-seconds, 8 gave 4.02.
   */
  static final int SCAN_ADVANTAGE = 8;
  private static final long SEED = 0xCE11_5CA4L;

  private final RowMatrix centroids;
  /** Cell c's rows are at panel positions cellStart[c] .. cellStart[c + 1] − 1, position p being row rowIds[p]. */
  private final int[] cellStart;
  private final int[] rowIds;
  private final CellPanels panels;
  /** gaps[a · cells + b] = ‖c_a − c_b‖, summed in double from the float centroids. */
  private final double[] gaps;
  private final double largestCentroidNorm;
  /** Bounds how far the rounding of the rows' assignment can put a row past its cell's bisectors (squared units). */
  private final double assignmentSlack;

  private CellRadiusScan(RowMatrix centroids, int[] cellStart, int[] rowIds, CellPanels panels, double[] gaps,
      double largestCentroidNorm, double assignmentSlack) {
    this.centroids = centroids;
    this.cellStart = cellStart;
    this.rowIds = rowIds;
    this.panels = panels;
    this.gaps = gaps;
    this.largestCentroidNorm = largestCentroidNorm;
    this.assignmentSlack = assignmentSlack;
  }

  /** True when a radius scan of {@code rows} with {@code kernel} should read cells: enough rows, float panels. */
  static boolean suits(RowMatrix rows, DotProductKernel kernel) {
    return rows.rows() >= MIN_ROWS && FloatScan.suits(kernel, cellsFor(rows.rows()), rows.dimension());
  }

  static int cellsFor(int rows) {
    return (int) Math.round(Math.sqrt(rows));
  }

  /** √N cells from seeded k-means over {@code rows}, with their float panels for {@code kernel}. */
  static CellRadiusScan build(RowMatrix rows, DotProductKernel kernel) {
    IvfCells cells = IvfCells.build(rows, cellsFor(rows.rows()), SEED);
    RowMatrix centroids = cells.centroids();
    int count = centroids.rows();
    int d = centroids.dimension();
    double[] gaps = new double[count * count];
    for (int a = 0; a < count; a++) {
      for (int b = a + 1; b < count; b++) {
        double sum = 0;
        for (int j = 0; j < d; j++) {
          double diff = (double) centroids.get(a, j) - centroids.get(b, j);
          sum += diff * diff;
        }
        gaps[a * count + b] = Math.sqrt(sum);
        gaps[b * count + a] = gaps[a * count + b];
      }
    }
    double largestCentroid = Arrays.stream(centroids.squaredNorms()).max().orElse(0);
    double largestRow = Arrays.stream(rows.squaredNorms()).max().orElse(0);
    // The cells' panels and row order are kept, not their row-major copy of the rows: the panels hold the same floats.
    int[] cellStart = new int[count + 1];
    for (int c = 0; c <= count; c++) {
      cellStart[c] = cells.cellStart(c);
    }
    int[] rowIds = new int[rows.rows()];
    for (int position = 0; position < rowIds.length; position++) {
      rowIds[position] = cells.rowId(position);
    }
    return new CellRadiusScan(centroids, cellStart, rowIds,
        cells.panels(kernel.floatPanelLanes(), kernel.floatPanelTile(), true), gaps, largestCentroid,
        SortedProjection.SLACK * (largestRow + largestCentroid));
  }

  /** The cells' centroids (for tests). */
  RowMatrix centroids() {
    return centroids;
  }

  /** cell[i] = the cell of row i (for tests). */
  int[] cellOfRows() {
    int[] cell = new int[rowIds.length];
    for (int c = 0; c + 1 < cellStart.length; c++) {
      for (int position = cellStart[c]; position < cellStart[c + 1]; position++) {
        cell[rowIds[position]] = c;
      }
    }
    return cell;
  }

  /** The panels the scan reads: for {@link CellPanels#scannable} and {@link CellPanels#slack} of a query. */
  CellPanels panels() {
    return panels;
  }

  /**
   * Offers to {@code kept} the rows of every cell that may hold a row within {@code radius} of query i, for the
   * {@code count} queries in {@code queries} (row-major doubles) and {@code floats} (the same, as floats); kept's
   * slack must already include the panels' float bound. Rows are offered by their original index. Query i is
   * declined (true in the result, nothing offered) when its cells hold more than maxRows[i] rows.
   */
  boolean[] scan(double[] queries, float[] floats, int count, double radius, int[] maxRows, RadiusCandidates kept,
      DotProductKernel kernel) {
    int cellTotal = centroids.rows();
    // ‖c‖² − 2⟨q_i, c⟩, the centroids ranked as the rows' assignment ranked them.
    double[] values = new double[count * cellTotal];
    kernel.rankingValues(queries, 0, count, centroids, new double[count * DotProductKernel.RANKING_BLOCK], values);
    // Which cells each query reads, grouped by cell so that a cell's panels are read once for all its queries.
    boolean[] reads = new boolean[count * cellTotal];
    int[] cellFirst = new int[cellTotal + 1];
    boolean[] declined = new boolean[count];
    for (int i = 0; i < count; i++) {
      int base = i * cellTotal;
      int nearest = 0;
      for (int c = 1; c < cellTotal; c++) {
        if (values[base + c] < values[base + nearest]) {
          nearest = c;
        }
      }
      // The rounding of two centroid values, and of the rows' assignment: both far below this.
      double slack = 2 * SortedProjection.SLACK * (kept.queryNorm(i) + largestCentroidNorm) + assignmentSlack;
      long rowsRead = 0;
      for (int c = 0; c < cellTotal; c++) {
        double gap = gaps[nearest * cellTotal + c];
        double excess = values[base + c] - values[base + nearest] - slack;
        boolean read = c == nearest || !(gap > 0) || excess <= 2 * gap * (1 + SortedProjection.SLACK) * radius;
        reads[base + c] = read;
        rowsRead += read ? cellStart[c + 1] - cellStart[c] : 0;
      }
      declined[i] = rowsRead > maxRows[i];
      for (int c = 0; c < cellTotal && !declined[i]; c++) {
        cellFirst[c + 1] += reads[base + c] ? 1 : 0;
      }
    }
    for (int c = 0; c < cellTotal; c++) {
      cellFirst[c + 1] += cellFirst[c];
    }
    int[] members = new int[cellFirst[cellTotal]];
    int[] next = Arrays.copyOf(cellFirst, cellTotal);
    for (int i = 0; i < count; i++) {
      for (int c = 0; c < cellTotal && !declined[i]; c++) {
        if (reads[i * cellTotal + c]) {
          members[next[c]++] = i;
        }
      }
    }
    int d = panels.dimension();
    int lanes = panels.lanes();
    float[] gathered = new float[0];
    float[] scanned = new float[0];
    for (int c = 0; c < cellTotal; c++) {
      int memberCount = cellFirst[c + 1] - cellFirst[c];
      if (memberCount == 0) {
        continue;
      }
      if (gathered.length < memberCount * d) {
        gathered = new float[memberCount * d];
      }
      for (int m = 0; m < memberCount; m++) {
        System.arraycopy(floats, members[cellFirst[c] + m] * d, gathered, m * d, d);
      }
      int panelCount = panels.panelCount(c);
      int stride = panelCount * lanes;
      if (scanned.length < memberCount * stride) {
        scanned = new float[memberCount * stride];
      }
      kernel.panelDistances(gathered, memberCount, panels, panels.firstPanel(c), panelCount, scanned);
      int firstPosition = cellStart[c];
      for (int m = 0; m < memberCount; m++) {
        int i = members[cellFirst[c] + m];
        int from = m * stride;
        // The padding rows past the cell's own are NaN, which never passes.
        for (int at = kernel.firstAtMost(scanned, from, from + stride, kept.floatBound(i)); at < from + stride;
            at = kernel.firstAtMost(scanned, at + 1, from + stride, kept.floatBound(i))) {
          kept.keep(i, rowIds[firstPosition + at - from], scanned[at] + kept.queryNorm(i));
        }
      }
    }
    return declined;
  }
}
