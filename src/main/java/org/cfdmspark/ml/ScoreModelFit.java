package org.cfdmspark.ml;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;
import org.cfdmspark.config.Settings;
import org.cfdmspark.engine.RandomFeatureSpec;
import org.cfdmspark.engine.SamplerConfig;
import org.cfdmspark.engine.ScoreNetworkSpec;
import org.cfdmspark.engine.ScoreNetworkTraining;
import org.cfdmspark.engine.TrainingSet;

/**
 * The trained score models of a stratum, from the knobs ({@link ScoreModelKnobs}) to a {@link TrainedGenerator}:
 * the checks to run before any work, then the fit (random features on Spark, the score network in the driver's
 * JVM, on one thread, deterministic for the seed).
 */
final class ScoreModelFit {
  private ScoreModelFit() {
  }

  static RandomFeatureSpec randomFeatureSpec(Settings settings) {
    return new RandomFeatureSpec(settings.get(ScoreModelKnobs.FEATURES), settings.get(ScoreModelKnobs.NOISE_DRAWS),
        settings.get(ScoreModelKnobs.RIDGE));
  }

  static ScoreNetworkSpec scoreNetworkSpec(Settings settings) {
    return new ScoreNetworkSpec(settings.get(ScoreModelKnobs.HIDDEN_WIDTH),
        settings.get(ScoreModelKnobs.HIDDEN_LAYERS), settings.get(ScoreModelKnobs.EPOCHS),
        settings.get(ScoreModelKnobs.PATIENCE), settings.get(ScoreModelKnobs.VALIDATION_FRACTION),
        settings.get(ScoreModelKnobs.LEARNING_RATE), settings.get(ScoreModelKnobs.BATCH_SIZE));
  }

  /**
   * The checks of the trained models that need the run's facts, for before any work: p against the driver's
   * heap, the training rows against the score network's validation split.
   *
   * @throws org.cfdmspark.config.BadInputException one line naming the problem and the fix
   */
  static void check(Settings settings, long trainingRows, long driverHeapBytes) {
    ScoreModelKnobs.checkFeatures(settings, driverHeapBytes);
    ScoreModelKnobs.checkRows(settings, trainingRows, scoreNetworkSpec(settings).minimumRows());
  }

  /**
   * Fits the trained model {@code kind} on a stratum's rows, on the grid and seed of {@code config}; the random
   * features' normal equations are summed over the active Spark session's default parallelism.
   */
  static TrainedGenerator fit(GeneratorKind kind, TrainingSet training, Settings settings, SamplerConfig config) {
    long start = System.nanoTime();
    return switch (kind) {
      case RANDOM_FEATURES -> {
        JavaSparkContext spark = JavaSparkContext.fromSparkContext(SparkSession.active().sparkContext());
        Broadcast<TrainingSet> shared = spark.broadcast(training);
        try {
          var model = RandomFeatureFit.fit(rows(spark, shared, training.size()), training.dimension(),
              randomFeatureSpec(settings), config.timeGrid(), config.seed());
          yield new TrainedGenerator(kind, model, seconds(start), List.of(), 0);
        } finally {
          shared.destroy();
        }
      }
      case SCORE_NET -> {
        ScoreNetworkTraining.Result result = ScoreNetworkTraining.train(training, scoreNetworkSpec(settings),
            config.timeGrid(), config.seed());
        yield new TrainedGenerator(kind, result.network(), seconds(start), result.epochs(), result.bestEpoch());
      }
      default -> throw new IllegalArgumentException(kind + " is not a trained score model");
    };
  }

  private static double seconds(long start) {
    return (System.nanoTime() - start) / 1e9;
  }

  /**
   * The training rows in their order, as doubles, one slice [first, end) per core: the rows travel in the
   * broadcast, a task carries only its slice's bounds.
   */
  private static JavaRDD<double[]> rows(JavaSparkContext spark, Broadcast<TrainingSet> shared, int n) {
    int slices = Math.max(1, Math.min(n, spark.defaultParallelism()));
    List<int[]> bounds = new ArrayList<>();
    for (int k = 0; k < slices; k++) {
      bounds.add(new int[] {(int) ((long) n * k / slices), (int) ((long) n * (k + 1) / slices)});
    }
    return spark.parallelize(bounds, slices).flatMap(slice -> {
      TrainingSet training = shared.value();
      int d = training.dimension();
      float[] values = training.points().values();
      List<double[]> rows = new ArrayList<>(slice[1] - slice[0]);
      for (int i = slice[0]; i < slice[1]; i++) {
        double[] row = new double[d];
        for (int j = 0; j < d; j++) {
          row[j] = values[i * d + j];
        }
        rows.add(row);
      }
      return rows.iterator();
    });
  }
}
