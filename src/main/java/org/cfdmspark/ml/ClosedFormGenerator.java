package org.cfdmspark.ml;

import org.cfdmspark.engine.BlockSampler;
import org.cfdmspark.engine.FlowSampler;
import org.cfdmspark.engine.NeighbourSearch;
import org.cfdmspark.engine.SamplerConfig;
import org.cfdmspark.engine.TrainingSet;
import org.cfdmspark.privacy.SigmaSteps;

/**
 * σ-CFDM (method.md §2–5): Euler steps on the probability-flow ODE with the smoothed closed-form posterior mean of
 * the training rows; the guard's attempt k samples the same trajectory with σ · {@link SigmaSteps#multiple}(k).
 */
enum ClosedFormGenerator implements Generator {
  INSTANCE;

  @Override
  public GeneratorKind kind() {
    return GeneratorKind.CFDM;
  }

  @Override
  public BlockSampler sampler(TrainingSet training, SamplerConfig config, NeighbourSearch search, int attempt) {
    return FlowSampler.create(training, config.withSigma(config.sigma() * SigmaSteps.multiple(attempt)), search);
  }
}
