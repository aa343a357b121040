package org.cfdmspark.cli;

import java.util.List;
import org.cfdmspark.core.Knob;

/** The Markdown table of knobs that README.md carries (a test checks README against it). */
public final class KnobTable {
  private KnobTable() {
  }

  public static String markdown(List<Knob<?>> knobs) {
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

  /** A bare | would end a Markdown table cell, even inside a code span. */
  private static String escape(String text) {
    return text.replace("|", "\\|");
  }
}
