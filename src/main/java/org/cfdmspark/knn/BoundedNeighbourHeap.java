package org.cfdmspark.knn;

/**
 * The k smallest (distance, index) pairs seen so far, as a max-heap on (distance, index) so the worst kept
 * pair is at the root. Reusable: {@link #reset} keeps the arrays.
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
      siftUp(size++);
    } else if (worse(distances[0], indices[0], distance, index)) {
      distances[0] = distance;
      indices[0] = index;
      siftDown(0);
    }
  }

  /** Writes the kept indices nearest first and empties the heap. */
  void drainNearestFirst(int[] out, int offset) {
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

  private void siftUp(int child) {
    while (child > 0) {
      int parent = (child - 1) / 2;
      if (!worse(distances[child], indices[child], distances[parent], indices[parent])) {
        return;
      }
      swap(child, parent);
      child = parent;
    }
  }

  private void siftDown(int parent) {
    while (true) {
      int largest = parent;
      for (int child = 2 * parent + 1; child <= 2 * parent + 2 && child < size; child++) {
        if (worse(distances[child], indices[child], distances[largest], indices[largest])) {
          largest = child;
        }
      }
      if (largest == parent) {
        return;
      }
      swap(parent, largest);
      parent = largest;
    }
  }

  private void swap(int a, int b) {
    double d = distances[a];
    distances[a] = distances[b];
    distances[b] = d;
    int i = indices[a];
    indices[a] = indices[b];
    indices[b] = i;
  }
}
