package org.cfdmspark.engine;

import java.io.Serializable;

/**
 * A fitted score model (method.md §9) that the sampler can use in place of the closed form: broadcast once,
 * it makes one {@link PosteriorMean} per thread or Spark partition, to be passed to
 * {@code new FlowSampler(training, config, model.posteriorMean(training), blockSize)}.
 */
public interface TrainedModel extends Serializable {

  /**
   * A posterior mean x̂(z, t) for one thread, over the rows the model was trained on (they give the sampler its
   * start points and the t = 0 mean).
   */
  PosteriorMean posteriorMean(TrainingSet training);
}
