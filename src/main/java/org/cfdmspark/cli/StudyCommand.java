package org.cfdmspark.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import org.cfdmspark.job.SparkSessions;
import org.cfdmspark.job.StudyJob;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/** {@code study}: the memorisation regimes of the trained score models next to σ-CFDM (see {@link StudyJob}). */
final class StudyCommand implements CliCommand {

  @Override
  public String name() {
    return "study";
  }

  @Override
  public CommandSpec spec() {
    CommandSpec spec = CommandSpec.create();
    spec.usageMessage().description("Memorisation study: random-feature test loss and memorised fraction over "
        + "p/n, n and m (George, Veiga, Macris 2025), with σ-CFDM's σ on the same chart; writes "
        + StudyJob.JSON + " and " + StudyJob.PLOT + ".");
    spec.addOption(OptionSpec.builder("--conf-file").paramLabel("FILE").type(Path.class)
        .description("Settings file (name = value); command-line options win.").build());
    KnobOptions.addTo(spec, StudyJob.KNOBS);
    return spec;
  }

  @Override
  public int run(ParseResult parsed, PrintStream out) throws Exception {
    var settings = SettingsResolver.resolve(StudyJob.KNOBS, parsed.matchedOptionValue("--conf-file", null),
        KnobOptions.given(parsed, StudyJob.KNOBS));
    var points = StudyJob.run(SparkSessions.getOrCreate("cfdm-spark study"), settings);
    out.printf("wrote %d study points to %s/%s and %s%n", points.size(), settings.get(
        org.cfdmspark.job.JobKnobs.OUTPUT), StudyJob.JSON, StudyJob.PLOT);
    return ExitCodes.SUCCESS;
  }
}
