package org.cfdmspark.ml;

import java.io.Serializable;
import java.util.List;
import java.util.Locale;
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
 * takes weights when their categorical blocks disagree with their vote in at least {@value #MIXED} of cells on
 * average ({@link CategoryDraw#disagreement}), or when at least {@value #MOSTLY_NEAR} of them are near-copies: the
 * guard then samples them again at a wider σ, where barycentres mix rows (the survey's first draws are all
 * near-copies of one row each, and agree with their vote). The two lines sit between the tables where the vote
 * measured better (credit default, Adult and penguins: 8–10 % disagreement, at most 6 % near-copies) and those where
 * the draw did (credit_data and a loan-like table: 20–22 %; a survey, digits and the loan-like table: 54–100 %
 * near-copies); README, "Choosing the draw per table", has the figures.
 *
 * @param draw the draw decoding uses: never {@code auto}
 * @param disagreement the pilot's mean disagreement over the strata (weighted by their rows); null when no pilot ran
 *     (a draw given, no categorical column, or a generator other than σ-CFDM with σ above 0)
 * @param firstDrawNearCopies the pilot's share of near-copies; null when no pilot ran or without the guard
 */
public record CategoryDrawChoice(CategoryDraw draw, Double disagreement, Double firstDrawNearCopies)
    implements Serializable {
  static final int PILOT_SAMPLES = 100;
  static final double MIXED = 0.15;
  static final double MOSTLY_NEAR = 0.5;
  /** Pilot trajectory ids: apart from sample ids (below 2^48), the guard's and σ calibration's. */
  static final long PILOT_FIRST_ID = 6L << 60;

  /**
   * For the log: "weights (pilot of 100 first draws: 35.0 % of categorical cells disagree with their vote, weights
   * from 15 %; 92.0 % are near-copies, weights from 50 %)", or the draw's name alone when no pilot ran.
   */
  @Override
  public String toString() {
    String name = ModelKnobs.CATEGORY_DRAW.format(draw);
    if (disagreement == null) {
      return name;
    }
    String near = firstDrawNearCopies == null ? "" : String.format(Locale.ROOT,
        "; %.1f %% are near-copies, weights from %.0f %%", 100 * firstDrawNearCopies, 100 * MOSTLY_NEAR);
    return String.format(Locale.ROOT, "%s (pilot of %d first draws: %.1f %% of categorical cells disagree with their "
        + "vote, weights from %.0f %%%s)", name, PILOT_SAMPLES, 100 * disagreement, 100 * MIXED, near);
  }

  /** The choice for a given draw: no pilot. */
  static CategoryDrawChoice given(CategoryDraw draw) {
    return new CategoryDrawChoice(draw, null, null);
  }

  /**
   * Resolves {@code auto} on the fitted strata (decoded by {@code codec}); any other draw is kept as given. Runs
   * the pilot on the driver, on every core; deterministic for given rows and seed.
   */
  static CategoryDrawChoice choose(CategoryDraw requested, List<FittedModel.Stratum> strata, TableCodec codec,
      boolean closedForm) {
    if (requested != CategoryDraw.AUTO) {
      return given(requested);
    }
    if (!closedForm || codec.categoricalSlots().length == 0) {
      return given(CategoryDraw.VOTE);
    }
    double disagreement = 0;
    double near = 0;
    long rows = 0;
    boolean guarded = false;
    for (FittedModel.Stratum stratum : strata) {
      if (!stratum.sampleable() || stratum.config().sigma() == 0 || stratum.config().draws() < 2) {
        continue; // every sample is one training row: its categories are that row's under any draw
      }
      double[] pilot = ParallelSampler.sample(stratum.training(), stratum.config(), stratum.search(),
          PILOT_FIRST_ID, PILOT_SAMPLES, Runtime.getRuntime().availableProcessors());
      disagreement += stratum.rows() * codec.categoryDisagreement(pilot, PILOT_SAMPLES);
      if (stratum.guard() != null) {
        guarded = true;
        boolean[] flags = stratum.guard().nearCopies(
            stratum.search().newIndex(stratum.training(), DotProductKernel.best()), codec, pilot, PILOT_SAMPLES,
            stratum.config().seed(), SigmaCalibration.pilotIds(PILOT_FIRST_ID, PILOT_SAMPLES));
        near += stratum.rows() * (double) NearCopyCheck.flagged(flags) / PILOT_SAMPLES;
      }
      rows += stratum.rows();
    }
    if (rows == 0) {
      return given(CategoryDraw.VOTE);
    }
    double meanDisagreement = disagreement / rows;
    Double nearShare = guarded ? near / rows : null;
    boolean mixed = meanDisagreement >= MIXED || nearShare != null && nearShare >= MOSTLY_NEAR;
    return new CategoryDrawChoice(mixed ? CategoryDraw.WEIGHTS : CategoryDraw.VOTE, meanDisagreement, nearShare);
  }
}
