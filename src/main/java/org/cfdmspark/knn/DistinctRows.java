package org.cfdmspark.knn;

import java.util.HashMap;
import java.util.Map;

/**
 * The equal rows of a matrix: rows are equal when every entry is (−0 counts as 0). A table of booleans, categories
 * and small integers always repeats rows, and a statistic of nearest-neighbour distances taken over all rows then
 * collapses to 0 (a repeated row's nearest other row is its twin): the spacing of such a table is read off its
 * distinct rows instead.
 *
 * @param first for each row, the index of the first row equal to it (its own index when it is the first)
 * @param multiplicity for each row, how many rows (itself included) are equal to it
 * @param distinct the indices of the first occurrences, in row order
 */
public record DistinctRows(int[] first, int[] multiplicity, int[] distinct) {

  /**
   * Groups the rows of {@code matrix}: O(n · d) time on the first call for a matrix, then the same object (the fit
   * asks for a training set's groups up to four times: its repeated-rows warning, σ auto, the near-copy check).
   * Callers must not modify its arrays.
   */
  public static DistinctRows of(RowMatrix matrix) {
    return matrix.distinctRows();
  }

  /** Groups the rows of {@code matrix}; O(n · d) time. */
  static DistinctRows group(RowMatrix matrix) {
    int n = matrix.rows();
    int[] first = new int[n];
    int[] multiplicity = new int[n];
    Map<RowKey, Integer> seen = new HashMap<>();
    int distinctCount = 0;
    for (int i = 0; i < n; i++) {
      Integer earlier = seen.putIfAbsent(new RowKey(matrix, i), i);
      first[i] = earlier == null ? i : earlier;
      distinctCount += earlier == null ? 1 : 0;
      multiplicity[first[i]]++;
    }
    int[] distinct = new int[distinctCount];
    for (int i = 0, k = 0; i < n; i++) {
      multiplicity[i] = multiplicity[first[i]];
      if (first[i] == i) {
        distinct[k++] = i;
      }
    }
    return new DistinctRows(first, multiplicity, distinct);
  }

  /** The distinct rows of {@code matrix}, first occurrences in row order. */
  public RowMatrix rows(RowMatrix matrix) {
    return distinct.length == matrix.rows() ? matrix : matrix.select(distinct);
  }

  /** Share of rows that have at least one equal other row, in [0, 1]. */
  public double repeatedShare() {
    int repeated = 0;
    for (int m : multiplicity) {
      repeated += m > 1 ? 1 : 0;
    }
    return multiplicity.length == 0 ? 0 : repeated / (double) multiplicity.length;
  }

  /** A row of a matrix as a hash key, without copying it. */
  private record RowKey(RowMatrix matrix, int row) {
    @Override
    public boolean equals(Object other) {
      if (!(other instanceof RowKey key)) {
        return false;
      }
      int d = matrix.dimension();
      for (int j = 0; j < d; j++) {
        if (canonical(matrix.get(row, j)) != canonical(key.matrix.get(key.row, j))) {
          return false;
        }
      }
      return true;
    }

    @Override
    public int hashCode() {
      int hash = 1;
      for (int j = 0; j < matrix.dimension(); j++) {
        hash = 31 * hash + canonical(matrix.get(row, j));
      }
      return hash;
    }

    /** The bits of v with −0 folded into 0 (matrix values are finite, so no NaN). */
    private static int canonical(float v) {
      return Float.floatToIntBits(v + 0f);
    }
  }
}
