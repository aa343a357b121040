package org.cfdmspark.engine;

import org.cfdmspark.knn.RowMatrix;

/**
 * The mixup baseline of method.md §8 ({@code --generator mixup}; after Zhang et al. 2018, mixup, ICLR, with the
 * partners taken among nearest rows): a training row drawn uniformly and its M − 1 nearest other rows (M =
 * --draws, so that a sample averages as many rows as a σ-CFDM barycentre), combined with weights drawn from the
 * flat Dirichlet(1, …, 1), i.e. uniformly on the simplex (w_k = E_k / Σ E, E_k ~ Exp(1)).
 */
public final class MixupSampler extends NeighbourMixSampler {
  private final double[] weights;

  /**
   * @param rows M: the anchor and its M − 1 nearest other rows are mixed
   * @param attempt the near-copy guard's attempt (0 = first draw): part of every stream's key
   */
  public MixupSampler(TrainingSet training, NeighbourSearch search, int rows, long seed, int attempt) {
    super(training, search, seed, attempt, rows - 1);
    this.weights = new double[rows];
  }

  @Override
  void combine(RandomStream random, RowMatrix rows, int anchor, int[] neighbours, int count, double[] out,
      int offset) {
    double total = 0;
    for (int k = 0; k <= count; k++) {
      weights[k] = -Math.log(1.0 - random.nextDouble());
      total += weights[k];
    }
    for (int j = 0; j < rows.dimension(); j++) {
      double sum = weights[0] * rows.get(anchor, j);
      for (int k = 0; k < count; k++) {
        sum += weights[k + 1] * rows.get(neighbours[k], j);
      }
      out[offset + j] = sum / total;
    }
  }
}
