package org.cfdmspark.engine;

import java.util.Arrays;
import org.cfdmspark.knn.DistinctRows;
import org.cfdmspark.knn.ParallelNearest;
import org.cfdmspark.knn.RowMatrix;

/**
 * The spacing rule, σ auto: the median distance from a training row to its nearest different row, divided by √d
 * (measured over the distinct rows, so that a table that repeats rows still has a spacing: σ auto is 0 only when
 * all rows are equal). A
 * smoothing vector σ·ε has length about σ·√d, so the M perturbed queries of a trajectory land about one neighbour
 * spacing from it. That keeps samples close to the data, but a perturbation moves a query towards a given
 * neighbour only by its projection on that direction — σ, not σ·√d — so where rows sit far apart every draw finds
 * the same row and the sample is a copy. The generate job deals with those (spark.NearCopyGuard widens σ for them;
 * spark.SigmaCalibration raises σ for all on request); the engine used without the job (ParallelSampler, the
 * bench) takes this value as it is. The median is taken over a fixed subsample of rows, so it costs at most
 * {@value #SUBSAMPLE}·N·d, spread over the cores.
 */
public final class SigmaDefault {
  static final int SUBSAMPLE = 1000;
  public static final String DESCRIPTION = "median distance to the nearest different row / sqrt(d)";

  private SigmaDefault() {
  }

  /** The spacing rule on {@code training}: its median nearest-different-row distance / √d (model units). */
  public static double of(TrainingSet training) {
    return of(training, training.dimension());
  }

  /**
   * The spacing rule with d = {@code dimension}: the encoded values that carry distances, when some slots only
   * record something (a codec's equality indicators, {@code TableCodec#spacingWidth}).
   */
  public static double of(TrainingSet training, int dimension) {
    return medianNearestNeighbourDistance(training.points()) / Math.sqrt(dimension);
  }

  /**
   * Median over (a fixed subsample of) the distinct rows of the distance to the nearest different row; 0 when all
   * rows are equal.
   */
  public static double medianNearestNeighbourDistance(RowMatrix matrix) {
    RowMatrix x = DistinctRows.of(matrix).rows(matrix);
    int n = x.rows();
    if (n < 2) {
      return 0;
    }
    int d = x.dimension();
    int count = Math.min(n, SUBSAMPLE);
    int[] rows = new int[count];
    for (int s = 0; s < count; s++) {
      rows[s] = (int) ((long) s * n / count); // evenly spaced rows: deterministic
    }
    int[] nearest = new int[count * 2];
    ParallelNearest.Queries ofRows = ParallelNearest.rowsOf(x);
    ParallelNearest.nearest(x, (s, block, offset) -> ofRows.copy(rows[s], block, offset), count, 2, nearest);
    double[] distances = new double[count];
    for (int s = 0; s < count; s++) {
      // The row itself is normally nearest; of two rows at distance 0 (rounding aside) the other may come first.
      int other = nearest[2 * s] == rows[s] ? nearest[2 * s + 1] : nearest[2 * s];
      double sum = 0;
      for (int j = 0; j < d; j++) {
        double diff = x.get(rows[s], j) - x.get(other, j);
        sum += diff * diff;
      }
      distances[s] = Math.sqrt(sum);
    }
    Arrays.sort(distances);
    return distances[count / 2];
  }
}
