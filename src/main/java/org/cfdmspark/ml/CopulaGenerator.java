package org.cfdmspark.ml;

import org.cfdmspark.engine.BlockSampler;
import org.cfdmspark.engine.GaussianCopula;
import org.cfdmspark.engine.NeighbourSearch;
import org.cfdmspark.engine.SamplerConfig;
import org.cfdmspark.engine.TrainingSet;

/**
 * The Gaussian copula baseline ({@link GaussianCopula}), fitted on the driver to one stratum's encoded rows and
 * broadcast with the model; the guard's attempt k is a fresh draw from the stream keyed with k.
 *
 * @param copula the stratum's fitted copula
 */
record CopulaGenerator(GaussianCopula copula) implements Generator {
  private static final long serialVersionUID = 1L;

  static CopulaGenerator fit(TrainingSet training) {
    return new CopulaGenerator(GaussianCopula.fit(training));
  }

  @Override
  public GeneratorKind kind() {
    return GeneratorKind.COPULA;
  }

  @Override
  public BlockSampler sampler(TrainingSet training, SamplerConfig config, NeighbourSearch search, int attempt) {
    return copula.sampler(config.seed(), attempt);
  }
}
