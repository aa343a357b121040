package org.cfdmspark.engine;

import java.io.Serializable;
import org.cfdmspark.knn.DotProductKernel;
import org.cfdmspark.knn.RowMatrix;

/**
 * One sweep of Gibbs sampling over some columns after the flow's last step (--redraw-columns): each listed column's
 * block of slots (a categorical column's one-hot block; a number column's value slot with its missing and point-mass
 * indicators) is replaced by that of one of its k nearest reference rows on every other slot, drawn uniformly. That
 * is a draw from the k-nearest-neighbour estimate of the column's conditional distribution given the rest of the
 * sample (a Gibbs step, which with the exact conditional would leave the table's distribution where it was; the
 * estimate blurs what the column owes to single other columns), and takes the sample off its parent row: σ-CFDM's
 * parents are mostly one row at the end of a trajectory, so a sample repeats that row's categories and, a final noise
 * apart, its numbers, where a fresh row often sits nearest a row of another combination, and a column the rest hardly
 * predicts (a survey weight) is anywhere in its range (README, "Redrawing the loosely tied columns"). Columns are
 * redrawn in order, each given the ones redrawn before it (a systematic-scan Gibbs sweep).
 *
 * <p>The reference rows are a seeded subsample of the training rows (all of them on small tables), so that a sample
 * costs one pass over them, whatever N: k counts neighbours among them. The draw of trajectory i comes from the
 * stream (seed, i, −1, COLUMN_REDRAW), the same at every guard attempt, so a sample depends on its id alone.
 *
 * @param referenceRows the training rows the neighbours are taken from (indices into the training set)
 * @param distanceSlots the slots the distance is measured on (the report's: without the number columns' point-mass
 *     indicators, which would make rows of the same zeros near whatever their other values); a redrawn block's
 *     slots among them are left out of its own distance, and all of its slots are copied
 * @param from each redrawn column's first slot
 * @param to each redrawn column's end slot (exclusive)
 * @param neighbours each redrawn column's k (at most the reference rows)
 */
public record ColumnRedraw(int[] referenceRows, int[] distanceSlots, int[] from, int[] to, int[] neighbours)
    implements Serializable {
  /** No column redrawn: the categories the last step's barycentre gives (method.md §6). */
  public static final ColumnRedraw NONE = new ColumnRedraw(new int[0], new int[0], new int[0], new int[0],
      new int[0]);

  public ColumnRedraw {
    if (from.length != to.length || from.length != neighbours.length) {
      throw new IllegalArgumentException("one slot range and one k per redrawn column");
    }
    for (int k : neighbours) {
      if (k < 1 || k > referenceRows.length) {
        throw new IllegalArgumentException("k must be in [1, " + referenceRows.length + "], got " + k);
      }
    }
    referenceRows = referenceRows.clone();
    distanceSlots = distanceSlots.clone();
    from = from.clone();
    to = to.clone();
    neighbours = neighbours.clone();
  }

  /** Whether any column is redrawn. */
  public boolean active() {
    return from.length > 0;
  }

  /** Scratch for {@link #apply} on blocks of up to {@code blockSize} samples of {@code training}: one per sampler. */
  public Scratch scratch(TrainingSet training, int blockSize) {
    float[] values = new float[referenceRows.length * distanceSlots.length];
    for (int r = 0; r < referenceRows.length; r++) {
      for (int j = 0; j < distanceSlots.length; j++) {
        values[r * distanceSlots.length + j] = training.points().get(referenceRows[r], distanceSlots[j]);
      }
    }
    boolean[] measured = new boolean[training.dimension()];
    for (int slot : distanceSlots) {
      measured[slot] = true;
    }
    return new Scratch(RowMatrix.of(referenceRows.length, distanceSlots.length, values), measured, blockSize);
  }

  /**
   * Per-sampler state: the reference rows packed together (for the dot-product kernel), the block's dot products with
   * them, each sample's squared distances to them, and a working copy for the selection; which slots the distance
   * measures.
   */
  public static final class Scratch {
    final RowMatrix reference;
    final boolean[] measured;
    final DotProductKernel kernel = DotProductKernel.best();
    final double[] queries;
    final double[] dots;
    final double[] distances;
    final double[] keys;
    final int[] order;

    Scratch(RowMatrix reference, boolean[] measured, int blockSize) {
      this.reference = reference;
      this.measured = measured;
      int rows = reference.rows();
      queries = new double[blockSize * reference.dimension()];
      dots = new double[blockSize * rows];
      distances = new double[rows];
      keys = new double[rows];
      order = new int[rows];
    }
  }

  /**
   * Redraws the columns of the {@code count} samples in {@code z} (row-major, the training set's dimension; count at
   * most the scratch's block size).
   */
  void apply(double[] z, int count, long[] trajectories, TrainingSet training, long seed, RandomStream random,
      Scratch scratch) {
    RowMatrix points = training.points();
    int d = training.dimension();
    int rows = referenceRows.length;
    double[] norms = scratch.reference.squaredNorms();
    int m = distanceSlots.length;
    for (int b = 0; b < count; b++) {
      for (int j = 0; j < m; j++) {
        scratch.queries[b * m + j] = z[b * d + distanceSlots[j]];
      }
    }
    // ‖z − x‖² = ‖z‖² + ‖x‖² − 2⟨z, x⟩: one kernel call for the block (its products do not depend on the block).
    scratch.kernel.dots(scratch.queries, 0, count, scratch.reference, 0, rows, scratch.dots);
    for (int b = 0; b < count; b++) {
      int at = b * d;
      double norm = 0;
      for (int j = 0; j < m; j++) {
        norm += scratch.queries[b * m + j] * scratch.queries[b * m + j];
      }
      for (int r = 0; r < rows; r++) {
        scratch.distances[r] = norm + norms[r] - 2 * scratch.dots[b * rows + r];
      }
      random.reset(RandomStream.key(seed, trajectories[b], -1, RandomStream.Purpose.COLUMN_REDRAW));
      for (int c = 0; c < from.length; c++) {
        for (int r = 0; r < rows; r++) {
          scratch.keys[r] = scratch.distances[r] - blockDistance(z, at, referenceRows[r], c, points, scratch.measured);
          scratch.order[r] = r;
        }
        int rank = (int) Math.floor(random.nextDouble() * neighbours[c]);
        int drawn = referenceRows[select(scratch.keys, scratch.order, rank)];
        for (int j = from[c]; j < to[c]; j++) {
          z[at + j] = points.get(drawn, j);
        }
        // The next column's distances see this block's new value.
        for (int r = 0; r < rows; r++) {
          scratch.distances[r] = scratch.keys[r] + blockDistance(z, at, referenceRows[r], c, points, scratch.measured);
        }
      }
    }
  }

  /** The squared distance between sample z[at ..] and training row {@code row} on column c's measured slots. */
  private double blockDistance(double[] z, int at, int row, int c, RowMatrix points, boolean[] measured) {
    double sum = 0;
    for (int j = from[c]; j < to[c]; j++) {
      if (!measured[j]) {
        continue;
      }
      double diff = z[at + j] - points.get(row, j);
      sum += diff * diff;
    }
    return sum;
  }

  /**
   * The position (in keys) of the element of the given rank (0 = smallest) in ascending order of (key, position): a
   * deterministic quickselect over {@code order}, a permutation of the positions, which it reorders.
   */
  public static int select(double[] keys, int[] order, int rank) {
    int lo = 0;
    int hi = order.length - 1;
    while (lo < hi) {
      int pivot = order[(lo + hi) >>> 1];
      int i = lo;
      int j = hi;
      while (i <= j) {
        while (before(keys, order[i], pivot)) {
          i++;
        }
        while (before(keys, pivot, order[j])) {
          j--;
        }
        if (i <= j) {
          int swap = order[i];
          order[i++] = order[j];
          order[j--] = swap;
        }
      }
      if (rank <= j) {
        hi = j;
      } else if (rank >= i) {
        lo = i;
      } else {
        return order[rank];
      }
    }
    return order[lo];
  }

  private static boolean before(double[] keys, int a, int b) {
    return keys[a] < keys[b] || (keys[a] == keys[b] && a < b);
  }
}
