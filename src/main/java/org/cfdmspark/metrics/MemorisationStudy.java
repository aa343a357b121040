package org.cfdmspark.metrics;

import java.util.ArrayList;
import java.util.List;
import org.cfdmspark.engine.ExactPosteriorMean;
import org.cfdmspark.engine.FlowSampler;
import org.cfdmspark.engine.PosteriorMean;
import org.cfdmspark.engine.RandomStream;
import org.cfdmspark.engine.SamplerConfig;
import org.cfdmspark.engine.TimeGrid;
import org.cfdmspark.engine.TrainingSet;
import org.cfdmspark.engine.DsmLoss;
import org.cfdmspark.engine.Permutations;
import org.cfdmspark.engine.RandomFeatureFitting;
import org.cfdmspark.engine.RandomFeatureModel;
import org.cfdmspark.engine.RandomFeatureSpec;
import org.cfdmspark.knn.DotProductKernel;
import org.cfdmspark.knn.RowMatrix;

/**
 * The memorisation regimes of George, Veiga, Macris (arXiv 2502.00336, §5) on encoded table rows, next to
 * σ-CFDM: for every training-set size n (nested seeded subsamples), noise draws m and ratio p/n, the
 * random-feature model's train and test DSM loss ({@link DsmLoss}: train on the fit's own noisy points, test on
 * held-out rows with fresh noise) and the memorised fraction of its samples ({@link MemorisedFraction}); for every
 * σ, the memorised fraction of σ-CFDM's samples on the same rows (and, at σ = 0, the closed form's DSM losses).
 * Runs in this JVM, one point after the other.
 */
public final class MemorisationStudy {
  private MemorisationStudy() {
  }

  /**
   * What to run.
   *
   * @param trainingRows the n values (each at most the rows available less {@code testRows})
   * @param featureRatios the p/n values (p rounded, at least 1)
   * @param noiseDraws the m values
   * @param ridge λ of every random-feature fit
   * @param sigmas σ values of σ-CFDM
   * @param sampler the grid, start time, smoothing draws M (for σ-CFDM) and seed of every point
   * @param samples samples per point for the memorised fraction
   * @param testRows held-out rows for the test loss
   */
  public record Plan(int[] trainingRows, double[] featureRatios, int[] noiseDraws, double ridge, double[] sigmas,
      SamplerConfig sampler, int samples, int testRows) {
  }

  /**
   * One point of the study. For σ-CFDM {@code noiseDraws}, {@code features} and {@code featureRatio} are null;
   * losses are null where not measured (σ-CFDM with σ > 0, whose x̂^σ is not a single posterior mean).
   */
  public record Point(String model, int rows, Integer noiseDraws, Integer features, Double featureRatio,
      Double sigma, Double trainLoss, Double testLoss, double memorisedFraction, double fitSeconds) {
  }

  /** Runs the plan on {@code rows} (encoded, standardised). */
  public static List<Point> run(RowMatrix rows, Plan plan) {
    int largest = 0;
    for (int n : plan.trainingRows()) {
      largest = Math.max(largest, n);
    }
    if (largest < 2 || largest + plan.testRows() > rows.rows()) {
      throw new IllegalArgumentException("the study needs " + largest + " training and " + plan.testRows()
          + " test rows, the table has " + rows.rows());
    }
    int[] order = Permutations.uniform(rows.rows(), new RandomStream(RandomStream.key(plan.sampler().seed(), -1,
        -1, RandomStream.Purpose.SPLIT)));
    int[] testIndices = java.util.Arrays.copyOfRange(order, rows.rows() - plan.testRows(), rows.rows());
    RowMatrix test = rows.select(testIndices);
    SamplerConfig sampler = plan.sampler();
    TimeGrid grid = sampler.timeGrid();
    int first = RandomFeatureModel.firstFittedStep(grid);
    List<Point> points = new ArrayList<>();
    for (int n : plan.trainingRows()) {
      TrainingSet training = new TrainingSet(rows.select(java.util.Arrays.copyOf(order, n)));
      for (int m : plan.noiseDraws()) {
        for (double ratio : plan.featureRatios()) {
          int p = Math.max(1, (int) Math.round(ratio * n));
          long start = System.nanoTime();
          RandomFeatureModel model = RandomFeatureFitting.fit(training, new RandomFeatureSpec(p, m, plan.ridge()),
              grid, sampler.seed());
          double seconds = (System.nanoTime() - start) / 1e9;
          PosteriorMean mean = model.posteriorMean(training);
          double trainLoss = DsmLoss.of(mean, training.points(), grid, first, m, sampler.seed());
          double testLoss = DsmLoss.of(mean, test, grid, first, 1, sampler.seed() + 1);
          double memorised = memorised(training, sampler.withSigma(0), mean, plan.samples());
          points.add(new Point("random-features", n, m, p, ratio, null, trainLoss, testLoss, memorised, seconds));
        }
      }
      for (double sigma : plan.sigmas()) {
        PosteriorMean exact = new ExactPosteriorMean(training, DotProductKernel.best());
        Double trainLoss = null;
        Double testLoss = null;
        if (sigma == 0) {
          trainLoss = DsmLoss.of(exact, training.points(), grid, first, 1, sampler.seed());
          testLoss = DsmLoss.of(exact, test, grid, first, 1, sampler.seed() + 1);
        }
        double memorised = memorised(training, sampler.withSigma(sigma), exact, plan.samples());
        points.add(new Point("cfdm", n, null, null, null, sigma, trainLoss, testLoss, memorised, 0));
      }
    }
    return points;
  }

  private static double memorised(TrainingSet training, SamplerConfig config, PosteriorMean mean, int samples) {
    double[] out = new double[samples * training.dimension()];
    new FlowSampler(training, config, mean, FlowSampler.DEFAULT_BLOCK_SIZE).sample(0, samples, out);
    return MemorisedFraction.of(training.points(), out, samples);
  }
}
