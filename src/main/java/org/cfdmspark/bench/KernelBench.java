package org.cfdmspark.bench;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Random;
import org.cfdmspark.knn.DotProductKernel;
import org.cfdmspark.knn.RowMatrix;
import org.cfdmspark.knn.ScalarDotProductKernel;


/**
 * Bench section 1: GFLOP/s of the dot-product kernel on a block of queries against {@link #ROWS} training rows
 * streamed in 256-row blocks (as the estimators stream them), next to the scalar loop, netlib's dgemm and the
 * per-thread FMA ceiling.
 */
final class KernelBench {
  private static final int ROWS = 4096;
  private static final int ROW_BLOCK = 256;

  private KernelBench() {
  }

  static void print(BenchOptions options, PrintStream out, double ceiling) {
    out.printf(Locale.ROOT, "%n## Kernel: a block of queries × %d training rows, double accumulation, 1 thread%n%n",
        ROWS);
    out.printf(Locale.ROOT, "FMA ceiling (register-resident double vector FMAs): %s GFLOP/s per thread (CPU time)."
        + "%n%n", Format.number(ceiling));
    out.println("| d | queries | scalar GFLOP/s | BLAS dgemm GFLOP/s | kernel GFLOP/s | kernel / ceiling |");
    out.println("|---|---|---|---|---|---|");
    BlasGemm blas = blasOrNull();
    for (int d : options.dims()) {
      RowMatrix matrix = GaussianMixture.sample(ROWS, d, options);
      double[] rowsAsDouble = new double[ROWS * d];
      for (int i = 0; i < rowsAsDouble.length; i++) {
        rowsAsDouble[i] = matrix.values()[i];
      }
      for (int queryCount : new int[] {64, 256}) {
        double[] queries = new Random(options.seed()).doubles(queryCount * d).toArray();
        double[] dots = new double[queryCount * ROW_BLOCK];
        double gigaflops = 2e-9 * queryCount * ROWS * d;
        double scalar = gigaflops / seconds(options, ScalarDotProductKernel.INSTANCE, queries, queryCount, matrix,
            dots);
        double best = gigaflops / seconds(options, DotProductKernel.best(), queries, queryCount, matrix, dots);
        double gemm = blas == null ? Double.NaN : gigaflops / Timing.medianSeconds(options.reps(), () -> {
          for (int first = 0; first < ROWS; first += ROW_BLOCK) {
            blas.dots(queries, queryCount, rowsAsDouble, first, ROW_BLOCK, d, dots);
          }
        });
        out.printf(Locale.ROOT, "| %d | %d | %s | %s | %s | %s |%n", d, queryCount, Format.number(scalar),
            Format.number(gemm), Format.number(best), Format.percent(best / ceiling));
      }
    }
    out.println(blas == null ? "\nBLAS: netlib not on the classpath." : "\nBLAS implementation: "
        + blas.implementation() + " (rows given to it already in double; the kernel converts from float).");
  }

  private static double seconds(BenchOptions options, DotProductKernel kernel, double[] queries, int queryCount,
      RowMatrix matrix, double[] dots) {
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
}
