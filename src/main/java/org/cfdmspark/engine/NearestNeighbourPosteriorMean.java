package org.cfdmspark.engine;

import java.util.Arrays;
import org.cfdmspark.knn.DotProductKernel;
import org.cfdmspark.knn.NeighbourIndex;
import org.cfdmspark.knn.RowMatrix;
import org.cfdmspark.knn.ScalarDotProductKernel;

/**
 * The K-nearest + L-random estimator of x̂(q, t) (method.md §5, DEANN-style, Karppa et al. 2022). x̂ is a
 * Gaussian kernel average around q/t, so one index on the raw x_i serves every t: take the K training points
 * nearest to q/t, draw L others uniformly without replacement from the remaining N − K, give the L random ones
 * an extra log-weight log((N − K)/L) (each stands for (N − K)/L points of the remainder), and normalise over
 * the K + L. With K + L ≥ N every point is used once with weight offset 0: the exact posterior mean.
 */
public final class NearestNeighbourPosteriorMean extends PosteriorMean {
  private final NeighbourIndex index;
  private final int neighbours;
  private final int randomPoints;
  private final double randomLogWeight;
  private final SoftmaxMean softmax;
  private final RandomStream random = new RandomStream();
  private double[] scaledQueries = new double[0];
  private int[] candidates = new int[0];
  private double[] logits;
  private final double[] dots;
  private final int[] sortedNeighbours;
  private final DotProductKernel kernel = DotProductKernel.best();
  private final int[] rowBases = new int[ScalarDotProductKernel.BATCH];
  private final double[] batchDots = new double[ScalarDotProductKernel.BATCH];

  /**
   * @param neighbours   K ≥ 1 (capped at N)
   * @param randomPoints L ≥ 0 (capped at N − K)
   */
  public NearestNeighbourPosteriorMean(TrainingSet training, NeighbourIndex index, int neighbours, int randomPoints) {
    super(training);
    if (index.matrix() != training.points()) {
      throw new IllegalArgumentException("the neighbour index must be built on the training points");
    }
    if (neighbours < 1 || randomPoints < 0) {
      throw new IllegalArgumentException("need K >= 1 and L >= 0, got K=" + neighbours + ", L=" + randomPoints);
    }
    int n = training.size();
    this.index = index;
    this.neighbours = Math.min(neighbours, n);
    this.randomPoints = Math.min(randomPoints, n - this.neighbours);
    this.randomLogWeight = this.randomPoints == 0 ? 0 : Math.log((double) (n - this.neighbours) / this.randomPoints);
    this.softmax = new SoftmaxMean(training.points());
    this.logits = new double[this.neighbours + this.randomPoints];
    this.dots = new double[this.neighbours + this.randomPoints];
    this.sortedNeighbours = new int[this.neighbours];
  }

  @Override
  protected void estimateAt(double[] queries, int count, double t, long[] queryKeys, double[] out,
      long[] drawKeys, int[] drawnRows, int[] excludedRows) {
    RowMatrix x = training.points();
    int d = x.dimension();
    int perQuery = neighbours + randomPoints;
    if (scaledQueries.length < count * d) {
      scaledQueries = new double[count * d];
      candidates = new int[count * perQuery];
    }
    for (int i = 0; i < count * d; i++) {
      scaledQueries[i] = queries[i] / t;
    }
    // Neighbours of query q go to candidates[q * K ..]; spread them to stride K + L below, back to front.
    long searchStart = System.nanoTime();
    index.nearest(scaledQueries, 0, count, neighbours, candidates);
    searchNanos += System.nanoTime() - searchStart;
    for (int q = count - 1; q >= 0; q--) {
      System.arraycopy(candidates, q * neighbours, candidates, q * perQuery, neighbours);
    }
    double dotWeight = dotWeight(t);
    double normWeight = normWeight(t);
    softmax.reset(count, drawKeys);
    for (int q = 0; q < count; q++) {
      int base = q * perQuery;
      drawRandomOthers(queryKeys[q], base);
      candidateDots(queries, q * d, base, perQuery);
      for (int c = 0; c < perQuery; c++) {
        logits[c] = DotProductKernel.logit(dotWeight, normWeight, dots[c], x.squaredNorm(candidates[base + c]))
            + (c < neighbours ? 0 : randomLogWeight);
      }
      if (excludedRows != null) {
        leaveOut(excludedRows[q], base, perQuery);
      }
      softmax.addIndexed(q, logits, 0, candidates, base, perQuery);
      softmax.finish(q, out, q * d);
      if (drawKeys != null) {
        // A random point's extra log-weight is in its logit: it is drawn for the (N − K)/L rows it stands for.
        drawnRows[q] = softmax.drawnRow(q);
      }
    }
  }

  /** The candidate that is row {@code row}, if any, gets logit −∞: no weight and never drawn. */
  private void leaveOut(int row, int base, int count) {
    for (int c = 0; row >= 0 && c < count; c++) {
      if (candidates[base + c] == row) {
        logits[c] = Double.NEGATIVE_INFINITY;
      }
    }
  }

  /**
   * dots[c] = ⟨q, x_row⟩ for the rows candidates[base + c], c &lt; count, where q is queries[queryBase ..]: the
   * kernel's gathered dot products, {@link ScalarDotProductKernel#BATCH} rows at a time, with the one rounding of
   * every dot product in the engine ({@link ScalarDotProductKernel#dot}). A fifth of a default run's sampling
   * time went here when it was a scalar loop.
   */
  private void candidateDots(double[] queries, int queryBase, int base, int count) {
    int d = training.dimension();
    for (int from = 0; from < count; from += ScalarDotProductKernel.BATCH) {
      int batch = Math.min(ScalarDotProductKernel.BATCH, count - from);
      for (int i = 0; i < batch; i++) {
        rowBases[i] = candidates[base + from + i] * d;
      }
      kernel.scatteredDots(queries, queryBase, training.points().values(), rowBases, batch, d, 1, batchDots);
      System.arraycopy(batchDots, 0, dots, from, batch);
    }
  }

  /**
   * Writes L distinct indices drawn uniformly from the training rows that are not among the K neighbours at
   * candidates[base .. base+K) to candidates[base+K .. base+K+L). Floyd's algorithm draws L distinct ranks in
   * [0, N − K); each rank is then mapped to the rank-th row that is not a neighbour.
   */
  private void drawRandomOthers(long key, int base) {
    if (randomPoints == 0) {
      return;
    }
    int remainder = training.size() - neighbours;
    random.reset(key);
    int first = base + neighbours;
    for (int j = remainder - randomPoints, drawn = 0; j < remainder; j++, drawn++) {
      int rank = random.nextInt(j + 1);
      candidates[first + drawn] = contains(candidates, first, drawn, rank) ? j : rank;
    }
    System.arraycopy(candidates, base, sortedNeighbours, 0, neighbours);
    Arrays.sort(sortedNeighbours);
    for (int r = 0; r < randomPoints; r++) {
      int row = candidates[first + r];
      for (int neighbour : sortedNeighbours) {
        if (neighbour > row) {
          break;
        }
        row++;
      }
      candidates[first + r] = row;
    }
  }

  private static boolean contains(int[] values, int offset, int count, int value) {
    for (int i = 0; i < count; i++) {
      if (values[offset + i] == value) {
        return true;
      }
    }
    return false;
  }
}
