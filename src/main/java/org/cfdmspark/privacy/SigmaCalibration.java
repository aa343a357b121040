package org.cfdmspark.privacy;

import java.util.ArrayList;
import java.util.List;
import org.cfdmspark.encoding.TableCodec;
import org.cfdmspark.engine.NeighbourSearch;
import org.cfdmspark.engine.ParallelSampler;
import org.cfdmspark.engine.SamplerConfig;
import org.cfdmspark.engine.TrainingSet;
import org.cfdmspark.knn.DotProductKernel;
import org.cfdmspark.knn.NeighbourIndex;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * --near-copy-target below 1: σ auto becomes the smallest of base · √2^k, k = 0 … {@value #STEPS} (base = the
 * nearest-neighbour spacing rule of {@code SigmaDefault}), at which a pilot of {@value #PILOT_SAMPLES} samples has at
 * most the target share of near-copies ({@link NearCopyCheck}). The spacing rule keeps samples close to the data
 * but, on tables whose rows sit far apart relative to that rule (credit default: 85 % near-copies, most of them
 * exact copies after decoding), the M perturbed queries all find the same row: a perturbation moves a query towards a
 * neighbour at distance D only by its projection on that direction, whose size is σ whatever d, so leaving a row
 * takes σ of the order of D/2, not D/√d. The pilot measures where that happens on the table at hand. (By default
 * the guard handles such samples one at a time instead; see {@link NearCopyGuard}.)
 *
 * <p>Pilot trajectories are numbered from {@link #PILOT_FIRST_ID}, far above any sample id, and every candidate σ
 * uses the same ones (common random numbers: the rates of neighbouring σ differ by σ, not by noise). The near-copy
 * rate falls with σ, so the search bisects the grid. Runs on the driver; deterministic for given rows and seed.
 */
public final class SigmaCalibration {
  public static final int PILOT_SAMPLES = 500;
  /** Grid points above the base: σ up to base · 2^(STEPS/2) = 32 · base. */
  static final int STEPS = 10;
  static final long PILOT_FIRST_ID = 5L << 60;
  private static final Logger LOG = LoggerFactory.getLogger(SigmaCalibration.class);

  /** One pilot: a candidate σ and the share of its samples that were near-copies. */
  record Trial(double sigma, double nearCopyRate) implements java.io.Serializable {
  }

  /** The chosen σ, and every pilot run on the way (in the order run). */
  public record Result(double sigma, double target, List<Trial> trials) implements java.io.Serializable {
  }

  private final TrainingSet training;
  private final SamplerConfig base;
  private final NeighbourSearch search;
  private final TableCodec codec;
  private final NearCopyCheck check;
  /** Searches the training rows for every pilot's check; built once, its scratch reused. */
  private final NeighbourIndex index;
  private final List<Trial> trials = new ArrayList<>();

  private SigmaCalibration(TrainingSet training, SamplerConfig base, NeighbourSearch search, TableCodec codec,
      NearCopyCheck check) {
    this.training = training;
    this.base = base;
    this.search = search;
    this.codec = codec;
    this.check = check;
    this.index = search.newIndex(training, DotProductKernel.best());
  }

  /**
   * The smallest grid σ whose pilot near-copy rate is at most {@code target}; the largest grid σ (with a warning)
   * when none is. {@code base.sigma()} is the spacing rule's σ, above 0, with at least two draws. A target of 1
   * allows any rate: σ stays the spacing rule's, no pilot runs, and {@code check} may be null.
   */
  public static Result calibrate(TrainingSet training, SamplerConfig base, NeighbourSearch search, TableCodec codec,
      NearCopyCheck check, double target) {
    if (target >= 1) {
      return new Result(base.sigma(), target, List.of()); // any rate is allowed: the spacing rule as it is
    }
    return new SigmaCalibration(training, base, search, codec, check).run(target);
  }

  private Result run(double target) {
    double widest = rate(STEPS);
    if (widest > target) {
      LOG.warn("sigma auto: even sigma {} leaves {} near-copies in the pilot, over the target {}; using it. "
          + "Raise --draws or --sigma, or leave the rest to the guard (--guard true)", sigmaAt(STEPS),
          percent(widest), percent(target));
      return new Result(sigmaAt(STEPS), target, List.copyOf(trials));
    }
    int failing = -1; // grid index known (or assumed, for the base's left neighbour) to be over the target
    int passing = STEPS;
    while (passing - failing > 1) {
      int middle = (failing + passing) / 2;
      if (rate(middle) <= target) {
        passing = middle;
      } else {
        failing = middle;
      }
    }
    return new Result(sigmaAt(passing), target, List.copyOf(trials));
  }

  /** The ids of a pilot's samples: {@code count} from {@code first}. */
  public static long[] pilotIds(long first, int count) {
    return java.util.stream.LongStream.range(first, first + count).toArray();
  }

  private double sigmaAt(int step) {
    return base.sigma() * SigmaSteps.multiple(step);
  }

  /** Runs the pilot at grid point {@code step}, records it and returns its near-copy rate. */
  private double rate(int step) {
    double sigma = sigmaAt(step);
    int threads = Runtime.getRuntime().availableProcessors();
    double[] pilot = ParallelSampler.sample(training, base.withSigma(sigma), search, PILOT_FIRST_ID, PILOT_SAMPLES,
        threads);
    double rate = NearCopyCheck.flagged(check.test(index, codec, pilot, PILOT_SAMPLES, base.seed(),
        pilotIds(PILOT_FIRST_ID, PILOT_SAMPLES))) / (double) PILOT_SAMPLES;
    trials.add(new Trial(sigma, rate));
    LOG.info("sigma auto: pilot at sigma {} -> {} near-copies", (float) sigma, percent(rate));
    return rate;
  }

  private static String percent(double share) {
    return String.format(java.util.Locale.ROOT, "%.1f %%", 100 * share);
  }
}
