package org.cfdmspark.privacy;

import java.io.Serializable;
import java.util.stream.IntStream;
import org.cfdmspark.encoding.TableCodec;
import org.cfdmspark.engine.TrainingSet;
import org.cfdmspark.knn.BruteForceIndex;
import org.cfdmspark.knn.DistinctRows;
import org.cfdmspark.knn.DotProductKernel;
import org.cfdmspark.knn.NeighbourIndex;
import org.cfdmspark.knn.RowMatrix;
import org.cfdmspark.knn.SortedProjection;
import org.cfdmspark.metrics.NearCopyThreshold;
import org.cfdmspark.metrics.NearestDistances;

/**
 * Which samples are near-copies: a sample whose decoded row (see {@link TableCodec#encodeDecoded}) lies closer than
 * the threshold to its nearest training row. The decoded row is what the user receives, so a sample that arg-max,
 * rounding or snapping puts onto a training row counts as the copy it becomes. Distances are those of the report
 * ({@link TableCodec#metricSlots}: the model's space without its point-mass indicators), so that the guard and the
 * report mean the same thing by a near-copy. The test behind --guard and behind the automatic σ
 * ({@link SigmaCalibration}).
 *
 * <p>When the model averages normal scores (--numeric-scale normal-scores) its space is not the report's, whose
 * number columns are (x − mean) / sd: a tail gap of several sd is a small step in normal scores and the reverse in
 * the bulk, so a model-space threshold would pass rows the report calls copies. The check then measures in the
 * report's space itself: {@code measured} holds the training rows decoded (without final noise) and re-encoded with
 * {@link TableCodec#standardised()}, the threshold is computed over them, and a sample is decoded, re-encoded the
 * same way and searched exactly among them (the model-space index is not used): by the rows' sorted projection
 * within the threshold, which visits a small window of rows, or, with a local criterion, by a scan of all N.
 *
 * <p>Exact copies are judged against fresh data: where a table repeats rows (few distinct value combinations),
 * fresh rows repeat training rows too, so a sample equal to a training row that occurs more than once is no leak
 * and passes; a sample equal to a row that occurs once is always a near-copy, whatever the threshold (even 0).
 *
 * @param threshold distance under which a sample that is not an exact copy is a near-copy
 * @param slots the encoded slots distances are measured over
 * @param repeated for each training row, whether another training row equals it
 * @param measured the training rows in the report's space, over {@code slots} only; null when the model's space is
 *     the report's (--numeric-scale standard)
 * @param standardised the codec that re-encodes decoded samples into {@code measured}'s space; null with it
 * @param measuredOrder {@code measured}'s sorted projection, for searches within the threshold; null with it
 * @param locality α of the local criterion ({@link #withLocality}); 0 = the global threshold alone
 * @param spacing for each training row, the distance (report's space) to its nearest different training row; null
 *     when {@code locality} is 0
 */
public record NearCopyCheck(double threshold, int[] slots, boolean[] repeated, RowMatrix measured,
    TableCodec standardised, SortedProjection measuredOrder, double locality, double[] spacing)
    implements Serializable {
  /** Query rows for the automatic threshold's percentile: a stable estimate at queries · N · d cost. */
  static final int THRESHOLD_QUERIES = 5000;
  /**
   * Distance (standardised units) under which a decoded sample equals a training row: re-encoding a decoded value
   * may differ from the training row's encoding in the last float bit, far below any difference of values.
   */
  static final double EQUAL = 1e-5;
  /** Training rows per task of {@link #reportSpace}. */
  private static final int REPORT_SPACE_BLOCK = 1024;

  /** A check by the global threshold alone. */
  public NearCopyCheck(double threshold, int[] slots, boolean[] repeated, RowMatrix measured,
      TableCodec standardised) {
    this(threshold, slots, repeated, measured, standardised,
        measured == null ? null : SortedProjection.of(measured), 0, null);
  }

  /**
   * This check with a local criterion added (--guard-locality): a sample is also near when its distance d1 to its
   * nearest training row x is below α · ρ(x), ρ(x) the distance from x to its own nearest different training row.
   * The global threshold (a 1st percentile over all rows) passes a sample that sits at a third of its
   * neighbourhood's spacing from one row wherever rows are sparse; measured against the row's own spacing, as an
   * adaptive-bandwidth kernel estimate scales its kernel (Abramson 1982; Silverman 1986, §5.3), "close" means
   * close for that place. α = 1/2 covers the memorisation criterion of Bonnaire, Urfin, Biroli and Mézard
   * (2025), d1/d2 < 1/3: the second-nearest row is at most d1 + ρ(x) away (through x), so d1 < d2 / 3 implies
   * d1 < (d1 + ρ(x)) / 3, i.e. d1 < ρ(x) / 2 (for a repeated x the bound holds with ρ(x) its distance to the
   * nearest different row as long as d2 counts different rows; an exact copy of a repeated row still passes, as
   * fresh rows repeat such rows too). Costs one exact N × N nearest-other search (report's space).
   *
   * @param alpha α ≥ 0; 0 returns this check unchanged in effect
   * @param training the rows this check was made for
   * @throws IllegalArgumentException for a negative or non-finite α
   */
  public NearCopyCheck withLocality(double alpha, TrainingSet training) {
    if (!(alpha >= 0 && Double.isFinite(alpha))) {
      throw new IllegalArgumentException("locality must be a finite number >= 0, got " + alpha);
    }
    if (alpha == 0 || training.size() < 2) {
      return new NearCopyCheck(threshold, slots, repeated, measured, standardised, measuredOrder, 0, null);
    }
    RowMatrix rows = measured != null ? measured
        : slots.length == training.dimension() ? training.points() : project(training.points(), slots);
    return new NearCopyCheck(threshold, slots, repeated, measured, standardised, measuredOrder, alpha,
        NearestDistances.toNearestDifferent(rows));
  }

  /** The report's near-copy threshold for these training rows, estimated from {@value #THRESHOLD_QUERIES} rows. */
  public static NearCopyCheck of(TrainingSet training, TableCodec codec, long seed) {
    int[] slots = codec.metricSlots();
    if (codec.normalScores()) {
      RowMatrix measured = reportSpace(training, codec, slots);
      return new NearCopyCheck(NearCopyThreshold.of(measured, THRESHOLD_QUERIES, seed), slots, repeated(training),
          measured, codec.standardised());
    }
    RowMatrix points = training.points();
    RowMatrix measured = slots.length == points.dimension() ? points : project(points, slots);
    return new NearCopyCheck(NearCopyThreshold.of(measured, THRESHOLD_QUERIES, seed), slots, repeated(training),
        null, null);
  }

  /** A check with a given threshold (in the report's units), measured over the codec's metric slots. */
  public static NearCopyCheck withThreshold(double threshold, TrainingSet training, TableCodec codec) {
    int[] slots = codec.metricSlots();
    return codec.normalScores()
        ? new NearCopyCheck(threshold, slots, repeated(training), reportSpace(training, codec, slots),
            codec.standardised())
        : new NearCopyCheck(threshold, slots, repeated(training), null, null);
  }

  /**
   * The training rows in the report's space over {@code slots}: each decoded without final noise (its own cells,
   * up to the float precision of unrounded doubles) and re-encoded standardised, as the report encodes the table.
   */
  private static RowMatrix reportSpace(TrainingSet training, TableCodec codec, int[] slots) {
    TableCodec noiseless = codec.noiseless();
    TableCodec standardised = codec.standardised();
    RowMatrix points = training.points();
    int d = points.dimension();
    float[] values = new float[points.rows() * slots.length];
    // Blocks of rows on all cores (each row's values its own, so the same matrix): a normal score's quantile costs a
    // complementary error function, 1.9 s for 100,000 × 64 on one core.
    IntStream.range(0, (points.rows() + REPORT_SPACE_BLOCK - 1) / REPORT_SPACE_BLOCK).parallel().forEach(block -> {
      double[] row = new double[d];
      Object[] cells = new Object[codec.columns().size()];
      float[] encoded = new float[d];
      for (int i = block * REPORT_SPACE_BLOCK; i < Math.min(points.rows(), (block + 1) * REPORT_SPACE_BLOCK); i++) {
        for (int j = 0; j < d; j++) {
          row[j] = points.get(i, j);
        }
        noiseless.decode(row, 0, cells, 0);
        standardised.encodeCells(cells, encoded);
        for (int j = 0; j < slots.length; j++) {
          values[i * slots.length + j] = encoded[slots[j]];
        }
      }
    });
    return RowMatrix.of(points.rows(), slots.length, values);
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
   * point mass. With {@code measured} (normal scores) {@code index} is not used: the search is exact, in the
   * report's space. Row s is sample {@code ids[s]} of a run with {@code seed}, decoded as it will be written.
   */
  boolean[] test(NeighbourIndex index, TableCodec codec, double[] rows, int count, long seed, long[] ids) {
    return flag(index, codec, rows, count, seed, ids, threshold, locality, false);
  }

  /**
   * Flags the samples among {@code rows} that equal a training row occurring once: copies never to keep (neither
   * the threshold nor the local criterion applies).
   */
  boolean[] singleRowCopies(NeighbourIndex index, TableCodec codec, double[] rows, int count, long seed,
      long[] ids) {
    return flag(index, codec, rows, count, seed, ids, 0, 0, false);
  }

  /**
   * Flags the samples among {@code rows} that equal a training row occurring more than once: the copies the
   * near-copy test lets pass, as fresh rows repeat such rows too.
   */
  boolean[] repeatedRowCopies(NeighbourIndex index, TableCodec codec, double[] rows, int count, long seed,
      long[] ids) {
    return flag(index, codec, rows, count, seed, ids, 0, 0, true);
  }

  /** With {@code ofRepeated}, flags exactly the copies of repeated rows instead of the near-copies. */
  private boolean[] flag(NeighbourIndex index, TableCodec codec, double[] rows, int count, long seed, long[] ids,
      double threshold, double alpha, boolean ofRepeated) {
    if (measured != null) {
      return flagInReportSpace(codec, rows, count, seed, ids, threshold, alpha, ofRepeated);
    }
    RowMatrix training = index.matrix();
    int d = training.dimension();
    double[] decoded = new double[count * d];
    Object[] cells = new Object[codec.columns().size()];
    float[] encoded = new float[d];
    for (int s = 0; s < count; s++) {
      codec.encodeDecoded(rows, s * d, cells, encoded, seed, ids[s]);
      for (int j = 0; j < d; j++) {
        decoded[s * d + j] = encoded[j];
      }
    }
    int[] found = new int[count];
    index.nearest(decoded, 0, count, 1, found);
    return judge(decoded, d, slots, training, found, threshold, alpha, ofRepeated);
  }

  /**
   * Near-copy or not, for each query row (stride {@code stride} in {@code queries}) against its found training
   * row, over the listed columns (the same in both): below {@code threshold}, or below α times the found row's
   * spacing (α = 0: no local criterion); found −1 (no row within reach) is never near. With {@code ofRepeated},
   * instead: equal to a repeated row. Recomputed directly: the index ranks by ‖x‖² − 2⟨q, x⟩, too coarse for the
   * small distances that matter.
   */
  private boolean[] judge(double[] queries, int stride, int[] columns, RowMatrix training, int[] found,
      double threshold, double alpha, boolean ofRepeated) {
    boolean[] near = new boolean[found.length];
    for (int s = 0; s < found.length; s++) {
      if (found[s] < 0) {
        continue;
      }
      double squared = 0;
      for (int j : columns) {
        double diff = queries[s * stride + j] - training.get(found[s], j);
        squared += diff * diff;
      }
      double distance = Math.sqrt(squared);
      near[s] = ofRepeated ? distance < EQUAL && repeated[found[s]]
          : distance < EQUAL ? !repeated[found[s]]
          : distance < threshold || alpha > 0 && distance < alpha * spacing[found[s]];
    }
    return near;
  }

  /**
   * {@link #flag} when the model's space is not the report's: samples decoded as the user receives them (with
   * final noise), re-encoded standardised, and searched exactly among {@code measured}.
   */
  private boolean[] flagInReportSpace(TableCodec codec, double[] rows, int count, long seed, long[] ids,
      double threshold, double alpha, boolean ofRepeated) {
    int d = codec.width();
    int m = slots.length;
    double[] queries = new double[count * m];
    Object[] cells = new Object[codec.columns().size()];
    float[] encoded = new float[d];
    for (int s = 0; s < count; s++) {
      codec.decodeModelled(rows, s * d, cells, 0, seed, ids[s]);
      standardised.encodeCells(cells, encoded);
      for (int j = 0; j < m; j++) {
        queries[s * m + j] = encoded[slots[j]];
      }
    }
    int[] found = new int[count];
    if (alpha > 0) {
      new BruteForceIndex(measured, DotProductKernel.best()).nearest(queries, 0, count, 1, found);
    } else {
      // Only a row within the threshold (or equal to the sample) can make a near-copy: a window search.
      measuredOrder.nearestWithin(queries, count, Math.max(threshold, EQUAL), DotProductKernel.best(), found);
    }
    return judge(queries, m, IntStream.range(0, m).toArray(), measured, found, threshold, alpha, ofRepeated);
  }

  /** How many samples {@link #test} flagged. */
  public static int flagged(boolean[] near) {
    int count = 0;
    for (boolean b : near) {
      count += b ? 1 : 0;
    }
    return count;
  }
}
