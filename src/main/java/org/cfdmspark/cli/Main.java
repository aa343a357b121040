package org.cfdmspark.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cfdmspark.config.BadInputException;
import org.cfdmspark.config.Knob;
import org.cfdmspark.config.ProjectVersion;
import org.cfdmspark.job.StartupCompilation;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine;

/**
 * {@code cfdm-spark COMMAND [options]}: the entry point spark-submit runs. Turns user errors into one line on
 * stderr and exit code 2, runtime failures into exit code 1 (see {@link ExitCodes}).
 */
public final class Main {
  private Main() {
  }

  public static void main(String[] args) {
    StartupCompilation.start();
    // Exit explicitly: Spark's shutdown hook stops the context, and a scheduler gets the documented code.
    System.exit(run(args, System.out, System.err));
  }

  /** Runs a command; returns its exit code instead of exiting (for tests). */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    Map<String, CliCommand> commands = new LinkedHashMap<>();
    for (CliCommand command : commands()) {
      commands.put(command.name(), command);
    }
    CommandSpec top = CommandSpec.create().name("cfdm-spark");
    top.usageMessage().description("Training-free synthetic tables with smoothed closed-form diffusion on Spark.");
    top.mixinStandardHelpOptions(true); // --help, -h, --version, -V
    top.version("cfdm-spark " + ProjectVersion.current());
    commands.forEach((name, command) -> top.addSubcommand(name, command.spec().name(name)
        .mixinStandardHelpOptions(true)));
    // "help" and "help COMMAND" print the usage; printHelpIfRequested runs it.
    top.addSubcommand("help", new CommandLine(new CommandLine.HelpCommand()));
    CommandLine line = new CommandLine(top);
    line.setOut(new PrintWriter(out, true));
    try {
      ParseResult parsed = line.parseArgs(args);
      if (CommandLine.printHelpIfRequested(parsed)) {
        return ExitCodes.SUCCESS;
      }
      if (!parsed.hasSubcommand()) {
        err.println("error: name a command: " + String.join(", ", commands.keySet())
            + " (e.g. generate --demo); --help lists the options");
        return ExitCodes.BAD_INPUT;
      }
      ParseResult sub = parsed.subcommand();
      return commands.get(sub.commandSpec().name()).run(sub, out);
    } catch (CommandLine.ParameterException e) {
      err.println("error: " + ParseErrors.message(e, args));
      return ExitCodes.BAD_INPUT;
    } catch (BadInputException e) {
      err.println("error: " + e.getMessage());
      return ExitCodes.BAD_INPUT;
    } catch (Exception e) {
      err.println("failed: " + e);
      e.printStackTrace(err);
      return ExitCodes.RUNTIME_FAILURE;
    }
  }

  /** Every knob the generate command takes, in documentation order. */
  public static List<Knob<?>> generateKnobs() {
    return GenerateCommand.KNOBS;
  }

  private static List<CliCommand> commands() {
    return List.of(new GenerateCommand(), ModelCommand.fit(), ModelCommand.sample(), new ReportCommand(),
        new BenchCommand(), new StudyCommand(),
        new KnobsCommand(generateKnobs()));
  }
}
