package org.cfdmspark.privacy;

import java.io.Serializable;
import org.cfdmspark.encoding.TableCodec;
import org.cfdmspark.engine.TrainingSet;
import org.cfdmspark.knn.DistinctRows;
import org.cfdmspark.knn.NeighbourIndex;
import org.cfdmspark.knn.RowMatrix;
import org.cfdmspark.metrics.NearCopyThreshold;

/**
 * Which samples are near-copies: a sample whose decoded row (see {@link TableCodec#encodeDecoded}) lies closer than
 * the threshold to its nearest training row. The decoded row is what the user receives, so a sample that arg-max,
 * rounding or snapping puts onto a training row counts as the copy it becomes. Distances are those of the report
 * ({@link TableCodec#metricSlots}: the model's space without its point-mass indicators), so that the guard and the
 * report mean the same thing by a near-copy. The test behind --guard and behind the automatic σ
 * ({@link SigmaCalibration}).
 *
 * <p>Exact copies are judged against fresh data: where a table repeats rows (few distinct value combinations),
 * fresh rows repeat training rows too, so a sample equal to a training row that occurs more than once is no leak
 * and passes; a sample equal to a row that occurs once is always a near-copy, whatever the threshold (even 0).
 *
 * @param threshold distance under which a sample that is not an exact copy is a near-copy
 * @param slots the encoded slots distances are measured over
 * @param repeated for each training row, whether another training row equals it
 */
public record NearCopyCheck(double threshold, int[] slots, boolean[] repeated) implements Serializable {
  /** Query rows for the automatic threshold's percentile: a stable estimate at queries · N · d cost. */
  static final int THRESHOLD_QUERIES = 5000;
  /**
   * Distance (standardised units) under which a decoded sample equals a training row: re-encoding a decoded value
   * may differ from the training row's encoding in the last float bit, far below any difference of values.
   */
  static final double EQUAL = 1e-5;

  /** The report's near-copy threshold for these training rows, estimated from {@value #THRESHOLD_QUERIES} rows. */
  public static NearCopyCheck of(TrainingSet training, TableCodec codec, long seed) {
    int[] slots = codec.metricSlots();
    RowMatrix points = training.points();
    RowMatrix measured = slots.length == points.dimension() ? points : project(points, slots);
    return new NearCopyCheck(NearCopyThreshold.of(measured, THRESHOLD_QUERIES, seed), slots, repeated(training));
  }

  /** A check with a given threshold, measured over the codec's metric slots. */
  public static NearCopyCheck withThreshold(double threshold, TrainingSet training, TableCodec codec) {
    return new NearCopyCheck(threshold, codec.metricSlots(), repeated(training));
  }

  /** Which training rows have a twin (equal in the model's space, hence on every decoded value). */
  private static boolean[] repeated(TrainingSet training) {
    int[] multiplicity = DistinctRows.of(training.points()).multiplicity();
    boolean[] repeated = new boolean[multiplicity.length];
    for (int i = 0; i < repeated.length; i++) {
      repeated[i] = multiplicity[i] > 1;
    }
    return repeated;
  }

  private static RowMatrix project(RowMatrix points, int[] slots) {
    float[] values = new float[points.rows() * slots.length];
    for (int i = 0; i < points.rows(); i++) {
      for (int j = 0; j < slots.length; j++) {
        values[i * slots.length + j] = points.get(i, slots[j]);
      }
    }
    return RowMatrix.of(points.rows(), slots.length, values);
  }

  /**
   * Flags the near-copies among the {@code count} samples in {@code rows} (row-major); {@code index} searches the
   * training rows. A near-copy's row is in the first cell an IVF index probes, so approximate search is enough;
   * the search ranks in the model's full space, where a near-copy's row is just as near unless they straddle a
   * point mass.
   */
  boolean[] test(NeighbourIndex index, TableCodec codec, double[] rows, int count) {
    return flag(index, codec, rows, count, threshold);
  }

  /** Flags the samples among {@code rows} that equal a training row occurring once: copies never to keep. */
  boolean[] singleRowCopies(NeighbourIndex index, TableCodec codec, double[] rows, int count) {
    return flag(index, codec, rows, count, 0);
  }

  private boolean[] flag(NeighbourIndex index, TableCodec codec, double[] rows, int count, double threshold) {
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
      for (int j : slots) {
        double diff = decoded[s * d + j] - training.get(found[s], j);
        squared += diff * diff;
      }
      double distance = Math.sqrt(squared);
      near[s] = distance < EQUAL ? !repeated[found[s]] : distance < threshold;
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
