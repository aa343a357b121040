package org.cfdmspark.core;

import org.cfdmspark.knn.BruteForceIndex;
import org.cfdmspark.knn.DotProductKernel;

/** Builds the posterior-mean estimator a configuration asks for (one instance per thread). */
public final class PosteriorMeans {
  private PosteriorMeans() {
  }

  public static PosteriorMean create(TrainingSet training, SamplerConfig config) {
    DotProductKernel kernel = DotProductKernel.best();
    return switch (config.estimator()) {
      case EXACT -> new ExactPosteriorMean(training, kernel);
      case NN -> new NearestNeighbourPosteriorMean(training, new BruteForceIndex(training.points(), kernel),
          config.neighbors(), config.randomPoints());
    };
  }
}
