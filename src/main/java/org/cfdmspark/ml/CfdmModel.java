package org.cfdmspark.ml;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.SparkContext;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.ml.Model;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.ml.util.MLWritable;
import org.apache.spark.ml.util.MLWriter;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.cfdmspark.config.BadInputException;
import org.cfdmspark.config.Knob;
import org.cfdmspark.config.Settings;
import org.cfdmspark.encoding.ColumnNames;
import org.cfdmspark.engine.FlowSampler;
import org.cfdmspark.engine.NeighbourSearch;
import org.cfdmspark.engine.SamplerConfig;
import org.cfdmspark.engine.TrainingSet;

/**
 * A fitted σ-CFDM (method.md): the encoded training rows of each stratum with their resolved σ, neighbour search and
 * near-copy guard. A synthetic row is a pure function of (model, seed, sample id, stratum), so sampling is a
 * {@link #transform} over a column of sample ids: the same ids give the same rows however they are partitioned,
 * on one core or a cluster, and in a model saved and loaded again.
 *
 * <pre>{@code
 * CfdmModel model = new CfdmSynthesizer().setSeed(7).fit(table);
 * Dataset<Row> rows = model.sample(1000);          // 1,000 rows in table's schema
 * model.write().overwrite().save("models/credit");
 * CfdmModel same = CfdmModel.load("models/credit"); // same.sample(1000) equals rows
 * }</pre>
 *
 * <p>The id table {@link #transform} takes has an id column (bigint) and, for a stratified model, a stratum column
 * naming each row's stratum (the stratification column's value as text); {@link #sampleIds} makes one. They are
 * named {@value #SAMPLE_ID} and {@value #STRATUM} unless the fitted table has columns of those names: then an
 * underscore is appended until the name is free ({@link #idColumn}, {@link #stratumColumn}). The output has the id
 * table's columns followed by the fitted table's columns: the modelled ones sampled, the ignored ones null.
 */
public final class CfdmModel extends Model<CfdmModel> implements MLWritable {
  /** The id column {@link #transform} reads, unless the fitted table has one of that name ({@link #idColumn}). */
  public static final String SAMPLE_ID = "sample_id";
  /** The stratum column {@link #transform} reads for a stratified model, unless taken ({@link #stratumColumn}). */
  public static final String STRATUM = "stratum";
  /** Automatic partitions per core: several tasks per core keep progress smooth and make a retried task cheap. */
  public static final int AUTO_PARTITIONS_PER_CORE = 4;
  /**
   * The fewest samples an automatic partition gets before there is one more task per core: four blocks. A task has
   * fixed costs (its start, its output file and commit, its threads' warm-up) that a short run felt: 1,000 samples
   * of a 1,000-row table took 8 tasks on 2 cores before, 2 now (BENCHMARKS.md, "Fixed costs").
   */
  public static final long MIN_SAMPLES_PER_AUTO_PARTITION = 4L * FlowSampler.DEFAULT_BLOCK_SIZE;
  private static final long serialVersionUID = 1L;

  private final String uid;
  private final FittedModel fitted;
  private final ModelParams params;
  private transient Broadcast<FittedModel> broadcast;
  /** The context the broadcast belongs to: a model outlives sessions (tests, notebooks restart them). */
  private transient SparkContext broadcastContext;
  /** How the training table was written (e.g. its CSV dialect), as saved with the model; empty until saved. */
  private Map<String, String> inputForm = Map.of();
  /** The SHA-256 of the metadata this model was loaded from; null until saved and loaded. */
  private String savedSha256;

  CfdmModel(String uid, FittedModel fitted) {
    this.uid = uid;
    this.fitted = fitted;
    this.params = new ModelParams(this);
    params.setDefaults(this);
  }

  @Override
  public String uid() {
    return uid;
  }

  /** The model's knobs as Params, with the values they were fitted with. */
  @Override
  public Param<?>[] params() {
    return params.all();
  }

  /** The settings the model was fitted with, over {@link ModelKnobs#ALL}. */
  public Settings settings() {
    return params.settings(this);
  }

  /** Sets the Params to {@code settings}' values (for a loaded model). */
  CfdmModel withSettings(Settings settings) {
    for (Knob<?> knob : ModelKnobs.ALL) {
      setKnob(knob, settings);
    }
    return this;
  }

  /**
   * How the training table was written, as name → text pairs given to the model's writer
   * ({@code write().option(name, value)}) and saved in its metadata: the fit job records how it read its input
   * there (its CSV dialect, null text, dates and columns), so that sampling a loaded model writes the input's
   * dialect and its manifest says how to read the output back. Empty for a model that was not loaded.
   */
  public Map<String, String> inputForm() {
    return inputForm;
  }

  /**
   * The SHA-256 (hex) of the saved model's metadata file this model was loaded from, which holds the SHA-256 of each
   * stratum's rows, so that it names the whole saved model: a run's manifest records it, so that an audit can tell
   * which of two models saved at one path made a table. Null for a model that was not loaded.
   */
  public String savedSha256() {
    return savedSha256;
  }

  /** This model as loaded: {@code form} its input form, {@code sha256} its metadata's SHA-256. */
  CfdmModel withSaved(Map<String, String> form, String sha256) {
    this.inputForm = Map.copyOf(form);
    this.savedSha256 = sha256;
    return this;
  }

  private <T> void setKnob(Knob<T> knob, Settings settings) {
    params.set(this, knob, settings.get(knob));
  }

  /** The seed the samples are drawn with (the fitted one, or the one given to {@link #withSamplingSeed}). */
  public long seed() {
    return fitted.seed();
  }

  /**
   * This model drawing its samples with another seed: fresh rows from the same fit (σ, guard and neighbour search
   * stay as fitted). The same seed and ids give the same rows.
   */
  public CfdmModel withSamplingSeed(long seed) {
    List<FittedModel.Stratum> strata = fitted.strata().stream().map(s -> !s.sampleable() ? s
        : new FittedModel.Stratum(s.label(), s.rows(), s.training(), s.config().withSeed(seed), s.search(),
            s.guard(), s.sigmaCalibration(), s.generator())).toList();
    return copyValues(new CfdmModel(uid, new FittedModel(fitted.inputSchema(), fitted.codec(), fitted.stratifyBy(),
        fitted.trainingRows(), strata, fitted.fitSeconds(), fitted.categoryDraw())), ParamMap.empty()).withSaved(inputForm, savedSha256);
  }

  /**
   * The engine's view of stratum {@code k} (its encoded rows, resolved settings and neighbour search), for
   * benchmarks and embedded use of the engine; null for a stratum too small to model.
   */
  public StratumEngine engine(int k) {
    FittedModel.Stratum s = fitted.strata().get(k);
    return s.sampleable() ? new StratumEngine(s.training(), s.config(), s.search()) : null;
  }

  /** The engine inputs of one stratum. */
  public record StratumEngine(TrainingSet training, SamplerConfig config, NeighbourSearch search) {
  }

  FittedModel fitted() {
    return fitted;
  }

  /** The schema of the table the model was fitted on: the schema of {@link #sample} and its column order. */
  public StructType inputSchema() {
    return fitted.inputSchema();
  }

  /** Strata, σ, calibration, column kinds and guard thresholds. */
  public CfdmSummary summary() {
    return CfdmSummary.of(fitted);
  }

  /**
   * Where the fit that made this model spent its time ({@link FitProfile}: wall seconds per step and the process's
   * CPU seconds), for the run's manifest; empty for a model loaded from disk. Not part of {@link #summary}, which
   * describes the model and reads the same after a save and a load.
   */
  public Map<String, Double> fitSeconds() {
    return fitted.fitSeconds();
  }

  @Override
  public CfdmModel copy(ParamMap extra) {
    CfdmModel copy = copyValues(new CfdmModel(uid, fitted), extra).withSaved(inputForm, savedSha256);
    return parent() == null ? copy : copy.setParent(parent());
  }

  /**
   * The output schema for an id table: its columns, then the fitted table's.
   *
   * @throws BadInputException for a missing or mistyped id or stratum column, or a name both tables use
   */
  @Override
  public StructType transformSchema(StructType ids) {
    requireColumn(ids, idColumn(), DataTypes.LongType);
    if (stratified()) {
      requireColumn(ids, stratumColumn(), DataTypes.StringType);
    }
    List<StructField> fields = new ArrayList<>(List.of(ids.fields()));
    for (StructField field : fitted.inputSchema().fields()) {
      if (List.of(ids.fieldNames()).contains(field.name())) {
        throw new BadInputException("the id table's column '" + field.name() + "' has the name of a sampled "
            + "column; drop or rename it");
      }
      boolean ignored = !fitted.codec().columnNames().contains(field.name());
      fields.add(ignored ? field.copy(field.name(), field.dataType(), true, field.metadata()) : field);
    }
    return DataTypes.createStructType(fields);
  }

  /** Samples one row per id row (see the class comment). Lazy, like every transform. */
  @Override
  public Dataset<Row> transform(Dataset<?> ids) {
    return transform(ids, SamplingMonitor.register(ids.sparkSession().sparkContext()));
  }

  /** As {@link #transform(Dataset)}, counting progress and the guard's work in {@code monitor}. */
  public Dataset<Row> transform(Dataset<?> ids, SamplingMonitor monitor) {
    StructType schema = transformSchema(ids.schema());
    int stratumField = stratified() ? ids.schema().fieldIndex(stratumColumn()) : -1;
    return ids.toDF().mapPartitions(new PartitionSampler(broadcast(ids.sparkSession()),
        ids.schema().fieldIndex(idColumn()), stratumField, monitor), Encoders.row(schema));
  }

  /** {@code n} rows in the fitted table's schema, strata in training proportions; ids 0 … n−1. */
  public Dataset<Row> sample(long n) {
    return withoutIds(transform(sampleIds(n, 0)));
  }

  /** Rows per stratum label (strata not named get none), in the fitted table's schema. */
  public Dataset<Row> sample(Map<String, Long> perStratum) {
    return withoutIds(transform(sampleIds(perStratum, 0)));
  }

  /**
   * The id table of {@code n} samples: ids 0 … n−1, strata in training proportions (largest remainders), in
   * {@code partitions} partitions (0: {@value #AUTO_PARTITIONS_PER_CORE} per core, fewer for small runs).
   */
  public Dataset<Row> sampleIds(long n, int partitions) {
    if (n < 1) {
      throw new BadInputException("the number of samples must be at least 1, got " + n);
    }
    return ids(SampleAllocation.proportional(fitted, n), partitions);
  }

  /** The id table of the given rows per stratum label. */
  public Dataset<Row> sampleIds(Map<String, Long> perStratum, int partitions) {
    return ids(SampleAllocation.perStratum(fitted, perStratum), partitions);
  }

  /** Samples per stratum label for {@code n} samples in training proportions (what {@link #sample(long)} does). */
  public Map<String, Long> allocation(long n) {
    return SampleAllocation.proportional(fitted, n).asMap(fitted);
  }

  /**
   * The requested partitions, or a whole number of tasks per core: one, plus one more for each further
   * {@link #MIN_SAMPLES_PER_AUTO_PARTITION} samples per core, up to {@value #AUTO_PARTITIONS_PER_CORE}; whole waves
   * of tasks keep the cores equally busy. Never more than there are blocks of trajectories to share.
   */
  public static int partitions(int requested, long samples, int parallelism) {
    if (requested > 0) {
      return requested;
    }
    long cores = Math.max(1, parallelism);
    long perCore = (samples + cores * MIN_SAMPLES_PER_AUTO_PARTITION - 1) / (cores * MIN_SAMPLES_PER_AUTO_PARTITION);
    long blocks = (samples + FlowSampler.DEFAULT_BLOCK_SIZE - 1) / FlowSampler.DEFAULT_BLOCK_SIZE;
    return (int) Math.max(1, Math.min(Math.min(AUTO_PARTITIONS_PER_CORE, perCore) * cores, blocks));
  }

  /** Releases the training rows broadcast to the executors; the next sampling broadcasts them again. */
  public synchronized void unpersist() {
    if (broadcast != null) {
      if (!broadcastContext.isStopped()) {
        broadcast.destroy();
      }
      broadcast = null;
      broadcastContext = null;
    }
  }

  @Override
  public MLWriter write() {
    return new ModelStore.Writer(this);
  }

  public static MLReader<CfdmModel> read() {
    return new ModelStore.Reader();
  }

  /**
   * The model saved at {@code path}. Like {@link CfdmSynthesizer#fit}, warns on stderr when its samples will be
   * training rows (fitted with σ 0 or one draw).
   *
   * @throws BadInputException when the path holds no complete model, or one saved by another version
   */
  public static CfdmModel load(String path) {
    return read().load(path);
  }

  private boolean stratified() {
    return fitted.stratifyBy() != null;
  }

  private Dataset<Row> ids(SampleAllocation allocation, int partitions) {
    SparkSession spark = SparkSession.active();
    long n = allocation.total();
    fitted.codec().requireKeysFor(n);
    int slices = partitions(partitions, n, spark.sparkContext().defaultParallelism());
    Dataset<Row> ids = spark.range(0, n, 1, slices).toDF(idColumn());
    if (!stratified()) {
      return ids;
    }
    Column id = ColumnNames.column(idColumn());
    Column stratum = null;
    for (int k = 0; k < fitted.strata().size(); k++) {
      if (allocation.counts()[k] == 0) {
        continue;
      }
      Column label = functions.lit(fitted.strata().get(k).label());
      long end = allocation.firstId(k) + allocation.counts()[k];
      stratum = stratum == null ? functions.when(id.lt(end), label) : stratum.when(id.lt(end), label);
    }
    return ids.withColumn(stratumColumn(), stratum);
  }

  /**
   * The id table's id column: {@value #SAMPLE_ID}, or that name with underscores appended when the fitted table has
   * a column of the name (a table with its own sample_id).
   */
  public String idColumn() {
    return free(SAMPLE_ID);
  }

  /** The id table's stratum column: {@value #STRATUM}, or that name with underscores appended (as {@link #idColumn}). */
  public String stratumColumn() {
    return free(STRATUM);
  }

  private String free(String name) {
    List<String> taken = List.of(fitted.inputSchema().fieldNames());
    String free = name;
    while (taken.contains(free)) {
      free += "_";
    }
    return free;
  }

  private Dataset<Row> withoutIds(Dataset<Row> sampled) {
    return sampled.select(List.of(fitted.inputSchema().fieldNames()).stream().map(ColumnNames::column)
        .toArray(Column[]::new));
  }

  private synchronized Broadcast<FittedModel> broadcast(SparkSession spark) {
    if (broadcast == null || broadcastContext != spark.sparkContext()) {
      broadcastContext = spark.sparkContext();
      broadcast = JavaSparkContext.fromSparkContext(broadcastContext).broadcast(fitted);
    }
    return broadcast;
  }

  private static void requireColumn(StructType schema, String name, org.apache.spark.sql.types.DataType type) {
    if (!List.of(schema.fieldNames()).contains(name)) {
      throw new BadInputException("the id table has no '" + name + "' column; make one with sampleIds");
    }
    if (!schema.apply(name).dataType().equals(type)) {
      throw new BadInputException("the id table's '" + name + "' column is " + schema.apply(name).dataType()
          .simpleString() + ", not " + type.simpleString());
    }
  }
}
