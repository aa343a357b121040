package org.cfdmspark.ml;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.cfdmspark.config.BadInputException;
import org.cfdmspark.config.Knob;
import org.cfdmspark.config.Notices;
import org.cfdmspark.config.Settings;
import org.cfdmspark.encoding.CategoryDraw;
import org.cfdmspark.encoding.ColumnNames;
import org.cfdmspark.encoding.EmptyColumns;
import org.cfdmspark.encoding.TableCodec;
import org.cfdmspark.engine.ColumnRedraw;
import org.cfdmspark.engine.IndexKind;
import org.cfdmspark.engine.NeighbourSearch;
import org.cfdmspark.engine.SamplerConfig;
import org.cfdmspark.engine.TrainingSet;
import org.cfdmspark.knn.DistinctRows;
import org.cfdmspark.privacy.NearCopyCheck;
import org.cfdmspark.privacy.NearCopyGuard;
import org.cfdmspark.privacy.RepeatedCopyThinning;
import org.cfdmspark.privacy.RunWarnings;
import org.cfdmspark.privacy.SigmaCalibration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * From the training rows to the broadcastable model: collect the rows (within the broadcast budget) in their
 * canonical order, fit the codec on all of them, split them into strata, encode each stratum's rows and resolve its
 * engine settings: σ (auto: the spacing
 * rule, raised by pilots for a near-copy target below 1), the neighbour search and the near-copy guard.
 */
final class ModelFitting {
  /** A model of one row can only copy it. */
  static final int MIN_ROWS = 2;
  private static final Logger LOG = LoggerFactory.getLogger(ModelFitting.class);

  private ModelFitting() {
  }

  /**
   * Checks that the settings fit a table of this schema, before any Spark work: every column a knob names exists,
   * the stratification column is modelled, and something is left to model.
   *
   * @return the modelled columns, in schema order
   * @throws BadInputException naming every unknown column and the knob that names it
   */
  static List<String> modelledColumns(StructType schema, Settings settings) {
    List<String> available = Arrays.asList(schema.fieldNames());
    List<String> problems = new ArrayList<>();
    for (Knob<List<String>> knob : List.of(ModelKnobs.IGNORE, ModelKnobs.CATEGORICAL, ModelKnobs.INTEGER,
        ModelKnobs.KEY, ModelKnobs.NO_KEY)) {
      List<String> unknown = settings.get(knob).stream().filter(name -> !available.contains(name)).toList();
      if (!unknown.isEmpty()) {
        problems.add("unknown column" + (unknown.size() == 1 ? " " : "s ") + ColumnNames.quotedList(unknown)
            + " in " + knob.option());
      }
    }
    Set<String> modelled = new LinkedHashSet<>(available);
    settings.get(ModelKnobs.IGNORE).forEach(modelled::remove);
    String stratifyBy = settings.get(ModelKnobs.STRATIFY_BY);
    if (stratifyBy != null && !modelled.contains(stratifyBy)) {
      problems.add(ModelKnobs.STRATIFY_BY.option() + " " + stratifyBy + " must be a modelled column"
          + (available.contains(stratifyBy) ? " (do not ignore it)" : ""));
    }
    List<String> unknownRedrawn = ColumnRedrawFit.namedColumns(ModelKnobs.redrawColumns(settings)).stream()
        .filter(name -> !modelled.contains(name)).toList();
    if (!unknownRedrawn.isEmpty()) {
      // Here, before the rows are collected and the fit runs, rather than when the redraw is fitted.
      problems.add(ModelKnobs.REDRAW_COLUMNS.option() + " names " + ColumnNames.quotedList(unknownRedrawn)
          + ", not a modelled column (not in the input, or left out by --columns, --exclude or --ignore)");
    }
    if (!problems.isEmpty()) {
      throw new BadInputException(String.join("; ", problems) + "; available columns: "
          + ColumnNames.quotedList(available));
    }
    if (modelled.isEmpty()) {
      throw new BadInputException("no columns left to model: " + ModelKnobs.IGNORE.option() + " names them all");
    }
    return List.copyOf(modelled);
  }

  static FittedModel fit(Dataset<Row> table, Settings settings) {
    List<String> modelled = modelledColumns(table.schema(), settings);
    ScoreModelKnobs.checkFeatures(settings, Runtime.getRuntime().maxMemory());
    String ignored = ModelKnobs.ignoredKnobs(settings);
    if (ignored != null) {
      System.err.println(ignored);
    }
    long budgetBytes = settings.get(ModelKnobs.BROADCAST_BUDGET_MB) * 1024L * 1024L;
    // The model must not depend on how the input happens to be split into files and partitions (that changes
    // with the cluster): sorted by value, the training rows come in one order, and the floating-point statistics
    // are summed in that order, identical to the last bit on any cluster. The rows must fit the broadcast budget
    // anyway, so they are collected once, and every statistic after that is computed on the driver, with no
    // further Spark job.
    long cpuStart = FitProfile.processCpuNanos();
    FitProfile profile = new FitProfile();
    long start = System.nanoTime();
    List<Row> all = TrainingMatrix.collect(table.select(modelled.stream().map(ColumnNames::column)
        .toArray(Column[]::new)), budgetBytes);
    long rows = all.size();
    double collectSeconds = profile.add("collect", start);
    start = System.nanoTime();
    TrainingMatrix.sort(all);
    double sortSeconds = profile.add("sort", start);
    if (rows < MIN_ROWS) {
      throw new BadInputException("the training table has " + rows + " row" + (rows == 1 ? "" : "s")
          + " (after --where and --holdout-fraction), too few to model" + (rows == 1 ? ": every sample would copy it"
          : "") + "; give at least " + MIN_ROWS + " rows");
    }
    ScoreModelFit.check(settings, rows, Runtime.getRuntime().maxMemory());
    // All-missing columns have nothing to model: kept empty in the output, like --ignore columns.
    List<String> empty = EmptyColumns.of(all, modelled);
    if (empty.size() == modelled.size()) {
      throw new BadInputException("nothing to model: every cell of the modelled columns is missing");
    }
    if (empty.contains(settings.get(ModelKnobs.STRATIFY_BY))) {
      throw new BadInputException(ModelKnobs.STRATIFY_BY.option() + " " + settings.get(ModelKnobs.STRATIFY_BY)
          + " has no values, only missing cells; stratify by another column");
    }
    if (!empty.isEmpty()) {
      // A line of its own on stderr, as the other notes on the input: a log4j WARN hid among the phase lines.
      Notices.print("note: " + ColumnNames.quotedList(empty) + (empty.size() == 1 ? " has" : " have")
          + " no values, only missing cells: kept as empty column" + (empty.size() == 1 ? "" : "s") + " in the output, "
          + "as with " + ModelKnobs.IGNORE.option());
    }
    List<String> kept = modelled.stream().filter(name -> !empty.contains(name)).toList();
    List<Row> training = empty.isEmpty() ? all : project(all, modelled, kept);
    StructType schema = new StructType(kept.stream().map(name -> table.schema().apply(name))
        .toArray(StructField[]::new));
    start = System.nanoTime();
    CategoryDraw requestedDraw = settings.get(ModelKnobs.CATEGORY_DRAW);
    // auto is chosen once the strata are fitted (a pilot of their samples): until then the codec votes.
    TableCodec codec = TableCodec.fit(schema, training, ModelKnobs.overrides(settings))
        .drawing(requestedDraw == CategoryDraw.AUTO ? CategoryDraw.VOTE : requestedDraw);
    double codecSeconds = profile.add("codec", start);
    // Progress for large tables, where collecting and building the search take minutes.
    LOG.info("fitting: {} rows, {} columns in {} encoded values (seconds: collect {}, sort {}, codec {})", rows,
        codec.columns().size(), codec.width(), seconds(collectSeconds), seconds(sortSeconds), seconds(codecSeconds));
    String stratifyBy = settings.get(ModelKnobs.STRATIFY_BY);
    List<StratumPlan> plans = StratumPlan.of(training, stratifyBy == null ? -1 : kept.indexOf(stratifyBy));
    long modelledRows = plans.stream().filter(plan -> plan.rows() >= MIN_ROWS).mapToLong(StratumPlan::rows).sum();
    if (2 * modelledRows < rows) {
      // Refused before any stratum is fitted: a measure's hundreds of one-row strata took minutes, and a line each.
      throw new BadInputException(String.format(Locale.ROOT, "%s %s has %,d values, and %.0f %% of the rows are in "
          + "values of fewer than %d rows, too few to model; stratify by a column of few values (a category)",
          ModelKnobs.STRATIFY_BY.option(), stratifyBy, plans.size(), 100.0 * (rows - modelledRows) / rows, MIN_ROWS));
    }
    TrainingMatrix.checkBudget(rows, codec.width(), budgetBytes);
    List<FittedModel.Stratum> strata = new ArrayList<>();
    for (StratumPlan plan : plans) {
      if (plan.rows() < MIN_ROWS) {
        strata.add(unsampleable(plan));
        continue;
      }
      start = System.nanoTime();
      TrainingSet encoded = new TrainingSet(TrainingMatrix.encode(plan.members(), codec));
      strata.add(fitStratum(plan, encoded, profile.add("encode", start), codec, settings, profile));
    }
    warnIfUnsmoothed(settings, strata);
    if (ModelKnobs.correlatedNoise(settings)) {
      // Before the pilots, which decode as sampling will.
      start = System.nanoTime();
      codec = codec.withNoiseCorrelation(NoiseCorrelationFit.fit(codec, strata.stream()
          .filter(FittedModel.Stratum::sampleable).map(FittedModel.Stratum::training).toList()));
      profile.add("noise_correlation", start);
      LOG.info("final noise: {}", NoiseCorrelationFit.describe(codec));
    }
    start = System.nanoTime();
    CategoryDrawChoice draw = CategoryDrawChoice.choose(requestedDraw, strata, codec,
        settings.get(ModelKnobs.GENERATOR) == GeneratorKind.CFDM);
    if (requestedDraw == CategoryDraw.AUTO) {
      codec = codec.drawing(draw.draw());
      LOG.info("category draw auto: {}", draw);
    }
    profile.add("category_draw", start);
    if (ModelKnobs.marginalMap(settings)) {
      start = System.nanoTime();
      int pilot = MarginalMapFit.pilotSamples(strata, codec.width());
      codec = MarginalMapFit.fit(codec, strata, pilot);
      double mapSeconds = profile.add("marginal_map", start);
      if (pilot == 0) {
        LOG.info("marginal map: none, no stratum of {} rows or more for its pilot", MarginalMapFit.MIN_ROWS);
      } else {
        LOG.info("marginal map: a pilot of {} samples{} ({} s); {}", pilot, pilot < MarginalMapFit.PILOT_SAMPLES
            ? " (not " + MarginalMapFit.PILOT_SAMPLES + ": a step of their searches would cost over "
            + MarginalMapFit.pilotWork() + " multiply-adds)" : "", seconds(mapSeconds), MarginalMapFit.describe(codec));
      }
    }
    profile.addCpu(cpuStart);
    return new FittedModel(table.schema(), codec, stratifyBy, rows, List.copyOf(strata), profile.seconds(), draw);
  }

  /**
   * Warns when σ-CFDM samples of a modelled stratum will be training rows as they are (σ 0 or one draw), naming the
   * knob that did it and its fix: at fit, and again as a saved model is loaded ({@link ModelStore}), so that
   * {@code sample} says what {@code generate} says. Once, not per stratum: σ and the draws are the same knobs for
   * every stratum.
   */
  static void warnIfUnsmoothed(Settings settings, List<FittedModel.Stratum> strata) {
    if (settings.get(ModelKnobs.GENERATOR) != GeneratorKind.CFDM || strata.stream().noneMatch(s -> s.sampleable()
        && !(s.config().sigma() > 0 && s.config().draws() > 1))) {
      return;
    }
    if (settings.get(ModelKnobs.DRAWS) == 1) {
      RunWarnings.unsmoothed(ModelKnobs.DRAWS.option() + " 1", "give " + ModelKnobs.DRAWS.option() + " 2 or more "
          + "(the default is " + ModelKnobs.DRAWS.defaultValue() + ")", System.err);
    } else if (settings.get(ModelKnobs.SIGMA).auto()) {
      RunWarnings.unsmoothed(ModelKnobs.SIGMA.option() + " auto, 0 on this table (its rows repeat),", "give a "
          + "positive " + ModelKnobs.SIGMA.option() + " (0.1 is a small one)", System.err);
    } else {
      RunWarnings.unsmoothed(ModelKnobs.SIGMA.option() + " 0", "use " + ModelKnobs.SIGMA.option() + " auto (the "
          + "default) or a positive sigma", System.err);
    }
  }

  /** The rows' cells of the columns {@code kept}, from rows whose fields are {@code columns}. */
  private static List<Row> project(List<Row> rows, List<String> columns, List<String> kept) {
    int[] at = kept.stream().mapToInt(columns::indexOf).toArray();
    List<Row> projected = new ArrayList<>(rows.size());
    for (Row row : rows) {
      Object[] cells = new Object[at.length];
      for (int c = 0; c < at.length; c++) {
        cells[c] = row.get(at[c]);
      }
      projected.add(RowFactory.create(cells));
    }
    return projected;
  }

  /**
   * The generator of one stratum's rows: σ-CFDM, or a trained score model fitted here on the stratum's rows.
   */
  private static Generator generator(GeneratorKind kind, String label, TrainingSet training, TableCodec codec,
      SamplerConfig config, Settings settings) {
    return switch (kind) {
      case CFDM -> AdaptiveNoiseGenerator.of(ClosedFormGenerator.of(codec, settings.get(ModelKnobs.CATEGORY_DRAW),
          ModelKnobs.parentNoise(settings), columnRedraw(label, training, codec, config, settings)), training,
          codec, ModelKnobs.localNoise(settings));
      case RANDOM_FEATURES, SCORE_NET -> ScoreModelFit.fit(kind, training, settings, config);
      case MIXUP -> RowBaselineGenerator.MIXUP;
      case SMOTE -> RowBaselineGenerator.SMOTE;
      case COPY -> RowBaselineGenerator.COPY;
      case COPULA -> CopulaGenerator.fit(training);
    };
  }

  /**
   * The stratum's --redraw-columns, with one note naming the columns redrawn (their information with the others,
   * their k; a named column above auto's threshold flagged), those auto kept and why, so that a user sees which
   * columns no longer follow their parents: at fit, and again as a saved model is loaded.
   */
  static ColumnRedraw columnRedraw(String label, TrainingSet training, TableCodec codec, SamplerConfig config,
      Settings settings) {
    ColumnRedrawFit.Result fit = ColumnRedrawFit.fit(training, codec, ModelKnobs.redrawColumns(settings),
        config.seed());
    String option = ModelKnobs.REDRAW_COLUMNS.option() + (settings.get(ModelKnobs.STRATIFY_BY) == null ? ""
        : " (stratum " + label + ")");
    if (fit.skipped() != null) {
      Notices.print("note: " + option + " auto redraws no column: " + fit.skipped() + "; name the columns to redraw");
    }
    if (fit.columns().isEmpty()) {
      return fit.redraw();
    }
    LOG.info("{}: information with the other columns (nats) {}", option, fit.columns().stream()
        .map(c -> c.excluded() ? c.name() + " (kept: -COL)" : String.format(Locale.ROOT,
            "%s %.3f (%sk %d, changes %.0f %%)", c.name(), c.information(),
            c.screened() ? "screen of " + ColumnRedrawFit.SCREEN_ROWS + " rows, " : "",
            c.neighbours(), 100 * c.changed()))
        .collect(Collectors.joining(", ")));
    Notices.print("note: " + option + " " + fit.describe());
    return fit.redraw();
  }

  private static FittedModel.Stratum unsampleable(StratumPlan plan) {
    return new FittedModel.Stratum(plan.label(), plan.rows(), null, null, null, null, null, null);
  }

  /**
   * σ, the neighbour search and the guard of one stratum's rows; the seconds of each step are added to
   * {@code profile}.
   */
  static FittedModel.Stratum fitStratum(StratumPlan plan, TrainingSet training, double encodeSeconds,
      TableCodec codec, Settings settings, FitProfile profile) {
    LOG.info("stratum {}: {} rows collected; choosing sigma and building the neighbour search", plan.label(),
        training.size());
    long start = System.nanoTime();
    double repeatedShare = DistinctRows.of(training.points()).repeatedShare();
    RunWarnings.mostlyDuplicates(plan.label(), repeatedShare, training.size(), System.err);
    double duplicatesSeconds = profile.add("repeated_rows", start);
    GeneratorKind kind = settings.get(ModelKnobs.GENERATOR);
    boolean cfdm = kind == GeneratorKind.CFDM;
    boolean trained = kind == GeneratorKind.RANDOM_FEATURES || kind == GeneratorKind.SCORE_NET;
    start = System.nanoTime();
    SamplerConfig config = ModelKnobs.samplerConfig(settings, training, codec.normalScores(), repeatedShare,
        codec.spacingWidth());
    double spacingSeconds = profile.add("sigma_spacing", start);
    if (trained) {
      // σ smooths the closed form; a trained x̂ is used as it is, so σ auto, the pilots and the guard are off,
      // and no neighbour index is built (the exact one costs nothing to prepare).
      config = config.withSigma(0).withIndex(IndexKind.EXACT, 0, 0);
    }
    start = System.nanoTime();
    NeighbourSearch search = NeighbourSearch.prepare(training, config);
    double searchSeconds = profile.add("search", start);
    // σ = 0 or one draw makes every σ-CFDM sample a training row: nothing for σ auto to tune or --guard to
    // redraw. A baseline ignores σ; its guard redraws from fresh streams, except copy's: every draw is a copy, and
    // its redraws piled onto the rows the guard lets pass (rows with a twin: a new user's 149 distinct rows in 500).
    boolean smoothing = config.sigma() > 0 && config.draws() > 1;
    boolean calibrate = cfdm && smoothing && settings.get(ModelKnobs.SIGMA).auto();
    boolean guarded = kind != GeneratorKind.COPY && (smoothing || kind.baseline()) && settings.get(ModelKnobs.GUARD);
    Double guardThreshold = settings.get(ModelKnobs.GUARD_THRESHOLD);
    double target = settings.get(ModelKnobs.NEAR_COPY_TARGET);
    // The threshold costs 5,000 · N · d: estimated only for a pilot target below 1 or the guard's "auto".
    start = System.nanoTime();
    NearCopyCheck check = calibrate && target < 1 || guarded && guardThreshold == null
        ? NearCopyCheck.of(training, codec, config.seed()) : null;
    double checkSeconds = profile.add("near_copy_threshold", start);
    start = System.nanoTime();
    SigmaCalibration.Result sigma = null;
    if (calibrate) {
      sigma = SigmaCalibration.calibrate(training, config, search, codec, check, target);
      config = config.withSigma(sigma.sigma());
    }
    double calibrationSeconds = profile.add("sigma_calibration", start);
    start = System.nanoTime();
    NearCopyGuard guard = !guarded ? null
        : new NearCopyGuard((guardThreshold != null ? NearCopyCheck.withThreshold(guardThreshold, training, codec)
            : check).withLocality(settings.get(ModelKnobs.GUARD_LOCALITY), training));
    Generator generator = generator(kind, plan.label(), training, codec, config, settings);
    if (guard != null && cfdm) {
      SamplerConfig sampling = config;
      guard = guard.withRepeatedCopyRedraw(RepeatedCopyThinning.redrawShare(
          attempt -> generator.sampler(training, sampling, search, attempt), training, search, codec, guard,
          config.seed(), repeatedShare));
    }
    // Every step of the stratum's fit, so that a slow fit shows where its time goes.
    LOG.info("stratum {}: {} training rows x {} encoded values, sigma {}, {} (seconds: encode {}, repeated rows "
        + "{}, sigma spacing {}, search {}, near-copy threshold {}, sigma calibration {}, guard and generator {})",
        plan.label(), training.size(), training.dimension(), String.format(Locale.ROOT, "%.4g", config.sigma()), search,
        seconds(encodeSeconds), seconds(duplicatesSeconds), seconds(spacingSeconds), seconds(searchSeconds),
        seconds(checkSeconds), seconds(calibrationSeconds), seconds(profile.add("guard_and_generator", start)));
    return new FittedModel.Stratum(plan.label(), plan.rows(), training, config, search, guard, sigma, generator);
  }

  private static String seconds(double seconds) {
    return String.format("%.2f", seconds);
  }
}
