package org.cfdmspark.cli;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.cfdmspark.config.Knob;
import org.cfdmspark.job.JobKnobs;
import org.cfdmspark.job.ReportKnobs;
import org.cfdmspark.job.StudyJob;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The one-line message for a command line picocli could not parse, with the fix where one is known: a spark-submit
 * option written after the command (it belongs before it: {@code ./submit.sh --master local[2] generate ...}), a
 * model setting given to sample (fit fixed it), another command's setting (--num-samples to fit: which commands
 * take it), or a misspelt option (picocli's nearest option name).
 */
final class ParseErrors {
  /** spark-submit's own options (Spark 4.1's {@code spark-submit --help}), which no command of ours takes. */
  static final Set<String> SPARK_SUBMIT_OPTIONS = Set.of("--master", "--deploy-mode", "--class", "--name", "--jars",
      "--packages", "--exclude-packages", "--repositories", "--py-files", "--files", "--archives", "--conf",
      "--properties-file", "--driver-memory", "--driver-java-options", "--driver-library-path", "--driver-class-path",
      "--executor-memory", "--proxy-user", "--driver-cores", "--supervise", "--total-executor-cores",
      "--executor-cores", "--num-executors", "--queue", "--principal", "--keytab", "--verbose");

  /** The fit command's options: given to sample, they name a setting its saved model already fixed. */
  private static final Set<String> FIT_OPTIONS = JobKnobs.FIT.stream().map(Knob::option).collect(Collectors.toSet());

  /** Each command's settings, in the order commands are documented: for an option given to the wrong one. */
  private static final Map<String, List<Knob<?>>> COMMANDS = new LinkedHashMap<>();

  static {
    COMMANDS.put("generate", JobKnobs.GENERATE);
    COMMANDS.put("fit", JobKnobs.FIT);
    COMMANDS.put("sample", JobKnobs.SAMPLE);
    COMMANDS.put("report", ReportKnobs.ALL);
    COMMANDS.put("study", StudyJob.KNOBS);
  }

  private ParseErrors() {
  }

  /** The message for {@code error}, raised parsing {@code args} (the whole command line, command first). */
  static String message(CommandLine.ParameterException error, String[] args) {
    CommandSpec command = error.getCommandLine().getCommandSpec();
    // The options the command does not have, as written (without an "=value"), in order.
    List<String> foreign = Arrays.stream(args, 1, args.length)
        .map(arg -> arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg)
        .filter(option -> command.findOption(option) == null).toList();
    for (String option : foreign) {
      if (SPARK_SUBMIT_OPTIONS.contains(option)) {
        return option + " is a Spark option: it goes before the command, as in ./submit.sh " + option
            + " VALUE " + args[0] + " ... (spark-submit: before the jar)";
      }
    }
    if (command.name().equals("sample")) {
      for (String option : foreign) {
        if (FIT_OPTIONS.contains(option)) {
          return option + " is a setting of the model, fixed when fit made it: give it to fit (or generate) and "
              + "sample the new model";
        }
      }
    }
    for (String option : foreign) {
      List<String> takers = COMMANDS.entrySet().stream()
          .filter(entry -> entry.getValue().stream().anyMatch(knob -> knob.option().equals(option)))
          .map(Map.Entry::getKey).toList();
      if (!takers.isEmpty()) {
        // fit writes a model, not rows: a user reaching for --output means --model.
        String instead = command.name().equals("fit") && option.equals("--output")
            ? "; fit writes its model to --model DIR" : "";
        return option + " is a setting of " + inWords(takers) + ", not of " + command.name() + instead
            + " (--help lists its options)";
      }
    }
    if (error instanceof CommandLine.UnmatchedArgumentException unmatched) {
      List<String> suggestions = unmatched.getSuggestions();
      String message = unknownOptions(unmatched.getUnmatched(), error.getMessage());
      if (!suggestions.isEmpty()) {
        return message + "; did you mean " + suggestions.get(0) + "? (--help lists the options)";
      }
      return message + " (--help lists the options)";
    }
    return error.getMessage() + " (--help lists the options)";
  }

  /**
   * "unknown option --num-sample": the unmatched arguments that are options, without the values picocli lists
   * beside them ('--num-sample', '10'); picocli's own message when none is an option.
   */
  private static String unknownOptions(List<String> unmatched, String picocliMessage) {
    List<String> options = unmatched.stream().filter(arg -> arg.startsWith("-"))
        .map(arg -> arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg).distinct().toList();
    if (options.isEmpty()) {
      return picocliMessage;
    }
    return (options.size() == 1 ? "unknown option " : "unknown options ") + String.join(", ", options);
  }

  /** "generate, sample and report". */
  private static String inWords(List<String> names) {
    int last = names.size() - 1;
    return last == 0 ? names.get(0) : String.join(", ", names.subList(0, last)) + " and " + names.get(last);
  }
}
