package org.cfdmspark.ml;

import java.util.List;
import org.apache.spark.ml.Estimator;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.Identifiable$;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.types.StructType;
import org.cfdmspark.config.BadInputException;
import org.cfdmspark.config.Knob;
import org.cfdmspark.config.Settings;
import org.cfdmspark.engine.Sigma;

/**
 * The σ-CFDM estimator (Scarvelis, Sáez de Ocáriz Borde, Solomon, Closed-Form Diffusion Models, TMLR 2025; the
 * project's method.md): fitting encodes the table, collects each stratum's encoded rows to the driver (checked
 * against the broadcast budget), resolves σ and builds the neighbour search and the near-copy guard. There is no
 * training: the model is the training set.
 *
 * <p>Its Params are the model knobs of {@link ModelKnobs} (σ, M, S, T, estimator, column kinds, strata, guard …),
 * named in camel case, with the knobs' defaults, ranges and help; {@code explainParams()} lists them. Typed setters
 * cover the common ones; {@link #setKnob} sets any of them from the text the command line takes.
 *
 * <p>{@link #fit} takes any DataFrame: every column is modelled except those named by {@code ignore} (kept in the
 * schema, sampled as null); numbers, booleans and strings are supported (see README, "Tables with categories").
 * The table is read a few times (count, statistics, collect): cache it if it is expensive to compute.
 */
public final class CfdmSynthesizer extends Estimator<CfdmModel> {
  private static final long serialVersionUID = 1L;

  private final String uid;
  private final ModelParams params;

  public CfdmSynthesizer() {
    this(Identifiable$.MODULE$.randomUID("cfdm"));
  }

  public CfdmSynthesizer(String uid) {
    this.uid = uid;
    this.params = new ModelParams(this);
    params.setDefaults(this);
  }

  /**
   * An estimator with the values of {@code settings} (over {@link ModelKnobs#ALL}): the knobs given there are set,
   * the others left at their defaults, so that the model still tells which the user chose.
   */
  public static CfdmSynthesizer of(Settings settings) {
    CfdmSynthesizer synthesizer = new CfdmSynthesizer();
    for (Knob<?> knob : ModelKnobs.ALL) {
      if (settings.isGiven(knob)) {
        synthesizer.setFrom(settings, knob);
      }
    }
    return synthesizer;
  }

  private <T> void setFrom(Settings settings, Knob<T> knob) {
    setValue(knob, settings.get(knob));
  }

  @Override
  public String uid() {
    return uid;
  }

  @Override
  public Param<?>[] params() {
    return params.all();
  }

  /** The Param of a knob by its command-line name (e.g. "start-time"). */
  public Param<?> param(String knobName) {
    return params.of(knobName);
  }

  /** The current values as settings over {@link ModelKnobs#ALL}. */
  public Settings settings() {
    return params.settings(this);
  }

  /**
   * Sets any model knob from the text its command-line option takes, e.g. {@code setKnob("sigma", "auto")}.
   *
   * @throws org.cfdmspark.config.KnobException for a value out of the knob's range, or for an unknown knob: the
   *     message names the model settings and, for an option of the commands that is not one (--target, --where,
   *     --num-samples …), what Spark code does instead
   */
  public CfdmSynthesizer setKnob(String knobName, String text) {
    return setParsed(params.knob(knobName), text);
  }

  private <T> CfdmSynthesizer setParsed(Knob<T> knob, String text) {
    return setValue(knob, knob.parse(text));
  }

  private <T> CfdmSynthesizer setValue(Knob<T> knob, T value) {
    params.set(this, knob, value);
    return this;
  }

  /** σ in standardised units (0 reproduces training rows). */
  public CfdmSynthesizer setSigma(double sigma) {
    return setValue(ModelKnobs.SIGMA, Sigma.of(sigma));
  }

  /** σ auto: the spacing rule (README, "Choosing the defaults"). */
  public CfdmSynthesizer setSigmaAuto() {
    return setValue(ModelKnobs.SIGMA, Sigma.AUTO);
  }

  /** Smoothing draws M per trajectory. */
  public CfdmSynthesizer setDraws(int draws) {
    return setValue(ModelKnobs.DRAWS, draws);
  }

  /** Euler grid size S. */
  public CfdmSynthesizer setSteps(int steps) {
    return setValue(ModelKnobs.STEPS, steps);
  }

  /** Start time T in [0, 1). */
  public CfdmSynthesizer setStartTime(double startTime) {
    return setValue(ModelKnobs.START_TIME, startTime);
  }

  public CfdmSynthesizer setSeed(long seed) {
    return setValue(ModelKnobs.SEED, seed);
  }

  /** Fit and sample each value of this column from its own rows only. */
  public CfdmSynthesizer setStratifyBy(String column) {
    return setValue(ModelKnobs.STRATIFY_BY, column);
  }

  /** Columns to model as categories whatever their type. */
  public CfdmSynthesizer setCategorical(String... columns) {
    return setValue(ModelKnobs.CATEGORICAL, List.of(columns));
  }

  /** Columns kept in the schema but not modelled (sampled as null). */
  public CfdmSynthesizer setIgnore(String... columns) {
    return setValue(ModelKnobs.IGNORE, List.of(columns));
  }

  /** Whether near-copies of training rows are sampled again with a wider σ (default true). */
  public CfdmSynthesizer setGuard(boolean guard) {
    return setValue(ModelKnobs.GUARD, guard);
  }

  /**
   * Fits the model on {@code dataset}.
   *
   * @throws BadInputException for a knob naming an unknown column, too few rows, a column that cannot be modelled
   *     or an encoded table over the broadcast budget
   */
  @Override
  public CfdmModel fit(Dataset<?> dataset) {
    transformSchema(dataset.schema());
    FittedModel fitted = ModelFitting.fit(dataset.toDF(), settings());
    CfdmModel model = copyValues(new CfdmModel(uid, fitted), ParamMap.empty());
    return model.setParent(this);
  }

  /** The schema of sampled rows: the input's. Checks the knobs against it before any Spark work. */
  @Override
  public StructType transformSchema(StructType schema) {
    ModelFitting.modelledColumns(schema, settings());
    return schema;
  }

  @Override
  public CfdmSynthesizer copy(ParamMap extra) {
    return defaultCopy(extra);
  }
}
