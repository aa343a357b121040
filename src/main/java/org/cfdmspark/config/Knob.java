package org.cfdmspark.config;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * One user-facing setting, defined once: its name (the command-line option is {@code --name}, the config-file
 * key is {@code name}), the kind of value, the default, the valid range and the help text. The CLI, the config
 * file, the README table and the manifest all read these definitions; nothing parses a knob anywhere else.
 *
 * @param <T> the value type
 */
public final class Knob<T> {
  /** The kind of value, for typed views of a knob (Spark ML Params): parsed text for {@code TEXT} and {@code CUSTOM}. */
  public enum Kind {
    DECIMAL, INTEGER, LONG, CHOICE, TEXT, FLAG, NAMES, CUSTOM
  }

  private final Kind kind;
  private final String name;
  private final String valueLabel;
  private final T defaultValue;
  private final Function<String, T> parser;
  private final Predicate<T> valid;
  private final String validRange;
  private final String help;
  private final Function<T, String> formatter;

  private Knob(Kind kind, String name, String valueLabel, T defaultValue, Function<String, T> parser,
      Predicate<T> valid, String validRange, String help, Function<T, String> formatter) {
    this.kind = kind;
    this.name = name;
    this.valueLabel = valueLabel;
    this.defaultValue = defaultValue;
    this.parser = parser;
    this.valid = valid;
    this.validRange = validRange;
    this.help = help;
    this.formatter = formatter;
  }

  /** A real number in [min, max] (use infinities for no bound). */
  public static Knob<Double> decimal(String name, double defaultValue, double min, double max, boolean maxInclusive,
      String help) {
    String range = max == Double.POSITIVE_INFINITY ? "a number >= " + plain(min)
        : "a number in [" + plain(min) + ", " + plain(max) + (maxInclusive ? "]" : ")");
    return new Knob<>(Kind.DECIMAL, name, "NUMBER", defaultValue, Double::valueOf,
        v -> v >= min && (maxInclusive ? v <= max : v < max) && !v.isNaN(), range, help, Knob::plain);
  }

  /** An integer in [min, max]. */
  public static Knob<Integer> integer(String name, int defaultValue, int min, int max, String help) {
    String range = max == Integer.MAX_VALUE ? "an integer >= " + min : "an integer in [" + min + ", " + max + "]";
    return new Knob<>(Kind.INTEGER, name, "INT", defaultValue, Integer::valueOf, v -> v >= min && v <= max, range,
        help, String::valueOf);
  }

  /** A 64-bit integer in [min, max]; a null default means "unset". */
  public static Knob<Long> longInteger(String name, Long defaultValue, long min, long max, String help) {
    String range = min == Long.MIN_VALUE && max == Long.MAX_VALUE ? "any 64-bit integer"
        : max == Long.MAX_VALUE ? "an integer >= " + min : "an integer in [" + min + ", " + max + "]";
    return new Knob<>(Kind.LONG, name, "INT", defaultValue, Long::valueOf, v -> v >= min && v <= max, range,
        help,
        v -> v == null ? "(unset)" : String.valueOf(v));
  }

  /** One of an enum's constants, written in lower case. */
  public static <E extends Enum<E>> Knob<E> choice(String name, Class<E> type, E defaultValue, String help) {
    StringBuilder names = new StringBuilder();
    for (E constant : type.getEnumConstants()) {
      names.append(names.length() == 0 ? "" : "|").append(choiceName(constant));
    }
    return new Knob<>(Kind.CHOICE, name, names.toString(), defaultValue,
        raw -> Enum.valueOf(type, raw.trim().toUpperCase(Locale.ROOT).replace('-', '_')), v -> true,
        "one of " + names, help, Knob::choiceName);
  }

  /** A constant as the command line spells it: lower case, words joined by hyphens (RANDOM_FEATURES: random-features). */
  private static String choiceName(Enum<?> constant) {
    return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** Free text; {@code null} default means "unset". */
  public static Knob<String> text(String name, String valueLabel, String defaultValue, String help) {
    return new Knob<>(Kind.TEXT, name, valueLabel, defaultValue, raw -> raw, v -> true, "text", help,
        v -> v == null ? "(unset)" : v);
  }

  /** true or false. */
  public static Knob<Boolean> flag(String name, boolean defaultValue, String help) {
    return new Knob<>(Kind.FLAG, name, "true|false", defaultValue, Knob::parseBoolean, v -> true, "true or false",
        help, String::valueOf);
  }

  /**
   * A comma-separated list of column names (duplicates dropped), quoted as in CSV where a name holds a comma or a
   * quote ({@code "weight, kg",age}; see {@link NameList}); {@code emptyText} is shown for none.
   */
  public static Knob<List<String>> names(String name, String emptyText, String help) {
    return names(name, "COL[,COL...]", "comma-separated column names (\"quoted\" if a name holds a comma)",
        emptyText, help);
  }

  /** A list knob whose entries say more than a column name ({@code valueLabel} COL=PATTERN[,...]). */
  public static Knob<List<String>> names(String name, String valueLabel, String valid, String emptyText,
      String help) {
    return names(name, valueLabel, valid, List.of(), emptyText, help);
  }

  /**
   * A list knob with a default of its own; {@code emptyText} (what the empty list is shown as), bare or in parentheses,
   * reads back as the empty list, so that the text a config file or a saved model holds for it parses (models and
   * config files written before a knob's empty list read {@code none} hold {@code (none)}). With a default that is
   * not empty, empty text is refused: an unset shell variable must not switch the default off unseen. A lone name
   * spelled as the empty text is written quoted, so that it reads back as that name.
   */
  public static Knob<List<String>> names(String name, String valueLabel, String valid, List<String> defaultValue,
      String emptyText, String help) {
    Function<String, List<String>> parser = raw -> {
      if (raw.equalsIgnoreCase(emptyText) || raw.equalsIgnoreCase("(" + emptyText + ")")) {
        return List.of();
      }
      if (raw.isEmpty() && !defaultValue.isEmpty()) {
        throw new IllegalArgumentException("empty");
      }
      return NameList.parse(raw);
    };
    return new Knob<>(Kind.NAMES, name, valueLabel, List.copyOf(defaultValue), parser, names -> true, valid, help,
        names -> names.isEmpty() ? emptyText : names.size() == 1 && names.get(0).equalsIgnoreCase(emptyText)
            ? "\"" + names.get(0) + "\"" : NameList.format(names));
  }

  private static Boolean parseBoolean(String raw) {
    return switch (raw.toLowerCase(Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new IllegalArgumentException("not a boolean: " + raw);
    };
  }

  /** A custom knob: the parser throws IllegalArgumentException on malformed text. */
  public static <T> Knob<T> custom(String name, String valueLabel, T defaultValue, Function<String, T> parser,
      Predicate<T> valid, String validRange, String help, Function<T, String> formatter) {
    return new Knob<>(Kind.CUSTOM, name, valueLabel, defaultValue, parser, valid, validRange, help, formatter);
  }

  /** Parses and validates text from the command line or a config file. */
  public T parse(String raw) {
    T value;
    try {
      value = parser.apply(Objects.requireNonNull(raw).trim());
    } catch (IllegalArgumentException e) {
      throw invalid(raw);
    }
    return validate(value);
  }

  /** Checks a value given in code; returns it. */
  public T validate(T value) {
    if (value != null && !valid.test(value)) {
      throw invalid(format(value));
    }
    return value;
  }

  private KnobException invalid(String raw) {
    return new KnobException(option() + ": '" + raw + "' is not valid; expected " + validRange);
  }

  /** Text for a value, as a user would type it. */
  public String format(T value) {
    return formatter.apply(value);
  }

  public String name() {
    return name;
  }

  public Kind kind() {
    return kind;
  }

  /** Whether a value is in range (null, "unset", always is). */
  public boolean isValid(T value) {
    return value == null || valid.test(value);
  }

  /** The command-line option, {@code --name}. */
  public String option() {
    return "--" + name;
  }

  public String valueLabel() {
    return valueLabel;
  }

  public T defaultValue() {
    return defaultValue;
  }

  public String defaultText() {
    return format(defaultValue);
  }

  public String validRange() {
    return validRange;
  }

  public String help() {
    return help;
  }

  public static String plain(double value) {
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return String.valueOf((long) value);
    }
    return String.valueOf(value);
  }

  @Override
  public String toString() {
    return option();
  }
}
