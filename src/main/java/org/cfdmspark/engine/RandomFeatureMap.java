package org.cfdmspark.engine;

import java.io.Serializable;

/**
 * The frozen first layer of the random-feature score model (George, Veiga, Macris, AISTATS 2026, arXiv
 * 2502.00336, §2): φ(z) = ϱ(W·[z; 1] / √(d+1)) / √p, a point z in R^d mapped to p features, with
 * <ul>
 *   <li>W a p × (d+1) matrix of i.i.d. N(0, 1) entries. Row k is the stream {@code (seed, k, −1,
 *       FEATURE_WEIGHTS)}, so W is a pure function of (seed, p, d): it is regenerated wherever it is needed
 *       (driver, every executor) and never stored or broadcast;</li>
 *   <li>[z; 1] the point with a constant 1 appended (project choice): the last column of W is a random bias, so
 *       the read-out can fit data whose mean is not 0 (with ϱ odd and no bias, x̂ would be an odd function of z);</li>
 *   <li>ϱ = tanh (project choice, as in the paper's experiments): bounded features keep x̂ bounded along the
 *       flow, where a ReLU read-out would extrapolate linearly;</li>
 *   <li>the 1/√(d+1) keeps the pre-activations of order 1 for standardised z; the 1/√p keeps the kernel
 *       φ(z)·φ(z') of order 1 whatever p, so the ridge λ means the same at every p.</li>
 * </ul>
 * Immutable and thread-safe once W is built (the first call builds it).
 */
public final class RandomFeatureMap implements Serializable {
  private static final long serialVersionUID = 1L;

  private final long seed;
  private final int features;
  private final int dimension;
  private transient volatile double[] weights;

  /**
   * @param seed the run seed
   * @param features p, at least 1
   * @param dimension d, the width of the encoded rows, at least 1
   */
  public RandomFeatureMap(long seed, int features, int dimension) {
    if (features < 1 || dimension < 1) {
      throw new IllegalArgumentException("need p >= 1 features of d >= 1 inputs, got p = " + features + ", d = "
          + dimension);
    }
    this.seed = seed;
    this.features = features;
    this.dimension = dimension;
  }

  public int features() {
    return features;
  }

  public int dimension() {
    return dimension;
  }

  /** W[k][j] for j < d, the bias column for j = d. */
  public double weight(int k, int j) {
    return weights()[k * (dimension + 1) + j];
  }

  /** Writes φ(z) for z = points[offset .. offset + d) to out[outOffset .. outOffset + p). */
  public void apply(double[] points, int offset, double[] out, int outOffset) {
    double[] w = weights();
    int width = dimension + 1;
    double inputScale = 1 / Math.sqrt(width);
    double outputScale = 1 / Math.sqrt(features);
    for (int k = 0; k < features; k++) {
      int row = k * width;
      double sum = w[row + dimension];
      for (int j = 0; j < dimension; j++) {
        sum += w[row + j] * points[offset + j];
      }
      out[outOffset + k] = Math.tanh(sum * inputScale) * outputScale;
    }
  }

  private double[] weights() {
    double[] w = weights;
    if (w == null) {
      synchronized (this) {
        w = weights;
        if (w == null) {
          w = new double[features * (dimension + 1)];
          RandomStream random = new RandomStream();
          for (int k = 0; k < features; k++) {
            random.reset(RandomStream.key(seed, k, -1, RandomStream.Purpose.FEATURE_WEIGHTS));
            random.nextGaussians(w, k * (dimension + 1), dimension + 1);
          }
          weights = w;
        }
      }
    }
    return w;
  }
}
