package org.cfdmspark.job;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.DataFrameWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.execution.datasources.csv.CSVFileFormat;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.cfdmspark.config.BadInputException;
import org.cfdmspark.config.Knob;
import org.cfdmspark.config.Notices;
import org.cfdmspark.config.ProjectVersion;
import org.cfdmspark.config.Settings;
import org.cfdmspark.encoding.ColumnNames;
import org.cfdmspark.knn.DotProductKernel;
import org.cfdmspark.ml.CfdmModel;
import org.cfdmspark.ml.CfdmSummary;
import org.cfdmspark.ml.GuardTally;
import org.cfdmspark.privacy.RunWarnings;
import org.cfdmspark.ml.ModelKnobs;
import org.cfdmspark.ml.SamplingMonitor;
import org.cfdmspark.report.QualityReport;

/**
 * The second half of generate, and all of sample: draws the requested samples from a fitted model, writes them
 * to the staging directory of an atomic output with a {@link RunManifest}, and commits. Sampling is lazy, so it
 * runs inside the write action, with a progress line on stderr.
 */
final class SampleWriter {
  /** Spark's CSV source: its writer's own test of the column types it holds. */
  private static final CSVFileFormat CSV = new CSVFileFormat();

  private SampleWriter() {
  }

  /** What the caller knows about the run before sampling: for the manifest. */
  record Run(String started, RunManifest.Input input, RunManifest.RowCounts rows, Map<String, Double> seconds,
      Dataset<Row> holdout) {
  }

  /**
   * The last step of a run, into its staging directory once the samples, holdout and manifest are there and before
   * the output is committed: generate --report's report. So the output appears whole, report and all, or not at
   * all (a run stopped during its report left a complete-looking output without one, which a retry could not
   * replace).
   */
  interface LastStep {
    /** The report the step wrote into {@code staging}. */
    QualityReport into(Path staging) throws IOException;
  }

  /**
   * The knobs the manifest records: the command's, then the model's that the command does not take (a {@code sample}
   * run's σ, draws, noise knobs, as the model was fitted with them, and how fit read its input, as the model's input
   * form holds them: {@link ReportJob#RUN_READ_KNOBS}; a {@code generate} run's command takes them all).
   */
  static Map<String, String> recordedSettings(Settings settings, CfdmModel model) {
    Map<String, String> recorded = new LinkedHashMap<>(settings.asText());
    model.settings().asText().forEach(recorded::putIfAbsent);
    // Only read knobs: a model saved from code may hold other writer options, which are no settings.
    for (Knob<?> knob : ReportJob.RUN_READ_KNOBS) {
      String text = model.inputForm().get(knob.name());
      if (text != null) {
        recorded.putIfAbsent(knob.name(), text);
      }
    }
    return recorded;
  }

  /**
   * Samples, writes the staging directory ({@code last}, null for none, ends it) and commits it.
   *
   * @return the output, its manifest and the last step's report (null without one)
   */
  static GenerateResult write(SparkSession spark, CfdmModel model, Settings settings, AtomicOutput output,
      FileFormat format, Run run, LastStep last) {
    try {
      long phaseStart = System.nanoTime();
      Map<String, Long> perStratum = allocation(model, settings);
      long samples = perStratum.values().stream().mapToLong(Long::longValue).sum();
      int partitions = CfdmModel.partitions(settings.get(JobKnobs.PARTITIONS), samples,
          spark.sparkContext().defaultParallelism());
      Dataset<Row> ids = settings.get(JobKnobs.COUNTS) == null ? model.sampleIds(samples, partitions)
          : model.sampleIds(perStratum, partitions);
      SamplingMonitor monitor = SamplingMonitor.register(spark.sparkContext());
      Dataset<Row> table = model.transform(ids, monitor).select(outputColumns(model, settings, format));
      CsvDialect dialect = CsvDialect.of(settings);
      RunManifest.TaskCounts tasks = writeTable(spark, table, monitor, samples, partitions, format, dialect,
          output.staging(), settings.get(JobKnobs.PROGRESS));
      Map<String, Double> seconds = new LinkedHashMap<>(run.seconds());
      seconds.put("sample_and_write", (System.nanoTime() - phaseStart) / 1e9);
      CfdmSummary summary = model.summary();
      List<RunManifest.StratumSummary> strata = new ArrayList<>();
      for (CfdmSummary.StratumSummary s : summary.strata()) {
        long count = perStratum.getOrDefault(s.label(), 0L);
        if (count > 0) {
          strata.add(new RunManifest.StratumSummary(s.label(), s.rows(), count, s.sigma(), s.sigmaCalibration(),
              s.repeatedCopyRedraw(), s.redrawnColumns(), s.trained()));
          TrainingCurves.write(s, output.fileSystem(), output.staging());
        }
      }
      RunManifest manifest = new RunManifest(ProjectVersion.current(), spark.version(),
          spark.sparkContext().master(), run.started(), recordedSettings(settings, model),
          ModelKnobs.resolved(model.settings()), RunManifest.CategoryDrawFacts.of(summary.categoryDraw()),
          strata.size() == 1 ? strata.get(0).sigma() : null, model.seed(), run.input(),
          new RunManifest.Output(output.target().toString(), format.sparkName(), partitions), run.rows(),
          List.of(model.inputSchema().fieldNames()), strata, samples, seconds,
          samples / seconds.get("sample_and_write"), tasks, guardSummary(summary, monitor.guardTally()),
          new RunManifest.Profile(model.fitSeconds(), monitor.profile()), DotProductKernel.best().name(),
          StartupCompilation.describe(), summary.keys(), summary.constraints(), summary.marginalStretches(),
          summary.missingScales(), summary.voteWeights());
      if (settings.get(JobKnobs.PROGRESS)) {
        System.err.println(ProgressLine.profile(seconds, manifest.profile().sampling()));
      }
      if (manifest.guard() != null) {
        RunWarnings.stillNear(manifest.guard().stillNear(), samples,
            model.settings().get(ModelKnobs.GENERATOR).baseline(),
            summary.strata().stream().anyMatch(stratum -> !stratum.redrawnColumns().isEmpty()), System.err);
      }
      if (run.holdout() != null) {
        HoldoutSplit.write(run.holdout(), output.staging(), format, dialect);
      }
      manifest.write(output.fileSystem(), new Path(output.staging(), RunManifest.FILE_NAME));
      QualityReport report = last == null ? null : last.into(output.staging());
      output.commit();
      return new GenerateResult(output.target().toString(), manifest, report);
    } catch (IOException e) {
      output.abort();
      throw new UncheckedIOException("could not write the output " + output.target() + ": " + e.getMessage(), e);
    } catch (RuntimeException | Error e) {
      output.abort();
      throw e;
    } finally {
      model.unpersist();
    }
  }

  /**
   * Samples per stratum: --counts (with a note when a given --num-samples asks for another total), else
   * --num-samples in training proportions.
   */
  private static Map<String, Long> allocation(CfdmModel model, Settings settings) {
    String counts = settings.get(JobKnobs.COUNTS);
    if (counts == null) {
      return model.allocation(settings.get(JobKnobs.NUM_SAMPLES));
    }
    requireStrataForCounts(settings, model.settings());
    Map<String, Long> perStratum = StratumCounts.parse(counts);
    long total = perStratum.values().stream().mapToLong(Long::longValue).sum();
    // Said, because a --num-samples the user gave (on the command line, or in a conf file shared with runs without
    // --counts) would otherwise be dropped in silence, and the output taken for that many rows.
    long numSamples = settings.get(JobKnobs.NUM_SAMPLES);
    if (settings.isGiven(JobKnobs.NUM_SAMPLES) && numSamples != total) {
      Notices.print("note: " + JobKnobs.NUM_SAMPLES.option() + " " + numSamples + " is ignored because "
          + JobKnobs.COUNTS.option() + " asks for " + total + " rows in all");
    }
    return perStratum;
  }

  /**
   * Refuses --counts (in {@code settings}) that does not parse, or for a model fitted without --stratify-by (its
   * {@code modelSettings}), before any work: generate checks its own settings before reading, sample the loaded
   * model's.
   */
  static void requireStrataForCounts(Settings settings, Settings modelSettings) {
    String counts = settings.get(JobKnobs.COUNTS);
    if (counts != null) {
      StratumCounts.parse(counts);
    }
    if (counts != null && modelSettings.get(ModelKnobs.STRATIFY_BY) == null) {
      // sample's model was fitted earlier: name the option of its fit, which the sample command does not take.
      throw new BadInputException(JobKnobs.COUNTS.option() + " gives rows per value of the column a model is "
          + "stratified by, and this model is stratified by none: fit it with " + ModelKnobs.STRATIFY_BY.option()
          + " COL (generate or fit), or give " + JobKnobs.NUM_SAMPLES.option());
    }
  }

  /**
   * Refuses --sample-id true for an input with a column of that name, before any work: the output would name two
   * columns so.
   */
  static void requireSampleIdFree(Settings settings, StructType input) {
    if (settings.get(JobKnobs.SAMPLE_ID) && List.of(input.fieldNames()).contains(CfdmModel.SAMPLE_ID)) {
      throw new BadInputException(JobKnobs.SAMPLE_ID.option() + " true adds a column '" + CfdmModel.SAMPLE_ID
          + "', and the input has a column of that name: leave out " + JobKnobs.SAMPLE_ID.option()
          + ", or rename the input's column");
    }
  }

  /** The output columns in input order ({@link #written}), after a sample_id column if asked for. */
  private static Column[] outputColumns(CfdmModel model, Settings settings, FileFormat format) {
    List<Column> columns = new ArrayList<>();
    if (settings.get(JobKnobs.SAMPLE_ID)) {
      columns.add(ColumnNames.column(model.idColumn()).as(CfdmModel.SAMPLE_ID));
    }
    columns.addAll(List.of(written(model.inputSchema(), format)));
    return columns.toArray(Column[]::new);
  }

  /**
   * The columns of a table with the input's {@code schema} (and its metadata) as they are written in
   * {@code format}: --date columns in their pattern ({@link DateCodes}) and, in CSV, timestamps in the input's
   * text form ({@link TimestampText}) and the columns Spark's CSV cannot hold as text, with the metadata that
   * gives the text of numbers and missing cells. Samples and held-out rows are both written so.
   */
  static Column[] written(StructType schema, FileFormat format) {
    List<Column> columns = new ArrayList<>();
    for (StructField field : schema.fields()) {
      Column column = DateCodes.written(field, format == FileFormat.CSV ? TimestampText.written(field)
          : ColumnNames.column(field.name()));
      if (format == FileFormat.CSV && !CSV.supportDataType(field.dataType())) {
        // An array, map, struct or variant column is never modelled, so its cells here are all missing (--ignore,
        // or a column without values): written as empty text, as --ignore promises, where Spark's CSV writer
        // would refuse the whole table after the sampling. A cast, not a null, so no value could vanish unseen.
        column = column.cast(DataTypes.StringType).as(field.name());
      }
      // CSV: the grouping of decimal-comma numbers, the numbers' text form and the missing cells' text, for the
      // dialect's writer (CsvDialect#forWriting). Other formats: no metadata, which Parquet would store in the
      // user's schema (and its nulls stay nulls).
      if (format != FileFormat.CSV) {
        columns.add(column.as(field.name(), Metadata.empty()));
      } else {
        columns.add(field.metadata().contains(TableReader.GROUPING) || field.metadata().contains(NumberForm.KEY)
            || field.metadata().contains(MissingText.KEY) ? column.as(field.name(), field.metadata()) : column);
      }
    }
    return columns.toArray(Column[]::new);
  }

  /** The writer of {@code table} (its {@link #written} columns) in {@code format}: CSV in {@code dialect}. */
  static DataFrameWriter<Row> writer(Dataset<Row> table, FileFormat format, CsvDialect dialect) {
    return format == FileFormat.CSV ? dialect.writer(dialect.forWriting(table))
        : table.write().format(format.sparkName());
  }

  /** Writes the table, sampling inside the write action. Returns the failed and retried task counts. */
  private static RunManifest.TaskCounts writeTable(SparkSession spark, Dataset<Row> table, SamplingMonitor monitor,
      long samples, int partitions, FileFormat format, CsvDialect dialect, Path staging, boolean showProgress) {
    ProgressListener progress = new ProgressListener(samples, partitions, monitor.sampled().id(),
        showProgress ? System.err : null);
    progress.attach(spark.sparkContext());
    boolean succeeded = false;
    try {
      writer(table, format, dialect).mode(SaveMode.ErrorIfExists).save(staging.toString());
      succeeded = true;
    } finally {
      progress.detach(spark.sparkContext(), succeeded);
    }
    return progress.tasks();
  }

  private static GuardTally.Summary guardSummary(CfdmSummary summary, GuardTally tally) {
    List<CfdmSummary.StratumSummary> strata = summary.strata();
    if (strata.stream().allMatch(s -> s.guardThreshold() == null)) {
      return null;
    }
    return tally.summary(strata.size() == 1 ? strata.get(0).guardThreshold() : null);
  }
}
