package org.cfdmspark.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.cfdmspark.config.Knob;
import org.cfdmspark.job.GenerateJob;
import org.cfdmspark.job.GenerateResult;
import org.cfdmspark.job.JobKnobs;
import org.cfdmspark.job.ReportJob;
import org.cfdmspark.job.SparkSessions;
import org.cfdmspark.report.ReportVerdict;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/** {@code generate}: samples a synthetic table from a training table (see {@link GenerateJob}). */
final class GenerateCommand implements CliCommand {
  static final List<Knob<?>> KNOBS = JobKnobs.GENERATE;

  @Override
  public String name() {
    return "generate";
  }

  @Override
  public CommandSpec spec() {
    CommandSpec spec = CommandSpec.create();
    spec.usageMessage().description("Sample synthetic rows from a training table.")
        .customSynopsis(CliCommand.SYNOPSIS_START + "generate --input PATH --output DIR [options]",
            CliCommand.SYNOPSIS_INDENT + "generate --demo [options]");
    spec.addOption(OptionSpec.builder("--conf-file").paramLabel("FILE").type(Path.class)
        .description("Settings file (name = value, as conf/cfdm.properties); command-line options win.").build());
    spec.addOption(OptionSpec.builder("--demo").arity("0")
        .description("Use the bundled demo table (Palmer penguins) as input and write to ./"
            + DemoInput.OUTPUT + " unless --input/--output say otherwise.").build());
    KnobOptions.addTo(spec, KNOBS);
    return spec;
  }

  @Override
  public int run(ParseResult parsed, PrintStream out) throws Exception {
    Map<String, String> given = KnobOptions.given(parsed, KNOBS);
    if (parsed.hasMatchedOption("--demo")) {
      given = DemoInput.complete(given);
    }
    var settings = SettingsResolver.resolve(KNOBS, parsed.matchedOptionValue("--conf-file", null), given);
    if (settings.get(JobKnobs.REPORT) && settings.get(JobKnobs.HOLDOUT_FRACTION) == 0) {
      System.err.println("note: --report without --holdout-fraction compares the samples with the training rows "
          + "only: the figures against fresh rows (closer-to-train share, the holdout's DCR, identical-match and "
          + "memorised references, TSTR) stay empty; --holdout-fraction 0.2 adds them");
    }
    SparkSession spark = SparkSessions.getOrCreate("cfdm-spark generate");
    GenerateResult result = GenerateJob.run(spark, settings);
    out.printf("wrote %d synthetic rows to %s (manifest: %s/_manifest.json)%n", result.samples(), result.output(),
        result.output());
    if (result.report() != null) {
      out.print(ReportVerdict.printed(result.report().verdict()));
      out.printf("wrote the report to %s/%s/%s%n", result.output(), ReportJob.DIRECTORY, ReportJob.HTML);
    }
    return ExitCodes.SUCCESS;
  }
}
