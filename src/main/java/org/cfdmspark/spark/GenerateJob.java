package org.cfdmspark.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.util.LongAccumulator;
import org.cfdmspark.core.BadInputException;
import org.cfdmspark.core.FlowSampler;
import org.cfdmspark.core.Knob;
import org.cfdmspark.core.Settings;
import org.cfdmspark.data.ColumnNames;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The generate job: read the input table (restricted by --where), fit the codec and the per-stratum models
 * ({@link ModelFitting}), broadcast them once, sample {@code num-samples} trajectories across the cluster, decode
 * them to the input's columns and write the table atomically with a {@link RunManifest}.
 *
 * <p>Missing values are modelled, not dropped: every column with missing cells gets a missing-value indicator
 * (or a "missing" category), so the synthetic table has missing cells at about the training rate.
 *
 * <p>Every problem the user can fix is a {@link BadInputException} raised before anything is written.
 */
public final class GenerateJob {
  /** Auto partitions per core: several tasks per core keep progress smooth and make a retried task cheap. */
  static final int AUTO_PARTITIONS_PER_CORE = 4;
  private static final Logger LOG = LoggerFactory.getLogger(GenerateJob.class);

  private GenerateJob() {
  }

  /**
   * Runs the job with {@code settings} over {@link JobKnobs#GENERATE}.
   *
   * @throws BadInputException for anything the user can fix (paths, columns, budget), before anything is written
   * @throws UncheckedIOException when the output cannot be written or moved into place
   */
  public static GenerateResult run(SparkSession spark, Settings settings) {
    String inputPath = required(settings, JobKnobs.INPUT);
    String outputPath = required(settings, JobKnobs.OUTPUT);
    FileFormat outputFormat = settings.get(JobKnobs.FORMAT).forOutput(outputPath);
    Configuration conf = spark.sparkContext().hadoopConfiguration();
    AtomicOutput output = AtomicOutput.prepare(outputPath, settings.get(JobKnobs.MODE), conf);
    output.requireOutside(inputPath, conf);
    String started = Instant.now().toString();

    long phaseStart = System.nanoTime();
    InputTable input = InputTable.read(spark, settings);
    double readSeconds = secondsSince(phaseStart);

    phaseStart = System.nanoTime();
    ModelFitting.Fitted fitted = ModelFitting.fit(input, settings);
    SamplingModel model = fitted.model();
    double fitSeconds = secondsSince(phaseStart);

    long samples = fitted.samples();
    int partitions = partitions(settings.get(JobKnobs.PARTITIONS), samples,
        spark.sparkContext().defaultParallelism());
    Broadcast<SamplingModel> broadcast = JavaSparkContext.fromSparkContext(spark.sparkContext()).broadcast(model);
    try {
      phaseStart = System.nanoTime();
      GuardTally guard = new GuardTally(spark.sparkContext());
      RunManifest.TaskCounts tasks = sampleAndWrite(spark, broadcast, guard, input.outputFields(), samples,
          partitions, outputFormat, output.staging(), settings.get(JobKnobs.PROGRESS));
      double sampleSeconds = secondsSince(phaseStart);
      Map<String, Double> seconds = new LinkedHashMap<>();
      seconds.put("read", readSeconds);
      seconds.put("fit", fitSeconds);
      seconds.put("sample_and_write", sampleSeconds);
      List<RunManifest.StratumSummary> strata = model.strata().stream().map(s -> new RunManifest.StratumSummary(
          s.label(), s.training().size(), s.count(), s.config().sigma(), s.sigmaCalibration())).toList();
      RunManifest manifest = new RunManifest(RunManifest.buildVersion(), spark.version(),
          spark.sparkContext().master(), started, settings.asText(),
          strata.size() == 1 ? strata.get(0).sigma() : null, model.strata().get(0).config().seed(),
          new RunManifest.Input(inputPath, input.format().sparkName(), input.bytes(),
              Instant.ofEpochMilli(input.modifiedMillis()).toString()),
          new RunManifest.Output(output.target().toString(), outputFormat.sparkName(), partitions),
          new RunManifest.RowCounts(input.rowsRead(), input.rowsRead() - fitted.rows(), fitted.rows()),
          model.codec().columnNames(), strata, samples, seconds, samples / sampleSeconds, tasks,
          guardSummary(model, guard));
      HoldoutSplit.write(input.holdout(), output.staging(), settings.get(JobKnobs.NULL_VALUE));
      manifest.write(output.fileSystem(), new Path(output.staging(), RunManifest.FILE_NAME));
      output.commit();
      return new GenerateResult(output.target().toString(), manifest);
    } catch (IOException e) {
      output.abort();
      throw new UncheckedIOException("could not write the output " + output.target() + ": " + e.getMessage(), e);
    } catch (RuntimeException | Error e) {
      output.abort();
      throw e;
    } finally {
      broadcast.destroy();
    }
  }

  /**
   * Samples lazily inside the write action: each partition's task runs its sampler as the writer pulls rows.
   * Returns the failed and retried task counts.
   */
  private static RunManifest.TaskCounts sampleAndWrite(SparkSession spark, Broadcast<SamplingModel> model,
      GuardTally guard,
      List<StructField> outputFields, long samples, int partitions, FileFormat format, Path staging,
      boolean showProgress) {
    LongAccumulator sampled = spark.sparkContext().longAccumulator("cfdm samples");
    Dataset<Row> modelled = spark.range(0, samples, 1, partitions)
        .mapPartitions(new PartitionSampler(model, sampled, guard), Encoders.row(model.value().schema()));
    Dataset<Row> table = modelled.select(outputColumns(model.value(), outputFields));
    ProgressListener progress = new ProgressListener(samples, partitions, sampled.id(),
        showProgress ? System.err : null);
    progress.attach(spark.sparkContext());
    boolean succeeded = false;
    try {
      table.write().mode(SaveMode.ErrorIfExists).format(format.sparkName()).option("header", "true")
          .save(staging.toString());
      succeeded = true;
    } finally {
      progress.detach(spark.sparkContext(), succeeded);
    }
    return progress.tasks();
  }

  /** The output columns in input order: sampled ones as they are, --ignore ones as typed nulls. */
  private static Column[] outputColumns(SamplingModel model, List<StructField> outputFields) {
    List<Column> columns = new ArrayList<>();
    if (model.withSampleId()) {
      columns.add(ColumnNames.column(SamplingModel.SAMPLE_ID));
    }
    List<String> modelled = model.codec().columnNames();
    for (StructField field : outputFields) {
      columns.add(modelled.contains(field.name()) ? ColumnNames.column(field.name())
          : functions.lit(null).cast(field.dataType()).as(field.name()));
    }
    return columns.toArray(Column[]::new);
  }

  private static RunManifest.Guard guardSummary(SamplingModel model, GuardTally guard) {
    List<SamplingModel.Stratum> strata = model.strata();
    if (strata.get(0).guard() == null) {
      return null;
    }
    return guard.summary(strata.size() == 1 ? strata.get(0).guard().threshold() : null);
  }

  /** The requested count, or a few per core but no more than there are blocks of trajectories to share out. */
  static int partitions(int requested, long samples, int parallelism) {
    if (requested > 0) {
      return requested;
    }
    long blocks = (samples + FlowSampler.DEFAULT_BLOCK_SIZE - 1) / FlowSampler.DEFAULT_BLOCK_SIZE;
    return (int) Math.max(1, Math.min((long) AUTO_PARTITIONS_PER_CORE * parallelism, blocks));
  }

  private static String required(Settings settings, Knob<String> knob) {
    String value = settings.get(knob);
    if (value == null || value.isBlank()) {
      throw new BadInputException(knob.option() + " is required; give " + knob.option() + " " + knob.valueLabel());
    }
    return value;
  }

  private static double secondsSince(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }
}
