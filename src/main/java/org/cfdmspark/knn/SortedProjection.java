package org.cfdmspark.knn;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Comparator;
import java.util.SplittableRandom;

/**
 * Exact small-radius search between the rows of one matrix. A row within r of a query differs from it by at most
 * r along any unit direction, so with the rows sorted by their projection on one direction only a window of
 * width 2r is visited (Friedman, Baskett and Shustek, IEEE Trans. Computers 24(10), 1975); a candidate's squared
 * distance is summed coordinate by coordinate and abandoned as soon as it exceeds r² (partial distance search,
 * Bei and Gray, IEEE Trans. Communications 33(10), 1985). For a radius well below the rows' typical spacing (the
 * near-copy threshold's 1st percentile of nearest-other distances) most candidates are abandoned after a few
 * coordinates, so a query costs a small fraction of a scan. The direction is about the rows' first principal
 * component (any unit direction keeps the search exact).
 *
 * <p>Distances are summed in double from the float values in coordinate order, as {@code metrics.Distances} sums
 * them, so a distance this class returns has the same bits; the window is widened by a rounding slack of
 * {@value #SLACK} relative to the largest row norm, so a row the search skips is farther than r.
 */
public final class SortedProjection implements Serializable {
  private static final long serialVersionUID = 1L;
  /** Relative widening of the window, far above the rounding error of a d-term dot product in double. */
  static final double SLACK = 1e-9;
  /** Neighbours on each side in projection order measured for {@link #nearestOtherNearby}. */
  static final int NEARBY = 32;
  /**
   * A radius search whose window holds more than this share of the rows is answered by a scan of every row through
   * the dot-product kernel, several times faster per coordinate than a window's candidates measured one coordinate
   * at a time. On a 1,500 × 305 survey of 0–4 answers (1,510 one-hot slots) the windows held nearly every row.
   */
  public static final double WIDEST_WINDOW = 0.25;
  /** Rows per kernel call of the scan. */
  private static final int SCAN_BLOCK = 256;
  /** Power iterations for the projection's direction, over every {@value #POWER_STRIDE}-th row. */
  static final int POWER_ITERATIONS = 8;
  static final int POWER_STRIDE = 8;
  private static final long SEED = 0x5EED_9B0_7EC7L;

  private final RowMatrix rows;
  /** Rows in projection order, position[row] = its place in that order, projection[s] = the value at place s. */
  private final int[] order;
  private final int[] position;
  private final double[] projection;
  /** The unit direction the rows are projected on. */
  private final double[] unit;
  /** The largest row norm plus one: scales the rounding slack. */
  private final double scale;
  /** The cells of {@link CellRadiusScan}, built on first use in each JVM and never serialized. */
  private transient volatile CellRadiusScan cellScan;

  private SortedProjection(RowMatrix rows, int[] order, int[] position, double[] projection, double[] unit,
      double scale) {
    this.rows = rows;
    this.order = order;
    this.position = position;
    this.projection = projection;
    this.unit = unit;
    this.scale = scale;
  }

  /** The projection of the rows of {@code rows} (at least one row); deterministic. */
  public static SortedProjection of(RowMatrix rows) {
    int n = rows.rows();
    int d = rows.dimension();
    double[] unit = principalDirection(rows);
    double[] raw = new double[n];
    float[] x = rows.values();
    double largest = 0;
    for (int i = 0; i < n; i++) {
      double sum = 0;
      for (int j = 0; j < d; j++) {
        sum += x[i * d + j] * unit[j];
      }
      raw[i] = sum;
      largest = Math.max(largest, rows.squaredNorm(i));
    }
    Integer[] sorted = new Integer[n];
    Arrays.setAll(sorted, i -> i);
    Arrays.sort(sorted, Comparator.comparingDouble(i -> raw[i]));
    int[] order = new int[n];
    int[] position = new int[n];
    double[] projection = new double[n];
    for (int s = 0; s < n; s++) {
      order[s] = sorted[s];
      position[order[s]] = s;
      projection[s] = raw[order[s]];
    }
    return new SortedProjection(rows, order, position, projection, unit, Math.sqrt(largest) + 1);
  }

  /**
   * About the direction of the rows' largest variance, as a unit vector: a few power iterations of the covariance
   * of every {@value #POWER_STRIDE}-th row from a seeded Gaussian start. The wider the rows spread along the
   * direction, the fewer fall in a query's window; any unit vector keeps the search exact.
   */
  private static double[] principalDirection(RowMatrix rows) {
    int d = rows.dimension();
    float[] x = rows.values();
    double[] mean = new double[d];
    int sampled = 0;
    for (int i = 0; i < rows.rows(); i += POWER_STRIDE, sampled++) {
      for (int j = 0; j < d; j++) {
        mean[j] += x[i * d + j];
      }
    }
    for (int j = 0; j < d; j++) {
      mean[j] /= sampled;
    }
    SplittableRandom random = new SplittableRandom(SEED);
    double[] v = new double[d];
    for (int j = 0; j < d; j++) {
      // a standard normal draw (Box–Muller)
      v[j] = Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
    }
    normalise(v);
    for (int iteration = 0; iteration < POWER_ITERATIONS; iteration++) {
      double[] next = new double[d];
      for (int i = 0; i < rows.rows(); i += POWER_STRIDE) {
        double along = 0;
        for (int j = 0; j < d; j++) {
          along += (x[i * d + j] - mean[j]) * v[j];
        }
        for (int j = 0; j < d; j++) {
          next[j] += along * (x[i * d + j] - mean[j]);
        }
      }
      if (normalise(next)) {
        v = next;
      }
    }
    return v;
  }

  /** Scales {@code v} to unit length; false (v unchanged) when it is 0. */
  private static boolean normalise(double[] v) {
    double norm = 0;
    for (double value : v) {
      norm += value * value;
    }
    if (!(norm > 0)) {
      return false;
    }
    double length = Math.sqrt(norm);
    for (int j = 0; j < v.length; j++) {
      v[j] /= length;
    }
    return true;
  }

  /**
   * The distance from {@code row} to its nearest other row among all rows within {@code radius} of it (squared
   * distance at most radius²); +∞ when every other row is farther than {@code radius}.
   */
  public double nearestOtherWithin(int row, double radius) {
    int s0 = position[row];
    double reach = radius + SLACK * (scale + radius);
    double best = radius * radius;
    boolean found = false;
    for (int step = -1; step <= 1; step += 2) {
      for (int s = s0 + step; s >= 0 && s < order.length && Math.abs(projection[s] - projection[s0]) <= reach;
          s += step) {
        double distance = squaredDistanceUpTo(row, order[s], best);
        if (distance <= best) {
          best = distance;
          found = true;
        }
      }
    }
    return found ? Math.sqrt(best) : Double.POSITIVE_INFINITY;
  }

  /** The number of rows searched. */
  public int size() {
    return order.length;
  }

  /**
   * How many other rows {@link #nearestOtherWithin} visits for {@code row} and {@code radius} (two binary searches):
   * where the projection does not spread the rows (hundreds of one-hot slots, all rows about equally far apart) a
   * window holds nearly all of them, and a scan of every row through the dot-product kernel is the cheaper search.
   */
  public int windowRows(int row, double radius) {
    double at = projection[position[row]];
    double reach = radius + SLACK * (scale + radius);
    return SortedArrays.upperBound(projection, at + reach)
        - SortedArrays.lowerBound(projection, at - reach) - 1;
  }

  /**
   * The row nearest to the query {@code query[offset .. offset + d)} among the rows within {@code radius} of it
   * (squared distance at most radius², ties toward the lower row), or −1 when every row is farther. Exact: the
   * rows outside the query's window are farther than {@code radius} along the direction alone.
   */
  public int nearestWithin(double[] query, int offset, double radius) {
    double squaredNorm = squaredNorm(query, offset);
    double along = along(query, offset);
    double reach = reach(squaredNorm, radius);
    return nearestAmong(query, offset, radius, SortedArrays.lowerBound(projection, along - reach),
        SortedArrays.upperBound(projection, along + reach));
  }

  /**
   * {@link #nearestWithin(double[], int, double)} of each of {@code count} queries (row-major, d values each) into
   * out[q], the same answers. A query whose window holds more than {@link #WIDEST_WINDOW} of the rows (a projection
   * that spreads the rows little: many one-hot slots, a radius near their spacing) is answered with the other such
   * queries from one pass of {@code kernel} over the rows instead ({@link RadiusCandidates}): a row's
   * ‖x‖² − 2⟨q, x⟩ + ‖q‖² is its squared distance within a rounding slack, so only the rows that may lie within the
   * radius and no farther than the nearest seen so far are kept, and their distances are then summed as the window
   * search sums them. With {@link CellRadiusScan#MIN_ROWS} rows or more and a kernel that reads float panels, the
   * pass reads only the k-means cells that can hold a row within the radius ({@link CellRadiusScan}), and so also
   * answers a query whose window holds more than the number of cells, unless its cells hold more than
   * {@link CellRadiusScan#SCAN_ADVANTAGE} times the window's rows.
   */
  public void nearestWithin(double[] queries, int count, double radius, DotProductKernel kernel, int[] out) {
    int d = rows.dimension();
    boolean cells = CellRadiusScan.suits(rows, kernel);
    int[] listed = new int[count];
    int[] maxRows = new int[count];
    int[] firsts = new int[count];
    int[] ends = new int[count];
    int listedCount = 0;
    for (int q = 0; q < count; q++) {
      double squaredNorm = squaredNorm(queries, q * d);
      double along = along(queries, q * d);
      double reach = reach(squaredNorm, radius);
      firsts[q] = SortedArrays.lowerBound(projection, along - reach);
      ends[q] = SortedArrays.upperBound(projection, along + reach);
      int window = ends[q] - firsts[q];
      if (window > WIDEST_WINDOW * order.length) {
        maxRows[listedCount] = Integer.MAX_VALUE;
        listed[listedCount++] = q;
      } else if (cells && window > CellRadiusScan.cellsFor(order.length)) {
        maxRows[listedCount] = (int) Math.min(Integer.MAX_VALUE, (long) CellRadiusScan.SCAN_ADVANTAGE * window);
        listed[listedCount++] = q;
      } else {
        out[q] = nearestAmong(queries, q * d, radius, firsts[q], ends[q]);
      }
    }
    if (listedCount > 0) {
      boolean[] declined = nearestWithinByScan(queries, listed, listedCount, maxRows, radius, kernel, out);
      for (int i = 0; i < listedCount; i++) {
        if (declined[i]) {
          int q = listed[i];
          out[q] = nearestAmong(queries, q * d, radius, firsts[q], ends[q]);
        }
      }
    }
  }

  /** The rows at projection places first .. end − 1: the nearest within the radius, ties toward the lower row. */
  private int nearestAmong(double[] query, int offset, double radius, int first, int end) {
    double best = radius * radius;
    int nearest = -1;
    for (int s = first; s < end; s++) {
      int row = order[s];
      double distance = squaredDistanceUpTo(query, offset, row, best);
      if (distance < best || distance == best && (nearest < 0 || row < nearest)) {
        best = distance;
        nearest = row;
      }
    }
    return nearest;
  }

  /**
   * The queries listed in listed[0 .. count) answered from one kernel pass over the rows ({@link RadiusCandidates}
   * says which are kept): over the cells that can hold a row within the radius ({@link CellRadiusScan}) where the rows
   * are many, else over every row, in float panels where the kernel reads them, else in its double products. Returns
   * which listed queries the cells declined (more rows than maxRows[i] to read: left for their windows).
   */
  private boolean[] nearestWithinByScan(double[] queries, int[] listed, int count, int[] maxRows, double radius,
      DotProductKernel kernel, int[] out) {
    int d = rows.dimension();
    double[] gathered = new double[count * d];
    RadiusCandidates kept = new RadiusCandidates(count, radius);
    boolean[] declined = new boolean[count];
    CellRadiusScan cellScan = CellRadiusScan.suits(rows, kernel) ? cellScan(kernel) : null;
    CellPanels panels = cellScan != null ? cellScan.panels() : FloatScan.suits(kernel, order.length, d)
        ? rows.floatPanels(kernel.floatPanelLanes(), kernel.floatPanelTile()) : null;
    for (int i = 0; i < count; i++) {
      System.arraycopy(queries, listed[i] * d, gathered, i * d, d);
      double squaredNorm = squaredNorm(gathered, i * d);
      kept.query(i, squaredNorm, SLACK * (squaredNorm + scale * scale));
      if (panels != null && !panels.scannable(Math.sqrt(squaredNorm))) {
        panels = null;
      }
    }
    if (panels != null) {
      float[] floats = new float[count * d];
      for (int v = 0; v < floats.length; v++) {
        floats[v] = (float) gathered[v];
      }
      for (int i = 0; i < count; i++) {
        kept.widen(i, panels.slack(Math.sqrt(kept.queryNorm(i))));
      }
      if (cellScan != null) {
        declined = cellScan.scan(gathered, floats, count, radius, maxRows, kept, kernel);
      } else {
        scanInFloat(floats, count, kept, panels, kernel);
      }
    } else {
      scanInDouble(gathered, count, kept, kernel);
    }
    for (int i = 0; i < count; i++) {
      double best = radius * radius;
      int nearest = -1;
      for (int c = 0; c < kept.count(i); c++) {
        int row = kept.rows(i)[c];
        double distance = squaredDistanceUpTo(gathered, i * d, row, best);
        if (distance < best || distance == best && (nearest < 0 || row < nearest)) {
          best = distance;
          nearest = row;
        }
      }
      out[listed[i]] = nearest;
    }
    return declined;
  }

  /** The rows' cells for the radius scan, built on first use in each JVM (never serialized). */
  private CellRadiusScan cellScan(DotProductKernel kernel) {
    CellRadiusScan built = cellScan;
    if (built == null) {
      synchronized (this) {
        built = cellScan;
        if (built == null) {
          built = CellRadiusScan.build(rows, kernel);
          cellScan = built;
        }
      }
    }
    return built;
  }

  /**
   * The scan of {@link #nearestWithinByScan} in the kernel's double products, a block of rows packed at a time.
   */
  private void scanInDouble(double[] gathered, int count, RadiusCandidates kept, DotProductKernel kernel) {
    int n = order.length;
    double[] norms = rows.squaredNorms();
    double[] dots = new double[count * SCAN_BLOCK];
    for (int first = 0; first < n; first += SCAN_BLOCK) {
      int rowCount = Math.min(SCAN_BLOCK, n - first);
      kernel.dots(gathered, 0, count, rows, first, rowCount, dots);
      for (int i = 0; i < count; i++) {
        for (int r = 0; r < rowCount; r++) {
          kept.keep(i, first + r, norms[first + r] - 2 * dots[i * rowCount + r] + kept.queryNorm(i));
        }
      }
    }
  }

  /**
   * The same scan over float panels of the rows ({@link CellPanels}: prebuilt, half the bytes, a float vector holding
   * twice the rows), kept's slack grown by the float values' bound, and the rows that cannot pass skipped a vector
   * at a time: the same rows kept or more, so the same answers.
   */
  private void scanInFloat(float[] floats, int count, RadiusCandidates kept, CellPanels panels,
      DotProductKernel kernel) {
    int lanes = panels.lanes();
    int panelCount = panels.panelCount(0);
    int blockPanels = SCAN_BLOCK / lanes / kernel.floatPanelTile() * kernel.floatPanelTile();
    int stride = blockPanels * lanes;
    float[] values = new float[count * stride];
    for (int first = 0; first < panelCount; first += blockPanels) {
      int panelsHere = Math.min(blockPanels, panelCount - first);
      int used = panelsHere * lanes;
      kernel.panelDistances(floats, count, panels, first, panelsHere, values);
      for (int i = 0; i < count; i++) {
        int base = i * used;
        // The padding rows past the last are NaN, which never passes.
        for (int at = kernel.firstAtMost(values, base, base + used, kept.floatBound(i)); at < base + used;
            at = kernel.firstAtMost(values, at + 1, base + used, kept.floatBound(i))) {
          kept.keep(i, first * lanes + at - base, values[at] + kept.queryNorm(i));
        }
      }
    }
  }

  private double along(double[] query, int offset) {
    double along = 0;
    for (int j = 0; j < unit.length; j++) {
      along += query[offset + j] * unit[j];
    }
    return along;
  }

  private double squaredNorm(double[] query, int offset) {
    double squaredNorm = 0;
    for (int j = 0; j < unit.length; j++) {
      squaredNorm += query[offset + j] * query[offset + j];
    }
    return squaredNorm;
  }

  /** A query's window half-width for {@code radius}: the radius widened by the rounding slack. */
  private double reach(double querySquaredNorm, double radius) {
    return radius + SLACK * (scale + Math.sqrt(querySquaredNorm) + radius);
  }


  /**
   * The distance from {@code row} to the nearest of the {@value #NEARBY} rows on each side of it in projection
   * order: an upper bound of its distance to its nearest other row (+∞ for a single row).
   */
  public double nearestOtherNearby(int row) {
    int s0 = position[row];
    double best = Double.POSITIVE_INFINITY;
    for (int s = Math.max(0, s0 - NEARBY); s <= Math.min(order.length - 1, s0 + NEARBY); s++) {
      if (s != s0) {
        best = Math.min(best, squaredDistanceUpTo(row, order[s], best));
      }
    }
    return Math.sqrt(best);
  }


  /** The squared distance of a query and row i, summed in coordinate order; some value above {@code bound} if above. */
  private double squaredDistanceUpTo(double[] query, int offset, int i, double bound) {
    int d = rows.dimension();
    float[] x = rows.values();
    double sum = 0;
    for (int k = 0; k < d && sum <= bound; k++) {
      double diff = query[offset + k] - x[i * d + k];
      sum += diff * diff;
    }
    return sum;
  }

  /** The squared distance of rows i and j, summed in coordinate order; some value above {@code bound} if above. */
  private double squaredDistanceUpTo(int i, int j, double bound) {
    int d = rows.dimension();
    float[] x = rows.values();
    double sum = 0;
    for (int k = 0; k < d && sum <= bound; k++) {
      double diff = (double) x[i * d + k] - x[j * d + k];
      sum += diff * diff;
    }
    return sum;
  }
}
