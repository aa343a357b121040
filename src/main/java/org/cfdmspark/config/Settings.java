package org.cfdmspark.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Values for a set of knobs: every knob starts at its default; {@link #with} returns a changed copy.
 * Immutable.
 */
public final class Settings {
  private final List<Knob<?>> knobs;
  private final Map<String, Object> values;

  private Settings(List<Knob<?>> knobs, Map<String, Object> values) {
    this.knobs = knobs;
    this.values = values;
  }

  /** Every knob at its default. */
  public static Settings defaults(List<Knob<?>> knobs) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (Knob<?> knob : knobs) {
      if (values.containsKey(knob.name())) {
        throw new IllegalArgumentException("knob defined twice: " + knob.name());
      }
      values.put(knob.name(), knob.defaultValue());
    }
    return new Settings(List.copyOf(knobs), values);
  }

  public List<Knob<?>> knobs() {
    return knobs;
  }

  /** The knob called {@code name}, or an error naming the known ones. */
  public Knob<?> knob(String name) {
    for (Knob<?> knob : knobs) {
      if (knob.name().equals(name)) {
        return knob;
      }
    }
    List<String> names = new ArrayList<>();
    knobs.forEach(k -> names.add(k.name()));
    throw new KnobException("unknown setting '" + name + "'; known settings: " + String.join(", ", names));
  }

  @SuppressWarnings("unchecked")
  public <T> T get(Knob<T> knob) {
    requireKnown(knob);
    return (T) values.get(knob.name());
  }

  public <T> Settings with(Knob<T> knob, T value) {
    requireKnown(knob);
    Map<String, Object> copy = new LinkedHashMap<>(values);
    copy.put(knob.name(), knob.validate(value));
    return new Settings(knobs, copy);
  }

  /** Sets a knob from text, validating it. */
  public Settings withText(String name, String raw) {
    return withParsed(knob(name), raw);
  }

  private <T> Settings withParsed(Knob<T> knob, String raw) {
    return with(knob, knob.parse(raw));
  }

  /**
   * Settings over {@code knobs}: this one's values for the knobs both have, the defaults for the rest. Values are
   * copied typed, because a value's display text (e.g. "(all)") need not parse back.
   */
  public Settings select(List<Knob<?>> knobs) {
    Settings selected = defaults(knobs);
    for (Knob<?> knob : this.knobs) {
      if (knobs.contains(knob)) {
        selected = copy(selected, knob);
      }
    }
    return selected;
  }

  private <T> Settings copy(Settings to, Knob<T> knob) {
    return to.with(knob, get(knob));
  }

  /** Every knob with its value as text, in definition order (for manifests and logs). */
  public Map<String, String> asText() {
    Map<String, String> out = new LinkedHashMap<>();
    for (Knob<?> knob : knobs) {
      out.put(knob.name(), formatValue(knob));
    }
    return Collections.unmodifiableMap(out);
  }

  private <T> String formatValue(Knob<T> knob) {
    return knob.format(get(knob));
  }

  private void requireKnown(Knob<?> knob) {
    if (!values.containsKey(knob.name())) {
      throw new IllegalArgumentException("knob " + knob.option() + " is not part of these settings");
    }
  }
}
