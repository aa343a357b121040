package org.cfdmspark.knn;

import java.io.Serializable;
import java.util.Arrays;

/**
 * The immutable data of an inverted-file index over a {@link RowMatrix}: k-means centroids, and the rows
 * grouped by their nearest centroid (cell). The rows are stored again in cell order so that each cell is one
 * contiguous block for the dot-product kernel (this doubles the memory of the indexed matrix; the reason is
 * that re-ranking runs at kernel speed instead of gathering scattered rows). Built once, then shared
 * read-only by any number of threads or broadcast by Spark; searching happens in per-thread {@link IvfIndex}
 * objects.
 */
public final class IvfCells implements Serializable {
  private static final long serialVersionUID = 1L;

  private final RowMatrix centroids;
  private final int[] cellStart;
  private final int[] rowIds;
  private final RowMatrix cellOrdered;
  /** Built on first use in each JVM and never serialized (a broadcast stays the size it was). */
  private transient volatile CellPanels panels;

  private IvfCells(RowMatrix points, RowMatrix centroids) {
    if (centroids.dimension() != points.dimension()) {
      throw new IllegalArgumentException("centroids have dimension " + centroids.dimension() + ", the points "
          + points.dimension());
    }
    int n = points.rows();
    int cells = centroids.rows();
    int[] cell = new int[n];
    KMeans.assign(points, centroids, cell);
    cellStart = new int[cells + 1];
    for (int c : cell) {
      cellStart[c + 1]++;
    }
    for (int c = 0; c < cells; c++) {
      cellStart[c + 1] += cellStart[c];
    }
    int[] next = Arrays.copyOf(cellStart, cells);
    rowIds = new int[n];
    for (int i = 0; i < n; i++) {
      rowIds[next[cell[i]]++] = i;
    }
    this.centroids = centroids;
    this.cellOrdered = points.select(rowIds);
  }

  /** Cells from seeded k-means with {@code cells} centroids (1 ≤ cells ≤ rows). */
  public static IvfCells build(RowMatrix points, int cells, long seed) {
    return new IvfCells(points, KMeans.fit(points, cells, seed));
  }

  /** Cells around given centroids (for example MLlib KMeans run on the cluster). */
  public static IvfCells withCentroids(RowMatrix points, RowMatrix centroids) {
    return new IvfCells(points, centroids);
  }

  public int cells() {
    return centroids.rows();
  }

  /** How many rows were indexed. */
  public int rows() {
    return rowIds.length;
  }

  RowMatrix centroids() {
    return centroids;
  }

  /** Rows in cell order; cell c occupies positions [cellStart(c), cellStart(c + 1)). */
  RowMatrix cellOrdered() {
    return cellOrdered;
  }

  /**
   * The cells' rows as panels of {@code lanes} rows ({@link CellPanels}): float ones whose cells' counts are multiples
   * of {@code panelTile} when {@code inFloat}, else double ones; built once per JVM and form, shared by every searcher
   * over these cells.
   */
  CellPanels panels(int lanes, int panelTile, boolean inFloat) {
    CellPanels built = panels;
    if (built == null || !built.fits(lanes, panelTile, inFloat)) {
      synchronized (this) {
        built = panels;
        if (built == null || !built.fits(lanes, panelTile, inFloat)) {
          built = inFloat ? CellPanels.ofFloats(cellOrdered, cellStart, lanes, panelTile)
              : CellPanels.ofDoubles(cellOrdered, cellStart, lanes);
          panels = built;
        }
      }
    }
    return built;
  }

  int cellStart(int cell) {
    return cellStart[cell];
  }

  /** cell[i] = the cell of original row i. */
  int[] cellOfRows() {
    int[] cell = new int[rowIds.length];
    for (int c = 0; c < cells(); c++) {
      for (int position = cellStart[c]; position < cellStart[c + 1]; position++) {
        cell[rowIds[position]] = c;
      }
    }
    return cell;
  }

  /** The original row index of cell-ordered position {@code position}. */
  int rowId(int position) {
    return rowIds[position];
  }
}
