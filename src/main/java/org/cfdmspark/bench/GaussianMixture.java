package org.cfdmspark.bench;

import java.util.Random;
import org.cfdmspark.knn.RowMatrix;

/**
 * Benchmark data: a mixture of equally likely isotropic Gaussians in R^d with means drawn from N(0, I) and a
 * common within-component standard deviation (the spread), written straight into the float storage (no
 * double[][] detour: at N = 10⁶ that would be the memory limit). Seeded.
 */
final class GaussianMixture {
  private GaussianMixture() {
  }

  /** n rows in R^d shaped by the benchmark's --components, --spread and --seed. */
  static RowMatrix sample(int n, int d, BenchOptions options) {
    return sample(n, d, options.components(), options.spread(), options.seed());
  }

  static RowMatrix sample(int n, int d, int components, double spread, long seed) {
    Random random = new Random(seed);
    double[] means = new double[components * d];
    for (int i = 0; i < means.length; i++) {
      means[i] = random.nextGaussian();
    }
    float[] values = new float[Math.multiplyExact(n, d)];
    for (int i = 0; i < n; i++) {
      int component = random.nextInt(components);
      for (int j = 0; j < d; j++) {
        values[i * d + j] = (float) (means[component * d + j] + spread * random.nextGaussian());
      }
    }
    return RowMatrix.of(n, d, values);
  }
}
