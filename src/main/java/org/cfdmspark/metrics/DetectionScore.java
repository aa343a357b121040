package org.cfdmspark.metrics;

import static org.apache.spark.sql.functions.col;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.spark.ml.Transformer;
import org.apache.spark.ml.classification.LogisticRegression;
import org.apache.spark.ml.evaluation.BinaryClassificationEvaluator;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.cfdmspark.engine.RandomStream;

/**
 * SDMetrics' LogisticDetection (a classifier two-sample test): label real rows 1 and synthetic rows 0, split
 * them into 3 stratified folds, fit a logistic regression on two folds and take the ROC AUC on the third;
 * score = 1 − mean_f(2 · max(0.5, AUC_f) − 1). 1 = indistinguishable, 0 = separable.
 *
 * @param score the detection score in [0, 1]
 * @param foldAucs the AUC of each fold
 */
public record DetectionScore(double score, List<Double> foldAucs) {
  static final int FOLDS = 3;
  /** The columns a {@link Classifier} is trained on: the label (1 real, 0 synthetic) and the feature vector. */
  public static final String LABEL = "label";
  public static final String FEATURES = "features";
  private static final String FOLD = "fold";
  private static final StructType SCHEMA = new StructType()
      .add(LABEL, DataTypes.DoubleType, false)
      .add(FOLD, DataTypes.IntegerType, false)
      .add(FEATURES, SQLDataTypes.VectorType(), false);

  /** A binary classifier fitted on the training folds: rows with {@link #LABEL} and {@link #FEATURES}. */
  @FunctionalInterface
  public interface Classifier {
    /** A model whose transform adds a rawPrediction column; {@code rows} is the number of training rows. */
    Transformer fit(Dataset<Row> training, int rows);
  }

  /**
   * SDMetrics' LogisticDetection. SDMetrics fits sklearn's LogisticRegression (L2, C = 1) on standardised features:
   * C Σ loss + ½‖w‖². Spark minimises (1/n) Σ loss + regParam · ½‖w‖² on standardised features, the same optimum
   * when regParam = 1 / (C n).
   */
  public static final Classifier LOGISTIC = (training, rows) -> new LogisticRegression()
      .setLabelCol(LABEL)
      .setFeaturesCol(FEATURES)
      .setRegParam(1.0 / rows)
      .fit(training);

  /**
   * Scores {@code synthetic} against {@code real}, both already encoded (standardised numerics, one-hot
   * categoricals, no missing values) with the same columns; each needs at least {@value #FOLDS} rows. The
   * folds are drawn from {@code seed}.
   */
  public static DetectionScore compute(SparkSession spark, double[][] real, double[][] synthetic, long seed) {
    return compute(spark, real, synthetic, seed, LOGISTIC);
  }

  /** The same test with another classifier (e.g. gradient-boosted trees, which separate far more). */
  public static DetectionScore compute(SparkSession spark, double[][] real, double[][] synthetic, long seed,
      Classifier classifier) {
    int dimension = real.length == 0 ? 0 : real[0].length;
    requireUsable(real, "real", dimension);
    requireUsable(synthetic, "synthetic", dimension);
    RandomStream random = MetricStream.FOLDS.open(seed);
    int[] realFolds = stratifiedFolds(real.length, random);
    int[] syntheticFolds = stratifiedFolds(synthetic.length, random);
    List<Row> rows = new ArrayList<>(real.length + synthetic.length);
    for (int i = 0; i < real.length; i++) {
      rows.add(RowFactory.create(1.0, realFolds[i], Vectors.dense(real[i])));
    }
    for (int i = 0; i < synthetic.length; i++) {
      rows.add(RowFactory.create(0.0, syntheticFolds[i], Vectors.dense(synthetic[i])));
    }
    // Checkpointed, not only cached: rows made on the driver would otherwise travel inside every task of the
    // classifier's hundreds of stages (their partitions hold the rows), megabytes each for a large report.
    Dataset<Row> data = spark.createDataFrame(rows, SCHEMA).localCheckpoint();
    try {
      BinaryClassificationEvaluator evaluator = new BinaryClassificationEvaluator()
          .setLabelCol(LABEL)
          .setMetricName("areaUnderROC")
          .setNumBins(0); // the exact ROC curve, not a down-sampled one
      // The folds are independent Spark jobs, fitted side by side: on report-sized tables a classifier's
      // hundreds of small stages are latency, not work, and the folds' latencies overlap.
      List<Callable<Double>> folds = new ArrayList<>();
      for (int f = 0; f < FOLDS; f++) {
        int fold = f;
        int trainRows = rows.size() - count(realFolds, fold) - count(syntheticFolds, fold);
        folds.add(() -> evaluator.evaluate(classifier.fit(data.where(col(FOLD).notEqual(fold)), trainRows)
            .transform(data.where(col(FOLD).equalTo(fold)))));
      }
      List<Double> aucs = inParallel(folds);
      double sum = 0;
      for (double auc : aucs) {
        sum += 2 * Math.max(0.5, auc) - 1;
      }
      return new DetectionScore(1 - sum / FOLDS, aucs);
    } finally {
      data.unpersist();
    }
  }

  /** The tasks' results in order, run on a thread each; the first failure is rethrown as it was thrown. */
  private static List<Double> inParallel(List<Callable<Double>> tasks) {
    ExecutorService threads = Executors.newFixedThreadPool(tasks.size(), runnable -> {
      Thread thread = new Thread(runnable, "detection-fold");
      thread.setDaemon(true);
      return thread;
    });
    try {
      List<Double> results = new ArrayList<>();
      for (Future<Double> result : threads.invokeAll(tasks)) {
        results.add(result.get());
      }
      return List.copyOf(results);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while the detection folds ran", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(e.getCause());
    } finally {
      threads.shutdownNow();
    }
  }

  /** The fold of each of n rows of one class: a seeded shuffle dealt round-robin, so fold sizes differ by ≤ 1. */
  static int[] stratifiedFolds(int n, RandomStream random) {
    int[] order = Subsample.indices(n, n, random);
    int[] folds = new int[n];
    for (int position = 0; position < n; position++) {
      folds[order[position]] = position % FOLDS;
    }
    return folds;
  }

  private static int count(int[] folds, int fold) {
    int count = 0;
    for (int f : folds) {
      if (f == fold) {
        count++;
      }
    }
    return count;
  }

  private static void requireUsable(double[][] rows, String role, int dimension) {
    if (rows.length < FOLDS) {
      throw new IllegalArgumentException("the " + role + " rows number " + rows.length + "; " + FOLDS
          + "-fold detection needs at least " + FOLDS);
    }
    for (int i = 0; i < rows.length; i++) {
      if (rows[i].length != dimension) {
        throw new IllegalArgumentException(role + " row " + i + " has " + rows[i].length + " values, expected "
            + dimension);
      }
      for (double v : rows[i]) {
        if (!Double.isFinite(v)) {
          throw new IllegalArgumentException(role + " row " + i + " holds " + v + "; encode missing values first");
        }
      }
    }
  }
}
