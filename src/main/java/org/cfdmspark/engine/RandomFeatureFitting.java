package org.cfdmspark.engine;


/**
 * Fits a {@link RandomFeatureModel} in this JVM, one ridge problem per grid time (the Spark fit in
 * {@code org.cfdmspark.ml.RandomFeatureFit} sums the same samples over partitions). Peak memory: one p × p Gram
 * matrix and its factor, 16·p² bytes, at a time.
 */
public final class RandomFeatureFitting {
  private RandomFeatureFitting() {
  }

  public static RandomFeatureModel fit(TrainingSet training, RandomFeatureSpec spec, TimeGrid grid, long seed) {
    int d = training.dimension();
    RandomFeatureMap map = new RandomFeatureMap(seed, spec.features(), d);
    int first = RandomFeatureModel.firstFittedStep(grid);
    double[][] readouts = new double[grid.steps() - first][];
    double[] x = new double[d];
    float[] values = training.points().values();
    for (int step = first; step < grid.steps(); step++) {
      DsmRidgeSamples samples = new DsmRidgeSamples(map, spec.noiseDraws(), step, grid.time(step), seed);
      RidgeNormalEquations equations = samples.emptyEquations();
      for (int i = 0; i < training.size(); i++) {
        for (int j = 0; j < d; j++) {
          x[j] = values[i * d + j];
        }
        samples.addRow(equations, i, x);
      }
      readouts[step - first] = equations.solve(spec.ridge());
    }
    return new RandomFeatureModel(map, grid.steps(), first, readouts);
  }
}
