package org.cfdmspark.ml;

import java.util.Arrays;
import java.util.List;
import org.apache.spark.ml.param.BooleanParam;
import org.apache.spark.ml.param.DoubleParam;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.LongParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.Params;
import org.apache.spark.ml.param.StringArrayParam;
import org.cfdmspark.config.Knob;
import org.cfdmspark.config.KnobException;
import org.cfdmspark.config.Settings;
import scala.Function1;

/**
 * The model's knobs ({@link ModelKnobs#ALL}) as typed Spark ML Params: the Param's name is the knob's in camel
 * case ({@code start-time} → {@code startTime}), its doc the knob's help, its validator the knob's range and its
 * default the knob's default (unset knobs, such as the seed, have none). Integer, decimal, 64-bit, flag and
 * column-list knobs are IntParam, DoubleParam, LongParam, BooleanParam and StringArrayParam; σ ("auto" or a
 * number), choices and text are {@code Param<String>} in the knob's text form. Shared by
 * {@link CfdmSynthesizer} and {@link CfdmModel}, which own one set each.
 */
final class ModelParams implements java.io.Serializable {
  private static final long serialVersionUID = 1L;

  private final List<Knob<?>> knobs = ModelKnobs.ALL;
  private final Param<?>[] params;

  ModelParams(Params owner) {
    params = new Param<?>[knobs.size()];
    for (int k = 0; k < knobs.size(); k++) {
      params[k] = param(owner, knobs.get(k));
    }
  }

  Param<?>[] all() {
    return params.clone();
  }

  /** The Param of the knob called {@code knobName} (its command-line name, e.g. "start-time"). */
  Param<?> of(String knobName) {
    return params[knobs.indexOf(knob(knobName))];
  }

  /**
   * The knob called {@code knobName}.
   *
   * @throws KnobException naming the model settings, and what Spark code does instead for a job option
   */
  Knob<?> knob(String knobName) {
    return knobs.stream().filter(k -> k.name().equals(knobName)).findFirst()
        .orElseThrow(() -> JobOptionHints.unknownSetting(knobName, knobs));
  }

  /** Gives the owner's Params the knobs' defaults (knobs without one, such as the seed, stay unset). */
  void setDefaults(Params owner) {
    for (Knob<?> knob : knobs) {
      setDefault(owner, knob);
    }
  }

  private <T> void setDefault(Params owner, Knob<T> knob) {
    if (knob.defaultValue() != null) {
      owner.setDefault(param(knob), toParamValue(knob, knob.defaultValue()));
    }
  }

  /** Sets the owner's Param of {@code knob} to {@code value} (null clears it), checked against the knob's range. */
  <T> void set(Params owner, Knob<T> knob, T value) {
    knob.validate(value);
    if (value == null) {
      owner.clear(param(knob));
    } else {
      owner.set(param(knob), toParamValue(knob, value));
    }
  }

  @SuppressWarnings("unchecked")
  private Param<Object> param(Knob<?> knob) {
    return (Param<Object>) params[knobs.indexOf(knob)];
  }

  /**
   * The owner's values as settings over {@link ModelKnobs#ALL}: the Params set, given ({@link Settings#isGiven}); the
   * others at the knob's default (a Param's default is its knob's), not given.
   */
  Settings settings(Params owner) {
    Settings settings = Settings.defaults(knobs);
    for (int k = 0; k < knobs.size(); k++) {
      if (owner.isSet(params[k])) {
        settings = withParamValue(settings, knobs.get(k), owner.getOrDefault(params[k]));
      }
    }
    return settings;
  }

  /** A Param value for the knob's value: text for text-form Params, arrays for name lists, else the value. */
  static <T> Object toParamValue(Knob<T> knob, T value) {
    return switch (knob.kind()) {
      case DECIMAL, INTEGER, LONG, FLAG -> value;
      case NAMES -> ((List<?>) value).toArray(String[]::new);
      case CHOICE, TEXT, CUSTOM -> knob.format(value);
    };
  }

  @SuppressWarnings("unchecked")
  private static <T> Settings withParamValue(Settings settings, Knob<T> knob, Object value) {
    T typed = switch (knob.kind()) {
      case DECIMAL, INTEGER, LONG, FLAG -> (T) value;
      case NAMES -> (T) List.copyOf(Arrays.asList((String[]) value));
      case CHOICE, TEXT, CUSTOM -> knob.parse((String) value);
    };
    return settings.with(knob, typed);
  }

  private static Param<?> param(Params owner, Knob<?> knob) {
    String name = camelCase(knob.name());
    String doc = knob.help() + " Valid: " + knob.validRange() + ".";
    return switch (knob.kind()) {
      case DECIMAL -> new DoubleParam(owner, name, doc, validator(knob));
      case INTEGER -> new IntParam(owner, name, doc, validator(knob));
      case LONG -> new LongParam(owner, name, doc, validator(knob));
      case FLAG -> new BooleanParam(owner, name, doc);
      case NAMES -> new StringArrayParam(owner, name, doc);
      case CHOICE, TEXT, CUSTOM -> new Param<String>(owner.uid(), name, doc, textValidator(knob));
    };
  }

  @SuppressWarnings("unchecked")
  private static <T, V> Function1<V, Object> validator(Knob<T> knob) {
    return value -> knob.isValid((T) value);
  }

  private static Function1<String, Object> textValidator(Knob<?> knob) {
    return text -> {
      try {
        knob.parse(text);
        return true;
      } catch (KnobException e) {
        return false;
      }
    };
  }

  /** "start-time" → "startTime". */
  static String camelCase(String knobName) {
    StringBuilder out = new StringBuilder();
    boolean upper = false;
    for (char c : knobName.toCharArray()) {
      if (c == '-') {
        upper = true;
      } else {
        out.append(upper ? Character.toUpperCase(c) : Character.toLowerCase(c));
        upper = false;
      }
    }
    return out.toString();
  }

}
