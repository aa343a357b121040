package org.cfdmspark.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import java.util.Arrays;
import org.apache.spark.sql.SparkSession;
import org.cfdmspark.engine.RandomStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DetectionScoreTest {
  private static SparkSession spark;

  @BeforeAll
  static void startSpark() {
    spark = SparkSession.builder()
        .master("local[2]")
        .appName("DetectionScoreTest")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .getOrCreate();
  }

  @AfterAll
  static void stopSpark() {
    spark.stop();
  }

  @Test
  void twoSamplesOfOneDistributionAreNearlyIndistinguishable() {
    DetectionScore result = DetectionScore.compute(spark, Samples.gaussian(300, 3, 0, 1),
        Samples.gaussian(300, 3, 0, 2), 9);
    assertEquals(DetectionScore.FOLDS, result.foldAucs().size());
    assertTrue(result.score() > 0.85, "score " + result.score() + ", fold AUCs " + result.foldAucs());
  }

  @Test
  void separableSamplesScoreNearZero() {
    DetectionScore result = DetectionScore.compute(spark, Samples.gaussian(150, 3, 0, 3),
        Samples.gaussian(150, 3, 6, 4), 9);
    assertTrue(result.score() < 0.02, "score " + result.score() + ", fold AUCs " + result.foldAucs());
  }

  @Test
  void foldsAreBalancedWithinEachClass() {
    int[] folds = DetectionScore.stratifiedFolds(100, new RandomStream(5));
    int[] sizes = new int[DetectionScore.FOLDS];
    for (int fold : folds) {
      sizes[fold]++;
    }
    assertEquals("[34, 33, 33]", Arrays.toString(sizes));
  }
}
