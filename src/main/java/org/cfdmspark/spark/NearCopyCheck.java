package org.cfdmspark.spark;

import java.io.Serializable;
import org.cfdmspark.core.TrainingSet;
import org.cfdmspark.data.TableCodec;
import org.cfdmspark.eval.NearCopyThreshold;
import org.cfdmspark.knn.NeighbourIndex;
import org.cfdmspark.knn.RowMatrix;

/**
 * Which samples are near-copies: a sample whose decoded row (see {@link TableCodec#encodeDecoded}) lies closer than
 * the threshold to its nearest training row. The decoded row is what the user receives, so a sample that arg-max,
 * rounding or snapping puts onto a training row counts as the copy it becomes. The test behind --guard and behind
 * the automatic σ ({@link SigmaCalibration}).
 *
 * @param threshold distance in the encoded space under which a sample is a near-copy
 */
record NearCopyCheck(double threshold) implements Serializable {
  /** Query rows for the automatic threshold's percentile: a stable estimate at queries · N · d cost. */
  static final int THRESHOLD_QUERIES = 5000;

  /** The report's near-copy threshold for these training rows, estimated from {@value #THRESHOLD_QUERIES} rows. */
  static NearCopyCheck of(TrainingSet training, long seed) {
    return new NearCopyCheck(NearCopyThreshold.of(training.points(), THRESHOLD_QUERIES, seed));
  }

  /**
   * Flags the near-copies among the {@code count} samples in {@code rows} (row-major); {@code index} searches the
   * training rows. A near-copy's row is in the first cell an IVF index probes, so approximate search is enough.
   */
  boolean[] test(NeighbourIndex index, TableCodec codec, double[] rows, int count) {
    RowMatrix training = index.matrix();
    int d = training.dimension();
    double[] decoded = new double[count * d];
    Object[] cells = new Object[codec.columns().size()];
    float[] encoded = new float[d];
    for (int s = 0; s < count; s++) {
      codec.encodeDecoded(rows, s * d, cells, encoded);
      for (int j = 0; j < d; j++) {
        decoded[s * d + j] = encoded[j];
      }
    }
    int[] found = new int[count];
    index.nearest(decoded, 0, count, 1, found);
    boolean[] near = new boolean[count];
    for (int s = 0; s < count; s++) {
      // Recomputed directly: the index ranks by ‖x‖² − 2⟨q, x⟩, too coarse for the small distances that matter.
      double squared = 0;
      for (int j = 0; j < d; j++) {
        double diff = decoded[s * d + j] - training.get(found[s], j);
        squared += diff * diff;
      }
      near[s] = Math.sqrt(squared) < threshold;
    }
    return near;
  }

  /** How many samples {@link #test} flagged. */
  static int flagged(boolean[] near) {
    int count = 0;
    for (boolean b : near) {
      count += b ? 1 : 0;
    }
    return count;
  }
}
