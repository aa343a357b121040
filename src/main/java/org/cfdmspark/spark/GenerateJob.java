package org.cfdmspark.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
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
import org.apache.spark.util.LongAccumulator;
import org.cfdmspark.core.BadInputException;
import org.cfdmspark.core.FlowSampler;
import org.cfdmspark.core.Knob;
import org.cfdmspark.core.SamplerConfig;
import org.cfdmspark.core.SamplerKnobs;
import org.cfdmspark.core.Settings;
import org.cfdmspark.core.TrainingSet;
import org.cfdmspark.data.ColumnNames;
import org.cfdmspark.data.TableCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The generate job: read the input table, fit the codec, collect and broadcast the encoded training set, sample
 * {@code num-samples} trajectories across the cluster, decode them to the input's columns and write the table
 * atomically with a {@link RunManifest}.
 *
 * <p>Missing values: a row with a null or NaN in any used column is dropped before fitting, the count is logged
 * and recorded as {@code rows.dropped} in the manifest. (Missing-value indicators, which would let the model
 * generate missingness, come with mixed column types.) No complete rows left is an error.
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
    InputTable input = InputTable.read(spark, inputPath, settings.get(JobKnobs.INPUT_FORMAT),
        settings.get(JobKnobs.NULL_VALUE), settings.get(JobKnobs.COLUMNS), settings.get(JobKnobs.EXCLUDE));
    long rowsRead = input.table().count();
    double readSeconds = secondsSince(phaseStart);

    phaseStart = System.nanoTime();
    Dataset<Row> complete = input.table().na().drop();
    // The model must not depend on how the input happens to be split into files and partitions (that changes
    // with the cluster): sorted by value, the training rows come in one order, and fitted in a single task the
    // floating-point statistics are summed in that order, identical to the last bit on any cluster.
    Dataset<Row> canonical = complete.orderBy(Arrays.stream(complete.columns()).map(ColumnNames::column)
        .toArray(Column[]::new));
    TableCodec codec = TableCodec.fit(canonical.coalesce(1));
    RunManifest.RowCounts rows = new RunManifest.RowCounts(rowsRead, rowsRead - codec.fittedRows(),
        codec.fittedRows());
    requireRows(rows, inputPath);
    TrainingSet training = new TrainingSet(TrainingMatrix.collect(canonical, codec,
        settings.get(JobKnobs.BROADCAST_BUDGET_MB)));
    SamplingModel model = new SamplingModel(training, SamplerConfig.from(settings, training), codec,
        settings.get(JobKnobs.SAMPLE_ID));
    double fitSeconds = secondsSince(phaseStart);
    LOG.info("training set: {} rows x {} encoded values; sigma {}", training.size(), training.dimension(),
        model.config().sigma());

    long samples = settings.get(SamplerKnobs.NUM_SAMPLES);
    int partitions = partitions(settings.get(JobKnobs.PARTITIONS), samples,
        spark.sparkContext().defaultParallelism());
    Broadcast<SamplingModel> broadcast = JavaSparkContext.fromSparkContext(spark.sparkContext()).broadcast(model);
    try {
      phaseStart = System.nanoTime();
      RunManifest.TaskCounts tasks = sampleAndWrite(spark, broadcast, samples, partitions, outputFormat,
          output.staging(), settings.get(JobKnobs.PROGRESS));
      double sampleSeconds = secondsSince(phaseStart);
      Map<String, Double> seconds = new LinkedHashMap<>();
      seconds.put("read", readSeconds);
      seconds.put("fit", fitSeconds);
      seconds.put("sample_and_write", sampleSeconds);
      RunManifest manifest = new RunManifest(RunManifest.buildVersion(), spark.version(),
          spark.sparkContext().master(), started, settings.asText(), model.config().sigma(), model.config().seed(),
          new RunManifest.Input(inputPath, input.format().sparkName(), input.bytes(),
              Instant.ofEpochMilli(input.modifiedMillis()).toString()),
          new RunManifest.Output(output.target().toString(), outputFormat.sparkName(), partitions),
          rows, codec.columnNames(), samples, seconds, samples / sampleSeconds, tasks);
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
      long samples, int partitions, FileFormat format, Path staging, boolean showProgress) {
    LongAccumulator sampled = spark.sparkContext().longAccumulator("cfdm samples");
    Dataset<Row> table = spark.range(0, samples, 1, partitions)
        .mapPartitions(new PartitionSampler(model, sampled), Encoders.row(model.value().schema()));
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

  /** The requested count, or a few per core but no more than there are blocks of trajectories to share out. */
  static int partitions(int requested, long samples, int parallelism) {
    if (requested > 0) {
      return requested;
    }
    long blocks = (samples + FlowSampler.DEFAULT_BLOCK_SIZE - 1) / FlowSampler.DEFAULT_BLOCK_SIZE;
    return (int) Math.max(1, Math.min((long) AUTO_PARTITIONS_PER_CORE * parallelism, blocks));
  }

  private static void requireRows(RunManifest.RowCounts rows, String inputPath) {
    if (rows.dropped() > 0) {
      LOG.warn("dropped {} of {} input rows that have a missing value (null or NaN) in a used column",
          rows.dropped(), rows.read());
    }
    if (rows.used() == 0) {
      throw new BadInputException(rows.read() == 0 ? "input '" + inputPath + "' has no rows"
          : "every one of the " + rows.read() + " rows of input '" + inputPath + "' has a missing value in a used "
              + "column; leave the emptiest columns out with " + JobKnobs.EXCLUDE.option());
    }
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
