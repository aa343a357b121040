package org.cfdmspark.bench;

import java.io.PrintStream;
import java.util.Locale;
import org.cfdmspark.engine.SamplerConfig;
import org.cfdmspark.knn.DotProductKernel;

/**
 * The sampling engine's benchmark, printed as Markdown tables: (1) {@link KernelBench}, the dot-product kernel's
 * GFLOP/s next to the measured per-thread FMA ceiling, with the scalar loop and BLAS dgemm beside it;
 * (2) {@link EstimatorBench}, posterior-mean throughput of the exact, nn (exact search) and nn + IVF estimators
 * over a grid of N and d, with the IVF's recall@K and error against exact; (3) {@link ThreadBench}, samples/s
 * on 1 and 2 threads. Every figure is the median of {@code --reps} timed runs after a warm-up ({@link Timing}:
 * CPU time for one thread, wall clock for two); ratios come from runs made side by side in the same process.
 * Flags: {@link BenchOptions}.
 */
public final class Bench {
  static final double SIGMA = 0.1;
  static final int NEIGHBOURS = 20;
  static final int RANDOM_POINTS = 20;

  private Bench() {
  }

  public static void main(String[] args) {
    run(BenchOptions.parse(args));
  }

  /** Runs the benchmark with {@code options}, printing to standard output (the CLI's {@code bench} calls this). */
  public static void run(BenchOptions options) {
    run(options, System.out);
  }

  public static void run(BenchOptions options, PrintStream out) {
    SamplerConfig defaults = SamplerConfig.defaults(SIGMA);
    out.printf(Locale.ROOT, "# cfdm-spark bench%n%nJava %s, %d cores, kernel %s, %d reps (median), seed %d.%n"
        + "Samples/s assume the default M = %d draws and %d Euler steps per sample (S = %d, T = %s).%n",
        System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(), DotProductKernel.best(),
        options.reps(), options.seed(), defaults.draws(), evaluationsPerSample(defaults) / defaults.draws(),
        defaults.steps(), defaults.startTime());
    // FmaCeiling touches the Vector API: only with its module loaded.
    boolean vectorModule = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
    double ceiling = vectorModule ? FmaCeiling.perThreadGflops(options.reps()) : Double.NaN;
    if (options.sections().contains("kernel")) {
      KernelBench.print(options, out, ceiling);
    }
    if (options.sections().contains("estimators")) {
      new EstimatorBench(options, out, ceiling).print();
    }
    if (options.sections().contains("threads")) {
      ThreadBench.print(options, out, vectorModule);
    }
  }

  /** Posterior-mean evaluations per sample: M draws at each of the S − n0 Euler steps. */
  static int evaluationsPerSample(SamplerConfig config) {
    return config.draws() * (config.steps() - config.timeGrid().firstStep());
  }
}
