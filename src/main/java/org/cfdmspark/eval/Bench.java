package org.cfdmspark.eval;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.cfdmspark.core.EstimatorKind;
import org.cfdmspark.core.ExactPosteriorMean;
import org.cfdmspark.core.IndexKind;
import org.cfdmspark.core.NearestNeighbourPosteriorMean;
import org.cfdmspark.core.NeighbourSearch;
import org.cfdmspark.core.ParallelSampler;
import org.cfdmspark.core.PosteriorMean;
import org.cfdmspark.core.SamplerConfig;
import org.cfdmspark.core.TrainingSet;
import org.cfdmspark.knn.BruteForceIndex;
import org.cfdmspark.knn.DotProductKernel;
import org.cfdmspark.knn.IvfTuning;
import org.cfdmspark.knn.RowMatrix;
import org.cfdmspark.knn.ScalarDotProductKernel;

/**
 * The sampling engine's benchmark, printed as Markdown tables: (1) the dot-product kernel's GFLOP/s next to
 * the measured per-thread FMA ceiling, with the scalar loop and BLAS dgemm beside it; (2) posterior-mean
 * throughput of the exact, nn (exact search) and nn + IVF estimators over a grid of N and d, with the IVF's
 * recall@K and error against exact; (3) samples/s on 1 and 2 threads. Every figure is the median of
 * {@code --reps} timed runs after a warm-up ({@link Timing}: CPU time for one thread, wall clock for two);
 * ratios come from runs made side by side in the same process.
 */
public final class Bench {
  private static final int KERNEL_ROWS = 4096;
  private static final int ROW_BLOCK = 256;
  private static final double TIME = 0.9;
  private static final double SIGMA = 0.1;
  private static final int NEIGHBOURS = 20;
  private static final int RANDOM_POINTS = 20;
  private static final long CEILING_ITERATIONS = 10_000_000L;

  private final BenchOptions options;
  private final PrintStream out;
  private final boolean vectorModule = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
  private double ceilingPerThread = Double.NaN;

  private Bench(BenchOptions options, PrintStream out) {
    this.options = options;
    this.out = out;
  }

  public static void main(String[] args) {
    run(BenchOptions.parse(args));
  }

  /** Runs the benchmark with {@code options}, printing to standard output (the CLI's {@code bench} calls this). */
  public static void run(BenchOptions options) {
    new Bench(options, System.out).all();
  }

  private void all() {
    SamplerConfig defaults = SamplerConfig.defaults(SIGMA);
    out.printf(Locale.ROOT, "# cfdm-spark bench%n%nJava %s, %d cores, kernel %s, %d reps (median), seed %d.%n"
        + "Samples/s assume the default M = %d draws and %d Euler steps per sample (S = %d, T = %s).%n",
        System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(), DotProductKernel.best(),
        options.reps(), options.seed(), defaults.draws(), evaluationsPerSample(defaults) / defaults.draws(),
        defaults.steps(), defaults.startTime());
    if (vectorModule) {
      ceilingPerThread = ceilingGflops();
    }
    if (options.sections().contains("kernel")) {
      kernel();
    }
    if (options.sections().contains("estimators")) {
      estimators();
    }
    if (options.sections().contains("threads")) {
      threads();
    }
  }

  private static int evaluationsPerSample(SamplerConfig config) {
    return config.draws() * (config.steps() - config.timeGrid().firstStep());
  }

  // ---- (1) kernel ----------------------------------------------------------------------------------------

  private void kernel() {
    out.printf(Locale.ROOT, "%n## Kernel: a block of queries × %d training rows, double accumulation, 1 thread%n%n",
        KERNEL_ROWS);
    out.printf(Locale.ROOT, "FMA ceiling (register-resident double vector FMAs): %s GFLOP/s per thread (CPU time)."
        + "%n%n", format(ceilingPerThread));
    out.println("| d | queries | scalar GFLOP/s | BLAS dgemm GFLOP/s | kernel GFLOP/s | kernel / ceiling |");
    out.println("|---|---|---|---|---|---|");
    BlasGemm blas = blasOrNull();
    for (int d : options.dims()) {
      RowMatrix matrix = mixture(KERNEL_ROWS, d);
      double[] rowsAsDouble = new double[KERNEL_ROWS * d];
      for (int i = 0; i < rowsAsDouble.length; i++) {
        rowsAsDouble[i] = matrix.values()[i];
      }
      for (int queryCount : new int[] {64, 256}) {
        double[] queries = randomQueries(queryCount, d, new Random(options.seed()));
        double[] dots = new double[queryCount * ROW_BLOCK];
        double flops = 2.0 * queryCount * KERNEL_ROWS * d;
        double scalar = flops / kernelSeconds(ScalarDotProductKernel.INSTANCE, queries, queryCount, matrix, dots);
        double best = flops / kernelSeconds(DotProductKernel.best(), queries, queryCount, matrix, dots);
        double gemm = blas == null ? Double.NaN : flops / Timing.medianSeconds(options.reps(), () -> {
          for (int first = 0; first < KERNEL_ROWS; first += ROW_BLOCK) {
            blas.dots(queries, queryCount, rowsAsDouble, first, ROW_BLOCK, d, dots);
          }
        });
        out.printf(Locale.ROOT, "| %d | %d | %s | %s | %s | %s |%n", d, queryCount, format(scalar * 1e-9),
            format(gemm * 1e-9), format(best * 1e-9), percent(best * 1e-9 / ceilingPerThread));
      }
    }
    out.println(blas == null ? "\nBLAS: netlib not on the classpath." : "\nBLAS implementation: "
        + blas.implementation() + " (rows given to it already in double; the kernel converts from float).");
  }

  private double kernelSeconds(DotProductKernel kernel, double[] queries, int queryCount, RowMatrix matrix,
      double[] dots) {
    return Timing.medianSeconds(options.reps(), () -> {
      for (int first = 0; first < matrix.rows(); first += ROW_BLOCK) {
        kernel.dots(queries, 0, queryCount, matrix, first, ROW_BLOCK, dots);
      }
    });
  }

  private static BlasGemm blasOrNull() {
    try {
      return new BlasGemm();
    } catch (NoClassDefFoundError e) {
      return null;
    }
  }

  /** GFLOP/s of the FMA loop on this thread, in CPU time: the reference the kernel is read against. */
  private double ceilingGflops() {
    warmUpCeiling();
    double[] sink = new double[1];
    return FmaCeiling.flops(CEILING_ITERATIONS) / Timing.medianSeconds(options.reps(),
        () -> sink[0] += FmaCeiling.run(CEILING_ITERATIONS)) * 1e-9;
  }

  /**
   * Aggregate GFLOP/s of the FMA loop run on {@code threads} threads at once, on the wall clock: what the
   * machine gives that many threads at this moment (other processes included), next to the sampler's scaling.
   */
  private double ceilingGflops(int threads) {
    warmUpCeiling();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      double seconds = Timing.medianWallSeconds(options.reps(), () -> {
        List<Future<Double>> parts = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
          parts.add(pool.submit(() -> FmaCeiling.run(CEILING_ITERATIONS)));
        }
        for (Future<Double> part : parts) {
          join(part);
        }
      });
      return threads * FmaCeiling.flops(CEILING_ITERATIONS) / seconds * 1e-9;
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * Many tiny calls, so C2 compiles FmaCeiling.run as a whole method: a long first call gets an on-stack-
   * replacement compile instead, which boxes the vectors carried round the loop (measured 25x slower).
   */
  private static void warmUpCeiling() {
    double sink = 0;
    for (int i = 0; i < 20_000; i++) {
      sink += FmaCeiling.run(100);
    }
    if (sink == 0) {
      throw new AssertionError("unreachable: keeps the warm-up from being optimised away");
    }
  }

  // ---- (2) estimators ------------------------------------------------------------------------------------

  private void estimators() {
    SamplerConfig defaults = SamplerConfig.defaults(SIGMA);
    int perSample = evaluationsPerSample(defaults);
    double expSeconds = exponentialSeconds();
    out.printf(Locale.ROOT, "%n## Estimators at t = %s: %d queries per call (a block of %d trajectories × M = %d "
        + "draws, σ = %s), K = %d, L = %d, 1 thread%n%n", TIME, options.queries(),
        options.queries() / defaults.draws(), defaults.draws(), SIGMA, NEIGHBOURS, RANDOM_POINTS);
    out.printf(Locale.ROOT, "Data: mixture of %d Gaussians in R^d, means ~ N(0, I), spread %s. Exact-estimator "
        + "ceiling = its dot products and weighted row sums at the FMA ceiling plus its exponentials at %s ns "
        + "each (Math.exp, measured).%n%n", options.components(), options.spread(),
        format(expSeconds * 1e9));
    StringBuilder speed = new StringBuilder("| N | d | exact q/s | exps per query·row | exact / ceiling "
        + "| nn (exact search) q/s | nn + IVF q/s | IVF / exact | samples/s exact | samples/s nn + IVF |\n"
        + "|---|---|---|---|---|---|---|---|---|---|\n");
    StringBuilder quality = new StringBuilder("| N | d | nlist | nprobe (auto) | IVF build s | recall@" + NEIGHBOURS
        + " | error nn (exact search) | error nn + IVF |\n|---|---|---|---|---|---|---|---|\n");
    List<String> skipped = new ArrayList<>();
    for (int n : options.rows()) {
      for (int d : options.dims()) {
        double megabytes = 2.0 * n * d * Float.BYTES / 1e6; // the rows, and the IVF's cell-ordered copy
        if (megabytes > options.memoryMb()) {
          skipped.add(String.format(Locale.ROOT, "N = %d, d = %d (needs about %.0f MB > --memory-mb %d)", n, d,
              megabytes, options.memoryMb()));
          continue;
        }
        estimatorRow(n, d, perSample, expSeconds, speed, quality);
      }
    }
    out.print(speed);
    out.println();
    out.print(quality);
    out.printf(Locale.ROOT, "%nError = mean over the queries of ‖x̂_est − x̂_exact‖ / RMS‖x‖. Recall measured on "
        + "the same queries (q/t) against exact search.%n");
    if (!skipped.isEmpty()) {
      out.println("Skipped over the memory budget: " + String.join("; ", skipped) + ".");
    }
  }

  private void estimatorRow(int n, int d, int perSample, double expSeconds, StringBuilder speed,
      StringBuilder quality) {
    TrainingSet training = new TrainingSet(mixture(n, d));
    int count = options.queries();
    Random random = new Random(options.seed() + n + d);
    SamplerConfig defaults = SamplerConfig.defaults(SIGMA);
    double[] queries = smoothedQueries(training.points(), count, defaults.draws(), SIGMA, random);
    long[] keys = random.longs(count).toArray();
    SamplerConfig nnConfig = defaults.withEstimator(EstimatorKind.NN, NEIGHBOURS, RANDOM_POINTS)
        .withSeed(options.seed());

    ExactPosteriorMean exact = new ExactPosteriorMean(training, DotProductKernel.best());
    double[] exactOut = new double[count * d];
    exact.estimate(queries, count, TIME, keys, exactOut);
    double expsPerQuery = (double) exact.exponentials() / count;
    double exactSeconds = Timing.medianSeconds(options.reps(), () -> exact.estimate(queries, count, TIME, keys,
        exactOut));
    double ceilingSeconds = count * ((2.0 * n * d + 2.0 * d * expsPerQuery) / (ceilingPerThread * 1e9)
        + expsPerQuery * expSeconds);

    PosteriorMean bruteNn = new NearestNeighbourPosteriorMean(training,
        new BruteForceIndex(training.points(), DotProductKernel.best()), NEIGHBOURS, RANDOM_POINTS);
    double[] bruteOut = new double[count * d];
    double bruteSeconds = Timing.medianSeconds(options.reps(), () -> bruteNn.estimate(queries, count, TIME, keys,
        bruteOut));

    SamplerConfig ivfConfig = nnConfig.withIndex(IndexKind.IVF, 0, 0);
    long buildStart = System.nanoTime();
    NeighbourSearch search = NeighbourSearch.prepare(training, ivfConfig);
    double buildSeconds = (System.nanoTime() - buildStart) * 1e-9;
    PosteriorMean ivfNn = new NearestNeighbourPosteriorMean(training,
        search.newIndex(training, DotProductKernel.best()), NEIGHBOURS, RANDOM_POINTS);
    double[] ivfOut = new double[count * d];
    double ivfSeconds = Timing.medianSeconds(options.reps(), () -> ivfNn.estimate(queries, count, TIME, keys,
        ivfOut));

    double rms = Math.sqrt(java.util.Arrays.stream(training.points().squaredNorms()).average().orElse(0));
    speed.append(String.format(Locale.ROOT, "| %d | %d | %s | %s | %s | %s | %s | %s× | %s | %s |%n", n, d,
        format(count / exactSeconds), format(expsPerQuery / n), percent(ceilingSeconds / exactSeconds),
        format(count / bruteSeconds), format(count / ivfSeconds), format(exactSeconds / ivfSeconds),
        format(count / exactSeconds / perSample), format(count / ivfSeconds / perSample)));
    quality.append(String.format(Locale.ROOT, "| %d | %d | %d | %d | %s | %s | %s | %s |%n", n, d,
        search.cells().cells(), search.probes(), format(buildSeconds), format(recall(training, search, queries)),
        format(meanError(bruteOut, exactOut, count, d, rms)), format(meanError(ivfOut, exactOut, count, d, rms))));
    out.printf(Locale.ROOT, "(done N = %d, d = %d)%n", n, d);
  }

  private double recall(TrainingSet training, NeighbourSearch search, double[] queries) {
    int count = options.queries();
    double[] scaled = new double[queries.length];
    for (int i = 0; i < scaled.length; i++) {
      scaled[i] = queries[i] / TIME;
    }
    int[] exact = new int[count * NEIGHBOURS];
    int[] found = new int[count * NEIGHBOURS];
    new BruteForceIndex(training.points(), DotProductKernel.best()).nearest(scaled, 0, count, NEIGHBOURS, exact);
    search.newIndex(training, DotProductKernel.best()).nearest(scaled, 0, count, NEIGHBOURS, found);
    return IvfTuning.recall(found, exact, count, NEIGHBOURS);
  }

  private static double meanError(double[] estimate, double[] exact, int count, int d, double rms) {
    double total = 0;
    for (int q = 0; q < count; q++) {
      double sum = 0;
      for (int j = 0; j < d; j++) {
        double diff = estimate[q * d + j] - exact[q * d + j];
        sum += diff * diff;
      }
      total += Math.sqrt(sum) / rms;
    }
    return total / count;
  }

  /** CPU seconds per Math.exp on arguments in the range the softmax sees (−60, 0]. */
  private double exponentialSeconds() {
    int count = 10_000_000;
    double[] sink = new double[1];
    double seconds = Timing.medianSeconds(options.reps(), () -> {
      double sum = 0;
      for (int i = 0; i < count; i++) {
        sum += Math.exp(-60.0 * i / count);
      }
      sink[0] += sum;
    });
    return seconds / count;
  }

  // ---- (3) threads ---------------------------------------------------------------------------------------

  private void threads() {
    int n = options.rows()[0];
    int d = options.dims()[Math.min(1, options.dims().length - 1)];
    int count = 128;
    TrainingSet training = new TrainingSet(mixture(n, d));
    out.printf(Locale.ROOT, "%n## Threads: samples/s of ParallelSampler, N = %d, d = %d, %d samples, default "
        + "S, T, M, σ = 0.1; wall clock%n%n| estimator | 1 thread | 2 threads | speed-up |%n|---|---|---|---|%n", n, d,
        count);
    SamplerConfig exact = SamplerConfig.defaults(SIGMA).withSeed(options.seed());
    SamplerConfig nn = exact.withEstimator(EstimatorKind.NN, NEIGHBOURS, RANDOM_POINTS);
    if (vectorModule) {
      double one = ceilingGflops(1);
      double two = ceilingGflops(2);
      out.printf(Locale.ROOT, "| FMA ceiling, GFLOP/s (what the machine gives now) | %s | %s | %s× |%n",
          format(one), format(two), format(two / one));
    }
    for (SamplerConfig config : new SamplerConfig[] {exact, nn}) {
      double one = count / Timing.medianWallSeconds(options.reps(), () -> ParallelSampler.sample(training, config,
          count, 1));
      double two = count / Timing.medianWallSeconds(options.reps(), () -> ParallelSampler.sample(training, config,
          count, 2));
      out.printf(Locale.ROOT, "| %s | %s | %s | %s× |%n", config.estimator().name().toLowerCase(Locale.ROOT),
          format(one), format(two), format(two / one));
    }
  }

  // ---- helpers -------------------------------------------------------------------------------------------

  private RowMatrix mixture(int n, int d) {
    return GaussianMixture.sample(n, d, options.components(), options.spread(), options.seed());
  }

  private static double[] randomQueries(int count, int d, Random random) {
    double[] q = new double[count * d];
    for (int i = 0; i < q.length; i++) {
      q[i] = random.nextGaussian();
    }
    return q;
  }

  /**
   * A block of queries as the sampler makes them: {@code count / draws} trajectories at points of the noised
   * mixture at {@link #TIME} (t·x_i + (1−t)·ξ for random rows), each perturbed {@code draws} times by σ·ε.
   */
  private static double[] smoothedQueries(RowMatrix x, int count, int draws, double sigma, Random random) {
    int d = x.dimension();
    double[] q = new double[count * d];
    double[] z = new double[d];
    for (int i = 0; i < count; i++) {
      if (i % draws == 0) {
        int row = random.nextInt(x.rows());
        for (int j = 0; j < d; j++) {
          z[j] = TIME * x.get(row, j) + (1 - TIME) * random.nextGaussian();
        }
      }
      for (int j = 0; j < d; j++) {
        q[i * d + j] = z[j] + sigma * random.nextGaussian();
      }
    }
    return q;
  }

  private static void join(Future<?> future) {
    try {
      future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    }
  }

  private static String format(double value) {
    if (Double.isNaN(value)) {
      return "n/a";
    }
    double magnitude = Math.abs(value);
    if (magnitude >= 100) {
      return String.format(Locale.ROOT, "%,.0f", value);
    }
    return String.format(Locale.ROOT, magnitude >= 1 ? "%.2f" : "%.3g", value);
  }

  private static String percent(double share) {
    return Double.isNaN(share) ? "n/a" : String.format(Locale.ROOT, "%.0f %%", 100 * share);
  }
}
