package org.cfdmspark.engine;

import java.io.Serializable;

/**
 * The settings of the random-feature score model (method.md §9): p features, m noise draws per training row and
 * grid time, ridge λ (per sample: the fit minimises (1/(n·m))·Σ‖x − Bᵀφ(z)‖² + λ‖B‖²_F).
 */
public record RandomFeatureSpec(int features, int noiseDraws, double ridge) implements Serializable {

  public RandomFeatureSpec {
    if (features < 1) {
      throw new IllegalArgumentException("features must be at least 1, got " + features);
    }
    if (noiseDraws < 1) {
      throw new IllegalArgumentException("noise draws must be at least 1, got " + noiseDraws);
    }
    if (!(ridge >= 0) || Double.isInfinite(ridge)) {
      throw new IllegalArgumentException("ridge must be a finite number >= 0, got " + ridge);
    }
  }

  /** Bytes of the p × p Gram matrix of one grid time: 8·p². */
  public long gramBytes() {
    return 8L * features * features;
  }
}
