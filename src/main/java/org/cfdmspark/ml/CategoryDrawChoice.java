package org.cfdmspark.ml;

import java.io.Serializable;
import java.util.List;
import java.util.Locale;
import org.cfdmspark.config.BadInputException;
import org.cfdmspark.encoding.CategoryDraw;
import org.cfdmspark.encoding.TableCodec;
import org.cfdmspark.engine.ParallelSampler;
import org.cfdmspark.knn.DotProductKernel;
import org.cfdmspark.privacy.NearCopyCheck;
import org.cfdmspark.privacy.SigmaCalibration;

/**
 * How the model reads categories from a sample's barycentre (--category-draw), and, for {@code auto}, what a pilot
 * of first draws measured to choose it.
 *
 * <p>{@code auto} takes the vote where a sample's parents mostly share their categories, and drawn shares
 * ({@code weights}) where they do not. The vote hands each column to the most common category of the rows a
 * barycentre mixes: harmless when one row dominates (the vote and a draw then agree), but mode-seeking when rows of
 * different categories mix, on tables whose rows sit far apart for σ (README, "Categories on a wide mixed table":
 * a loan-like table's commonest purpose 36 → 48 % of samples under the vote, 35 % drawn; a 305-column survey's
 * logistic detection 0.10 voted, 0.85 drawn). Where one row dominates, the vote measured better (the protocol
 * tables' detection, Trends and TSTR). The pilot samples {@value #PILOT_SAMPLES} first draws of each stratum and
 * takes weights when at least {@value #MOSTLY_NEAR} of them are near-copies: the guard then samples them again at a
 * wider σ, where barycentres mix rows (the survey's first draws are all near-copies of one row each, and agree with
 * their vote). It keeps the vote when their categorical blocks disagree with their vote in less than
 * {@value #MIXED} of cells on average ({@link CategoryDraw#disagreement}). In between, both draws can be wrong:
 * the vote is mode-seeking, and a draw of shares flattens them, since σ's smoothing mixes the parents' categories
 * like label noise (a 1,500-row customer table: 30 % disagreement, plan = pro 9.3 % of rows, 13 % drawn, 9.3 %
 * voted). So a second pilot of {@value #SHARE_PILOT_SAMPLES} first draws measures how far each draw would move the
 * category shares from training ({@link TableCodec#categoryShareError}), and the nearer one wins. The lines sit
 * between the tables where the vote measured better (credit default, Adult and penguins: 8–14 % disagreement, at most
 * 7 % near-copies) and those where the draw did (a survey, digits and a loan-like table: 54–100 % near-copies;
 * credit_data: 20 % disagreement, shares moved 0.02–0.03 drawn against 0.04–0.06 voted); README, "Choosing the draw
 * per table", has the figures.
 *
 * @param draw the draw decoding uses: never {@code auto}
 * @param disagreement the pilot's mean disagreement over the strata (weighted by their rows); null when no pilot ran
 *     (a draw given, no categorical column, or a generator other than σ-CFDM with σ above 0)
 * @param voteShareError the second pilot's mean TV distance between the categories' shares under the vote and in
 *     training (weighted by the strata's rows); null when it did not run (no pilot, or the first one decided)
 * @param weightsShareError the same under {@code weights}
 * @param firstDrawNearCopies the pilot's share of near-copies; null when no pilot ran or without the guard
 */
public record CategoryDrawChoice(CategoryDraw draw, Double disagreement, Double voteShareError,
    Double weightsShareError, Double firstDrawNearCopies)
    implements Serializable {
  static final int PILOT_SAMPLES = 100;
  /**
   * Enough first draws for the two draws' share errors to differ by more than their noise (100 left credit_data's
   * 0.049 drawn and 0.058 voted within it; 500 reads 0.018 and 0.038, and 0.030 and 0.057 on another seed).
   */
  static final int SHARE_PILOT_SAMPLES = 500;
  static final double MIXED = 0.15;
  static final double MOSTLY_NEAR = 0.5;
  /** Pilot trajectory ids: apart from sample ids (below 2^48), the guard's and σ calibration's. */
  static final long PILOT_FIRST_ID = 6L << 60;
  /** The share pilot's trajectory ids: after the first pilot's. */
  static final long SHARE_PILOT_FIRST_ID = PILOT_FIRST_ID + PILOT_SAMPLES;

  /**
   * For the log: "vote (pilot of 100 first draws: 31.2 % of categorical cells disagree with their vote, a draw
   * considered from 15 %; 3.0 % are near-copies, weights from 50 %; 500 more move the category shares by 0.046
   * drawn and 0.016 voted (mean TV distance to training), the smaller wins)", or the draw's name alone when no
   * pilot ran.
   */
  @Override
  public String toString() {
    String name = ModelKnobs.CATEGORY_DRAW.format(draw);
    if (disagreement == null) {
      return name;
    }
    String shares = voteShareError == null ? "" : String.format(Locale.ROOT, "; %d more move the category shares "
        + "by %.3f drawn and %.3f voted (mean TV distance to training), the smaller wins", SHARE_PILOT_SAMPLES,
        weightsShareError, voteShareError);
    String near = firstDrawNearCopies == null ? "" : String.format(Locale.ROOT,
        "; %.1f %% are near-copies, weights from %.0f %%", 100 * firstDrawNearCopies, 100 * MOSTLY_NEAR);
    return String.format(Locale.ROOT, "%s (pilot of %d first draws: %.1f %% of categorical cells disagree with their "
        + "vote, a draw considered from %.0f %%%s%s)", name, PILOT_SAMPLES, 100 * disagreement, 100 * MIXED, near,
        shares);
  }

  /** The choice for a given draw: no pilot. */
  static CategoryDrawChoice given(CategoryDraw draw) {
    return new CategoryDrawChoice(draw, null, null, null, null);
  }

  /**
   * Resolves {@code auto} on the fitted strata (decoded by {@code codec}); any other draw is kept as given. Runs
   * the pilots on the driver, on every core; deterministic for given rows and seed.
   */
  static CategoryDrawChoice choose(CategoryDraw requested, List<FittedModel.Stratum> strata, TableCodec codec,
      boolean closedForm) {
    if (requested == CategoryDraw.ROW && codec.categoricalSlots().length > 0
        && codec.categoricalSlots().length == codec.metricSlots().length) {
      // Every modelled value would come from the one drawn row: the sample is that row (a new user's 120-question
      // survey: 1,000 of 1,000 samples exact copies, which no σ can widen away).
      throw new BadInputException(ModelKnobs.CATEGORY_DRAW.option() + " row: every modelled column of this table is "
          + "categorical, so each sample would be one training row's whole combination, a copy of it; use "
          + ModelKnobs.CATEGORY_DRAW.option() + " weights or vote (auto chooses between them)");
    }
    if (requested != CategoryDraw.AUTO) {
      return given(requested);
    }
    if (!closedForm || codec.categoricalSlots().length == 0) {
      return given(CategoryDraw.VOTE);
    }
    List<FittedModel.Stratum> mixing = strata.stream()
        .filter(s -> s.sampleable() && s.config().sigma() > 0 && s.config().draws() >= 2).toList();
    // Other strata sample one training row each: its categories are that row's under any draw.
    if (mixing.isEmpty()) {
      return given(CategoryDraw.VOTE);
    }
    double rows = mixing.stream().mapToLong(FittedModel.Stratum::rows).sum();
    double disagreement = 0;
    double near = 0;
    boolean guarded = false;
    for (FittedModel.Stratum stratum : mixing) {
      double[] pilot = firstDraws(stratum, PILOT_FIRST_ID, PILOT_SAMPLES);
      disagreement += stratum.rows() / rows * codec.categoryDisagreement(pilot, PILOT_SAMPLES);
      if (stratum.guard() != null) {
        guarded = true;
        boolean[] flags = stratum.guard().nearCopies(
            stratum.search().newIndex(stratum.training(), DotProductKernel.best()), codec, pilot, PILOT_SAMPLES,
            stratum.config().seed(), SigmaCalibration.pilotIds(PILOT_FIRST_ID, PILOT_SAMPLES));
        near += stratum.rows() / rows * NearCopyCheck.flagged(flags) / PILOT_SAMPLES;
      }
    }
    Double nearShare = guarded ? near : null;
    if (nearShare != null && nearShare >= MOSTLY_NEAR) {
      return new CategoryDrawChoice(CategoryDraw.WEIGHTS, disagreement, null, null, nearShare);
    }
    if (disagreement < MIXED) {
      return new CategoryDrawChoice(CategoryDraw.VOTE, disagreement, null, null, nearShare);
    }
    double voteError = 0;
    double weightsError = 0;
    for (FittedModel.Stratum stratum : mixing) {
      double[] pilot = firstDraws(stratum, SHARE_PILOT_FIRST_ID, SHARE_PILOT_SAMPLES);
      double[] trainingMean = stratum.training().mean();
      voteError += stratum.rows() / rows
          * codec.categoryShareError(pilot, SHARE_PILOT_SAMPLES, trainingMean, CategoryDraw.VOTE);
      weightsError += stratum.rows() / rows
          * codec.categoryShareError(pilot, SHARE_PILOT_SAMPLES, trainingMean, CategoryDraw.WEIGHTS);
    }
    return new CategoryDrawChoice(weightsError < voteError ? CategoryDraw.WEIGHTS : CategoryDraw.VOTE,
        disagreement, voteError, weightsError, nearShare);
  }

  private static double[] firstDraws(FittedModel.Stratum stratum, long firstId, int count) {
    return ParallelSampler.sample(stratum.training(), stratum.config(), stratum.search(), firstId, count,
        Runtime.getRuntime().availableProcessors());
  }
}
