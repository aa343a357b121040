package org.cfdmspark.metrics;

import java.util.Arrays;
import org.cfdmspark.engine.RandomStream;
import org.cfdmspark.knn.RowMatrix;

/** Uniform sampling of rows without replacement. */
public final class Subsample {
  private Subsample() {
  }

  /** {@code count} distinct indices out of [0, rows), uniformly, in draw order (a partial Fisher–Yates shuffle). */
  public static int[] indices(int rows, int count, RandomStream random) {
    if (count < 0 || count > rows) {
      throw new IllegalArgumentException("cannot draw " + count + " of " + rows + " rows");
    }
    int[] order = new int[rows];
    for (int i = 0; i < rows; i++) {
      order[i] = i;
    }
    for (int i = 0; i < count; i++) {
      int j = i + random.nextInt(rows - i);
      int swap = order[i];
      order[i] = order[j];
      order[j] = swap;
    }
    return Arrays.copyOf(order, count);
  }

  /** The matrix itself when it has at most {@code count} rows, else {@code count} of its rows drawn uniformly. */
  public static RowMatrix rows(RowMatrix matrix, int count, RandomStream random) {
    return matrix.rows() <= count ? matrix : matrix.select(indices(matrix.rows(), count, random));
  }
}
