package org.cfdmspark.knn;

/**
 * The k smallest (distance, index) pairs seen so far, as a max-heap on (distance, index) so the worst kept
 * pair is at the root. Reusable: {@link #reset} keeps the arrays.
 *
 * <p>The first k pairs are stored as they come and ordered once, when the k-th arrives (Floyd's bottom-up
 * heap construction, O(k)), instead of sifting each one up: a search offers every row of its first cells
 * while the heap is not full, and the sift-ups were a tenth of the sampler's time. The pairs kept are the k
 * smallest in the strict order (distance, index) whatever the order of the offers and of the heap's
 * construction, so the result is the same.
 */
final class BoundedNeighbourHeap {
  private final int capacity;
  private final double[] distances;
  private final int[] indices;
  private int size;

  BoundedNeighbourHeap(int capacity) {
    this.capacity = capacity;
    this.distances = new double[capacity];
    this.indices = new int[capacity];
  }

  int capacity() {
    return capacity;
  }

  void reset() {
    size = 0;
  }

  /** The distance a candidate must beat to enter, +∞ while the heap is not full. */
  double threshold() {
    return size < capacity ? Double.POSITIVE_INFINITY : distances[0];
  }

  void offer(double distance, int index) {
    if (size < capacity) {
      distances[size] = distance;
      indices[size] = index;
      if (++size == capacity) {
        heapify();
      }
    } else if (worse(distances[0], indices[0], distance, index)) {
      distances[0] = distance;
      indices[0] = index;
      siftDown(0);
    }
  }

  /** Writes the kept indices nearest first and empties the heap. */
  void drainNearestFirst(int[] out, int offset) {
    if (size < capacity) {
      heapify(); // fewer than k offers: still in arrival order
    }
    for (int position = size - 1; position >= 0; position--) {
      out[offset + position] = indices[0];
      size--;
      distances[0] = distances[size];
      indices[0] = indices[size];
      siftDown(0);
    }
  }

  /** True when (d1, i1) ranks after (d2, i2). */
  private static boolean worse(double d1, int i1, double d2, int i2) {
    return d1 > d2 || (d1 == d2 && i1 > i2);
  }

  /** Orders the first {@code size} pairs as a max-heap: sift down every parent, the last first. */
  private void heapify() {
    for (int parent = size / 2 - 1; parent >= 0; parent--) {
      siftDown(parent);
    }
  }

  /**
   * Moves the pair at {@code parent} down to its place: the worse child moves up into the hole until neither child
   * ranks after the pair (one write per level instead of a swap).
   */
  private void siftDown(int parent) {
    double distance = distances[parent];
    int index = indices[parent];
    int hole = parent;
    for (int child = 2 * hole + 1; child < size; child = 2 * hole + 1) {
      int right = child + 1;
      if (right < size && worse(distances[right], indices[right], distances[child], indices[child])) {
        child = right;
      }
      if (!worse(distances[child], indices[child], distance, index)) {
        break;
      }
      distances[hole] = distances[child];
      indices[hole] = indices[child];
      hole = child;
    }
    distances[hole] = distance;
    indices[hole] = index;
  }
}
