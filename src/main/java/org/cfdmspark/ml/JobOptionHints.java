package org.cfdmspark.ml;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.cfdmspark.config.Knob;
import org.cfdmspark.config.KnobException;

/**
 * What Spark code does instead of the options that the generate, fit and sample commands take but the model does
 * not (reading, filtering, writing, the report): a user who takes the command line's {@code --target} or
 * {@code --where} to {@link CfdmSynthesizer#setKnob} is told the API's way, not only that the name is unknown. The
 * names are spelt here because this package may not use {@code job}, where those knobs live; a test checks that
 * every job option has a hint and that every hint names one.
 */
final class JobOptionHints {
  private JobOptionHints() {
  }

  private static final String READ = "read the DataFrame yourself (spark.read() with header, sep, quote, escape, "
      + "multiLine, encoding, nullValue, timestampFormat) and pass it to fit";
  private static final String WRITE = "write the sampled Dataset yourself, e.g. model.sample(n).write().mode(...)"
      + ".parquet(path) or .csv(path)";

  private static final Map<String, String> HINTS = new TreeMap<>(Map.ofEntries(
      Map.entry("input", READ), Map.entry("input-format", READ), Map.entry("null-value", READ),
      Map.entry("csv-sep", READ), Map.entry("csv-quote", READ), Map.entry("csv-escape", READ),
      Map.entry("multi-line", READ), Map.entry("encoding", READ), Map.entry("datetime-format", READ),
      Map.entry("string", "read the column as a string (a schema, or inferSchema false): fit models strings as "
          + "categories"),
      Map.entry("decimal-comma", "turn such columns into numbers before fit (regexp_replace, then cast)"),
      Map.entry("date", "turn such columns into dates or timestamps before fit (to_date or to_timestamp with the "
          + "pattern)"),
      Map.entry("columns", "select() the columns before fit"),
      Map.entry("exclude", "drop() the columns before fit, or setIgnore(...) to keep them in the schema, sampled as "
          + "null"),
      Map.entry("where", "filter(PREDICATE) the DataFrame before fit"),
      Map.entry("holdout-fraction", "hold rows out of the DataFrame before fit (e.g. randomSplit) and keep them for "
          + "the report command's --holdout"),
      Map.entry("target", "setKnob(\"redraw-columns\", \"auto,-COL\") keeps COL out of the column redraw as "
          + "--target does (with redraw-columns auto, the default); the report command's --target scores the "
          + "written rows"),
      Map.entry("report", "run the report command on the written rows"),
      Map.entry("num-samples", "model.sample(n)"),
      Map.entry("counts", "model.sample(Map.of(VALUE, N, ...))"),
      Map.entry("partitions", "model.transform(model.sampleIds(n, partitions))"),
      Map.entry("sample-id", "model.transform(model.sampleIds(n, partitions)) keeps the id column, "
          + "model.idColumn()"),
      Map.entry("progress", "model.transform(ids, SamplingMonitor.register(sparkContext)) counts the rows sampled "
          + "in the monitor's sampled()"),
      Map.entry("output", WRITE), Map.entry("format", WRITE), Map.entry("mode", WRITE),
      Map.entry("model", "model.write().save(path) and CfdmModel.load(path)")));

  /** The job options that have a hint. */
  static Set<String> names() {
    return HINTS.keySet();
  }

  /**
   * The error for a name that is not one of {@code known}: what Spark code does instead when it is a job option,
   * and the model settings either way.
   */
  static KnobException unknownSetting(String name, List<Knob<?>> known) {
    String settings = "; the model settings are " + String.join(", ", known.stream().map(Knob::name).toList());
    String hint = HINTS.get(name);
    if (hint == null) {
      return new KnobException("unknown model setting '" + name + "'" + settings);
    }
    return new KnobException("'" + name + "' is an option of the commands, not a model setting: in Spark code, "
        + hint + settings);
  }
}
