package org.cfdmspark.privacy;

import java.io.Serializable;
import java.util.function.IntFunction;
import org.cfdmspark.encoding.TableCodec;
import org.cfdmspark.engine.BlockSampler;
import org.cfdmspark.engine.ColumnRedraw;
import org.cfdmspark.knn.NeighbourIndex;
import org.cfdmspark.knn.SplitMix64;

/**
 * The guard (--guard, on by default): a sample that is a near-copy ({@link NearCopyCheck}) is sampled again along
 * the same trajectory (same start point, same noise) with σ raised by √2, up to {@value #ATTEMPTS} times (√2σ, 2σ,
 * … 16σ). A near-copy marks a place where the training rows sit far apart for this σ; widening σ there, and only
 * there, moves the sample onto a barycentre of that place's rows. (Redrawing from a fresh trajectory instead would
 * move the sample's probability mass to wherever fresh draws are rarely copies — the dense regions — and skew the
 * distribution. The steps are {@link SigmaSteps}: each sample stops near the smallest σ that makes it new.) A
 * row still depends on its id alone, whatever the
 * partitioning. After the last attempt the sample is kept: the guard lowers the near-copy rate, it does not
 * promise zero — except for a copy of a training row that occurs once, which is never kept: such a sample (an
 * isolated row that even 16σ cannot leave) is drawn from fresh trajectories at 16σ, keyed by its id and the round
 * (its --redraw-columns draws stay its own: {@link ColumnRedraw#FRESH_ROUND_STRIDE}), until it is not one (up to {@value #FRESH_ROUNDS} rounds, each failing with about the copy rate of 16σ).
 *
 * <p>Copies of repeated training rows pass the near-copy test, as fresh rows repeat such rows too; but the flow
 * seeks the common rows more often than fresh data falls on them. With a redraw share r above 0
 * ({@link RepeatedCopyThinning}), a first draw that copies a repeated row is redrawn like a near-copy with
 * probability r, decided by its id and the seed (so, again, whatever the partitioning), and its redraws are drawn
 * again while they copy a repeated row too, up to the last attempt: a redraw at √2σ lands on a common row about as
 * often as the first draw did (README, "Tables of repeated rows"), so judging redraws by the near-copy test alone
 * left the share of copies where it was.
 */
public final class NearCopyGuard implements Serializable {
  public static final int ATTEMPTS = 8;
  static final int FRESH_ROUNDS = 64;
  /**
   * Round r's trajectory key for sample id: id + r · 2^48, apart from every sample id (ids stay below 2^48); the
   * column redraw keeps the sample's own draws on it.
   */
  static final long FRESH_STRIDE = ColumnRedraw.FRESH_ROUND_STRIDE;
  private static final long serialVersionUID = 1L;

  /** Salt of the redraw decision's stream, apart from the sampler's and the decoder's. */
  private static final long REDRAW_SALT = 0x5EC0_DC0B_1E5L;

  private final NearCopyCheck check;
  private final double repeatedCopyRedraw;

  public NearCopyGuard(NearCopyCheck check) {
    this(check, 0);
  }

  private NearCopyGuard(NearCopyCheck check, double repeatedCopyRedraw) {
    this.check = check;
    this.repeatedCopyRedraw = repeatedCopyRedraw;
  }

  /** This guard, redrawing a share {@code r} ∈ [0, 1] of the first draws that copy a repeated training row. */
  public NearCopyGuard withRepeatedCopyRedraw(double r) {
    if (!(r >= 0 && r <= 1)) {
      throw new IllegalArgumentException("the redraw share must be in [0, 1], got " + r);
    }
    return new NearCopyGuard(check, r);
  }

  public double threshold() {
    return check.threshold();
  }

  /** The share of first draws copying a repeated training row that are redrawn (0: none). */
  public double repeatedCopyRedraw() {
    return repeatedCopyRedraw;
  }

  NearCopyCheck check() {
    return check;
  }

  /**
   * Which of the {@code count} samples in z (row-major) are near-copies, as the guard judges them; row s is sample
   * {@code ids[s]} of a run with {@code seed}.
   */
  public boolean[] nearCopies(NeighbourIndex index, TableCodec codec, double[] z, int count, long seed,
      long[] ids) {
    return check.test(index, codec, z, count, seed, ids);
  }

  /**
   * Replaces the near-copies among the {@code count} samples in z (row-major) drawn from {@code ids}. Returns the
   * outcomes: [k − 1] counts the near-copies that attempt k made new, [{@value #ATTEMPTS}] those still near after
   * the last; their sum is the near-copies of the first draw and the copies of repeated rows redrawn with them.
   * {@code samplers.apply(k)} samples with σ · {@link SigmaSteps#multiple}(k); {@code index} searches their
   * training rows; {@code seed} is the run's, with which the samples will be decoded. Scratch space is allocated per call: the guard is shared by the tasks of an
   * executor, and a block's sampling costs far more than these arrays.
   */
  public int[] apply(IntFunction<? extends BlockSampler> samplers, NeighbourIndex index, TableCodec codec,
      long[] ids, int count, double[] z, long seed) {
    int d = index.matrix().dimension();
    // Each attempt's sampler made once per call, though asked for by the check below and by the attempt.
    BlockSampler[] made = new BlockSampler[ATTEMPTS + 1];
    IntFunction<BlockSampler> sampler = k -> made[k] != null ? made[k] : (made[k] = samplers.apply(k));
    double[] retry = new double[count * d];
    long[] retryIds = new long[count];
    boolean[] near = check.test(index, codec, z, count, seed, ids);
    // The samples redrawn for copying a repeated row: their redraws must not copy one either.
    boolean[] thinned = new boolean[count];
    if (repeatedCopyRedraw > 0) {
      boolean[] repeatedCopy = check.repeatedRowCopies(index, codec, z, count, seed, ids);
      for (int s = 0; s < count; s++) {
        thinned[s] = repeatedCopy[s] && redrawn(seed, ids[s]);
        near[s] |= thinned[s];
      }
    }
    int[] outcomes = new int[ATTEMPTS + 1];
    int pending = NearCopyCheck.flagged(near);
    if (pending > 0 && !sampler.apply(1).followsTrajectory()) {
      // Every value is drawn by id from other rows: a redraw gives the sample back, and drawing it from fresh ids
      // instead would select values (a copy is likelier where a row has fewer values, a missing cell or a mode),
      // so its marginals would move. Such a copy is a chance combination; it is kept and counted.
      outcomes[ATTEMPTS] = pending;
      return outcomes;
    }
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      int size = 0;
      for (int s = 0; s < count; s++) {
        if (near[s]) {
          retryIds[size++] = ids[s];
        }
      }
      if (size == 0) {
        break;
      }
      sampler.apply(attempt).sampleBlock(retryIds, size, retry, 0);
      boolean[] stillNear = check.test(index, codec, retry, size, seed, retryIds);
      boolean[] stillCopy = repeatedCopyRedraw > 0 && attempt < ATTEMPTS
          ? check.repeatedRowCopies(index, codec, retry, size, seed, retryIds) : new boolean[size];
      for (int s = 0, r = 0; s < count; s++) {
        if (near[s]) {
          System.arraycopy(retry, r * d, z, s * d, d);
          near[s] = stillNear[r] || thinned[s] && stillCopy[r];
          r++;
        }
      }
      int left = NearCopyCheck.flagged(near);
      outcomes[attempt - 1] = pending - left;
      pending = left;
    }
    int fresh = freshTrajectories(sampler.apply(ATTEMPTS), index, codec, ids, count, z, near, retry, retryIds,
        seed);
    outcomes[ATTEMPTS - 1] += fresh;
    outcomes[ATTEMPTS] = pending - fresh;
    return outcomes;
  }

  /**
   * Replaces the still-near samples that copy a training row occurring once by samples of fresh trajectories at
   * the widest σ; returns how many of the still-near samples are no longer near-copies.
   */
  private int freshTrajectories(BlockSampler widest, NeighbourIndex index, TableCodec codec, long[] ids, int count,
      double[] z, boolean[] near, double[] retry, long[] retryIds, long seed) {
    int d = index.matrix().dimension();
    int[] slots = new int[count];
    long[] slotIds = new long[count];
    long[] pendingIds = new long[count];
    int size = 0;
    for (int s = 0; s < count; s++) {
      if (near[s]) {
        slotIds[size] = ids[s];
        slots[size++] = s;
      }
    }
    if (size == 0) {
      return 0;
    }
    double[] kept = gather(z, slots, size, d);
    boolean[] copy = check.singleRowCopies(index, codec, kept, size, seed, slotIds);
    for (int round = 1; round <= FRESH_ROUNDS; round++) {
      int pending = 0;
      for (int k = 0; k < size; k++) {
        if (copy[k]) {
          pendingIds[pending] = ids[slots[k]]; // written under its own id, whatever trajectory it comes from
          retryIds[pending++] = ids[slots[k]] + round * FRESH_STRIDE;
        }
      }
      if (pending == 0) {
        break;
      }
      widest.sampleBlock(retryIds, pending, retry, 0);
      boolean[] stillCopy = check.singleRowCopies(index, codec, retry, pending, seed, pendingIds);
      for (int k = 0, r = 0; k < size; k++) {
        if (copy[k]) {
          System.arraycopy(retry, r * d, z, slots[k] * d, d);
          copy[k] = stillCopy[r++];
        }
      }
    }
    boolean[] stillNear = check.test(index, codec, gather(z, slots, size, d), size, seed, slotIds);
    int settled = 0;
    for (int k = 0; k < size; k++) {
      near[slots[k]] = stillNear[k];
      settled += stillNear[k] ? 0 : 1;
    }
    return settled;
  }

  /** Whether sample {@code id}'s copy of a repeated row is redrawn: a uniform draw of its own below the share. */
  private boolean redrawn(long seed, long id) {
    long bits = SplitMix64.mix(SplitMix64.mix(seed ^ REDRAW_SALT) ^ id);
    return (bits >>> 11) * 0x1.0p-53 < repeatedCopyRedraw;
  }

  /** The listed rows of z, row-major. */
  private static double[] gather(double[] z, int[] slots, int size, int d) {
    double[] rows = new double[size * d];
    for (int k = 0; k < size; k++) {
      System.arraycopy(z, slots[k] * d, rows, k * d, d);
    }
    return rows;
  }
}
