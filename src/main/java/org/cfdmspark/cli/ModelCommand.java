package org.cfdmspark.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.cfdmspark.config.Knob;
import org.cfdmspark.config.Settings;
import org.cfdmspark.job.FitJob;
import org.cfdmspark.job.GenerateResult;
import org.cfdmspark.job.JobKnobs;
import org.cfdmspark.job.SampleJob;
import org.cfdmspark.job.SparkSessions;
import org.cfdmspark.ml.CfdmModel;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * {@code fit} (a training table to a saved model) and {@code sample} (a saved model to a synthetic table): generate
 * in two steps, so that one fit serves many samplings. Options come from the knob lists {@link JobKnobs#FIT} and
 * {@link JobKnobs#SAMPLE}, plus --conf-file.
 */
final class ModelCommand implements CliCommand {
  /** What a command does with its resolved settings; returns the line it prints. */
  private interface Action {
    String run(SparkSession spark, Settings settings);
  }

  private final String name;
  private final String synopsis;
  private final String description;
  private final List<Knob<?>> knobs;
  private final Action action;

  private ModelCommand(String name, String synopsis, String description, List<Knob<?>> knobs, Action action) {
    this.name = name;
    this.synopsis = synopsis;
    this.description = description;
    this.knobs = knobs;
    this.action = action;
  }

  static ModelCommand fit() {
    return new ModelCommand("fit", "fit --input PATH --model DIR [options]",
        "Fit a model of a training table and save it to --model (once; sample many times).", JobKnobs.FIT,
        (spark, settings) -> {
          CfdmModel model = FitJob.run(spark, settings);
          return String.format("wrote a model of %d training rows to %s", model.summary().trainingRows(),
              settings.get(JobKnobs.MODEL));
        });
  }

  static ModelCommand sample() {
    return new ModelCommand("sample", "sample --model DIR --output DIR [options]",
        "Sample synthetic rows from a model saved by fit.", JobKnobs.SAMPLE,
        (spark, settings) -> {
          GenerateResult result = SampleJob.run(spark, settings);
          return String.format("wrote %d synthetic rows to %s (manifest: %s/_manifest.json)", result.samples(),
              result.output(), result.output());
        });
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public CommandSpec spec() {
    CommandSpec spec = CommandSpec.create();
    spec.usageMessage().description(description).customSynopsis(CliCommand.SYNOPSIS_START + synopsis);
    spec.addOption(OptionSpec.builder("--conf-file").paramLabel("FILE").type(Path.class)
        .description("Settings file (name = value, as conf/cfdm.properties); command-line options win.").build());
    KnobOptions.addTo(spec, knobs);
    return spec;
  }

  @Override
  public int run(ParseResult parsed, PrintStream out) {
    Settings settings = SettingsResolver.resolve(knobs, parsed.matchedOptionValue("--conf-file", null),
        KnobOptions.given(parsed, knobs));
    out.println(action.run(SparkSessions.getOrCreate("cfdm-spark " + name), settings));
    return ExitCodes.SUCCESS;
  }
}
