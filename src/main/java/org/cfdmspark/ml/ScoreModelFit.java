package org.cfdmspark.ml;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.cfdmspark.config.ModelKind;
import org.cfdmspark.config.ScoreModelKnobs;
import org.cfdmspark.core.SamplerConfig;
import org.cfdmspark.core.Settings;
import org.cfdmspark.core.TrainingSet;
import org.cfdmspark.engine.RandomFeatureSpec;
import org.cfdmspark.engine.ScoreNetworkSpec;
import org.cfdmspark.engine.ScoreNetworkTraining;
import org.cfdmspark.engine.TrainedModel;

/**
 * The trained score models of a run, from the knobs ({@link ScoreModelKnobs}) to a broadcastable
 * {@link TrainedModel}: the checks to run before any work, then the fit (random features on Spark, the score
 * network in the driver's JVM).
 */
public final class ScoreModelFit {
  private ScoreModelFit() {
  }

  /**
   * The fitted model, its fit time and, for the score network, the training record (per-epoch losses and
   * distance to the closed form, for the manifest and the plot); null for random features.
   */
  public record Fitted(TrainedModel model, double seconds, ScoreNetworkTraining.Result training) {
  }

  public static RandomFeatureSpec randomFeatureSpec(Settings settings) {
    return new RandomFeatureSpec(settings.get(ScoreModelKnobs.FEATURES), settings.get(ScoreModelKnobs.NOISE_DRAWS),
        settings.get(ScoreModelKnobs.RIDGE));
  }

  public static ScoreNetworkSpec scoreNetworkSpec(Settings settings) {
    return new ScoreNetworkSpec(settings.get(ScoreModelKnobs.HIDDEN_WIDTH),
        settings.get(ScoreModelKnobs.HIDDEN_LAYERS), settings.get(ScoreModelKnobs.EPOCHS),
        settings.get(ScoreModelKnobs.PATIENCE), settings.get(ScoreModelKnobs.VALIDATION_FRACTION),
        settings.get(ScoreModelKnobs.LEARNING_RATE), settings.get(ScoreModelKnobs.BATCH_SIZE));
  }

  /**
   * The checks of the trained models that need the run's facts, for before any work: p against the driver's
   * heap, the training rows against the score network's validation split.
   *
   * @throws org.cfdmspark.core.BadInputException one line naming the problem and the fix
   */
  public static void check(Settings settings, long trainingRows, long driverHeapBytes) {
    ScoreModelKnobs.checkFeatures(settings, driverHeapBytes);
    ScoreModelKnobs.checkRows(settings, trainingRows, scoreNetworkSpec(settings).minimumRows());
  }

  /**
   * Fits the model {@code --model} names on {@code training}, on the grid and seed of {@code config}; null for
   * {@code cfdm}, which needs no fit.
   *
   * @param partitions slices of the training rows for the random-feature fit's treeAggregate
   */
  public static Fitted fit(JavaSparkContext spark, TrainingSet training, Settings settings, SamplerConfig config,
      int partitions) {
    ModelKind kind = settings.get(ScoreModelKnobs.MODEL);
    long start = System.nanoTime();
    return switch (kind) {
      case CFDM -> null;
      case RANDOM_FEATURES -> new Fitted(RandomFeatureFit.fit(spark.parallelize(rows(training), partitions),
          training.dimension(), randomFeatureSpec(settings), config.timeGrid(), config.seed()),
          (System.nanoTime() - start) / 1e9, null);
      case SCORE_NET -> {
        ScoreNetworkTraining.Result result = ScoreNetworkTraining.train(training, scoreNetworkSpec(settings),
            config.timeGrid(), config.seed());
        yield new Fitted(result.network(), (System.nanoTime() - start) / 1e9, result);
      }
    };
  }

  /** The training rows in their order, as doubles. */
  private static List<double[]> rows(TrainingSet training) {
    int d = training.dimension();
    float[] values = training.points().values();
    List<double[]> rows = new ArrayList<>(training.size());
    for (int i = 0; i < training.size(); i++) {
      double[] row = new double[d];
      for (int j = 0; j < d; j++) {
        row[j] = values[i * d + j];
      }
      rows.add(row);
    }
    return rows;
  }
}
