package org.cfdmspark.cli;

import java.util.List;
import org.cfdmspark.config.Knob;
import org.cfdmspark.config.KnobException;

/**
 * Documentation generated from the knob definitions: the Markdown table README.md carries and the commented
 * settings file {@code conf/cfdm.properties} (tests check both files against these).
 */
public final class KnobDocs {
  private KnobDocs() {
  }

  public static String markdownTable(List<Knob<?>> knobs) {
    StringBuilder out = new StringBuilder();
    out.append("| option | default | valid | meaning |\n");
    out.append("|---|---|---|---|\n");
    for (Knob<?> knob : knobs) {
      out.append("| `").append(knob.option()).append(' ').append(escape(knob.valueLabel())).append("` | `")
          .append(knob.defaultText()).append("` | ").append(escape(knob.validRange())).append(" | ")
          .append(escape(knob.help())).append(" |\n");
    }
    return out.toString();
  }

  /** A properties file listing every knob, commented out at its default, with its help and range. */
  public static String propertiesTemplate(List<Knob<?>> knobs) {
    StringBuilder out = new StringBuilder();
    out.append("# cfdm-spark job settings: use with ./submit.sh generate --conf-file conf/cfdm.properties ...\n");
    out.append("# Precedence: command-line options, then this file, then the built-in defaults.\n");
    out.append("# Every setting is listed at its default, commented out; uncomment and edit to change it.\n");
    out.append("# Generated from the knob definitions: ./submit.sh knobs --properties\n");
    for (Knob<?> knob : knobs) {
      out.append("\n# ").append(knob.help()).append("\n# Valid: ").append(knob.validRange()).append(".\n");
      out.append("# ").append(knob.name()).append(" = ").append(settingText(knob)).append('\n');
    }
    return out.toString();
  }

  /**
   * The default as a settings file can hold it: its text when that text reads back as the default ("auto" for
   * --steps and --final-noise), else nothing (an unset --target has no value to write).
   */
  private static String settingText(Knob<?> knob) {
    if (knob.defaultValue() != null) {
      return knob.defaultText();
    }
    try {
      return knob.parse(knob.defaultText()) == null ? knob.defaultText() : "";
    } catch (KnobException e) {
      return "";
    }
  }

  /** A bare | would end a Markdown table cell, even inside a code span. */
  private static String escape(String text) {
    return text.replace("|", "\\|");
  }
}
