package org.cfdmspark.ml;

import org.cfdmspark.engine.BlockSampler;
import org.cfdmspark.engine.MixupSampler;
import org.cfdmspark.engine.NeighbourSearch;
import org.cfdmspark.engine.SamplerConfig;
import org.cfdmspark.engine.SmoteSampler;
import org.cfdmspark.engine.TrainingRowSampler;
import org.cfdmspark.engine.TrainingSet;

/**
 * The baselines that need no fitting beyond the model's rows and neighbour search (method.md §8, the cheap
 * imitations): copy ({@link TrainingRowSampler}), SMOTE ({@link SmoteSampler}) and mixup of --draws rows
 * ({@link MixupSampler}). The guard's attempt k is a fresh draw from the streams keyed with k.
 */
enum RowBaselineGenerator implements Generator {
  COPY(GeneratorKind.COPY),
  SMOTE(GeneratorKind.SMOTE),
  MIXUP(GeneratorKind.MIXUP);

  private final GeneratorKind kind;

  RowBaselineGenerator(GeneratorKind kind) {
    this.kind = kind;
  }

  @Override
  public GeneratorKind kind() {
    return kind;
  }

  @Override
  public BlockSampler sampler(TrainingSet training, SamplerConfig config, NeighbourSearch search, int attempt) {
    return switch (this) {
      case COPY -> new TrainingRowSampler(training, config.seed(), attempt);
      case SMOTE -> new SmoteSampler(training, search, config.seed(), attempt);
      case MIXUP -> new MixupSampler(training, search, config.draws(), config.seed(), attempt);
    };
  }
}
