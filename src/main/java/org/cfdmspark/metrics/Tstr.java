package org.cfdmspark.metrics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.ml.Transformer;
import org.apache.spark.ml.classification.GBTClassifier;
import org.apache.spark.ml.evaluation.BinaryClassificationEvaluator;
import org.apache.spark.ml.evaluation.RegressionEvaluator;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.ml.regression.GBTRegressor;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.cfdmspark.config.BadInputException;

/**
 * TSTR, train on synthetic, test on real (metrics.md, "utility"): Spark MLlib gradient-boosted trees (at their
 * defaults: 20 trees of depth 5, step 0.1; {@link TstrFeatures}: one-hot categoricals) trained once on the synthetic
 * rows S and once on the training rows R, with the same seed, to predict the target from the other columns; both
 * scored on the held-out rows H. A categorical target is a binary task, its positive class the last value in sorted
 * order (the TabSyn protocol's label is binary already), scored by ROC AUC; a numeric target is a regression scored
 * by R² = 1 − SS_res / SS_tot. Rows whose target is missing are left out. The gap R − S is what training on S
 * instead of R costs.
 *
 * @param target the target column; null when TSTR was skipped ({@code note} says why)
 * @param metric "roc_auc" or "r2"
 * @param positiveClass the class scored as positive (a categorical target only)
 * @param synthetic the figure of the model trained on S
 * @param real the figure of the model trained on R, the reference
 * @param gap real − synthetic
 * @param note why TSTR was skipped, or why a figure is missing (e.g. one class only in H); null otherwise
 */
public record Tstr(String target, String metric, String positiveClass, Double synthetic, Double real, Double gap,
    String note) {
  private static final String LABEL = "label";
  private static final String FEATURES = "features";
  private static final String RAW = "rawPrediction";
  private static final String PREDICTION = "prediction";
  private static final StructType SCHEMA = new StructType()
      .add(LABEL, DataTypes.DoubleType, false)
      .add(FEATURES, SQLDataTypes.VectorType(), false);

  /** A TSTR entry without figures, saying why. */
  public static Tstr skipped(String note) {
    return new Tstr(null, null, null, null, null, null, note);
  }

  /**
   * Scores S and R on H. The tables share the training table's columns; {@code target} names one of them.
   *
   * @throws BadInputException when there is no such column, or it is the only one
   */
  public static Tstr compute(SparkSession spark, EvalTable train, EvalTable synthetic, EvalTable holdout,
      String target, long seed) {
    if (train.columns().stream().noneMatch(c -> c.name().equals(target))) {
      throw new BadInputException("--target " + target + " is not among the compared columns ("
          + String.join(", ", train.columns().stream().map(EvalColumn::name).toList()) + "); choose one of them");
    }
    if (train.columns().size() < 2) {
      throw new BadInputException("--target " + target + " is the only column: TSTR needs other columns to "
          + "predict it from");
    }
    TstrFeatures features = new TstrFeatures(train, target);
    Task task = Task.of(train.column(target));
    boolean categorical = task.classification();
    String positive = task.positiveClass();
    Dataset<Row> h = rows(spark, holdout, features, target, task);
    Dataset<Row> s = rows(spark, synthetic, features, target, task);
    Dataset<Row> r = rows(spark, train, features, target, task);
    try {
      if (categorical) {
        long positives = h.where(h.col(LABEL).equalTo(1.0)).count();
        if (positives == 0 || positives == h.count()) {
          return new Tstr(target, "roc_auc", positive, null, null, null, "the holdout rows hold one class only: "
              + "AUC is undefined");
        }
      }
      double onSynthetic = score(s, h, categorical, seed);
      double onReal = score(r, h, categorical, seed);
      return new Tstr(target, categorical ? "roc_auc" : "r2", positive, onSynthetic, onReal, onReal - onSynthetic,
          null);
    } finally {
      h.unpersist();
      s.unpersist();
      r.unpersist();
    }
  }

  /** The figure on {@code test} of trees fitted on {@code training}. */
  private static double score(Dataset<Row> training, Dataset<Row> test, boolean categorical, long seed) {
    if (categorical) {
      // One class only: every score is the same constant, and a constant ranks positives at chance.
      long positives = training.where(training.col(LABEL).equalTo(1.0)).count();
      if (positives == 0 || positives == training.count()) {
        return 0.5;
      }
      Transformer model = new GBTClassifier().setLabelCol(LABEL).setFeaturesCol(FEATURES).setSeed(seed)
          .fit(training);
      return new BinaryClassificationEvaluator().setLabelCol(LABEL).setRawPredictionCol(RAW)
          .setMetricName("areaUnderROC").setNumBins(0).evaluate(model.transform(test));
    }
    Transformer model = new GBTRegressor().setLabelCol(LABEL).setFeaturesCol(FEATURES).setSeed(seed)
        .fit(training);
    return new RegressionEvaluator().setLabelCol(LABEL).setPredictionCol(PREDICTION).setMetricName("r2")
        .evaluate(model.transform(test));
  }

  /**
   * What is predicted: a classification for a categorical target and for a numeric one with two values (a 0/1
   * label), whose positive class is the last value in sorted order (the larger number); a regression otherwise.
   *
   * @param positiveClass the positive class as text; null for a regression
   * @param positiveNumber the positive class of a numeric target; NaN otherwise
   */
  record Task(boolean classification, String positiveClass, double positiveNumber) {
    static Task of(EvalColumn target) {
      if (target instanceof EvalColumn.Categorical categorical) {
        String[] levels = TstrFeatures.sortedLevels(categorical.values());
        String last = levels[levels.length - 1] == null ? (levels.length > 1 ? levels[levels.length - 2] : null)
            : levels[levels.length - 1];
        if (last == null) {
          throw new BadInputException("--target " + target.name() + " has no value in the training rows; choose "
              + "a column with values");
        }
        return new Task(true, last, Double.NaN);
      }
      double[] distinct = Arrays.stream(((EvalColumn.Numeric) target).values())
          .filter(v -> !Double.isNaN(v)).distinct().sorted().toArray();
      return distinct.length == 2 ? new Task(true, Double.toString(distinct[1]), distinct[1])
          : new Task(false, null, Double.NaN);
    }

    /** Row i's label: 1 or 0 for a classification, the number for a regression; NaN when the target is missing. */
    double label(EvalColumn target, int i) {
      if (target instanceof EvalColumn.Categorical categorical) {
        String v = categorical.values()[i];
        return v == null ? Double.NaN : v.equals(positiveClass) ? 1 : 0;
      }
      double v = ((EvalColumn.Numeric) target).values()[i];
      return Double.isNaN(v) || !classification ? v : v == positiveNumber ? 1 : 0;
    }
  }

  /** The table's rows with a target as (label, features). */
  private static Dataset<Row> rows(SparkSession spark, EvalTable table, TstrFeatures features, String target,
      Task task) {
    EvalColumn targetColumn = table.column(target);
    List<Row> rows = new ArrayList<>(table.rows());
    for (int i = 0; i < table.rows(); i++) {
      double label = task.label(targetColumn, i);
      if (!Double.isNaN(label)) {
        rows.add(RowFactory.create(label, Vectors.dense(features.row(table, i))));
      }
    }
    if (rows.isEmpty()) {
      throw new BadInputException("--target " + target + " has no value in a table of " + table.rows()
          + " rows; choose a column with values");
    }
    // Checkpointed, not only cached: see DetectionScore (driver rows would ride in every task of the trees' stages).
    return spark.createDataFrame(rows, SCHEMA).localCheckpoint();
  }
}
