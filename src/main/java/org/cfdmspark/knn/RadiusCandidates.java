package org.cfdmspark.knn;

import java.util.Arrays;

/**
 * The rows a scanning radius search keeps for each of its queries ({@link SortedProjection#nearestWithin}): a row is
 * kept when its squared distance, known within the query's rounding slack from ‖x‖² − 2⟨q, x⟩ + ‖q‖², may be at most
 * the query's limit, which starts at radius² and falls to each kept row's value + slack. The nearest row within the
 * radius is always kept, whatever order the rows come in (its value − slack is at most its distance, at most every
 * other row's distance, at most their value + slack), so the answer is chosen afterwards among the kept rows by
 * distances summed exactly as the window search sums them.
 *
 * <p>Scratch of one search: not thread-safe.
 */
final class RadiusCandidates {
  private final double[] queryNorms;
  private final double[] slack;
  private final double[] limit;
  private final int[][] kept;
  private final int[] keptCount;

  /** Room for {@code count} queries, each with limit radius² and no slack yet. */
  RadiusCandidates(int count, double radius) {
    queryNorms = new double[count];
    slack = new double[count];
    limit = new double[count];
    kept = new int[count][8];
    keptCount = new int[count];
    Arrays.fill(limit, radius * radius);
  }

  /** Sets query i's ‖q‖² and the slack that bounds the rounding of its values. */
  void query(int i, double squaredNorm, double roundingSlack) {
    queryNorms[i] = squaredNorm;
    slack[i] = roundingSlack;
  }

  /** Grows query i's slack by {@code extra} (the float values' own bound, for a scan in float). */
  void widen(int i, double extra) {
    slack[i] += extra;
  }

  double queryNorm(int i) {
    return queryNorms[i];
  }

  /** Query i's current limit on squared distances: radius², lowered by the rows kept so far. */
  double limit(int i) {
    return limit[i];
  }

  /** The largest float value ‖x‖² − 2⟨q, x⟩ that can still be kept for query i. */
  float floatBound(int i) {
    return CellPanels.roundedUp(limit[i] - queryNorms[i] + slack[i]);
  }

  /** Keeps {@code row} for query i when its squared distance, within the slack of {@code squared}, may be ≤ the limit. */
  void keep(int i, int row, double squared) {
    if (squared - slack[i] <= limit[i]) {
      if (keptCount[i] == kept[i].length) {
        kept[i] = Arrays.copyOf(kept[i], 2 * keptCount[i]);
      }
      kept[i][keptCount[i]++] = row;
      limit[i] = Math.min(limit[i], squared + slack[i]);
    }
  }

  /** How many rows query i kept. */
  int count(int i) {
    return keptCount[i];
  }

  /** The rows query i kept, in the first {@link #count} entries. */
  int[] rows(int i) {
    return kept[i];
  }
}
