package org.cfdmspark.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cfdmspark.config.BadInputException;
import org.cfdmspark.config.Knob;
import org.cfdmspark.config.ProjectVersion;
import org.cfdmspark.job.StartupCompilation;
import org.cfdmspark.job.UnreachableMasterException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine;

/**
 * {@code cfdm-spark COMMAND [options]}: the entry point spark-submit runs. Turns user errors into one line on
 * stderr and exit code 2, runtime failures into exit code 1 (see {@link ExitCodes}).
 */
public final class Main {
  /** Columns of a usage text: a report's usage line fits, and most terminals are as wide. */
  private static final int USAGE_WIDTH = 100;

  private Main() {
  }

  public static void main(String[] args) {
    if (mayRunAJob(args)) {
      StartupCompilation.start(); // a job's start-up: nothing to compile for a usage or the knobs' table
      Interruption.install(System.err);
    }
    int code = run(args, System.out, System.err);
    Interruption.finished();
    // Exit explicitly: Spark's shutdown hook stops the context, and a scheduler gets the documented code.
    System.exit(code);
  }

  /** Whether {@code args} may start a job: not a usage, a version or the knobs' table (as submit.sh tells too). */
  static boolean mayRunAJob(String[] args) {
    List<String> given = Arrays.asList(args);
    return !(given.isEmpty() || given.get(0).equals("help") || given.get(0).equals("knobs")
        || given.stream().anyMatch(a -> a.equals("-h") || a.equals("--help") || a.equals("-V")
            || a.equals("--version")));
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
    commands.forEach((name, command) -> {
      CommandSpec spec = command.spec().name(name).mixinStandardHelpOptions(true);
      spec.usageMessage().width(USAGE_WIDTH);
      if (spec.usageMessage().customSynopsis().length == 0) {
        spec.usageMessage().customSynopsis(CliCommand.SYNOPSIS_START + name + " [options]");
      }
      top.addSubcommand(name, spec);
    });
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
    } catch (UnreachableMasterException e) {
      err.println("failed: " + e.getMessage());
      return ExitCodes.RUNTIME_FAILURE;
    } catch (Exception e) {
      if (!Interruption.interrupted()) {
        err.println("failed: " + e);
        e.printStackTrace(err);
      }
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
