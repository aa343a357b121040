package org.cfdmspark.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.cfdmspark.config.Settings;
import org.cfdmspark.job.JobKnobs;
import org.cfdmspark.job.ReportJob;
import org.cfdmspark.job.ReportKnobs;
import org.cfdmspark.job.SparkSessions;
import org.cfdmspark.job.SweepJob;
import org.cfdmspark.report.QualityReport;
import org.cfdmspark.report.ReportVerdict;
import org.cfdmspark.report.SweepReport;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * {@code report}: the quality and privacy report of a synthetic table against its training table (and holdout),
 * or with {@code --sweep} the trade-off over the values of one generate knob (see {@link ReportJob},
 * {@link SweepJob}).
 */
final class ReportCommand implements CliCommand {

  @Override
  public String name() {
    return "report";
  }

  @Override
  public CommandSpec spec() {
    CommandSpec spec = CommandSpec.create();
    spec.usageMessage().description("Quality and privacy report of a synthetic table against its training (and "
        + "held-out) rows, of a sweep over a knob's values, or of every generator side by side. --output is the report "
        + "directory.").customSynopsis(
            CliCommand.SYNOPSIS_START + "report --train PATH --synthetic PATH [--holdout PATH] --output DIR",
            CliCommand.SYNOPSIS_INDENT + "report --sweep KNOB=V1,V2,... --input PATH --output DIR [options]",
            CliCommand.SYNOPSIS_INDENT + "report --compare --input PATH --output DIR [options]");
    spec.addOption(OptionSpec.builder("--conf-file").paramLabel("FILE").type(Path.class)
        .description("Settings file (name = value); command-line options win.").build());
    KnobOptions.addTo(spec, ReportKnobs.ALL);
    return spec;
  }

  @Override
  public int run(ParseResult parsed, PrintStream out) {
    Map<String, String> given = KnobOptions.given(parsed, ReportKnobs.ALL);
    Settings settings = SettingsResolver.resolve(ReportKnobs.ALL, parsed.matchedOptionValue("--conf-file", null),
        given);
    SparkSession spark = SparkSessions.getOrCreate("cfdm-spark report");
    if (settings.get(ReportKnobs.COMPARE)) {
      SweepReport compare = SweepJob.compare(spark, settings, given.keySet());
      out.printf("compared %d generators: %s/%s%n", compare.rows().size(), settings.get(JobKnobs.OUTPUT),
          SweepJob.COMPARE_HTML);
      return ExitCodes.SUCCESS;
    }
    if (settings.get(ReportKnobs.SWEEP) != null) {
      SweepReport sweep = SweepJob.run(spark, settings, given.keySet());
      out.printf("swept %s over %d values: %s/%s%n", sweep.knob(), sweep.rows().size(),
          settings.get(JobKnobs.OUTPUT), SweepJob.HTML);
      return ExitCodes.SUCCESS;
    }
    QualityReport report = ReportJob.run(spark, settings);
    out.print(ReportVerdict.printed(report.verdict()));
    out.printf("overall fidelity %.3f, near-copy rate %.3f: %s/%s%n",
        report.comparisons().get("synthetic_vs_train").fidelity().overall(), report.privacy().nearCopyRate(),
        settings.get(JobKnobs.OUTPUT), ReportJob.HTML);
    return ExitCodes.SUCCESS;
  }
}
