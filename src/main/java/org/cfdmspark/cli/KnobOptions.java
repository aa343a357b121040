package org.cfdmspark.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cfdmspark.config.Knob;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * Turns knob definitions into picocli options, so that every knob's command-line name, value label and help
 * come from its single definition. Values are taken as text and parsed by the knob itself (in
 * {@link SettingsResolver}), never here.
 */
final class KnobOptions {
  private static final String FLAG_LABEL = "true|false";
  private KnobOptions() {
  }

  /**
   * Adds one {@code --name VALUE} option per knob to {@code spec}; a true|false knob also works bare as a flag.
   * Usage lists them in the knobs' order (what a command needs first), not alphabetically.
   */
  static void addTo(CommandSpec spec, List<Knob<?>> knobs) {
    spec.usageMessage().sortOptions(false);
    for (Knob<?> knob : knobs) {
      boolean flag = FLAG_LABEL.equals(knob.valueLabel());
      OptionSpec.Builder option = OptionSpec.builder(knob.option())
          .paramLabel(knob.valueLabel())
          .arity(flag ? "0..1" : "1")
          // picocli formats descriptions with String.format: a bare % ("5 % of its cells") must be doubled.
          .description((knob.help() + " Default: " + knob.defaultText() + "; valid: " + knob.validRange() + ".")
              .replace("%", "%%"));
      if (knob.kind() == Knob.Kind.NAMES) {
        // A list option may be repeated (--exclude a --exclude b); given() joins the occurrences.
        option.type(List.class).auxiliaryTypes(String.class);
      } else {
        option.type(String.class);
      }
      if (flag) {
        // Only flags get a fallback: a null one breaks picocli's help rendering (it expands ${FALLBACK-VALUE}).
        option.fallbackValue("true");
      }
      spec.addOption(option.build());
    }
  }

  /** The knobs given on the command line, name → raw text, in the order of the definitions. */
  static Map<String, String> given(ParseResult parsed, List<Knob<?>> knobs) {
    Map<String, String> values = new LinkedHashMap<>();
    for (Knob<?> knob : knobs) {
      if (parsed.hasMatchedOption(knob.option())) {
        values.put(knob.name(), knob.kind() == Knob.Kind.NAMES
            ? String.join(",", parsed.matchedOption(knob.option()).stringValues())
            : parsed.matchedOptionValue(knob.option(), ""));
      }
    }
    return values;
  }
}
