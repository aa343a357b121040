package org.cfdmspark.metrics;

import org.cfdmspark.engine.RandomStream;
import org.cfdmspark.knn.RowMatrix;
import org.cfdmspark.knn.Shuffle;

/** Uniform sampling of rows without replacement. */
public final class Subsample {
  private Subsample() {
  }

  /** {@code count} distinct indices out of [0, rows), uniformly, in draw order (a partial Fisher–Yates shuffle). */
  public static int[] indices(int rows, int count, RandomStream random) {
    return Shuffle.firstOf(rows, count, random::nextInt);
  }

  /** The matrix itself when it has at most {@code count} rows, else {@code count} of its rows drawn uniformly. */
  public static RowMatrix rows(RowMatrix matrix, int count, RandomStream random) {
    return matrix.rows() <= count ? matrix : matrix.select(indices(matrix.rows(), count, random));
  }
}
