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
public final class BoundedNeighbourHeap {
  private int capacity;
  private final double[] distances;
  private final int[] indices;
  private int size;

  /** An empty heap that keeps up to {@code capacity} pairs (and can be {@link #reset(int) reset} to fewer). */
  public BoundedNeighbourHeap(int capacity) {
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

  /**
   * Empties the heap to keep up to {@code capacity} pairs from now on: the selection of one rank, the pair ranked
   * {@code capacity} − 1 being the root once every candidate is offered ({@link #worstIndex}).
   *
   * @throws IllegalArgumentException when {@code capacity} is not in [1, the capacity the heap was made with]
   */
  public void reset(int capacity) {
    if (capacity < 1 || capacity > distances.length) {
      throw new IllegalArgumentException("capacity must be in [1, " + distances.length + "], got " + capacity);
    }
    this.capacity = capacity;
    size = 0;
  }

  /**
   * The index of the pair ranked last among those kept: with at least capacity offers, that of rank capacity − 1
   * (0 = the smallest) among all offered pairs in the order (distance, index).
   *
   * @throws IllegalStateException when fewer than capacity pairs were offered
   */
  public int worstIndex() {
    if (size < capacity) {
      throw new IllegalStateException("fewer than " + capacity + " pairs offered");
    }
    return indices[0];
  }

  /** The distance a candidate must beat to enter, +∞ while the heap is not full. */
  double threshold() {
    return size < capacity ? Double.POSITIVE_INFINITY : distances[0];
  }

  /** Keeps (distance, index) if it is among the capacity smallest offered since the last reset. */
  public void offer(double distance, int index) {
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
  public void drainNearestFirst(int[] out, int offset) {
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
