package org.cfdmspark.job;

import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;
import org.cfdmspark.config.BadInputException;
import org.cfdmspark.config.Knob;
import org.cfdmspark.config.Notices;
import org.cfdmspark.config.Settings;
import org.cfdmspark.config.ShellText;
import org.cfdmspark.ml.CfdmModel;
import org.cfdmspark.ml.CfdmSynthesizer;
import org.cfdmspark.ml.ModelKnobs;

/**
 * The generate job: read the input table (restricted by --where, less the holdout), fit a {@link CfdmModel} with
 * {@link CfdmSynthesizer}, sample {@code num-samples} rows across the cluster and write them atomically with a
 * {@link RunManifest} (and, with --report, the report: all appear together or not at all). The same as {@code fit}
 * then {@code sample} with the same settings, in one process.
 *
 * <p>Missing values are modelled, not dropped: every column with missing cells gets a missing-value indicator
 * (or a "missing" category), so the synthetic table has missing cells at about the training rate.
 *
 * <p>Every problem the user can fix is a {@link BadInputException} raised before anything is written.
 */
public final class GenerateJob {
  private GenerateJob() {
  }

  /**
   * Runs the job with {@code settings} over {@link JobKnobs#GENERATE}.
   *
   * @throws BadInputException for anything the user can fix (paths, columns, budget), before anything is written
   * @throws UncheckedIOException when the output cannot be written or moved into place
   */
  public static GenerateResult run(SparkSession spark, Settings settings) {
    return run(spark, settings, settings.get(JobKnobs.REPORT) ? settings : null);
  }

  /**
   * Runs the job and, with {@code report} (settings over {@link ReportKnobs#ALL}; null for none), writes the report
   * into the output before it is committed: a sweep's runs take the report's own knobs too.
   */
  static GenerateResult run(SparkSession spark, Settings settings, Settings report) {
    // Each note once per run: the report reads the input again, which printed its notes twice.
    return Notices.onceEach(() -> runOnce(spark, settings, report));
  }

  private static GenerateResult runOnce(SparkSession spark, Settings settings, Settings report) {
    String inputPath = required(settings, JobKnobs.INPUT);
    String outputPath = required(settings, JobKnobs.OUTPUT);
    FileFormat outputFormat = settings.get(JobKnobs.FORMAT).forOutput(outputPath);
    Configuration conf = spark.sparkContext().hadoopConfiguration();
    AtomicOutput output = AtomicOutput.prepare(outputPath, settings.get(JobKnobs.MODE), conf, inputPath,
        RunManifest.FILE_NAME);
    String started = Instant.now().toString();
    Map<String, Double> seconds = SparkSessions.startSeconds(spark);

    SampleWriter.requireStrataForCounts(settings, settings);
    long phaseStart = System.nanoTime();
    InputTable input = InputTable.read(spark, settings);
    SampleWriter.requireSampleIdFree(settings, input.table().schema());
    if (report != null) {
      ReportJob.requireTarget(report, List.of(input.table().columns()));
    }
    seconds.put("read", secondsSince(phaseStart));

    phaseStart = System.nanoTime();
    CfdmModel model = fit(input, settings);
    seconds.put("fit", secondsSince(phaseStart));

    long used = model.summary().trainingRows();
    SampleWriter.LastStep last = report == null ? null
        : staging -> ReportJob.afterGenerate(spark, report, output.target().toString(), staging);
    return SampleWriter.write(spark, model, settings, output, outputFormat, new SampleWriter.Run(started,
        input.facts(), new RunManifest.RowCounts(input.rowsRead(), input.rowsRead() - used, used), seconds,
        input.holdout()), last);
  }

  /** The model of the input's training rows, with the model knobs in {@code settings}. */
  static CfdmModel fit(InputTable input, Settings settings) {
    String where = settings.get(JobKnobs.WHERE);
    if (where != null && input.table().isEmpty()) {
      throw new BadInputException(JobKnobs.WHERE.option() + " \"" + where + "\" matches none of the "
          + input.rowsRead() + " input rows; check the predicate's column names and values");
    }
    // generate's and fit's --target is never redrawn by --redraw-columns auto (fit then sample = generate).
    String target = settings.knobs().contains(JobKnobs.TARGET) ? settings.get(JobKnobs.TARGET) : null;
    if (target != null) {
      ReportJob.requireTarget(settings, List.of(input.table().columns()));
      if (settings.get(ModelKnobs.REDRAW_COLUMNS).contains(target)) {
        Notices.print("warning: " + ModelKnobs.REDRAW_COLUMNS.option() + " names the " + JobKnobs.TARGET.option()
            + " " + target + ": its values will come from the nearest rows on the other columns, and a model "
            + "trained on the samples predicts it less well; leave it out of the list to keep it");
      }
    }
    String counts = settings.knobs().contains(JobKnobs.COUNTS) ? settings.get(JobKnobs.COUNTS) : null;
    String stratifyBy = settings.get(ModelKnobs.STRATIFY_BY);
    if (counts != null && stratifyBy != null && List.of(input.table().columns()).contains(stratifyBy)) {
      StratumCounts.requireValuesOf(input.table(), stratifyBy, StratumCounts.parse(counts));
    }
    CfdmModel model = CfdmSynthesizer.of(ModelKnobs.keepFromRedraw(ModelKnobs.select(settings), target))
        .fit(input.table());
    if (target != null && model.summary().keys().contains(target)) { // before a row is written: the report needs it
      throw new BadInputException(JobKnobs.TARGET.option() + " " + target + " is a key column (every value distinct, "
          + "id-like: its values are made new, not modelled), so no model can learn it; name a label column as "
          + JobKnobs.TARGET.option() + ", or model it with " + ModelKnobs.NO_KEY.option() + " "
          + ShellText.word(target));
    }
    for (String key : model.summary().keys()) {
      Notices.print("column '" + key + "' is treated as a key (every value distinct, id-like): its values are new "
          + "and unique, not modelled; " + ModelKnobs.NO_KEY.option() + " " + ShellText.word(key)
          + " models it instead");
    }
    return model;
  }

  static String required(Settings settings, Knob<String> knob) {
    String value = settings.get(knob);
    if (value == null || value.isBlank()) {
      throw new BadInputException(knob.option() + " is required; give " + knob.option() + " " + knob.valueLabel());
    }
    return value;
  }

  static double secondsSince(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }
}
