package org.cfdmspark.engine;


/**
 * A multilayer perceptron denoiser x̂_θ(z, t) in the posterior-mean parametrisation of method.md §9 (the score
 * network of Han, Razaviyayn, Xu, arXiv 2401.15604, §2, with our time convention), preconditioned as in Karras
 * et al., "Elucidating the Design Space of Diffusion-Based Generative Models", NeurIPS 2022, §5 (data standard
 * deviation 1, the encoding's):
 * <pre>
 *   r(t) = √(t² + (1−t)²)                      (the standard deviation of z for standardised data)
 *   u    = [z / r(t); e(t)],  e(t) = (sin(πkt), cos(πkt))_{k = 1..K}, K = {@value #TIME_FREQUENCIES}
 *   h_1  = silu(W_1·u + b_1),  h_l = silu(W_l·h_{l−1} + b_l)  for l = 2..L   (L hidden layers of width H)
 *   F    = W_o·h_L + b_o
 *   x̂    = a(t)·z + c(t)·F,   a(t) = t / r(t)²,   c(t) = (1−t) / r(t)
 * </pre>
 * silu(v) = v·sigmoid(v) (smooth, the usual choice in diffusion networks). a(t)·z is the exact posterior mean
 * of standardised Gaussian data and c(t) the standard deviation of its error, so F has a target of unit scale
 * at every t and the network learns how the data depart from N(0, I). Training minimises the DSM loss weighted
 * by 1/c(t)², ‖x̂ − x‖²/c(t)² = ‖F − (x − a(t)·z)/c(t)‖² (Karras et al.'s weighting; per time it has the same
 * minimiser, the posterior mean): unweighted, the loss is dominated by the early, noisy times, and the late times
 * where samples take their final shape are fitted poorly. Initialisation: weights N(0, 1/fan-in) from the
 * streams {@code (seed, layer, −1, NETWORK_INIT)}, the output layer's scaled by 0.1, biases 0.
 *
 * <p>Parameters live in one flat array (layer by layer: W row-major, out × in, then b). Evaluation is
 * thread-safe given one {@link Scratch} per thread; training mutates {@link #parameters()}.
 */
public final class ScoreNetwork implements TrainedModel {
  private static final long serialVersionUID = 1L;
  public static final int TIME_FREQUENCIES = 8;

  private final int d;
  private final int width;
  private final int depth;
  private final int[] inputs;
  private final int[] outputs;
  private final int[] weightOffsets;
  private final int[] biasOffsets;
  private final double[] parameters;

  /**
   * @param d the data dimension
   * @param width H, neurons per hidden layer
   * @param depth L, hidden layers (at least 1)
   */
  public ScoreNetwork(int d, int width, int depth, long seed) {
    if (d < 1 || width < 1 || depth < 1) {
      throw new IllegalArgumentException("need d, width and depth >= 1, got " + d + ", " + width + ", " + depth);
    }
    this.d = d;
    this.width = width;
    this.depth = depth;
    inputs = new int[depth + 1];
    outputs = new int[depth + 1];
    weightOffsets = new int[depth + 1];
    biasOffsets = new int[depth + 1];
    int offset = 0;
    for (int l = 0; l <= depth; l++) {
      inputs[l] = l == 0 ? d + 2 * TIME_FREQUENCIES : width;
      outputs[l] = l == depth ? d : width;
      weightOffsets[l] = offset;
      offset += inputs[l] * outputs[l];
      biasOffsets[l] = offset;
      offset += outputs[l];
    }
    parameters = new double[offset];
    RandomStream random = new RandomStream();
    for (int l = 0; l <= depth; l++) {
      random.reset(RandomStream.key(seed, l, -1, RandomStream.Purpose.NETWORK_INIT));
      double scale = (l == depth ? 0.1 : 1) / Math.sqrt(inputs[l]);
      for (int i = 0; i < inputs[l] * outputs[l]; i++) {
        parameters[weightOffsets[l] + i] = scale * random.nextGaussian();
      }
    }
  }

  private ScoreNetwork(ScoreNetwork source) {
    d = source.d;
    width = source.width;
    depth = source.depth;
    inputs = source.inputs;
    outputs = source.outputs;
    weightOffsets = source.weightOffsets;
    biasOffsets = source.biasOffsets;
    parameters = source.parameters.clone();
  }

  @Override
  public PosteriorMean posteriorMean(TrainingSet training) {
    return new ScoreNetworkPosteriorMean(training, this);
  }

  /** A copy with its own parameters. */
  public ScoreNetwork copy() {
    return new ScoreNetwork(this);
  }

  public int dimension() {
    return d;
  }

  public int width() {
    return width;
  }

  public int depth() {
    return depth;
  }

  /** θ, live: training updates it in place. */
  public double[] parameters() {
    return parameters;
  }

  /** r(t)² = t² + (1−t)², the variance of z per coordinate for standardised data. */
  private static double variance(double t) {
    return t * t + (1 - t) * (1 - t);
  }

  /** a(t) = t / r(t)², the posterior mean's slope for N(0, I) data. */
  static double skip(double t) {
    return t / variance(t);
  }

  /** c(t) = (1−t) / r(t), the scale of the network's output in x̂. */
  static double outputScale(double t) {
    return (1 - t) / Math.sqrt(variance(t));
  }

  /** Per-thread buffers for one sample's activations. */
  public Scratch newScratch() {
    return new Scratch();
  }

  /** Writes x̂_θ(z, t) for z = points[offset .. + d) to out[outOffset .. + d). */
  public void estimate(double[] points, int offset, double t, double[] out, int outOffset, Scratch scratch) {
    forward(points, offset, t, scratch);
    double a = skip(t);
    double c = outputScale(t);
    for (int j = 0; j < d; j++) {
      out[outOffset + j] = a * points[offset + j] + c * scratch.output[j];
    }
  }

  /**
   * The mean weighted DSM loss (1/B)·Σ_b ‖x̂_θ(z_b, t_b) − x_b‖² / c(t_b)² of a batch of B = {@code count}
   * samples (z and x row-major, d each), with its gradient in θ added to {@code gradient} (same layout as the
   * parameters).
   */
  public double lossAndGradient(double[] z, double[] times, double[] x, int count, double[] gradient,
      Scratch scratch) {
    double loss = 0;
    double[] residual = scratch.residual;
    for (int b = 0; b < count; b++) {
      forward(z, b * d, times[b], scratch);
      double a = skip(times[b]);
      double c = outputScale(times[b]);
      for (int j = 0; j < d; j++) {
        double error = (a * z[b * d + j] - x[b * d + j]) / c + scratch.output[j];
        loss += error * error;
        residual[j] = 2 * error / count;
      }
      backward(residual, gradient, scratch);
    }
    return loss / count;
  }

  private void forward(double[] points, int offset, double t, Scratch s) {
    double[] input = s.activations[0];
    double inputScale = 1 / Math.sqrt(variance(t));
    for (int j = 0; j < d; j++) {
      input[j] = inputScale * points[offset + j];
    }
    for (int k = 1; k <= TIME_FREQUENCIES; k++) {
      input[d + 2 * (k - 1)] = Math.sin(Math.PI * k * t);
      input[d + 2 * (k - 1) + 1] = Math.cos(Math.PI * k * t);
    }
    for (int l = 0; l <= depth; l++) {
      double[] in = s.activations[l];
      double[] pre = l == depth ? s.output : s.preActivations[l];
      affine(l, in, pre);
      if (l < depth) {
        double[] out = s.activations[l + 1];
        for (int i = 0; i < width; i++) {
          out[i] = pre[i] / (1 + Math.exp(-pre[i]));
        }
      }
    }
  }

  private void affine(int l, double[] in, double[] out) {
    int n = inputs[l];
    int w = weightOffsets[l];
    int b = biasOffsets[l];
    for (int o = 0; o < outputs[l]; o++) {
      double sum = parameters[b + o];
      int row = w + o * n;
      for (int i = 0; i < n; i++) {
        sum += parameters[row + i] * in[i];
      }
      out[o] = sum;
    }
  }

  /** Backpropagates ∂loss/∂output = {@code delta} through the layers of the last forward pass. */
  private void backward(double[] delta, double[] gradient, Scratch s) {
    double[] upstream = delta;
    for (int l = depth; l >= 0; l--) {
      int n = inputs[l];
      int w = weightOffsets[l];
      int b = biasOffsets[l];
      double[] in = s.activations[l];
      for (int o = 0; o < outputs[l]; o++) {
        double g = upstream[o];
        gradient[b + o] += g;
        int row = w + o * n;
        for (int i = 0; i < n; i++) {
          gradient[row + i] += g * in[i];
        }
      }
      if (l == 0) {
        break;
      }
      // ∂loss/∂pre-activation of layer l − 1 = (Wᵀ·upstream) ⊙ silu'(pre).
      double[] down = s.deltas[l - 1];
      java.util.Arrays.fill(down, 0);
      for (int o = 0; o < outputs[l]; o++) {
        double g = upstream[o];
        int row = w + o * n;
        for (int i = 0; i < n; i++) {
          down[i] += parameters[row + i] * g;
        }
      }
      double[] pre = s.preActivations[l - 1];
      for (int i = 0; i < width; i++) {
        double sigmoid = 1 / (1 + Math.exp(-pre[i]));
        down[i] *= sigmoid * (1 + pre[i] * (1 - sigmoid));
      }
      upstream = down;
    }
  }

  /** One thread's activation buffers. */
  public final class Scratch {
    private final double[][] activations = new double[depth + 1][];
    private final double[][] preActivations = new double[depth][];
    private final double[][] deltas = new double[depth][];
    private final double[] output = new double[d];
    private final double[] residual = new double[d];

    private Scratch() {
      activations[0] = new double[inputs[0]];
      for (int l = 0; l < depth; l++) {
        activations[l + 1] = new double[width];
        preActivations[l] = new double[width];
        deltas[l] = new double[width];
      }
    }
  }
}
