package org.cfdmspark.ml;

import java.util.LinkedHashMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.cfdmspark.config.Knob;
import org.cfdmspark.config.Settings;
import org.cfdmspark.encoding.CategoryDraw;
import org.cfdmspark.encoding.ColumnOverrides;
import org.cfdmspark.encoding.NumericScale;
import org.cfdmspark.engine.EstimatorKind;
import org.cfdmspark.engine.IndexKind;
import org.cfdmspark.engine.NeighbourSearch;
import org.cfdmspark.engine.NoisePolicy;
import org.cfdmspark.engine.SamplerConfig;
import org.cfdmspark.engine.Sigma;
import org.cfdmspark.engine.SigmaDefault;
import org.cfdmspark.engine.TrainingSet;
import org.cfdmspark.privacy.NearCopyGuard;
import org.cfdmspark.privacy.SigmaCalibration;

/**
 * The knobs of the sampling engine: method.md's σ, M, S, T, noise policy, estimator, K, L, the nn estimator's
 * neighbour index, seed and run id (which stands in for an unset seed), then the codec's column kinds, strata,
 * the broadcast budget and the near-copy guard. Defined once; the CLI, config file, manifest and the Spark ML
 * Params of ml.CfdmSynthesizer are views of these.
 */
public final class ModelKnobs {
  private ModelKnobs() {
  }

  /**
   * σ auto in normal scores, as a multiple of the spacing rule: measured on credit default and Adult (README,
   * "Choosing the defaults"); 1 in standardised units and for tables without number columns, where the guard
   * widens σ for the samples that need it.
   */
  public static final double NORMAL_SCORES_SIGMA_MULTIPLE = 3;
  /**
   * σ auto's multiple falls from {@value #NORMAL_SCORES_SIGMA_MULTIPLE} to 1 as the share of training rows that
   * repeat another row grows from this share to {@link #PLAIN_SPACING_FROM_REPEATED}. In a table of repeated rows the
   * nearest different row is mostly one category (or one point mass) away, so the spacing rule measures category
   * changes, and three times it makes the flow change categories freely, flattening their shares (README, "Tables
   * of repeated rows"). The tables the multiple was measured on repeat under 0.3 % of their rows.
   */
  public static final double FULL_MULTIPLE_UP_TO_REPEATED = 0.1;
  /** From this share of repeated rows on, σ auto is the spacing rule itself (multiple 1)… */
  public static final double PLAIN_SPACING_FROM_REPEATED = 0.3;
  /**
   * …until this share, beyond which it falls to 0 with the share of rows that occur once: where nearly every row
   * repeats, so does nearly every fresh row, and the guard redraws nearly every first draw at a wider σ, which
   * flattened the shares again (a 97 %-repeated table: Shapes error 5.6 % against a floor of 1.75 %).
   */
  public static final double RESAMPLE_FROM_REPEATED = 0.9;
  /** --final-noise auto in normal scores (standard deviations of a normal score); 0 in standardised units. */
  public static final double NORMAL_SCORES_FINAL_NOISE = 0.2;
  /** --steps auto for σ-CFDM and the baselines (which do not integrate a flow). */
  public static final int CLOSED_FORM_STEPS = 20;

  public static final Knob<Sigma> SIGMA = Knob.custom("sigma", "NUMBER|auto", Sigma.AUTO, Sigma::parse,
      Sigma::isValid, "a number >= 0 or auto",
      "Smoothing scale σ in the model's units (normal scores or standard deviations, --numeric-scale); 0 "
          + "reproduces training rows. auto = the spacing rule, " + SigmaDefault.DESCRIPTION + ", times "
          + Knob.plain(NORMAL_SCORES_SIGMA_MULTIPLE) + " with --numeric-scale normal-scores, falling to 1 as the share "
          + "of training rows that repeat another row grows from " + percent(FULL_MULTIPLE_UP_TO_REPEATED) + " to "
          + percent(PLAIN_SPACING_FROM_REPEATED) + ", and to 0 from " + percent(RESAMPLE_FROM_REPEATED) + " to 100 % "
          + "(generate raises it for --near-copy-target below 1).",
      sigma -> sigma.auto() ? "auto" : Knob.plain(sigma.value()));
  public static final Knob<GeneratorKind> GENERATOR = Knob.choice("generator", GeneratorKind.class,
      GeneratorKind.CFDM, "How samples are drawn from the training rows: cfdm = σ-CFDM, the smoothed closed-form "
          + "diffusion model (the other knobs of this table set it); random-features = a ridge read-out of frozen "
          + "random features per grid time (--features, --noise-draws, --ridge); score-net = an MLP denoiser trained "
          + "with early stopping (--hidden-width … --batch-size); the trained two sample with σ = 0 on the same "
          + "grid, start time and seed. Or a baseline on the same encoding, strata, guard and output: mixup = "
          + "flat-Dirichlet mix of a row and its --draws - 1 nearest rows, smote = a uniform point between a row and "
          + "one of its 5 nearest, copula = Gaussian copula with empirical marginals, copy = a training row drawn "
          + "uniformly (the memorising reference: no guard); a baseline ignores σ, and its --guard redraws a "
          + "near-copy from a fresh random stream.");
  public static final Knob<Integer> DRAWS = Knob.integer("draws", SamplerConfig.DEFAULT_DRAWS, 1, 1024,
      "Smoothing draws M per trajectory: samples land on barycentres of about M nearby training rows.");
  public static final Knob<Integer> STEPS = Knob.custom("steps", "INT|auto", null,
      raw -> raw.equalsIgnoreCase("auto") ? null : Integer.valueOf(raw), v -> v == null || v >= 1 && v <= 1_000_000,
      "an integer in [1, 1000000] or auto",
      "Euler grid size S: the flow is integrated on t = n/S. auto = " + CLOSED_FORM_STEPS + " for σ-CFDM (its "
          + "smoothed samples settle on a barycentre within a few steps: the report's figures at S = 20, 25, 50 "
          + "and 100 differ by less than a seed's spread, README \"Choosing the defaults\"), "
          + SamplerConfig.DEFAULT_STEPS + " (method.md §4) for --sigma 0, which must land on one training row, and "
          + "the trained score models.",
      v -> v == null ? "auto" : Knob.plain(v));
  public static final Knob<Double> START_TIME = Knob.decimal("start-time", SamplerConfig.DEFAULT_START_TIME, 0, 1, false,
      "Start time T: start from the noised data at t0 = ceil(T*S)/S, saving that share of the steps.");
  public static final Knob<NoisePolicy> NOISE_POLICY = Knob.choice("noise-policy", NoisePolicy.class,
      SamplerConfig.DEFAULT_NOISE_POLICY, "Draw the M smoothing vectors once per trajectory, or anew at every step.");
  public static final Knob<EstimatorKind> ESTIMATOR = Knob.choice("estimator", EstimatorKind.class,
      SamplerConfig.DEFAULT_ESTIMATOR, "Posterior mean from K nearest + L random training rows (nn; near-exact from t = 0.5 on, "
          + "sub-linear in N with IVF) or from all rows (exact).");
  public static final Knob<Integer> NEIGHBORS = Knob.integer("neighbors", SamplerConfig.DEFAULT_NEIGHBORS, 1, 1_000_000,
      "K: nearest training rows per query for the nn estimator.");
  public static final Knob<Integer> RANDOM_POINTS = Knob.integer("random-points", SamplerConfig.DEFAULT_RANDOM_POINTS, 0, 1_000_000,
      "L: random further training rows per query for the nn estimator (they stand for the remainder).");
  public static final Knob<IndexKind> INDEX = Knob.choice("index", IndexKind.class, SamplerConfig.DEFAULT_INDEX,
      "Neighbour search of the nn estimator: exact scan, ivf (k-means cells), or auto (ivf from "
          + NeighbourSearch.AUTO_IVF_ROWS + " training rows on).");
  public static final Knob<Integer> NLIST = Knob.integer("nlist", 0, 0, 1_000_000,
      "IVF cells (k-means centroids); 0 = automatic, about 4·sqrt(N).");
  public static final Knob<Integer> NPROBE = Knob.integer("nprobe", 0, 0, 1_000_000,
      "IVF cells searched per query; 0 = automatic, the fewest reaching recall@K >= "
          + NeighbourSearch.TARGET_RECALL + " on a calibration sample.");
  public static final Knob<Long> SEED = Knob.longInteger("seed", null, Long.MIN_VALUE, Long.MAX_VALUE,
      "Random seed: the same seed, data and knobs give the same rows, however the work is split. Unset: derived "
          + "from --run-id, else " + RunSeed.DEFAULT + ".");
  public static final Knob<String> RUN_ID = Knob.text("run-id", "TEXT", null,
      "Name of this run for schedulers (e.g. its date); without --seed the seed is derived from it (first 8 "
          + "bytes of its UTF-8 SHA-256), so re-running a run id gives the same rows.");

  public static final Knob<List<String>> CATEGORICAL = Knob.names("categorical", "(inferred)",
      "Columns to model as categories whatever their type (e.g. integer codes); text and true/false columns "
          + "are categorical anyway.");
  public static final Knob<List<String>> INTEGER = Knob.names("integer", "(inferred)",
      "Number columns whose generated values are rounded to whole numbers; inferred for integer types and for "
          + "columns whose every value is whole.");
  public static final Knob<List<String>> IGNORE = Knob.names("ignore", "(none)",
      "Columns kept in the output schema but not modelled: they are written empty (null).");
  public static final Knob<List<String>> KEY = Knob.names("key", "(detected)",
      "Columns regenerated as keys (every value distinct; refused otherwise): new unique values of the same type and "
          + "form, none taken from training. "
          + "Detected when every value is present and distinct and looks like an id: whole numbers in a sequence "
          + "(span at most 4 per row) or under an id-like name (customer_id, OrderNo), text without spaces of at "
          + "most 64 characters. Days, months and years written as numbers (20230514, 202305, 1987; years under an "
          + "id-like name aside) are modelled, not keys.");
  public static final Knob<List<String>> NO_KEY = Knob.names("no-key", "(none)",
      "Columns modelled like the others although all their values are distinct (not keys).");
  public static final Knob<List<String>> CONSTRAINT = Knob.names("constraint", "INEQUALITY[,...]",
      "comma-separated inequalities of two columns, a <= b or a < b (\"quoted\" if one holds a comma)", "(detected)",
      "Inequalities between two number columns, or two date or time columns (a date as its midnight), that every "
          + "output row keeps, e.g. \"paid <= invoice\", \"shipped <= delivered_at\" (refused when a training row "
          + "breaks one, or when it compares a date or time with a number). Every such inequality that all training "
          + "rows satisfy is found anyway and listed in the manifest; dates and times it joins share one final "
          + "noise draw (README, \"Dates that follow each other\").");
  public static final Knob<Integer> MAX_CATEGORIES = Knob.integer("max-categories",
      ColumnOverrides.DEFAULT_MAX_CATEGORIES, 2, ColumnOverrides.MOST_MAX_CATEGORIES,
      "Most distinct values a categorical column may have (each is one encoded dimension).");
  public static final Knob<Boolean> POINT_MASSES = Knob.flag("point-masses", true,
      "Give a number column a vote for each value that at least 5 % of its cells hold exactly (the 0 of a debt "
          + "column): samples keep those spikes instead of averaging them away. false = plain standardised "
          + "numbers (one encoded dimension per column).");
  public static final Knob<NumericScale> NUMERIC_SCALE = Knob.choice("numeric-scale", NumericScale.class,
      NumericScale.NORMAL_SCORES, "What the model averages for a number column: normal-scores = Φ⁻¹ of the "
          + "value's quantile in training (the quantile-to-normal transform of TabDDPM and the Gaussian copula: a "
          + "barycentre of payments keeps the column's skew; the value comes back through the quantiles); "
          + "standard = (x - mean) / sd as method.md §6 says (with --final-noise and --sigma auto at their "
          + "standardised defaults: the plain method with --guard false --category-draw vote --marginal-map "
          + "false --redraw-columns none). The report, the guard and the σ pilots measure near-copies in "
          + "standardised units either way (README, \"Choosing the defaults\").");
  public static final Knob<Double> FINAL_NOISE = Knob.custom("final-noise", "NUMBER|auto", null,
      raw -> raw.equalsIgnoreCase("auto") ? null : Double.valueOf(raw), v -> v == null || v >= 0 && v <= 10,
      "a number in [0, 10] or auto",
      "σ-CFDM lands on a barycentre of training rows; decoding then adds Gaussian noise of this standard deviation "
          + "(in --numeric-scale units) to each number column's value, so samples sit farther from training rows. "
          + "auto = " + Knob.plain(NORMAL_SCORES_FINAL_NOISE) + " with --numeric-scale normal-scores, 0 (the "
          + "barycentre itself, method.md §4) with standard, where noise widens skewed columns. Baselines and "
          + "--sigma 0 (training rows as they are) get none.",
      v -> v == null ? "auto" : Knob.plain(v));
  public static final Knob<Boolean> CORRELATED_NOISE = Knob.flag("correlated-noise", true,
      "σ-CFDM: draw the number columns' --final-noise together, correlated as their values are within the "
          + "categories in the training rows (after the categorical columns' effects; each column's noise as large "
          + "as drawn alone), so that columns that move together, such as a quantity and its double plus a little, "
          + "move together under the noise instead of being blurred apart (README, \"Final noise drawn together\"). "
          + "false = each column's noise drawn by itself (the default before 2026-12-07).");
  public static final Knob<Double> LOCAL_NOISE = Knob.decimal("local-noise", 0, 0, 10, true,
      "σ-CFDM: move each sample off its barycentre by Gaussian noise on the number columns' values whose length "
          + "is about this multiple of the local spacing (its nearest training row's distance to that row's nearest "
          + "different row; an adaptive-bandwidth kernel), so samples sit about as far from training rows as fresh "
          + "rows do where rows are sparse, and closer where they are dense. 0 = none (so is --sigma 0); adds to "
          + "--final-noise. Costs an N x N search at fit.");
  public static final Knob<Double> PARENT_NOISE = Knob.decimal("parent-noise", 0, 0, 10, true,
      "σ-CFDM: move each sample off its barycentre along the directions in which its parents (the rows its M "
          + "smoothing draws land on) differ: an affine combination of them with Gaussian weights around 1/M, "
          + "this multiple of their own spread, on the number columns' values. Keeps pairs of columns that vary "
          + "together on their local curve, where --final-noise follows one correlation for the whole table "
          + "(--correlated-noise). 0 = none (so is --sigma 0); adds to --final-noise.");
  public static final Knob<Boolean> LEAVE_ONE_OUT = Knob.flag("leave-one-out", false,
      "σ-CFDM: each trajectory starts from a noised training row (--start-time) and leaves that row out of its "
          + "posterior means, so it lands among the row's neighbours instead of on it, as a fresh row lands among "
          + "the training rows (the model of the other N - 1 rows): far fewer samples memorise a row, at a cost in "
          + "fidelity, which the marginal stretch wins back in part (README, \"Leaving the start row out\"). false = "
          + "the plain flow (method.md §4).");
  public static final Knob<Boolean> MARGINAL_MAP = Knob.flag("marginal-map", true,
      "σ-CFDM: stretch each number column's values (in --numeric-scale units, one column at a time, keeping their "
          + "order) about the training rows' mean by how much its barycentres shrank them: a barycentre of M rows "
          + "is narrower than its rows. Measured at fit on a pilot of " + MarginalMapFit.PILOT_SAMPLES
          + " samples (fewer, at least " + MarginalMapFit.MIN_PILOT_SAMPLES + ", where a step of their searches "
          + "would cost over " + MarginalMapFit.pilotWork() + " multiply-adds: a wide table), each against the training row it started from (README, \"The marginal stretch\"); strata of "
          + "fewer than " + MarginalMapFit.MIN_ROWS + " rows take no part, and a table without a larger one gets "
          + "none. The same pilot scales the chance of a number column's missing cells to the training rows' missing share, and "
          + "weights the vote of a column whose voted shares miss the training shares (a tie among a barycentre's "
          + "largest shares then goes to each state in proportion to its weight; README, \"The weighted vote\"). "
          + "false = the barycentres' own values (with --final-noise), missing cells and plain vote.");
  public static final Knob<List<String>> REDRAW_COLUMNS = Knob.names("redraw-columns",
      "auto[,-COL...]|COL[,COL...]|none", "auto (then -COL for each column it must keep), comma-separated "
          + "categorical and number column names, or none", List.of(ColumnRedrawFit.AUTO), "none",
      "σ-CFDM: after the last step, redraw these columns once each, in the table's order and per stratum, from one "
          + "of their k nearest training rows on the other columns, weighted by how each correlates with the "
          + "redrawn one (one sweep of Gibbs sampling with the k-nearest-neighbour conditional, among "
          + ColumnRedrawFit.REFERENCE_ROWS + " reference rows), so that a sample does not repeat its parent row's "
          + "categories and numbers: far fewer samples sit closer to a training row than fresh rows do, at some cost "
          + "in the pairs of columns (README, \"Redrawing the loosely tied columns\"). auto = the columns sharing "
          + "less than " + ColumnRedrawFit.MAX_INFORMATION + " nats of information with the others whose redraw "
          + "changes at least a third of their cells (leave-one-out k-NN estimates at fit, on tables or strata of at "
          + "least " + ColumnRedrawFit.AUTO_ROWS + " rows; the fit prints what it chose), except those given as "
          + "-COL (\"-COL\" quoted when the name holds a comma), which then count whole in every redrawn column's "
          + "distance (a redrawn predictor comes from rows of the sample's label); generate and fit add their "
          + "--target. A label can look loosely tied to the rest, so keep it out when you will train on one. none = "
          + "the barycentre's values "
          + "(the plain flow; an empty value is refused). Off by itself at --sigma 0 (samples are training rows) and "
          + "for the other generators.");
  /** The knobs that act on σ-CFDM's barycentres only (declared after them: static fields start in order). */
  private static final List<Knob<?>> BARYCENTRE_KNOBS = List.of(FINAL_NOISE, CORRELATED_NOISE, LOCAL_NOISE,
      PARENT_NOISE, LEAVE_ONE_OUT, MARGINAL_MAP, REDRAW_COLUMNS);
  public static final Knob<CategoryDraw> CATEGORY_DRAW = Knob.choice("category-draw", CategoryDraw.class,
      CategoryDraw.AUTO, "How a sample's category is read from its barycentre of M training rows, whose categorical "
          + "block holds each category's share of them: vote = the most common category (method.md §6); weights = "
          + "a category drawn with its share as probability, independently per column, so that a sample does not "
          + "keep its parents' majority categories in every column; weights-all = also a number column's point "
          + "mass, missing or other value drawn from its shares (README, \"Local closeness\"); row = all categories "
          + "of one training row drawn with its weight in the barycentre as probability (σ-CFDM; the others vote), "
          + "so that a sample takes one real row's combination (each category as often as barycentres weigh it, "
          + "which σ's smoothing flattens as a draw's shares); auto = weights when half of a pilot of σ-CFDM's first "
          + "draws are near-copies that the guard will mix at a wider σ, or when their parents' categories are mixed "
          + "(they disagree with the vote in 15 % of cells or more) and a second pilot finds that drawn shares move "
          + "the categories' shares from training's less than the vote, else vote (the manifest's category_draw; "
          + "README, \"Choosing the draw per table\").");
  public static final Knob<String> STRATIFY_BY = Knob.text("stratify-by", "COL", null,
      "Generate each value of this column from its own rows only (no mixing across values), in training "
          + "proportions or as --counts says.");
  public static final Knob<Integer> BROADCAST_BUDGET_MB = Knob.integer("broadcast-budget-mb", 512, 1,
      Integer.MAX_VALUE, "Largest encoded training matrix (MB) to collect and broadcast to every executor.");
  public static final Knob<Double> NEAR_COPY_TARGET = Knob.decimal("near-copy-target", 1, 0, 1, true,
      "With --sigma auto and a target below 1: raise σ from σ auto in steps of √2 until a "
          + SigmaCalibration.PILOT_SAMPLES + "-sample pilot has at most this share of near-copies (before "
          + "--guard). 1 = σ auto as it is; without --guard, 0.02 keeps near-copies rare by σ alone.");
  public static final Knob<Boolean> GUARD = Knob.flag("guard", true,
      "Resample near-copies: a sample that decodes to within --guard-threshold of a training row is drawn again "
          + "along its own trajectory with σ raised in steps of √2 (up to " + NearCopyGuard.ATTEMPTS + " times, "
          + "16σ); the manifest counts them. Off by itself when σ = 0 or --draws 1, whose every sample is a "
          + "training row, and for --generator copy; --guard false gives the plain model, whose samples are often training rows.");
  public static final Knob<Double> GUARD_THRESHOLD = Knob.custom("guard-threshold", "NUMBER|auto", null,
      raw -> raw.equalsIgnoreCase("auto") ? null : Double.valueOf(raw), v -> v >= 0, "a number >= 0 or auto",
      "Distance (the report's encoded space) under which --guard replaces a sample; auto = the near-copy "
          + "threshold, the 1st percentile of distinct training rows' distances to their nearest different row; "
          + "a copy of a training row that occurs once is always replaced.",
      v -> v == null ? "auto" : String.valueOf(v));
  public static final Knob<Double> GUARD_LOCALITY = Knob.decimal("guard-locality", 0, 0, 10, true,
      "With --guard: also redraw a sample whose distance to its nearest training row is below this multiple of "
          + "that row's own spacing (its distance to its nearest other training row), so that \"too close\" is "
          + "judged against the place's spacing, not one global threshold. 0.5 flags every sample the memorised "
          + "fraction counts (d1/d2 < 1/3); 0 = the threshold alone. Costs an N x N search at fit.");

  /** All of them: the Params of the model (ml.CfdmSynthesizer), in the order docs and manifests list them. */
  public static final List<Knob<?>> ALL = Stream.concat(Stream.of(GENERATOR, SIGMA,
      DRAWS, STEPS, START_TIME, NOISE_POLICY, ESTIMATOR, NEIGHBORS, RANDOM_POINTS, INDEX, NLIST, NPROBE, SEED, RUN_ID,
      CATEGORICAL, INTEGER, KEY, NO_KEY, CONSTRAINT, IGNORE, MAX_CATEGORIES, POINT_MASSES, NUMERIC_SCALE, FINAL_NOISE,
      CORRELATED_NOISE, LOCAL_NOISE, PARENT_NOISE, LEAVE_ONE_OUT, MARGINAL_MAP, REDRAW_COLUMNS, CATEGORY_DRAW, STRATIFY_BY,
      BROADCAST_BUDGET_MB, NEAR_COPY_TARGET, GUARD, GUARD_THRESHOLD, GUARD_LOCALITY), ScoreModelKnobs.ALL.stream()).toList();

  /** The model's knobs of {@code settings} (say, a command's), the defaults for those it lacks. */
  public static Settings select(Settings settings) {
    return settings.select(ALL);
  }

  /** The column-kind overrides in {@code settings}, for the model. */
  public static ColumnOverrides overrides(Settings settings) {
    ColumnOverrides kinds = columnKinds(settings, settings.get(POINT_MASSES));
    return new ColumnOverrides(kinds.categorical(), kinds.integer(), kinds.maxCategories(), kinds.pointMasses(),
        kinds.keys(), kinds.notKeys(), kinds.constraints(), normalScores(settings),
        appliedFinalNoise(settings));
  }

  /**
   * The values that the data-independent knobs take in a run of {@code settings}, by knob name, as the manifest
   * records them beside the settings as typed: --steps and --final-noise with auto resolved and the noise as
   * applied (none for the baselines, the trained models and σ fixed at 0). σ auto and the guard's threshold
   * depend on the data: the manifest has them under sigma and guard.
   */
  public static Map<String, Number> resolved(Settings settings) {
    Map<String, Number> values = new LinkedHashMap<>();
    values.put(STEPS.name(), steps(settings));
    values.put(FINAL_NOISE.name(), appliedFinalNoise(settings));
    return values;
  }

  /**
   * A one-line warning naming the knobs given in {@code settings} that the run does not apply, or null when it
   * applies them all: the noise knobs, --leave-one-out and --marginal-map act on σ-CFDM's barycentres only, so
   * another --generator and a fixed σ of 0 (training rows as they are) ignore them. A warning, not an error: one
   * settings file serves runs of several generators (report --compare passes it to each).
   */
  public static String ignoredKnobs(Settings settings) {
    boolean cfdm = settings.get(GENERATOR) == GeneratorKind.CFDM;
    if (cfdm && !memorises(settings)) {
      return null;
    }
    return ignoredWarning(settings, cfdm ? SIGMA.option() + " 0 samples training rows as they are and ignores"
        : GENERATOR.option() + " " + GENERATOR.format(settings.get(GENERATOR)) + " ignores");
  }

  /**
   * report --compare's one warning for all its runs of other generators (instead of one per run): the knobs given in
   * {@code settings} that act on σ-CFDM's barycentres only, or null when none is given.
   */
  public static String ignoredByBaselines(Settings settings) {
    return ignoredWarning(settings, "the other generators compared ignore");
  }

  /**
   * {@code settings} with the knobs that act on σ-CFDM's barycentres only back at their defaults, not given: a
   * run of another generator in report --compare, which ignores them (their one warning is {@link #ignoredByBaselines}).
   */
  public static Settings withoutBarycentreKnobs(Settings settings) {
    List<Knob<?>> all = settings.knobs();
    return settings.select(all.stream().filter(knob -> !BARYCENTRE_KNOBS.contains(knob)).toList()).select(all);
  }

  private static String ignoredWarning(Settings settings, String subjectIgnores) {
    List<String> given = BARYCENTRE_KNOBS.stream().filter(settings::isGiven).map(Knob::option).toList();
    if (given.isEmpty()) {
      return null;
    }
    return "warning: " + String.join(", ", given) + (given.size() == 1 ? " acts" : " act") + " on σ-CFDM's "
        + "barycentres only; " + subjectIgnores + (given.size() == 1 ? " it" : " them");
  }

  /** The final noise decoding adds: --final-noise resolved, for σ-CFDM with σ auto or above 0 only. */
  private static double appliedFinalNoise(Settings settings) {
    return settings.get(GENERATOR) == GeneratorKind.CFDM && !memorises(settings) ? finalNoise(settings) : 0;
  }

  /**
   * --steps with auto resolved: {@value #CLOSED_FORM_STEPS} for σ-CFDM with σ auto or above 0 and for the
   * baselines, the method's {@value SamplerConfig#DEFAULT_STEPS} for σ fixed at 0 and the trained score models.
   */
  public static int steps(Settings settings) {
    Integer steps = settings.get(STEPS);
    if (steps != null) {
      return steps;
    }
    // σ 0 lands on a training row only if the last step's kernel, bandwidth 1/(S − 1), is narrow enough to pick
    // one (method.md §4); a trained x̂ has no smoothing to hide a coarse grid.
    GeneratorKind kind = settings.get(GENERATOR);
    return kind == GeneratorKind.RANDOM_FEATURES || kind == GeneratorKind.SCORE_NET || memorises(settings)
        ? SamplerConfig.DEFAULT_STEPS : CLOSED_FORM_STEPS;
  }

  /** --final-noise with auto resolved: {@value #NORMAL_SCORES_FINAL_NOISE} in normal scores, else 0. */
  static double finalNoise(Settings settings) {
    Double noise = settings.get(FINAL_NOISE);
    if (noise != null) {
      return noise;
    }
    return normalScores(settings) ? NORMAL_SCORES_FINAL_NOISE : 0;
  }

  private static boolean normalScores(Settings settings) {
    return settings.get(NUMERIC_SCALE) == NumericScale.NORMAL_SCORES;
  }

  /** --parent-noise as σ-CFDM applies it: none at a fixed σ of 0 (see {@link #memorises}). */
  public static double parentNoise(Settings settings) {
    return memorises(settings) ? 0 : settings.get(PARENT_NOISE);
  }

  /** --redraw-columns as σ-CFDM applies it: none at a fixed σ of 0 (see {@link #memorises}). */
  static List<String> redrawColumns(Settings settings) {
    return memorises(settings) ? List.of() : settings.get(REDRAW_COLUMNS);
  }

  /**
   * {@code settings} with {@code column} (the job's --target) among the columns --redraw-columns auto keeps (-COL),
   * when σ-CFDM applies auto: a label's k-NN information can look as low as a loosely tied column's, and a redrawn
   * label costs TSTR (credit default .779 → .738). Settings the redraw does not apply to come back as they are, so
   * that the knob reads as not given (no warning that another generator ignores it).
   */
  public static Settings keepFromRedraw(Settings settings, String column) {
    List<String> redraw = redrawColumns(settings);
    String keep = ColumnRedrawFit.EXCLUDE + column;
    if (column == null || settings.get(GENERATOR) != GeneratorKind.CFDM || redraw.isEmpty()
        || !redraw.get(0).equalsIgnoreCase(ColumnRedrawFit.AUTO) || redraw.contains(keep)) {
      return settings;
    }
    List<String> kept = new ArrayList<>(redraw);
    kept.add(keep);
    return settings.with(REDRAW_COLUMNS, List.copyOf(kept));
  }

  /** Whether σ-CFDM's number columns are mapped to the training rows' marginals: not at a fixed σ of 0. */
  /** Whether σ-CFDM's final noise is drawn together (--correlated-noise): only where decoding adds some. */
  static boolean correlatedNoise(Settings settings) {
    return settings.get(CORRELATED_NOISE) && appliedFinalNoise(settings) > 0;
  }

  public static boolean marginalMap(Settings settings) {
    return settings.get(GENERATOR) == GeneratorKind.CFDM && !memorises(settings) && settings.get(MARGINAL_MAP);
  }

  /** --local-noise as σ-CFDM applies it: none at a fixed σ of 0 (see {@link #memorises}). */
  public static double localNoise(Settings settings) {
    return memorises(settings) ? 0 : settings.get(LOCAL_NOISE);
  }

  /**
   * Whether σ is fixed at 0: σ-CFDM then samples the training rows themselves (method.md §4: memorisation), and
   * neither --final-noise nor --local-noise applies: noise would turn them into rows that neither the data nor
   * the model holds.
   */
  static boolean memorises(Settings settings) {
    Sigma sigma = settings.get(SIGMA);
    return !sigma.auto() && sigma.value() == 0;
  }

  /** The column-kind overrides in {@code settings} with or without point masses (the report: without). */
  public static ColumnOverrides columnKinds(Settings settings, boolean pointMasses) {
    return new ColumnOverrides(Set.copyOf(settings.get(CATEGORICAL)), Set.copyOf(settings.get(INTEGER)),
        settings.get(MAX_CATEGORIES), pointMasses, Set.copyOf(settings.get(KEY)), Set.copyOf(settings.get(NO_KEY)),
        settings.get(CONSTRAINT));
  }

  /**
   * σ auto as a multiple of the spacing rule, for a table whose share {@code repeatedShare} of rows repeat another:
   * {@value #NORMAL_SCORES_SIGMA_MULTIPLE} up to {@value #FULL_MULTIPLE_UP_TO_REPEATED}, linear down to 1 at
   * {@value #PLAIN_SPACING_FROM_REPEATED}, 1 up to {@value #RESAMPLE_FROM_REPEATED}, then (1 − share) / (1 −
   * {@value #RESAMPLE_FROM_REPEATED}), down to 0 when every row repeats. Without normal scores (a table without
   * number columns) 1 up to {@value #RESAMPLE_FROM_REPEATED}, then the same fall.
   */
  public static double sigmaAutoMultiple(boolean normalScores, double repeatedShare) {
    if (repeatedShare > RESAMPLE_FROM_REPEATED) {
      return (1 - repeatedShare) / (1 - RESAMPLE_FROM_REPEATED);
    }
    if (!normalScores) {
      return 1;
    }
    double fall = (repeatedShare - FULL_MULTIPLE_UP_TO_REPEATED)
        / (PLAIN_SPACING_FROM_REPEATED - FULL_MULTIPLE_UP_TO_REPEATED);
    return NORMAL_SCORES_SIGMA_MULTIPLE - (NORMAL_SCORES_SIGMA_MULTIPLE - 1) * Math.min(1, Math.max(0, fall));
  }

  /**
   * The engine settings in {@code settings}, with an automatic σ resolved on {@code training} (the spacing rule
   * times {@link #sigmaAutoMultiple}) and the seed resolved from the seed and run id knobs ({@link RunSeed});
   * checked against each knob's range.
   *
   * @param normalScores whether some number column of the codec holds normal scores
   * @param repeatedShare the share of {@code training}'s rows equal to another of its rows, in [0, 1]
   */
  public static SamplerConfig samplerConfig(Settings settings, TrainingSet training, boolean normalScores,
      double repeatedShare) {
    return samplerConfig(settings, training, normalScores, repeatedShare, training.dimension());
  }

  /**
   * As {@link #samplerConfig(Settings, TrainingSet, boolean, double)}, σ auto's spacing rule taking d =
   * {@code spacingDimension} (the codec's {@code TableCodec#spacingWidth}).
   */
  public static SamplerConfig samplerConfig(Settings settings, TrainingSet training, boolean normalScores,
      double repeatedShare, int spacingDimension) {
    // --numeric-scale standard is the earliest defaults': σ auto the spacing rule itself, whatever the table.
    double multiple = settings.get(NUMERIC_SCALE) == NumericScale.STANDARD ? 1
        : sigmaAutoMultiple(normalScores, repeatedShare);
    return new SamplerConfig(settings.get(SIGMA).resolve(training, multiple, spacingDimension), settings.get(DRAWS),
        steps(settings), settings.get(START_TIME), settings.get(NOISE_POLICY), settings.get(ESTIMATOR),
        settings.get(NEIGHBORS), settings.get(RANDOM_POINTS), settings.get(INDEX), settings.get(NLIST),
        settings.get(NPROBE), RunSeed.of(settings)).withLeaveOneOut(leaveOneOut(settings));
  }

  /** Whether σ-CFDM's trajectories leave their start rows out: not at a fixed σ of 0, whose samples are rows. */
  static boolean leaveOneOut(Settings settings) {
    return settings.get(GENERATOR) == GeneratorKind.CFDM && !memorises(settings) && settings.get(LEAVE_ONE_OUT);
  }

  private static String percent(double share) {
    return Knob.plain(100 * share) + " %";
  }
}
