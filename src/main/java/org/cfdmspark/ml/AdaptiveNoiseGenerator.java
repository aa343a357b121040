package org.cfdmspark.ml;

import java.util.Arrays;
import org.cfdmspark.encoding.ColumnCodec;
import org.cfdmspark.encoding.NumericColumnCodec;
import org.cfdmspark.encoding.TableCodec;
import org.cfdmspark.engine.AdaptiveNoiseSampler;
import org.cfdmspark.engine.BlockSampler;
import org.cfdmspark.engine.ColumnRedraw;
import org.cfdmspark.engine.NeighbourSearch;
import org.cfdmspark.engine.SamplerConfig;
import org.cfdmspark.engine.TrainingSet;
import org.cfdmspark.knn.DotProductKernel;
import org.cfdmspark.metrics.NearestDistances;

/**
 * σ-CFDM with noise scaled to the local spacing (--local-noise γ): each sample of the inner generator gets
 * {@link AdaptiveNoiseSampler}'s noise on the value slot of every number column, h = γ · ρ / √m with ρ the nearest
 * training row's distance (model space, all slots) to its nearest different row and m the number columns.
 *
 * @param inner the generator whose samples are noised
 * @param bandwidth h per training row
 * @param slots the number columns' value slots
 */
record AdaptiveNoiseGenerator(Generator inner, double[] bandwidth, int[] slots) implements Generator {

  /**
   * {@code inner} noised with γ on these training rows and codec; {@code inner} itself for γ = 0 or a table
   * without number columns. Costs one exact N × N nearest-different-row search.
   */
  static Generator of(Generator inner, TrainingSet training, TableCodec codec, double gamma) {
    int[] slots = valueSlots(codec);
    if (gamma == 0 || slots.length == 0 || training.size() < 2) {
      return inner;
    }
    double[] spacing = NearestDistances.toNearestDifferent(training.points());
    return new AdaptiveNoiseGenerator(inner, AdaptiveNoiseSampler.bandwidths(gamma, spacing, slots.length), slots);
  }

  /** The value slot (a number column's first) of every number column, in slot order. */
  static int[] valueSlots(TableCodec codec) {
    int[] slots = new int[codec.columns().size()];
    int count = 0;
    int offset = 0;
    for (ColumnCodec column : codec.columns()) {
      if (column instanceof NumericColumnCodec) {
        slots[count++] = offset;
      }
      offset += column.width();
    }
    return Arrays.copyOf(slots, count);
  }

  @Override
  public GeneratorKind kind() {
    return inner.kind();
  }

  @Override
  public ColumnRedraw columnRedraw() {
    return inner.columnRedraw();
  }

  @Override
  public BlockSampler sampler(TrainingSet training, SamplerConfig config, NeighbourSearch search, int attempt) {
    return new AdaptiveNoiseSampler(inner.sampler(training, config, search, attempt),
        search.newIndex(training, DotProductKernel.best()), bandwidth, slots, config.seed());
  }
}
