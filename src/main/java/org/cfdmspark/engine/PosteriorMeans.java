package org.cfdmspark.engine;

import org.cfdmspark.knn.DotProductKernel;

/** Builds the posterior-mean estimator a configuration asks for (one instance per thread). */
public final class PosteriorMeans {
  private PosteriorMeans() {
  }

  /** Resolves the neighbour search itself: fine for one thread; threads should share one {@link NeighbourSearch}. */
  public static PosteriorMean create(TrainingSet training, SamplerConfig config) {
    return create(training, config, NeighbourSearch.prepare(training, config));
  }

  /** With a neighbour search prepared once and shared (ignored by the exact estimator). */
  public static PosteriorMean create(TrainingSet training, SamplerConfig config, NeighbourSearch search) {
    return create(training, config, search, DotProductKernel.best());
  }

  /**
   * With a given dot-product kernel. Every kernel gives the same bits ({@link DotProductKernel#best()} only picks
   * the fastest), so this changes speed, not samples.
   */
  public static PosteriorMean create(TrainingSet training, SamplerConfig config, NeighbourSearch search,
      DotProductKernel kernel) {
    return switch (config.estimator()) {
      case EXACT -> new ExactPosteriorMean(training, kernel);
      case NN -> new NearestNeighbourPosteriorMean(training, search.newIndex(training, kernel),
          config.neighbors(), config.randomPoints());
    };
  }
}
