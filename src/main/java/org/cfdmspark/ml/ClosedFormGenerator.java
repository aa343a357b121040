package org.cfdmspark.ml;

import org.cfdmspark.encoding.CategoryDraw;
import org.cfdmspark.encoding.TableCodec;
import org.cfdmspark.engine.BlockSampler;
import org.cfdmspark.engine.ColumnRedraw;
import org.cfdmspark.engine.FlowSampler;
import org.cfdmspark.engine.NeighbourSearch;
import org.cfdmspark.engine.ParentNoise;
import org.cfdmspark.engine.SamplerConfig;
import org.cfdmspark.engine.TrainingSet;
import org.cfdmspark.privacy.SigmaSteps;

/**
 * σ-CFDM (method.md §2–5): Euler steps on the probability-flow ODE with the smoothed closed-form posterior mean of
 * the training rows; the guard's attempt k samples the same trajectory with σ · {@link SigmaSteps#multiple}(k).
 *
 * @param rowSlots the slots a sample takes from one training row drawn by its barycentre weights at the last step
 *     (--category-draw row: the categorical columns' blocks); empty for the barycentre everywhere
 * @param parentNoise the noise along the parents' directions on the number columns' values (--parent-noise)
 * @param columnRedraw the columns redrawn after the last step (--redraw-columns)
 */
record ClosedFormGenerator(int[] rowSlots, ParentNoise parentNoise, ColumnRedraw columnRedraw)
    implements Generator {
  /**
   * σ-CFDM over {@code codec}'s slots with categories read by {@code draw}, parent noise τ and
   * {@code columnRedraw}'s columns redrawn after the last step.
   */
  static ClosedFormGenerator of(TableCodec codec, CategoryDraw draw, double parentNoise,
      ColumnRedraw columnRedraw) {
    int[] rowSlots = draw == CategoryDraw.ROW ? codec.categoricalSlots() : new int[0];
    return new ClosedFormGenerator(rowSlots, new ParentNoise(parentNoise, AdaptiveNoiseGenerator.valueSlots(codec)),
        columnRedraw);
  }

  @Override
  public GeneratorKind kind() {
    return GeneratorKind.CFDM;
  }

  @Override
  public BlockSampler sampler(TrainingSet training, SamplerConfig config, NeighbourSearch search, int attempt) {
    return FlowSampler.create(training, config.withSigma(config.sigma() * SigmaSteps.multiple(attempt)), search,
        rowSlots, parentNoise, columnRedraw);
  }
}
