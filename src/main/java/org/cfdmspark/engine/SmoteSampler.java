package org.cfdmspark.engine;

import org.cfdmspark.knn.RowMatrix;

/**
 * SMOTE (Chawla et al. 2002, JAIR 16, §4.2) as a generator ({@code --generator smote}): a training row x_a drawn
 * uniformly, one of its {@value #NEIGHBOURS} nearest other rows x_b drawn uniformly, and λ ~ U[0, 1): the sample is
 * x_a + λ (x_b − x_a), in the encoded space (categories are then decoded by the codec's vote).
 */
public final class SmoteSampler extends NeighbourMixSampler {
  /** k of SMOTE's k nearest neighbours (the paper's 5). */
  public static final int NEIGHBOURS = 5;

  /** @param attempt the near-copy guard's attempt (0 = first draw): part of every stream's key */
  public SmoteSampler(TrainingSet training, NeighbourSearch search, long seed, int attempt) {
    super(training, search, seed, attempt, NEIGHBOURS);
  }

  @Override
  void combine(RandomStream random, RowMatrix rows, int anchor, int[] neighbours, int count, double[] out,
      int offset) {
    int other = count == 0 ? anchor : neighbours[random.nextInt(count)];
    double lambda = random.nextDouble();
    for (int j = 0; j < rows.dimension(); j++) {
      double a = rows.get(anchor, j);
      out[offset + j] = a + lambda * (rows.get(other, j) - a);
    }
  }
}
