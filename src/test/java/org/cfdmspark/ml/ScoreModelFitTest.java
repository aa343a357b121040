package org.cfdmspark.ml;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.apache.spark.api.java.JavaSparkContext;
import org.cfdmspark.config.ScoreModelKnobs;
import org.cfdmspark.core.FlowSampler;
import org.cfdmspark.core.SamplerConfig;
import org.cfdmspark.core.Settings;
import org.cfdmspark.core.TrainingSet;
import org.cfdmspark.engine.TrainedModel;
import org.cfdmspark.spark.TestSpark;
import org.junit.jupiter.api.Test;

/** Same seed ⇒ same rows, however the training rows are split into partitions, for both trained models. */
class ScoreModelFitTest {
  private static final int SAMPLES = 50;

  @Test
  void randomFeatureSamplesDoNotDependOnThePartitioning() {
    Settings settings = settings("model", "random-features", "features", "40", "noise-draws", "2", "ridge", "1e-4");
    double[] reference = samples(settings, 1);
    for (int partitions : new int[] {3, 8}) {
      double[] other = samples(settings, partitions);
      double worst = 0;
      for (int i = 0; i < reference.length; i++) {
        worst = Math.max(worst, Math.abs(other[i] - reference[i]));
      }
      // Partial sums meet in another order: the read-outs agree to rounding, not to the bit.
      assertTrue(worst <= 1e-9, "P = " + partitions + ": samples off by " + worst);
    }
  }

  @Test
  void scoreNetworkSamplesAreAFunctionOfTheSeed() {
    Settings settings = settings("model", "score-net", "hidden-width", "16", "epochs", "5", "batch-size", "16");
    double[] first = samples(settings, 1);
    assertArrayEquals(first, samples(settings, 8));
    assertTrue(!java.util.Arrays.equals(first, samples(settings, 1, 12)),
        "another seed gives other rows");
  }

  private static Settings settings(String... namesAndValues) {
    Settings settings = Settings.defaults(ScoreModelKnobs.ALL);
    for (int i = 0; i < namesAndValues.length; i += 2) {
      settings = settings.withText(namesAndValues[i], namesAndValues[i + 1]);
    }
    return settings;
  }

  private static double[] samples(Settings settings, int partitions) {
    return samples(settings, partitions, 7);
  }

  private static double[] samples(Settings settings, int partitions, long seed) {
    JavaSparkContext spark = JavaSparkContext.fromSparkContext(TestSpark.local(2).sparkContext());
    Random random = new Random(2);
    double[][] rows = new double[120][3];
    for (double[] row : rows) {
      for (int j = 0; j < 3; j++) {
        row[j] = random.nextGaussian() + j;
      }
    }
    TrainingSet training = TrainingSet.of(rows);
    SamplerConfig config = SamplerConfig.defaults(0).withSteps(20).withSeed(seed);
    TrainedModel model = ScoreModelFit.fit(spark, training, settings, config, partitions).model();
    double[] out = new double[SAMPLES * 3];
    new FlowSampler(training, config, model.posteriorMean(training), 16).sample(0, SAMPLES, out);
    return out;
  }
}
