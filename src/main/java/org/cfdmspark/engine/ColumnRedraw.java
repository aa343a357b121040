package org.cfdmspark.engine;

import java.io.Serializable;
import java.util.Arrays;
import java.util.stream.IntStream;
import org.cfdmspark.knn.BoundedNeighbourHeap;
import org.cfdmspark.knn.DotProductKernel;
import org.cfdmspark.knn.RowMatrix;

/**
 * One sweep of Gibbs sampling over some columns after the flow's last step (--redraw-columns): each listed column's
 * block of slots (a categorical column's one-hot block; a number column's value slot with its missing and point-mass
 * indicators) is replaced by that of one of its k nearest reference rows on the other columns, drawn uniformly. That
 * is a draw from the k-nearest-neighbour estimate of the column's conditional distribution given the rest of the
 * sample (a Gibbs step, which with the exact conditional would leave the table's distribution where it was), and
 * takes the sample off its parent row: σ-CFDM's parents are mostly one row at the end of a trajectory, so a sample
 * repeats that row's categories and, a final noise apart, its numbers, where a fresh row often sits nearest a row of
 * another combination, and a column the rest hardly predicts (a survey weight) is anywhere in its range (README,
 * "Redrawing the loosely tied columns"). Columns are redrawn in order, each given the ones redrawn before it (a
 * systematic-scan Gibbs sweep).
 *
 * <p>"Nearest" is per redrawn column: each other column's slots count with a weight, its association with the
 * redrawn column ({@code ColumnRedrawFit}), so that the neighbours agree on the columns the redrawn one depends on;
 * with equal weights the twelve money columns of credit default chose AGE's neighbours and its tie to MARRIAGE was
 * lost. The reference rows are a seeded subsample of the training rows (all of them on small tables), so that a
 * sample costs one pass over them per redrawn column, whatever N: k counts neighbours among them. They come in a
 * seeded random order, and each sample counts their positions from a random start of its own: rows equally far
 * from the sample are told apart by that position, and it must not follow the training rows' sorted values (in row
 * order a table of repeated rows redrew 84 % of its samples into the region that sorts first, 14 % of its rows).
 * The draw of trajectory i comes from the stream (seed, i, −1, COLUMN_REDRAW), the same at every guard attempt and on
 * the guard's fresh trajectories of sample i ({@link #FRESH_ROUND_STRIDE}), so a sample depends on its id alone and
 * the guard's choices do not select its redrawn values.
 *
 * @param referenceRows the training rows the neighbours are taken from (indices into the training set)
 * @param slots the slots distances are measured on (the report's: without the number columns' point-mass indicators,
 *     which would make rows of the same zeros near whatever their other values)
 * @param weights per redrawn column, a weight ≥ 0 per entry of {@code slots} (0 on the column's own slots): the
 *     squared distance is Σ weight · difference²
 * @param from each redrawn column's first slot
 * @param to each redrawn column's end slot (exclusive); all of [from, to) is copied from the drawn row
 * @param neighbours each redrawn column's k (at most the reference rows; all of them: the value of any training row,
 *     drawn uniformly)
 */
public record ColumnRedraw(int[] referenceRows, int[] slots, double[][] weights, int[] from, int[] to,
    int[] neighbours) implements Serializable {
  /**
   * Round r ≥ 1 of the guard's fresh trajectories for sample id has the trajectory key id + r · 2^48 (sample ids stay
   * below 2^48, the pilots' keys set bits 60 and up). The redrawn columns of every round are sample id's own draws: a
   * fresh round that drew them anew would select them, for the guard refuses some values more than others (a
   * number column missing in 31 % of a table's rows came out missing in 24 % of the samples: a row with a missing
   * cell has fewer values to tell it from a training row, so its samples were copies, replaced, more often).
   */
  public static final long FRESH_ROUND_STRIDE = 1L << 48;
  /** The bits of a trajectory key that number its fresh round: 2^12 rounds at most. */
  private static final long FRESH_ROUND_BITS = 0xFFFL * FRESH_ROUND_STRIDE;

  /** No column redrawn: the values the last step's barycentre gives (method.md §6). */
  public static final ColumnRedraw NONE = new ColumnRedraw(new int[0], new int[0], new double[0][], new int[0],
      new int[0], new int[0]);

  public ColumnRedraw {
    if (from.length != to.length || from.length != neighbours.length || from.length != weights.length) {
      throw new IllegalArgumentException("one slot range, one weight per slot and one k per redrawn column");
    }
    for (int c = 0; c < from.length; c++) {
      if (neighbours[c] < 1 || neighbours[c] > referenceRows.length) {
        throw new IllegalArgumentException("k must be in [1, " + referenceRows.length + "], got " + neighbours[c]);
      }
      if (weights[c].length != slots.length || Arrays.stream(weights[c]).anyMatch(w -> !(w >= 0))) {
        throw new IllegalArgumentException("a weight >= 0 per measured slot for each redrawn column");
      }
    }
    referenceRows = referenceRows.clone();
    slots = slots.clone();
    weights = Arrays.stream(weights).map(double[]::clone).toArray(double[][]::new);
    from = from.clone();
    to = to.clone();
    neighbours = neighbours.clone();
  }

  /** Whether any column is redrawn. */
  public boolean active() {
    return from.length > 0;
  }

  /**
   * Whether every one of a sample's {@code dimension} slots is replaced by a uniformly drawn training row's (k = every
   * reference row for the columns covering them): the redrawn sample then does not depend on the flow at all.
   */
  public boolean drawsEverySlotFromAnyRow(int dimension) {
    boolean[] drawn = new boolean[dimension];
    for (int c = 0; c < from.length; c++) {
      if (drawnFromAnyRow(c)) {
        Arrays.fill(drawn, from[c], to[c], true);
      }
    }
    for (boolean slot : drawn) {
      if (!slot) {
        return false;
      }
    }
    return true;
  }

  /** Scratch for {@link #apply} on blocks of up to {@code blockSize} samples of {@code training}: one per sampler. */
  public Scratch scratch(TrainingSet training, int blockSize) {
    RowMatrix[] scaled = new RowMatrix[from.length];
    double[][] scales = new double[from.length][];
    for (int c = 0; c < from.length; c++) {
      scales[c] = Arrays.stream(weights[c]).map(Math::sqrt).toArray();
      if (drawnFromAnyRow(c)) {
        continue; // no distances: the column's value is any training row's
      }
      float[] values = new float[referenceRows.length * slots.length];
      for (int r = 0; r < referenceRows.length; r++) {
        for (int j = 0; j < slots.length; j++) {
          values[r * slots.length + j] = (float) (scales[c][j] * training.points().get(referenceRows[r], slots[j]));
        }
      }
      scaled[c] = RowMatrix.of(referenceRows.length, slots.length, values);
    }
    int largestK = IntStream.range(0, from.length).filter(c -> !drawnFromAnyRow(c)).map(c -> neighbours[c]).max()
        .orElse(1);
    return new Scratch(scaled, scales, referenceRows.length, slots.length, blockSize, largestK);
  }

  /** Whether column c takes any training row's value (k = every reference row), with no search. */
  private boolean drawnFromAnyRow(int c) {
    return neighbours[c] == referenceRows.length;
  }

  /**
   * Per-sampler state: the reference rows packed together and scaled by each searched column's √weights (for the
   * dot-product kernel), those scales, the block's scaled queries and dot products, and a bounded heap that selects
   * one sample's neighbour of the drawn rank (a pass over the distances that compares most with the heap's root
   * alone: two thirds of a quickselect's time over 2,048 rows, 9.7 against 14.7 µs a sample and column).
   */
  public static final class Scratch {
    final RowMatrix[] reference;
    final double[][] scales;
    final DotProductKernel kernel = DotProductKernel.best();
    final double[] queries;
    final double[] dots;
    final BoundedNeighbourHeap nearest;

    Scratch(RowMatrix[] reference, double[][] scales, int rows, int dimension, int blockSize, int largestK) {
      this.reference = reference;
      this.scales = scales;
      queries = new double[blockSize * dimension];
      dots = new double[blockSize * rows];
      nearest = new BoundedNeighbourHeap(largestK);
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
    int m = slots.length;
    for (int c = 0; c < from.length; c++) {
      if (drawnFromAnyRow(c)) {
        drawFromAnyRow(z, count, trajectories, training, seed, random, c);
        continue;
      }
      RowMatrix reference = scratch.reference[c];
      double[] norms = reference.squaredNorms();
      for (int b = 0; b < count; b++) {
        for (int j = 0; j < m; j++) {
          scratch.queries[b * m + j] = scratch.scales[c][j] * z[b * d + slots[j]];
        }
      }
      // ‖q − x‖² = ‖q‖² + ‖x‖² − 2⟨q, x⟩ on the scaled slots: one kernel call for the block (it sees the columns
      // redrawn before this one).
      scratch.kernel.dots(scratch.queries, 0, count, reference, 0, rows, scratch.dots);
      for (int b = 0; b < count; b++) {
        double norm = 0;
        for (int j = 0; j < m; j++) {
          norm += scratch.queries[b * m + j] * scratch.queries[b * m + j];
        }
        seek(random, seed, trajectories[b], c);
        double u = random.nextDouble();
        int start = (int) Math.floor(random.nextDouble() * rows);
        // The reference row of rank ⌊u · k⌋ in the order (distance, position counted from a random start): the root
        // of a heap of that many + 1. Equally near rows (repeated rows, categorical columns) thus go to the samples
        // in turn, not always the first k of them.
        scratch.nearest.reset((int) Math.floor(u * neighbours[c]) + 1);
        for (int r = 0; r < rows; r++) {
          scratch.nearest.offer(norm + norms[r] - 2 * scratch.dots[b * rows + r], Math.floorMod(r - start, rows));
        }
        copyBlock(z, b * d, points, referenceRows[(scratch.nearest.worstIndex() + start) % rows], c);
      }
    }
  }

  /**
   * Column c redrawn with k = every reference row: the other columns say nothing about it, so its value is that of a
   * uniformly drawn training row (its shares exactly; k nearest of the reference rows would favour the rows that are
   * many samples' neighbours, hubs of a wide table, and shift an independent column's shares).
   */
  private void drawFromAnyRow(double[] z, int count, long[] trajectories, TrainingSet training, long seed,
      RandomStream random, int c) {
    RowMatrix points = training.points();
    int d = training.dimension();
    for (int b = 0; b < count; b++) {
      seek(random, seed, trajectories[b], c);
      copyBlock(z, b * d, points, (int) Math.floor(random.nextDouble() * training.size()), c);
    }
  }

  /** Column c's block of the sample at z[base ..] replaced whole by training row {@code drawn}'s. */
  private void copyBlock(double[] z, int base, RowMatrix points, int drawn, int c) {
    for (int j = from[c]; j < to[c]; j++) {
      z[base + j] = points.get(drawn, j);
    }
  }

  /**
   * Sets {@code random} at the c-th pair of draws of the trajectory's stream (its sample's, on a fresh round of the
   * guard), whichever block the sample is in.
   */
  private static void seek(RandomStream random, long seed, long trajectory, int c) {
    random.reset(RandomStream.key(seed, trajectory & ~FRESH_ROUND_BITS, -1, RandomStream.Purpose.COLUMN_REDRAW));
    for (int skip = 0; skip < 2 * c; skip++) {
      random.nextDouble();
    }
  }
}
