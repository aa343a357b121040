package org.cfdmspark.engine;


/**
 * A fitted random-feature denoiser: x̂(z, t_n) = B_nᵀ·φ(z) for every time t_n = n/S of the Euler grid with
 * n ≥ max(n0, 1) (one ridge problem per grid time: the paper's single-time model at every time, project choice;
 * at t = 0 the posterior mean is the training mean and needs no fit). φ is the {@link RandomFeatureMap}, which
 * travels as its seed; the read-outs B_n are p × d, column-major. Serialized size: 8·p·d bytes per grid time.
 */
public final class RandomFeatureModel implements TrainedModel {
  private static final long serialVersionUID = 1L;

  private final RandomFeatureMap map;
  private final int steps;
  private final int firstFitted;
  private final double[][] readouts;

  /** @param readouts B_n for n = firstFitted … steps − 1, each p·d entries */
  public RandomFeatureModel(RandomFeatureMap map, int steps, int firstFitted, double[][] readouts) {
    int expected = map.features() * map.dimension();
    if (readouts.length != steps - firstFitted) {
      throw new IllegalArgumentException("expected " + (steps - firstFitted) + " read-outs, got " + readouts.length);
    }
    for (double[] readout : readouts) {
      if (readout.length != expected) {
        throw new IllegalArgumentException("a read-out has " + readout.length + " entries, expected " + expected);
      }
    }
    this.map = map;
    this.steps = steps;
    this.firstFitted = firstFitted;
    this.readouts = readouts;
  }

  @Override
  public PosteriorMean posteriorMean(TrainingSet training) {
    return new RandomFeaturePosteriorMean(training, this);
  }

  /** The first grid step with a read-out: max(n0, 1). */
  public static int firstFittedStep(TimeGrid grid) {
    return Math.max(grid.firstStep(), 1);
  }

  public RandomFeatureMap map() {
    return map;
  }

  /** S, the grid size the model was fitted on. */
  public int steps() {
    return steps;
  }

  /** The grid step of time t, which must be one of the fitted grid times. */
  public int stepOf(double t) {
    int step = (int) Math.round(t * steps);
    if (step < firstFitted || step >= steps || Math.abs((double) step / steps - t) > 1e-9) {
      throw new IllegalArgumentException("t = " + t + " is not a fitted time: the model has t = n/" + steps
          + " for n = " + firstFitted + " … " + (steps - 1));
    }
    return step;
  }

  /**
   * Writes x̂(z, t_step) for z = points[offset .. + d) to out[outOffset .. + d); {@code scratch} holds p values.
   */
  public void estimate(int step, double[] points, int offset, double[] scratch, double[] out, int outOffset) {
    map.apply(points, offset, scratch, 0);
    double[] readout = readouts[step - firstFitted];
    int p = map.features();
    for (int j = 0; j < map.dimension(); j++) {
      double sum = 0;
      for (int a = 0, column = j * p; a < p; a++) {
        sum += readout[column + a] * scratch[a];
      }
      out[outOffset + j] = sum;
    }
  }
}
