package org.cfdmspark.ml;

import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.cfdmspark.engine.TimeGrid;
import org.cfdmspark.engine.DsmRidgeSamples;
import org.cfdmspark.engine.RandomFeatureMap;
import org.cfdmspark.engine.RandomFeatureModel;
import org.cfdmspark.engine.RandomFeatureSpec;
import org.cfdmspark.engine.RidgeNormalEquations;

/**
 * The distributed fit of the random-feature model (method.md §9): for every grid time, ΦᵀΦ and ΦᵀY are summed
 * over the training partitions with {@code treeAggregate} (each task regenerates W from the seed and makes the
 * noisy copies of its own rows) and the ridge system is solved on the driver with LAPACK. A row's noise is keyed
 * by its position in the RDD's order ({@code zipWithIndex}), so the model does not depend on how that order is
 * split into partitions (up to the rounding of the partial sums' order, about 1e-15 relative).
 *
 * <p>Driver memory: the merged Gram of one time, p² doubles, plus its Cholesky copy (16·p² bytes in all); each
 * task holds one p² accumulator.
 */
public final class RandomFeatureFit {
  /** treeAggregate depth: partial sums of p² doubles meet on executors before the driver. */
  static final int TREE_DEPTH = 2;

  private RandomFeatureFit() {
  }

  /**
   * Fits on {@code rows} (encoded training rows, each of length d, in a fixed order).
   *
   * @param rows the training rows; cached by this call for its passes (one per grid time) and unpersisted after
   */
  public static RandomFeatureModel fit(JavaRDD<double[]> rows, int d, RandomFeatureSpec spec, TimeGrid grid,
      long seed) {
    RandomFeatureMap map = new RandomFeatureMap(seed, spec.features(), d);
    int first = RandomFeatureModel.firstFittedStep(grid);
    double[][] readouts = new double[grid.steps() - first][];
    JavaPairRDD<double[], Long> indexed = rows.zipWithIndex().cache();
    try {
      for (int step = first; step < grid.steps(); step++) {
        DsmRidgeSamples samples = new DsmRidgeSamples(map, spec.noiseDraws(), step, grid.time(step), seed);
        RidgeNormalEquations equations = indexed.treeAggregate(samples.emptyEquations(),
            (sum, row) -> samples.addRow(sum, row._2(), row._1()), RidgeNormalEquations::merge, TREE_DEPTH);
        readouts[step - first] = equations.solve(spec.ridge());
      }
    } finally {
      indexed.unpersist(false);
    }
    return new RandomFeatureModel(map, grid.steps(), first, readouts);
  }
}
