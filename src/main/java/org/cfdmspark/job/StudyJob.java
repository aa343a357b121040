package org.cfdmspark.job;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.cfdmspark.config.BadInputException;
import org.cfdmspark.config.Json;
import org.cfdmspark.config.Knob;
import org.cfdmspark.config.Settings;
import org.cfdmspark.encoding.NumericScale;
import org.cfdmspark.engine.EstimatorKind;
import org.cfdmspark.engine.IndexKind;
import org.cfdmspark.engine.SamplerConfig;
import org.cfdmspark.engine.Sigma;
import org.cfdmspark.knn.RowMatrix;
import org.cfdmspark.metrics.MemorisationStudy;
import org.cfdmspark.ml.CfdmModel;
import org.cfdmspark.ml.CfdmSynthesizer;
import org.cfdmspark.ml.GeneratorKind;
import org.cfdmspark.ml.ModelKnobs;
import org.cfdmspark.ml.RunSeed;
import org.cfdmspark.ml.ScoreModelKnobs;
import org.cfdmspark.report.MemorisationStudyPlot;

/**
 * study: reads a table as generate does and encodes it as the model does (same column options; a σ = 0 fit
 * gives the encoded rows), then runs the {@link MemorisationStudy} grid on the driver and writes {@value #JSON}
 * (settings and points) and {@value #PLOT} into the output directory (a local path).
 */
public final class StudyJob {
  public static final String JSON = "study.json";
  public static final String PLOT = "study.png";

  /** The study command's knobs: input and encoding as generate, the grid, the sampler's S, T, M and seed, λ. */
  public static final List<Knob<?>> KNOBS = knobs();

  private StudyJob() {
  }

  public static List<MemorisationStudy.Point> run(SparkSession spark, Settings settings) {
    String output = settings.get(JobKnobs.OUTPUT);
    if (settings.get(JobKnobs.INPUT) == null || output == null) {
      throw new BadInputException("study needs " + JobKnobs.INPUT.option() + " (the table) and "
          + JobKnobs.OUTPUT.option() + " (a local directory for " + JSON + " and " + PLOT + ")");
    }
    if (settings.get(ModelKnobs.STRATIFY_BY) != null) {
      throw new BadInputException("study models the table as one: drop " + ModelKnobs.STRATIFY_BY.option()
          + " (or restrict the rows with " + JobKnobs.WHERE.option() + ")");
    }
    int largest = settings.get(StudyKnobs.ROWS).stream().mapToInt(Integer::intValue).max().orElse(0);
    int testRows = settings.get(StudyKnobs.TEST_ROWS);
    InputTable input = InputTable.read(spark, settings);
    // The closed form at σ = 0 fits nothing but the codec and the encoded rows, which are all the study needs; the
    // papers' standardised encoding, without σ-CFDM's final noise.
    Settings encoding = ModelKnobs.select(settings).with(ModelKnobs.GENERATOR, GeneratorKind.CFDM)
        .with(ModelKnobs.SIGMA, Sigma.of(0)).with(ModelKnobs.GUARD, false).with(ModelKnobs.INDEX, IndexKind.EXACT)
        .with(ModelKnobs.NUMERIC_SCALE, NumericScale.STANDARD).with(ModelKnobs.FINAL_NOISE, 0.0);
    CfdmModel model = CfdmSynthesizer.of(encoding).fit(input.table());
    RowMatrix encoded = model.engine(0).training().points();
    if (encoded.rows() < (long) largest + testRows) {
      throw new BadInputException("study needs " + largest + " training rows (the largest of "
          + StudyKnobs.ROWS.option() + ") and " + testRows + " test rows (" + StudyKnobs.TEST_ROWS.option()
          + "); the table has " + encoded.rows() + ": lower them");
    }
    // The study's flows are the random-feature models' (and the closed form's on their grid): their --steps auto.
    int steps = ModelKnobs.steps(settings.with(ModelKnobs.GENERATOR, GeneratorKind.RANDOM_FEATURES));
    SamplerConfig sampler = new SamplerConfig(0, settings.get(ModelKnobs.DRAWS), steps,
        settings.get(ModelKnobs.START_TIME), SamplerConfig.DEFAULT_NOISE_POLICY, EstimatorKind.EXACT,
        SamplerConfig.DEFAULT_NEIGHBORS, SamplerConfig.DEFAULT_RANDOM_POINTS, IndexKind.EXACT, 0, 0,
        RunSeed.of(settings));
    MemorisationStudy.Plan plan = new MemorisationStudy.Plan(
        settings.get(StudyKnobs.ROWS).stream().mapToInt(Integer::intValue).toArray(),
        settings.get(StudyKnobs.FEATURE_RATIOS).stream().mapToDouble(Double::doubleValue).toArray(),
        settings.get(StudyKnobs.NOISE_DRAWS).stream().mapToInt(Integer::intValue).toArray(),
        settings.get(ScoreModelKnobs.RIDGE),
        settings.get(StudyKnobs.SIGMAS).stream().mapToDouble(Double::doubleValue).toArray(), sampler,
        settings.get(StudyKnobs.SAMPLES), testRows);
    List<MemorisationStudy.Point> points = MemorisationStudy.run(encoded, plan);
    write(Path.of(output), settings, encoded.dimension(), points);
    model.unpersist();
    return points;
  }

  private static void write(Path directory, Settings settings, int width, List<MemorisationStudy.Point> points) {
    try {
      Files.createDirectories(directory);
      Map<String, Object> document = new LinkedHashMap<>();
      document.put("settings", settings.asText());
      document.put("encoded_width", width);
      document.put("points", points);
      Json.mapper().writeValue(directory.resolve(JSON).toFile(), document);
      MemorisationStudyPlot.write(points, directory.resolve(PLOT));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the study to " + directory, e);
    }
  }

  private static List<Knob<?>> knobs() {
    List<Knob<?>> knobs = new ArrayList<>(List.of(JobKnobs.INPUT, JobKnobs.OUTPUT, JobKnobs.INPUT_FORMAT,
        JobKnobs.NULL_VALUE, JobKnobs.COLUMNS, JobKnobs.EXCLUDE, ModelKnobs.CATEGORICAL, ModelKnobs.INTEGER,
        ModelKnobs.IGNORE, ModelKnobs.MAX_CATEGORIES, ModelKnobs.POINT_MASSES, JobKnobs.WHERE,
        ModelKnobs.STRATIFY_BY, JobKnobs.HOLDOUT_FRACTION, ModelKnobs.BROADCAST_BUDGET_MB, ModelKnobs.STEPS,
        ModelKnobs.START_TIME, ModelKnobs.DRAWS, ModelKnobs.SEED, ModelKnobs.RUN_ID, ScoreModelKnobs.RIDGE));
    knobs.addAll(StudyKnobs.ALL);
    return List.copyOf(knobs);
  }
}
