package org.cfdmspark.cli;

import java.io.PrintStream;
import java.util.List;
import org.cfdmspark.config.Knob;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * {@code knobs}: prints every generate knob as the Markdown table README.md carries, or with
 * {@code --properties} as the commented settings file conf/cfdm.properties.
 */
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
    spec.addOption(OptionSpec.builder("--properties").arity("0")
        .description("Print a settings file for --conf-file instead of the Markdown table.").build());
    return spec;
  }

  @Override
  public int run(ParseResult parsed, PrintStream out) {
    out.print(parsed.hasMatchedOption("--properties") ? KnobDocs.propertiesTemplate(knobs)
        : KnobDocs.markdownTable(knobs));
    return ExitCodes.SUCCESS;
  }
}
