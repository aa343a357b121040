package org.cfdmspark.ml;

import java.io.Serializable;
import org.cfdmspark.engine.BlockSampler;
import org.cfdmspark.engine.ColumnRedraw;
import org.cfdmspark.engine.NeighbourSearch;
import org.cfdmspark.engine.SamplerConfig;
import org.cfdmspark.engine.TrainingSet;

/**
 * How a stratum's samples are drawn from its encoded training rows: σ-CFDM's probability-flow sampler (the
 * default), or another generator on the same encoding, strata, guard and output. Fitted per stratum; serializable,
 * because it is broadcast with the model.
 */
public interface Generator extends Serializable {
  /** The --generator value that makes it. */
  GeneratorKind kind();

  /**
   * A sampler for one partition: attempt 0 draws the samples; attempt k ≥ 1 is the near-copy guard's k-th redraw
   * of a sample, which must still depend on the sample id alone (σ-CFDM: the same trajectory with σ raised by √2
   * per attempt). Blocks hold at most {@link org.cfdmspark.engine.FlowSampler#DEFAULT_BLOCK_SIZE} ids.
   */
  BlockSampler sampler(TrainingSet training, SamplerConfig config, NeighbourSearch search, int attempt);

  /** The columns redrawn after σ-CFDM's last step (--redraw-columns); none for the other generators. */
  default ColumnRedraw columnRedraw() {
    return ColumnRedraw.NONE;
  }
}
