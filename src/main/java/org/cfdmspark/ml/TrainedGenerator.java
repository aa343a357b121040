package org.cfdmspark.ml;

import java.util.List;
import org.cfdmspark.engine.BlockSampler;
import org.cfdmspark.engine.FlowSampler;
import org.cfdmspark.engine.NeighbourSearch;
import org.cfdmspark.engine.SamplerConfig;
import org.cfdmspark.engine.ScoreNetworkTraining;
import org.cfdmspark.engine.TrainedModel;
import org.cfdmspark.engine.TrainingSet;

/**
 * A trained score model as a stratum's generator (method.md §9): the same Euler sampler, start points and grid as
 * σ-CFDM with the trained posterior mean in place of the closed form, and σ = 0 (the fit sets it). The guard's
 * redraws raise σ, which is 0, so it never redraws: {@code attempt} is ignored.
 *
 * @param fitSeconds wall time of the fit
 * @param epochs the score network's per-epoch record (train loss, held-out loss, distance to the closed form);
 *     empty for random features
 * @param bestEpoch the epoch whose network was kept; 0 for random features
 */
record TrainedGenerator(GeneratorKind kind, TrainedModel model, double fitSeconds,
    List<ScoreNetworkTraining.Epoch> epochs, int bestEpoch) implements Generator {

  @Override
  public BlockSampler sampler(TrainingSet training, SamplerConfig config, NeighbourSearch search, int attempt) {
    return new FlowSampler(training, config, model.posteriorMean(training), FlowSampler.DEFAULT_BLOCK_SIZE);
  }
}
