package org.cfdmspark.bench;

import java.io.PrintStream;
import java.util.Locale;
import org.cfdmspark.engine.EstimatorKind;
import org.cfdmspark.engine.ParallelSampler;
import org.cfdmspark.engine.SamplerConfig;
import org.cfdmspark.engine.TrainingSet;


/**
 * Bench section 3: samples/s of {@link ParallelSampler} on 1 and 2 threads, on the wall clock, under the FMA
 * ceiling's own 1 → 2 thread scaling measured at the same moment (the machine is shared: the second core is
 * not always free).
 */
final class ThreadBench {
  private static final int SAMPLES = 128;

  private ThreadBench() {
  }

  static void print(BenchOptions options, PrintStream out, boolean vectorModule) {
    int n = options.rows()[0];
    int d = options.dims()[Math.min(1, options.dims().length - 1)];
    TrainingSet training = new TrainingSet(GaussianMixture.sample(n, d, options));
    out.printf(Locale.ROOT, "%n## Threads: samples/s of ParallelSampler, N = %d, d = %d, %d samples, default "
        + "S, T, M, σ = %s; wall clock%n%n| estimator | 1 thread | 2 threads | speed-up |%n|---|---|---|---|%n", n, d,
        SAMPLES, Bench.SIGMA);
    if (vectorModule) {
      double one = FmaCeiling.aggregateGflops(1, options.reps());
      double two = FmaCeiling.aggregateGflops(2, options.reps());
      out.printf(Locale.ROOT, "| FMA ceiling, GFLOP/s (what the machine gives now) | %s | %s | %s× |%n",
          Format.number(one), Format.number(two), Format.number(two / one));
    }
    SamplerConfig defaults = SamplerConfig.defaults(Bench.SIGMA).withSeed(options.seed());
    SamplerConfig exact = defaults.withEstimator(EstimatorKind.EXACT, Bench.NEIGHBOURS, Bench.RANDOM_POINTS);
    SamplerConfig nn = defaults.withEstimator(EstimatorKind.NN, Bench.NEIGHBOURS, Bench.RANDOM_POINTS);
    for (SamplerConfig config : new SamplerConfig[] {exact, nn}) {
      double one = SAMPLES / Timing.medianWallSeconds(options.reps(),
          () -> ParallelSampler.sample(training, config, SAMPLES, 1));
      double two = SAMPLES / Timing.medianWallSeconds(options.reps(),
          () -> ParallelSampler.sample(training, config, SAMPLES, 2));
      out.printf(Locale.ROOT, "| %s | %s | %s | %s× |%n", config.estimator().name().toLowerCase(Locale.ROOT),
          Format.number(one), Format.number(two), Format.number(two / one));
    }
  }
}
