package org.cfdmspark.spark;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.cfdmspark.config.ScoreModelKnobs;
import org.cfdmspark.config.StudyKnobs;
import org.cfdmspark.core.BadInputException;
import org.cfdmspark.core.Knob;
import org.cfdmspark.core.RunSeed;
import org.cfdmspark.core.SamplerConfig;
import org.cfdmspark.core.SamplerKnobs;
import org.cfdmspark.core.Settings;
import org.cfdmspark.data.TableCodec;
import org.cfdmspark.knn.RowMatrix;
import org.cfdmspark.report.MemorisationStudy;
import org.cfdmspark.report.MemorisationStudyPlot;

/**
 * study: reads and encodes a table as generate does (same column options), then runs the
 * {@link MemorisationStudy} grid on the driver and writes {@value #JSON} (settings and points) and
 * {@value #PLOT} into the output directory (a local path).
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
    int largest = settings.get(StudyKnobs.ROWS).stream().mapToInt(Integer::intValue).max().orElse(0);
    int testRows = settings.get(StudyKnobs.TEST_ROWS);
    InputTable input = InputTable.read(spark, settings);
    Dataset<Row> table = input.table().cache();
    try {
      long rows = table.count();
      if (rows < (long) largest + testRows) {
        throw new BadInputException("study needs " + largest + " training rows (the largest of "
            + StudyKnobs.ROWS.option() + ") and " + testRows + " test rows (" + StudyKnobs.TEST_ROWS.option()
            + "); the table has " + rows + ": lower them");
      }
      TableCodec codec = TableCodec.fit(table, JobKnobs.overrides(settings));
      TrainingMatrix.checkBudget(rows, codec.width(), settings.get(JobKnobs.BROADCAST_BUDGET_MB) * 1024L * 1024L);
      RowMatrix encoded = TrainingMatrix.collect(table, codec, rows);
      SamplerConfig sampler = SamplerConfig.defaults(0).withSteps(settings.get(SamplerKnobs.STEPS))
          .withStartTime(settings.get(SamplerKnobs.START_TIME)).withDraws(settings.get(SamplerKnobs.DRAWS))
          .withSeed(RunSeed.of(settings));
      MemorisationStudy.Plan plan = new MemorisationStudy.Plan(
          settings.get(StudyKnobs.ROWS).stream().mapToInt(Integer::intValue).toArray(),
          settings.get(StudyKnobs.FEATURE_RATIOS).stream().mapToDouble(Double::doubleValue).toArray(),
          settings.get(StudyKnobs.NOISE_DRAWS).stream().mapToInt(Integer::intValue).toArray(),
          settings.get(ScoreModelKnobs.RIDGE),
          settings.get(StudyKnobs.SIGMAS).stream().mapToDouble(Double::doubleValue).toArray(), sampler,
          settings.get(StudyKnobs.SAMPLES), testRows);
      List<MemorisationStudy.Point> points = MemorisationStudy.run(encoded, plan);
      write(Path.of(output), settings, codec.width(), points);
      return points;
    } finally {
      table.unpersist();
    }
  }

  private static void write(Path directory, Settings settings, int width, List<MemorisationStudy.Point> points) {
    try {
      Files.createDirectories(directory);
      Map<String, Object> document = new LinkedHashMap<>();
      document.put("settings", settings.asText());
      document.put("encoded_width", width);
      document.put("points", points);
      new ObjectMapper().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
          .enable(SerializationFeature.INDENT_OUTPUT).writeValue(directory.resolve(JSON).toFile(), document);
      MemorisationStudyPlot.write(points, directory.resolve(PLOT));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the study to " + directory, e);
    }
  }

  private static List<Knob<?>> knobs() {
    List<Knob<?>> knobs = new ArrayList<>(List.of(JobKnobs.INPUT, JobKnobs.OUTPUT, JobKnobs.INPUT_FORMAT,
        JobKnobs.NULL_VALUE, JobKnobs.COLUMNS, JobKnobs.EXCLUDE, JobKnobs.CATEGORICAL, JobKnobs.INTEGER,
        JobKnobs.IGNORE, JobKnobs.MAX_CATEGORIES, JobKnobs.POINT_MASSES, JobKnobs.WHERE, JobKnobs.STRATIFY_BY,
        JobKnobs.HOLDOUT_FRACTION, JobKnobs.BROADCAST_BUDGET_MB, SamplerKnobs.STEPS, SamplerKnobs.START_TIME,
        SamplerKnobs.DRAWS, SamplerKnobs.SEED, SamplerKnobs.RUN_ID, ScoreModelKnobs.RIDGE));
    knobs.addAll(StudyKnobs.ALL);
    return List.copyOf(knobs);
  }
}
