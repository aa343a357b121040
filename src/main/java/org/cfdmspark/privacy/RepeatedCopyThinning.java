package org.cfdmspark.privacy;

import java.util.Locale;
import java.util.function.IntFunction;
import java.util.stream.LongStream;
import org.cfdmspark.encoding.TableCodec;
import org.cfdmspark.engine.BlockSampler;
import org.cfdmspark.engine.FlowSampler;
import org.cfdmspark.engine.NeighbourSearch;
import org.cfdmspark.engine.TrainingSet;
import org.cfdmspark.knn.DotProductKernel;
import org.cfdmspark.knn.NeighbourIndex;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How many of the first draws that copy a repeated training row the guard redraws, so that the samples copy
 * training rows about as often as fresh rows of the table do (issue #12: exact copies judged against fresh data).
 *
 * <p>A fresh row equals a training row with probability about the share t of training rows that equal another
 * training row (the leave-one-out estimate: each row, held out, finds its twin or not). The flow and the guard's
 * widened redraws land on the common rows more often than that: on tables of repeated rows the samples copied
 * training rows 2-5 points more often than held-out rows did (README, "Tables of repeated rows"). A pilot of
 * {@value #PILOT_SAMPLES} samples runs the guard twice on the same ids: redrawing none (copy share c₀ after the
 * guard) and redrawing every first draw that copies a repeated row (c₁). Each sample's outcome either way is fixed
 * by its id, so redrawing a share r gives c₀ − r (c₀ − c₁) in expectation, and r = (c₀ − t) / (c₀ − c₁), clipped to
 * [0, 1]. Tables with fewer than {@value #FROM_REPEATED_SHARE} of their rows repeated run no pilot (r = 0).
 */
public final class RepeatedCopyThinning {
  /** Below this share of repeated training rows, copies of them are too rare to matter: no pilot. */
  public static final double FROM_REPEATED_SHARE = 0.1;
  static final int PILOT_SAMPLES = 512;
  /** Pilot trajectories' first id, apart from sample ids and from the other pilots' (5 · 2^60, 6 · 2^60). */
  static final long PILOT_FIRST_ID = 7L << 60;
  private static final Logger LOG = LoggerFactory.getLogger(RepeatedCopyThinning.class);

  private RepeatedCopyThinning() {
  }

  /**
   * The redraw share for {@code guard}'s copies of repeated rows: 0 when fewer than {@value #FROM_REPEATED_SHARE}
   * of the training rows repeat, else from the pilot.
   *
   * @param samplers the stratum's samplers by guard attempt (0: the first draw), as sampling uses them
   * @param search the stratum's neighbour search, from which the guard's own searcher is made (only for a pilot)
   * @param seed the run's seed, with which samples are decoded
   * @param repeatedShare the share of the training rows equal to another of them: the target
   */
  public static double redrawShare(IntFunction<? extends BlockSampler> samplers, TrainingSet training,
      NeighbourSearch search, TableCodec codec, NearCopyGuard guard, long seed, double repeatedShare) {
    if (repeatedShare < FROM_REPEATED_SHARE) {
      return 0;
    }
    NeighbourIndex index = search.newIndex(training, DotProductKernel.best());
    double none = copyShare(guard.withRepeatedCopyRedraw(0), samplers, index, codec, seed);
    double all = copyShare(guard.withRepeatedCopyRedraw(1), samplers, index, codec, seed);
    double r = share(none, all, repeatedShare);
    LOG.info(String.format(Locale.ROOT, "guard: %.1f %% of a pilot's samples copy a repeated training row (%.1f %% "
        + "when every such first draw is redrawn), fresh rows would copy one %.1f %% of the time: %.1f %% of those "
        + "first draws are redrawn", 100 * none, 100 * all, 100 * repeatedShare, 100 * r));
    return r;
  }

  /** r = (c₀ − t) / (c₀ − c₁) clipped to [0, 1]; 0 when c₀ is at most t or redrawing does not lower it. */
  static double share(double copiesKept, double copiesRedrawn, double target) {
    if (copiesKept <= target || copiesRedrawn >= copiesKept) {
      return 0;
    }
    return Math.min(1, (copiesKept - target) / (copiesKept - copiesRedrawn));
  }

  /** The share of the pilot's samples, after {@code guard}, that copy a repeated training row. */
  private static double copyShare(NearCopyGuard guard, IntFunction<? extends BlockSampler> samplers,
      NeighbourIndex index, TableCodec codec, long seed) {
    int d = index.matrix().dimension();
    int block = FlowSampler.DEFAULT_BLOCK_SIZE;
    int copies = 0;
    for (int first = 0; first < PILOT_SAMPLES; first += block) {
      int size = Math.min(block, PILOT_SAMPLES - first);
      long[] ids = LongStream.range(PILOT_FIRST_ID + first, PILOT_FIRST_ID + first + size).toArray();
      double[] z = new double[size * d];
      samplers.apply(0).sampleBlock(ids, size, z, 0);
      guard.apply(samplers, index, codec, ids, size, z, seed);
      copies += NearCopyCheck.flagged(guard.check().repeatedRowCopies(index, codec, z, size, seed, ids));
    }
    return copies / (double) PILOT_SAMPLES;
  }
}
