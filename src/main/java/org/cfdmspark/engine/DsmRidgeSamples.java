package org.cfdmspark.engine;

import java.io.Serializable;

/**
 * The training samples of the random-feature model at one grid time t = step/S: each training row x gives m
 * samples (φ(z), x) with z = t·x + (1 − t)·ε its noisy copies ({@link DsmNoise}). Serializable so that Spark can
 * ship it to the executors (W travels as its seed). Not thread-safe (scratch buffers): one per task.
 */
public final class DsmRidgeSamples implements Serializable {
  private static final long serialVersionUID = 1L;

  private final RandomFeatureMap map;
  private final int noiseDraws;
  private final int step;
  private final double t;
  private final long seed;
  private transient DsmNoise noise;
  private transient double[] z;
  private transient double[] features;

  public DsmRidgeSamples(RandomFeatureMap map, int noiseDraws, int step, double t, long seed) {
    this.map = map;
    this.noiseDraws = noiseDraws;
    this.step = step;
    this.t = t;
    this.seed = seed;
  }

  /** An empty accumulator of the right shape. */
  public RidgeNormalEquations emptyEquations() {
    return new RidgeNormalEquations(map.features(), map.dimension());
  }

  /** Adds the m samples of training row {@code row} (x = values, length d) to {@code equations}; returns it. */
  public RidgeNormalEquations addRow(RidgeNormalEquations equations, long row, double[] x) {
    int d = map.dimension();
    if (noise == null) {
      noise = new DsmNoise(seed);
      z = new double[d];
      features = new double[map.features()];
    }
    for (int draw = 0; draw < noiseDraws; draw++) {
      noise.noisyCopy(row, step, draw, t, x, 0, d, z, 0);
      map.apply(z, 0, features, 0);
      equations.add(features, 0, x, 0);
    }
    return equations;
  }
}
