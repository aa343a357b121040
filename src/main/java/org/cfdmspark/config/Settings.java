package org.cfdmspark.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * Values for a set of knobs: every knob starts at its default; {@link #with} returns a changed copy, which
 * remembers that the knob was given ({@link #isGiven}), so that a value saved elsewhere (a model's input dialect)
 * can fill in only what the user left unsaid. Immutable.
 */
public final class Settings {
  private final List<Knob<?>> knobs;
  private final Map<String, Object> values;
  private final Set<String> given;

  private Settings(List<Knob<?>> knobs, Map<String, Object> values, Set<String> given) {
    this.knobs = knobs;
    this.values = values;
    this.given = given;
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
    return new Settings(List.copyOf(knobs), values, Set.of());
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
    // A typo gets its likely meaning first, as the command line's unknown options do; the list follows.
    LevenshteinDistance distance = LevenshteinDistance.getDefaultInstance();
    String closest = names.stream().min(Comparator.comparingInt((String known) -> distance.apply(known, name)))
        .filter(known -> distance.apply(known, name) <= 2).orElse(null);
    throw new KnobException("unknown setting '" + name + "'" + (closest == null ? "" : "; did you mean '" + closest
        + "'?") + " (known settings: " + String.join(", ", names) + ")");
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
    Set<String> givenNow = new LinkedHashSet<>(given);
    givenNow.add(knob.name());
    return new Settings(knobs, copy, Collections.unmodifiableSet(givenNow));
  }

  /** Whether the knob was set (by {@link #with} or {@link #withText}), even to its default, rather than left so. */
  public boolean isGiven(Knob<?> knob) {
    requireKnown(knob);
    return given.contains(knob.name());
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
    Settings defaults = defaults(knobs);
    Map<String, Object> selected = new LinkedHashMap<>(defaults.values);
    Set<String> selectedGiven = new LinkedHashSet<>();
    for (Knob<?> knob : this.knobs) {
      if (knobs.contains(knob)) {
        selected.put(knob.name(), values.get(knob.name()));
        if (given.contains(knob.name())) {
          selectedGiven.add(knob.name());
        }
      }
    }
    return new Settings(defaults.knobs, selected, Collections.unmodifiableSet(selectedGiven));
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
