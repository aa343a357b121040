package org.cfdmspark.cli;

import java.io.PrintStream;
import java.util.List;
import org.cfdmspark.core.Knob;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParseResult;

/** {@code knobs}: prints every knob of a command as the Markdown table README.md carries. */
final class KnobsCommand implements CliCommand {
  private final List<Knob<?>> knobs;

  KnobsCommand(List<Knob<?>> knobs) {
    this.knobs = knobs;
  }

  @Override
  public String name() {
    return "knobs";
  }

  @Override
  public CommandSpec spec() {
    CommandSpec spec = CommandSpec.create();
    spec.usageMessage().description("Print every generate option with its default, valid range and meaning.");
    return spec;
  }

  @Override
  public int run(ParseResult parsed, PrintStream out) {
    out.print(KnobTable.markdown(knobs));
    return ExitCodes.SUCCESS;
  }
}
