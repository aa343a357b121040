package org.cfdmspark.job;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.ml.util.MLWriter;
import org.apache.spark.sql.SparkSession;
import org.cfdmspark.config.BadInputException;
import org.cfdmspark.config.Settings;
import org.cfdmspark.ml.CfdmModel;
import org.cfdmspark.ml.GeneratorKind;
import org.cfdmspark.ml.ModelKnobs;

/**
 * The fit job: read the input as generate does, fit a {@link CfdmModel} and save it to --model atomically (a
 * hidden sibling first, renamed into place when complete; --mode overwrite replaces an old model only then). With
 * --holdout-fraction the held-out rows are written inside the model directory, in {@code _holdout/}, in the
 * input's format and dialect. The model records how the input was read ({@link ReportJob#RUN_READ_KNOBS}): sample
 * writes in its CSV dialect unless told otherwise, and its manifest holds them all for report.
 */
public final class FitJob {
  private FitJob() {
  }

  /**
   * Runs the job with {@code settings} over {@link JobKnobs#FIT}; returns the model.
   *
   * @throws BadInputException for anything the user can fix, before anything is written
   */
  public static CfdmModel run(SparkSession spark, Settings settings) {
    String inputPath = GenerateJob.required(settings, JobKnobs.INPUT);
    String modelPath = GenerateJob.required(settings, JobKnobs.MODEL);
    if (settings.get(ModelKnobs.GENERATOR) != GeneratorKind.CFDM) {
      // Refused here, before the fit, rather than by the model store after it.
      throw new BadInputException("fit saves σ-CFDM models only, not " + ModelKnobs.GENERATOR.option() + " "
          + ModelKnobs.GENERATOR.format(settings.get(ModelKnobs.GENERATOR)) + "; use generate, which fits and "
          + "samples in one run");
    }
    Configuration conf = spark.sparkContext().hadoopConfiguration();
    AtomicOutput output = AtomicOutput.prepare(modelPath, settings.get(JobKnobs.MODE), conf, inputPath,
        "metadata.json");
    InputTable input = InputTable.read(spark, settings);
    CfdmModel model = GenerateJob.fit(input, settings);
    try {
      MLWriter writer = model.write().overwrite();
      // sample writes in the input's dialect, and records how the input was read (dates, null text, columns) in
      // its manifest, from which report reads the sampled table back as it reads a generate output.
      Map<String, String> text = settings.asText();
      ReportJob.RUN_READ_KNOBS.forEach(knob -> writer.option(knob.name(), text.get(knob.name())));
      writer.save(output.staging().toString());
      HoldoutSplit.write(input.holdout(), output.staging(), input.format(), CsvDialect.of(settings));
      output.commit();
      return model;
    } catch (IOException e) {
      output.abort();
      throw new UncheckedIOException("could not write the model " + output.target() + ": " + e.getMessage(), e);
    } catch (RuntimeException | Error e) {
      output.abort();
      throw e;
    }
  }
}
