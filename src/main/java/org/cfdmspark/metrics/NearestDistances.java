package org.cfdmspark.metrics;

import org.cfdmspark.knn.BruteForceIndex;
import org.cfdmspark.knn.DistinctRows;
import org.cfdmspark.knn.DotProductKernel;
import org.cfdmspark.knn.RowMatrix;

/**
 * Euclidean distances from rows to their nearest rows of a reference set. The exact k-NN index finds the
 * neighbour; its distance is then recomputed directly, because the index ranks by ‖x‖² − 2⟨q, x⟩, whose
 * rounding is fine for ranking but loses the small distances (near-copies) that matter here.
 */
public final class NearestDistances {
  /** Queries per index call: enough to fill the kernel's blocks, small enough for a short scratch buffer. */
  private static final int QUERY_BLOCK = 64;

  private NearestDistances() {
  }

  /** For each row of {@code queries}, the distance to its nearest row of {@code reference}. */
  public static double[] toNearest(RowMatrix reference, RowMatrix queries) {
    Distances.requireSameDimension(reference, queries, "the reference and query rows");
    return search(reference, queries, 1, false)[0];
  }

  /**
   * For each row of {@code queries}, the distances to its nearest ([0]) and second-nearest ([1]) rows of
   * {@code reference}, which needs at least two rows.
   */
  public static double[][] toTwoNearest(RowMatrix reference, RowMatrix queries) {
    Distances.requireSameDimension(reference, queries, "the reference and query rows");
    if (reference.rows() < 2) {
      throw new IllegalArgumentException("a second-nearest row needs at least two rows, got " + reference.rows());
    }
    return search(reference, queries, 2, false);
  }

  /** For each row, the distance to its nearest other row (a duplicate row is at distance 0). Needs two rows. */
  public static double[] toNearestOther(RowMatrix rows) {
    if (rows.rows() < 2) {
      throw new IllegalArgumentException("a nearest other row needs at least two rows, got " + rows.rows());
    }
    return search(rows, rows, 1, true)[0];
  }

  /**
   * For each row, the distance to its nearest row that differs from it: the local spacing of the rows, positive
   * for a repeated row too (its twins are skipped). 0 for every row when fewer than two rows differ.
   */
  public static double[] toNearestDifferent(RowMatrix rows) {
    DistinctRows groups = DistinctRows.of(rows);
    double[] spacing = new double[rows.rows()];
    if (groups.distinct().length < 2) {
      return spacing;
    }
    double[] distinct = toNearestOther(groups.rows(rows));
    int[] position = new int[rows.rows()];
    for (int k = 0; k < groups.distinct().length; k++) {
      position[groups.distinct()[k]] = k;
    }
    for (int i = 0; i < spacing.length; i++) {
      spacing[i] = distinct[position[groups.first()[i]]];
    }
    return spacing;
  }

  /** distances[i][q]: from query q to its (i + 1)-th nearest reference row, i < wanted. */
  private static double[][] search(RowMatrix reference, RowMatrix queries, int wanted, boolean skipSelf) {
    // With one extra row the query itself is among the found rows unless a row ties with it at distance 0.
    int k = wanted + (skipSelf ? 1 : 0);
    int d = queries.dimension();
    float[] values = queries.values();
    BruteForceIndex index = new BruteForceIndex(reference, DotProductKernel.best());
    double[] block = new double[QUERY_BLOCK * d];
    int[] found = new int[QUERY_BLOCK * k];
    double[][] distances = new double[wanted][queries.rows()];
    for (int first = 0; first < queries.rows(); first += QUERY_BLOCK) {
      int count = Math.min(QUERY_BLOCK, queries.rows() - first);
      for (int i = 0; i < count * d; i++) {
        block[i] = values[first * d + i];
      }
      index.nearest(block, 0, count, k, found);
      for (int q = 0; q < count; q++) {
        int query = first + q;
        for (int i = 0, taken = 0; i < k && taken < wanted; i++) {
          int row = found[q * k + i];
          if (!(skipSelf && row == query) || k - i == wanted - taken) {
            distances[taken++][query] = Math.sqrt(Distances.squared(queries, query, reference, row));
          }
        }
      }
    }
    return distances;
  }
}
