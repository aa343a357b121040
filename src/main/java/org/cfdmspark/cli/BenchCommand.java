package org.cfdmspark.cli;

import java.io.PrintStream;
import java.util.List;
import org.cfdmspark.bench.Bench;
import org.cfdmspark.bench.BenchOptions;
import org.cfdmspark.config.BadInputException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.ParseResult;

/** {@code bench}: the engine benchmark of BENCHMARKS.md (kernel, estimators, threads); flags as {@link BenchOptions}. */
final class BenchCommand implements CliCommand {

  @Override
  public String name() {
    return "bench";
  }

  @Override
  public CommandSpec spec() {
    CommandSpec spec = CommandSpec.create();
    spec.usageMessage().description("Benchmark the sampling engine: kernel GFLOP/s against the FMA ceiling, "
        + "exact / nn / nn+IVF throughput, recall, 1 vs 2 threads. Flags: --rows 10000,100000,1000000 "
        + "--dims 8,64,784 --memory-mb 4096 --reps 3 --queries 256 --sections kernel,estimators,threads "
        + "--components 16 --spread 0.5 --seed 1 (see BENCHMARKS.md).");
    spec.parser().unmatchedOptionsArePositionalParams(true);
    spec.addPositional(PositionalParamSpec.builder().arity("0..*").paramLabel("FLAG VALUE").type(String[].class)
        .build());
    return spec;
  }

  @Override
  public int run(ParseResult parsed, PrintStream out) {
    List<String> args = parsed.matchedPositionals().isEmpty() ? List.of()
        : List.of((String[]) parsed.matchedPositionals().get(0).getValue());
    BenchOptions options;
    try {
      options = BenchOptions.parse(args.toArray(String[]::new));
    } catch (IllegalArgumentException e) {
      throw new BadInputException("bench: " + e.getMessage());
    }
    Bench.run(options, out);
    return ExitCodes.SUCCESS;
  }
}
