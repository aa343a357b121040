package org.cfdmspark.engine;

import java.io.Serializable;
import org.cfdmspark.knn.BruteForceIndex;
import org.cfdmspark.knn.DotProductKernel;
import org.cfdmspark.knn.IvfCells;
import org.cfdmspark.knn.IvfIndex;
import org.cfdmspark.knn.IvfTuning;
import org.cfdmspark.knn.NeighbourIndex;

/**
 * The neighbour search of the nn estimator, resolved once per job (index kind, cells built, probes chosen) and
 * then shared read-only by every thread, or broadcast by Spark with the training set; each thread makes its
 * own searcher from it with {@link #newIndex}. {@code cells == null} means exact search.
 */
public record NeighbourSearch(IvfCells cells, int probes) implements Serializable {
  /** Training sets from this size on use IVF under {@code --index auto}. */
  public static final int AUTO_IVF_ROWS = 20_000;
  /** The recall@K that automatic probes aim for. */
  public static final double TARGET_RECALL = 0.95;
  public static final NeighbourSearch EXACT = new NeighbourSearch(null, 0);

  /**
   * The search {@code config} asks for on {@code training}: builds the IVF cells (seeded k-means with the
   * config's seed) and, for probes = 0, calibrates them for {@link #TARGET_RECALL} at the start time.
   */
  public static NeighbourSearch prepare(TrainingSet training, SamplerConfig config) {
    int n = training.size();
    boolean ivf = config.estimator() == EstimatorKind.NN && switch (config.index()) {
      case EXACT -> false;
      case IVF -> true;
      case AUTO -> n >= AUTO_IVF_ROWS;
    };
    if (!ivf) {
      return EXACT;
    }
    int cellCount = config.nlist() == 0 ? IvfTuning.defaultCells(n) : Math.min(config.nlist(), n);
    IvfCells cells = IvfCells.build(training.points(), cellCount, config.seed());
    if (config.nprobe() > 0) {
      return new NeighbourSearch(cells, config.nprobe());
    }
    // Queries are q/t ≈ x + ((1−t)/t)·ξ; the start time has the widest noise (floored at t = 0.5: earlier,
    // the kernel is so wide that the random L points carry the estimate, not the neighbours).
    double t = Math.max(0.5, config.timeGrid().startTime());
    int k = Math.min(config.neighbors(), n);
    return new NeighbourSearch(cells,
        IvfTuning.probesForRecall(training.points(), cells, k, TARGET_RECALL, (1 - t) / t, config.seed()));
  }

  /**
   * The training rows a query reads, about: all {@code n} for the exact search; for IVF the centroids and the rows of
   * the probed cells, at their mean size.
   */
  public double rowsPerQuery(int n) {
    return cells == null ? n : cells.cells() + probes * (double) n / cells.cells();
  }

  /** For logs: "exact neighbour search" or "IVF search: C cells, P probes". */
  @Override
  public String toString() {
    return cells == null ? "exact neighbour search" : "IVF search: " + cells.cells() + " cells, " + probes + " probes";
  }

  /** A searcher for one thread. */
  public NeighbourIndex newIndex(TrainingSet training, DotProductKernel kernel) {
    return cells == null ? new BruteForceIndex(training.points(), kernel)
        : new IvfIndex(training.points(), cells, probes, kernel);
  }
}
