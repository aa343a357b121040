package org.cfdmspark.knn;

/**
 * What one query position ("slot") of an {@link IvfIndex} block keeps from its last search, so that the next
 * call's query at the same position can skip centroids by the triangle inequality: the query, lower bounds on
 * its true Euclidean distances to every centroid, the cells it visited (nearest first) and an upper bound on
 * the distance of the last of its {@code probes} nearest centroids. The sampler asks for the same trajectories'
 * queries in the same positions at every step of a block, and a query moves little from one step to the next.
 */
final class SlotMemory {
  final double[] query;
  /** Lower bounds on ‖query − centroid c‖, for every cell c. */
  final double[] centroidLower;
  int[] cells = new int[0];
  int cellCount;
  /** An upper bound on the distance from the query to its probes-th nearest centroid. */
  double probeRadius;
  boolean valid;

  SlotMemory(int dimension, int cellTotal) {
    query = new double[dimension];
    centroidLower = new double[cellTotal];
  }

  /** Empties the list of visited cells, with room for {@code capacity}. */
  void clearCells(int capacity) {
    if (cells.length < capacity) {
      cells = new int[capacity];
    }
    cellCount = 0;
  }

  void addCell(int cell) {
    cells[cellCount++] = cell;
  }
}
