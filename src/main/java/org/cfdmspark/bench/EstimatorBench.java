package org.cfdmspark.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.cfdmspark.engine.EstimatorKind;
import org.cfdmspark.engine.ExactPosteriorMean;
import org.cfdmspark.engine.IndexKind;
import org.cfdmspark.engine.NearestNeighbourPosteriorMean;
import org.cfdmspark.engine.NeighbourSearch;
import org.cfdmspark.engine.PosteriorMean;
import org.cfdmspark.engine.SamplerConfig;
import org.cfdmspark.engine.TrainingSet;
import org.cfdmspark.knn.BruteForceIndex;
import org.cfdmspark.knn.DotProductKernel;
import org.cfdmspark.knn.IvfTuning;
import org.cfdmspark.knn.RowMatrix;


/**
 * Bench section 2: posterior means per second of the exact, nn (exact search) and nn + IVF estimators over the
 * N × d grid at t = {@link #TIME}, the exact estimator against a ceiling that counts its exponentials, and the
 * IVF's cells, probes, build time, recall@K and error against exact. Grid points over the memory budget are
 * skipped and listed.
 */
final class EstimatorBench {
  private static final double TIME = 0.9;
  private static final int NEIGHBOURS = Bench.NEIGHBOURS;
  private static final int RANDOM_POINTS = Bench.RANDOM_POINTS;
  private static final double SIGMA = Bench.SIGMA;

  private final BenchOptions options;
  private final PrintStream out;
  private final double ceilingPerThread;

  EstimatorBench(BenchOptions options, PrintStream out, double ceilingPerThread) {
    this.options = options;
    this.out = out;
    this.ceilingPerThread = ceilingPerThread;
  }

  void print() {
    SamplerConfig defaults = SamplerConfig.defaults(SIGMA);
    int perSample = Bench.evaluationsPerSample(defaults);
    double expSeconds = exponentialSeconds();
    out.printf(Locale.ROOT, "%n## Estimators at t = %s: %d queries per call (a block of %d trajectories × M = %d "
        + "draws, σ = %s), K = %d, L = %d, 1 thread%n%n", TIME, options.queries(),
        options.queries() / defaults.draws(), defaults.draws(), SIGMA, NEIGHBOURS, RANDOM_POINTS);
    out.printf(Locale.ROOT, "Data: mixture of %d Gaussians in R^d, means ~ N(0, I), spread %s. Exact-estimator "
        + "ceiling = its dot products and weighted row sums at the FMA ceiling plus its exponentials at %s ns "
        + "each (Math.exp, measured).%n%n", options.components(), options.spread(),
        Format.number(expSeconds * 1e9));
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
        row(n, d, perSample, expSeconds, speed, quality);
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

  private void row(int n, int d, int perSample, double expSeconds, StringBuilder speed,
      StringBuilder quality) {
    TrainingSet training = new TrainingSet(GaussianMixture.sample(n, d, options));
    int count = options.queries();
    Random random = new Random(options.seed() + n + d);
    SamplerConfig defaults = SamplerConfig.defaults(SIGMA);
    FlowSteps steps = new FlowSteps(training.points(), count, defaults.draws(), SIGMA, random);
    double[] queries = steps.first();
    long[] keys = random.longs(count).toArray();
    SamplerConfig nnConfig = defaults.withEstimator(EstimatorKind.NN, NEIGHBOURS, RANDOM_POINTS)
        .withSeed(options.seed());

    ExactPosteriorMean exact = new ExactPosteriorMean(training, DotProductKernel.best());
    double[] exactOut = new double[count * d];
    exact.estimate(queries, count, TIME, keys, exactOut);
    double expsPerQuery = (double) exact.exponentials() / count;
    double exactSeconds = Timing.medianSeconds(options.reps(), () -> exact.estimate(steps.next(), count, TIME, keys,
        exactOut));
    double ceilingSeconds = count * ((2.0 * n * d + 2.0 * d * expsPerQuery) / (ceilingPerThread * 1e9)
        + expsPerQuery * expSeconds);

    PosteriorMean bruteNn = new NearestNeighbourPosteriorMean(training,
        new BruteForceIndex(training.points(), DotProductKernel.best()), NEIGHBOURS, RANDOM_POINTS);
    double[] bruteOut = new double[count * d];
    double bruteSeconds = Timing.medianSeconds(options.reps(), () -> bruteNn.estimate(steps.next(), count, TIME, keys,
        bruteOut));

    SamplerConfig ivfConfig = nnConfig.withIndex(IndexKind.IVF, 0, 0);
    long buildStart = System.nanoTime();
    NeighbourSearch search = NeighbourSearch.prepare(training, ivfConfig);
    double buildSeconds = (System.nanoTime() - buildStart) * 1e-9;
    PosteriorMean ivfNn = new NearestNeighbourPosteriorMean(training,
        search.newIndex(training, DotProductKernel.best()), NEIGHBOURS, RANDOM_POINTS);
    double[] ivfOut = new double[count * d];
    double ivfSeconds = Timing.medianSeconds(options.reps(), () -> ivfNn.estimate(steps.next(), count, TIME, keys,
        ivfOut));
    exact.estimate(queries, count, TIME, keys, exactOut);
    bruteNn.estimate(queries, count, TIME, keys, bruteOut);
    ivfNn.estimate(queries, count, TIME, keys, ivfOut);

    double rms = Math.sqrt(Arrays.stream(training.points().squaredNorms()).average().orElse(0));
    speed.append(String.format(Locale.ROOT, "| %d | %d | %s | %s | %s | %s | %s | %s× | %s | %s |%n", n, d,
        Format.number(count / exactSeconds), Format.number(expsPerQuery / n),
        Format.percent(ceilingSeconds / exactSeconds), Format.number(count / bruteSeconds),
        Format.number(count / ivfSeconds), Format.number(exactSeconds / ivfSeconds),
        Format.number(count / exactSeconds / perSample), Format.number(count / ivfSeconds / perSample)));
    quality.append(String.format(Locale.ROOT, "| %d | %d | %d | %d | %s | %s | %s | %s |%n", n, d,
        search.cells().cells(), search.probes(), Format.number(buildSeconds),
        Format.number(recall(training, search, queries)), Format.number(meanError(bruteOut, exactOut, count, d, rms)),
        Format.number(meanError(ivfOut, exactOut, count, d, rms))));
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

  /**
   * Blocks of queries as the sampler makes them, call after call: {@code count / draws} trajectories at points
   * z = t·x_i + (1−t)·ξ of the noised mixture at {@link #TIME} (random rows x_i), each perturbed {@code draws}
   * times by the same σ·ε at every step (the trajectory noise policy); each call's z closes a tenth of its gap to
   * t·x_i (a flow step near t = 0.9 moves about that far), and after {@link #STEPS} calls a new block starts
   * where the first did. So the warm-started IVF search sees what it sees in sampling — small moves within a block,
   * a cold start at each new one — rather than the same queries again (distance 0: its bounds at their tightest).
   */
  private static final class FlowSteps {
    private static final int STEPS = 20;
    private static final double PULL = 0.1;
    private final double[][] steps = new double[STEPS][];
    private int call;

    FlowSteps(RowMatrix x, int count, int draws, double sigma, Random random) {
      int d = x.dimension();
      double[] start = new double[count * d];
      double[] target = new double[count * d];
      double[] z = new double[d];
      double[] end = new double[d];
      for (int i = 0; i < count; i++) {
        if (i % draws == 0) {
          int row = random.nextInt(x.rows());
          for (int j = 0; j < d; j++) {
            end[j] = TIME * x.get(row, j);
            z[j] = end[j] + (1 - TIME) * random.nextGaussian();
          }
        }
        for (int j = 0; j < d; j++) {
          double noise = sigma * random.nextGaussian();
          start[i * d + j] = z[j] + noise;
          target[i * d + j] = end[j] + noise;
        }
      }
      for (int s = 0; s < STEPS; s++) {
        double left = Math.pow(1 - PULL, s);
        steps[s] = new double[count * d];
        for (int v = 0; v < steps[s].length; v++) {
          steps[s][v] = target[v] + left * (start[v] - target[v]);
        }
      }
    }

    /** The first block's first queries: the ones recall and error are measured on. */
    double[] first() {
      return steps[0];
    }

    double[] next() {
      return steps[call++ % STEPS];
    }
  }
}
