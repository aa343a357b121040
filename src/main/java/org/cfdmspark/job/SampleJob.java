package org.cfdmspark.job;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.ContentSummary;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import org.cfdmspark.config.BadInputException;
import org.cfdmspark.config.Settings;
import org.cfdmspark.ml.CfdmModel;
import org.cfdmspark.ml.ModelKnobs;
import org.cfdmspark.ml.RunSeed;

/**
 * The sample job: load a model saved by fit (or {@code CfdmModel.write}) and write {@code num-samples} rows (or
 * --counts per stratum) atomically with a manifest, as generate does. --seed or --run-id draw fresh rows from the
 * same fit; without them the fit's seed is used, so fit then sample writes what generate writes. CSV output is in
 * the fit's input dialect, saved with the model, for each dialect option not given on the command line.
 */
public final class SampleJob {
  private SampleJob() {
  }

  /**
   * Runs the job with {@code settings} over {@link JobKnobs#SAMPLE}.
   *
   * @throws BadInputException for a missing, partial, corrupt or other-version model and any other problem the
   *     user can fix, before anything is written
   */
  public static GenerateResult run(SparkSession spark, Settings settings) {
    String modelPath = GenerateJob.required(settings, JobKnobs.MODEL);
    String outputPath = GenerateJob.required(settings, JobKnobs.OUTPUT);
    FileFormat outputFormat = settings.get(JobKnobs.FORMAT).forOutput(outputPath);
    Configuration conf = spark.sparkContext().hadoopConfiguration();
    AtomicOutput output = AtomicOutput.prepare(outputPath, settings.get(JobKnobs.MODE), conf, modelPath,
        RunManifest.FILE_NAME);
    String started = Instant.now().toString();
    Map<String, Double> seconds = SparkSessions.startSeconds(spark);
    long phaseStart = System.nanoTime();
    CfdmModel model = CfdmModel.load(modelPath);
    SampleWriter.requireSampleIdFree(settings, model.inputSchema());
    SampleWriter.requireStrataForCounts(settings, model.settings());
    Long seed = settings.get(ModelKnobs.SEED);
    String runId = settings.get(ModelKnobs.RUN_ID);
    if (seed != null || runId != null) {
      model = model.withSamplingSeed(RunSeed.resolve(seed, runId));
    }
    seconds.put("load", GenerateJob.secondsSince(phaseStart));
    long rows = model.summary().trainingRows();
    return SampleWriter.write(spark, model, CsvDialect.inherit(settings, model.inputForm()), output, outputFormat, new SampleWriter.Run(started,
        facts(modelPath, model, conf), new RunManifest.RowCounts(rows, 0, rows), seconds, null), null);
  }

  /** The model directory as the run's input: its size and latest modification, the loaded model's uid and SHA-256. */
  private static RunManifest.Input facts(String modelPath, CfdmModel model, Configuration conf) {
    try {
      Path path = new Path(modelPath);
      FileStatus status = path.getFileSystem(conf).getFileStatus(path);
      ContentSummary summary = path.getFileSystem(conf).getContentSummary(path);
      return new RunManifest.Input(modelPath, "cfdm-model", summary.getLength(),
          Instant.ofEpochMilli(status.getModificationTime()).toString(), model.uid(), model.savedSha256());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot measure model '" + modelPath + "'", e);
    }
  }
}
