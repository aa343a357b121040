package org.cfdmspark.knn;

import java.util.Arrays;

/**
 * The rows of a float scan ({@link FloatScan} over {@link CellPanels}) that may be among each query's k nearest,
 * so that only those have their double products computed. Per query: the k smallest float values seen (τ, the k-th), and
 * every row whose value was at most τ + 2s when it was scanned, s being the query's {@link CellPanels#slack}.
 *
 * <p>Why that loses no neighbour: each of the k rows behind τ has a double value ≤ τ + s, so the k-th smallest
 * double value is ≤ τ + s, and a row among the k nearest (ties included) has a float value ≤ its double value + s ≤
 * τ + 2s. τ only falls as rows are scanned, so a row kept against the τ of its time is a superset of those kept
 * against the final one, which {@link #select} applies. The rows kept are those that lowered τ or came near it, about
 * k·ln(n/k) of n rows met in no particular order (some 150 of 30,000 at k = 20), and about k of them are selected:
 * the double ranking had computed every row's product.
 *
 * <p>Scratch of one {@link FloatScan}: not thread-safe.
 */
final class FloatScanCandidates {
  private BoundedNeighbourHeap[] kth = new BoundedNeighbourHeap[0];
  private double[] twiceSlack = new double[0];
  private float[] filter = new float[0];
  private int[] count = new int[0];
  private float[][] values = new float[0][];
  private int[][] positions = new int[0][];
  private int[][] bases = new int[0][];

  /** Empties the lists of queries 0 .. queryCount − 1 for a search of k neighbours. */
  void reset(int queryCount, int k) {
    if (kth.length < queryCount || kth[0].capacity() != k) {
      int size = Math.max(queryCount, kth.length);
      kth = new BoundedNeighbourHeap[size];
      for (int q = 0; q < size; q++) {
        kth[q] = new BoundedNeighbourHeap(k);
      }
    }
    if (count.length < queryCount) {
      twiceSlack = Arrays.copyOf(twiceSlack, queryCount);
      filter = Arrays.copyOf(filter, queryCount);
      count = Arrays.copyOf(count, queryCount);
      values = Arrays.copyOf(values, queryCount);
      positions = Arrays.copyOf(positions, queryCount);
      bases = Arrays.copyOf(bases, queryCount);
      for (int q = 0; q < queryCount; q++) {
        if (values[q] == null) {
          values[q] = new float[64];
          positions[q] = new int[64];
          bases[q] = new int[64];
        }
      }
    }
    for (int q = 0; q < queryCount; q++) {
      kth[q].reset();
      count[q] = 0;
      filter[q] = Float.POSITIVE_INFINITY;
    }
  }

  /** Sets query q's slack ({@link CellPanels#slack}). */
  void slack(int q, double slack) {
    twiceSlack[q] = 2 * slack;
  }

  /** The largest float value of query q's rows that can still matter: τ + 2s rounded up, +∞ until k are seen. */
  float filter(int q) {
    return filter[q];
  }

  /**
   * Keeps a row of query q whose scanned value is at most {@link #filter}(q): its cell-ordered position and its
   * first value's index in the panels.
   */
  void add(int q, float value, int position, int base) {
    int at = count[q]++;
    if (at == values[q].length) {
      values[q] = Arrays.copyOf(values[q], 2 * at);
      positions[q] = Arrays.copyOf(positions[q], 2 * at);
      bases[q] = Arrays.copyOf(bases[q], 2 * at);
    }
    values[q][at] = value;
    positions[q][at] = position;
    bases[q][at] = base;
    BoundedNeighbourHeap heap = kth[q];
    double before = heap.threshold();
    heap.offer(value, position);
    if (heap.threshold() != before) {
      filter[q] = CellPanels.roundedUp(heap.threshold() + twiceSlack[q]);
    }
  }

  /**
   * Moves query q's rows within the final τ + 2s to the front of its lists and returns how many; their positions
   * and panel indices are then {@link #positions}(q)[i] and {@link #bases}(q)[i].
   */
  int select(int q) {
    float last = filter[q];
    int kept = 0;
    for (int i = 0; i < count[q]; i++) {
      if (values[q][i] <= last) {
        positions[q][kept] = positions[q][i];
        bases[q][kept++] = bases[q][i];
      }
    }
    return kept;
  }

  int[] positions(int q) {
    return positions[q];
  }

  int[] bases(int q) {
    return bases[q];
  }
}
