package org.cfdmspark.spark;

import java.io.Serializable;
import org.cfdmspark.core.FlowSampler;
import org.cfdmspark.core.Settings;
import org.cfdmspark.core.TrainingSet;
import org.cfdmspark.eval.NearCopyThreshold;
import org.cfdmspark.knn.BruteForceIndex;
import org.cfdmspark.knn.DotProductKernel;
import org.cfdmspark.knn.RowMatrix;

/**
 * --guard: a sample closer than the threshold to its nearest training row is a near-copy and is sampled again from
 * a fresh trajectory. Retry k of sample i uses trajectory i + k · 2^60, far above any sample id, so retries never
 * share a trajectory with another sample and a row still depends on its id alone, whatever the partitioning or
 * the run's sample count. After {@value #ATTEMPTS} retries the last one is kept: the guard lowers the near-copy rate, it
 * does not promise zero.
 */
final class NearCopyGuard implements Serializable {
  static final int ATTEMPTS = 4;
  /** Query rows for the automatic threshold's percentile: a stable estimate at queries · N · d cost. */
  static final int THRESHOLD_QUERIES = 5000;
  private static final long STRIDE = 1L << 60;
  private static final long serialVersionUID = 1L;

  private final double threshold;

  NearCopyGuard(double threshold) {
    this.threshold = threshold;
  }

  /** The guard for one stratum's training rows; null without --guard. */
  static NearCopyGuard forStratum(TrainingSet training, Settings settings, long seed) {
    if (!settings.get(JobKnobs.GUARD)) {
      return null;
    }
    Double given = settings.get(JobKnobs.GUARD_THRESHOLD);
    return new NearCopyGuard(given != null ? given
        : NearCopyThreshold.of(training.points(), THRESHOLD_QUERIES, seed));
  }

  double threshold() {
    return threshold;
  }

  /**
   * Replaces the near-copies among the {@code count} samples in z (row-major) drawn from {@code ids}; returns how
   * many samples were near-copies when first drawn. Scratch space is allocated per call: the guard is shared by
   * the tasks of an executor, and a block's sampling costs far more than these few arrays.
   */
  int apply(FlowSampler sampler, long[] ids, int count, double[] z) {
    RowMatrix training = sampler.training().points();
    int d = training.dimension();
    BruteForceIndex index = new BruteForceIndex(training, DotProductKernel.best());
    double[] retry = new double[count * d];
    long[] retryIds = new long[count];
    boolean[] near = nearCopies(index, z, count);
    int replaced = 0;
    for (boolean b : near) {
      replaced += b ? 1 : 0;
    }
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      int size = 0;
      for (int s = 0; s < count; s++) {
        if (near[s]) {
          retryIds[size++] = ids[s] + attempt * STRIDE;
        }
      }
      if (size == 0) {
        break;
      }
      sampler.sampleBlock(retryIds, size, retry, 0);
      boolean[] stillNear = nearCopies(index, retry, size);
      for (int s = 0, r = 0; s < count; s++) {
        if (near[s]) {
          System.arraycopy(retry, r * d, z, s * d, d);
          near[s] = stillNear[r++];
        }
      }
    }
    return replaced;
  }

  private boolean[] nearCopies(BruteForceIndex index, double[] rows, int count) {
    RowMatrix training = index.matrix();
    int d = training.dimension();
    int[] found = new int[count];
    index.nearest(rows, 0, count, 1, found);
    boolean[] near = new boolean[count];
    for (int s = 0; s < count; s++) {
      // Recomputed directly: the index ranks by ‖x‖² − 2⟨q, x⟩, too coarse for the small distances that matter.
      double squared = 0;
      for (int j = 0; j < d; j++) {
        double diff = rows[s * d + j] - training.get(found[s], j);
        squared += diff * diff;
      }
      near[s] = Math.sqrt(squared) < threshold;
    }
    return near;
  }
}
