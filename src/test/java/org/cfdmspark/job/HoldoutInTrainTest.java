package org.cfdmspark.job;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.cfdmspark.testkit.SparkTest;
import org.junit.jupiter.api.Test;

/** A report's --train that holds every --holdout row loses one copy of each; one that holds only some is kept. */
@SparkTest
class HoldoutInTrainTest {
  private static final StructType SCHEMA = new StructType().add("x", DataTypes.DoubleType)
      .add("s", DataTypes.StringType);
  private static final Row A = RowFactory.create(1.5, "a");
  private static final Row B = RowFactory.create(2.0, "b");
  private static final Row MISSING = RowFactory.create(null, "b");
  private static final Row NAN = RowFactory.create(Double.NaN, null);
  private static final Row FRESH = RowFactory.create(9.0, "z");

  @Test
  void aTrainingTableHoldingEveryHeldOutRowLosesOneCopyOfEach(SparkSession spark) {
    // The input before the split: training rows (A twice, B) and held-out rows (A, a missing cell, NaN).
    Dataset<Row> input = table(spark, A, B, A, MISSING, NAN, A);
    HoldoutInTrain.Training training = HoldoutInTrain.setAside(input, table(spark, A, MISSING, NAN));
    assertEquals(3, training.setAside());
    assertEquals(sorted(List.of(A, A, B)), sorted(training.rows().collectAsList()),
        "one copy of A set aside, the other two kept; missing cells and NaN matched as equal");
  }

  @Test
  void aTrainingTableHoldingOnlySomeHeldOutRowsIsKeptWhole(SparkSession spark) {
    Dataset<Row> train = table(spark, A, B, A);
    List<Row> whole = sorted(train.collectAsList());
    for (Dataset<Row> holdout : List.of(table(spark, A, FRESH), table(spark, B, B))) {
      HoldoutInTrain.Training training = HoldoutInTrain.setAside(train, holdout);
      assertEquals(0, training.setAside(), "repeats of training rows, not the training rows themselves");
      assertEquals(whole, sorted(training.rows().collectAsList()));
    }
  }

  private static Dataset<Row> table(SparkSession spark, Row... rows) {
    return spark.createDataFrame(List.of(rows), SCHEMA);
  }

  /** The rows in one order (their text), to compare as multisets. */
  private static List<Row> sorted(List<Row> rows) {
    List<Row> copy = new ArrayList<>(rows);
    copy.sort((p, q) -> p.toString().compareTo(q.toString()));
    return copy;
  }
}
