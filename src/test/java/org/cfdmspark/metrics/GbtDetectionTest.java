package org.cfdmspark.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.apache.spark.sql.SparkSession;
import org.cfdmspark.testkit.TestSpark;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class GbtDetectionTest {
  private static SparkSession spark;

  @BeforeAll
  static void startSpark() {
    spark = TestSpark.local(2);
  }

  private static double[][] gaussian(int n, int d, double mean, long seed) {
    Random random = new Random(seed);
    double[][] rows = new double[n][d];
    for (double[] row : rows) {
      for (int j = 0; j < d; j++) {
        row[j] = mean + random.nextGaussian();
      }
    }
    return rows;
  }

  @Test
  void identicalTablesAreIndistinguishable() {
    double[][] rows = gaussian(300, 3, 0, 1);
    DetectionScore score = GbtDetection.compute(spark, rows, rows.clone(), 9);
    assertEquals(3, score.foldAucs().size());
    assertTrue(score.score() > 0.85, score.toString());
  }

  @Test
  void separableTablesScoreNearZero() {
    DetectionScore score = GbtDetection.compute(spark, gaussian(150, 3, 0, 1), gaussian(150, 3, 6, 2), 9);
    assertTrue(score.score() < 0.02, score.toString());
  }

  @Test
  void treesSeeWhatALinearModelCannot() {
    // Real rows on a ring of radius 1, synthetic ones inside it and beyond it at radius 0.5 or 1.5: the means
    // agree, so a logistic regression finds nothing, while trees cut the plane into the three bands.
    Random random = new Random(4);
    double[][] real = new double[300][2];
    double[][] synthetic = new double[300][2];
    for (int i = 0; i < 300; i++) {
      double a = 2 * Math.PI * random.nextDouble();
      real[i] = new double[] {Math.cos(a), Math.sin(a)};
      double b = 2 * Math.PI * random.nextDouble();
      double radius = i % 2 == 0 ? 0.5 : 1.5;
      synthetic[i] = new double[] {radius * Math.cos(b), radius * Math.sin(b)};
    }
    double logistic = DetectionScore.compute(spark, real, synthetic, 9).score();
    double trees = GbtDetection.compute(spark, real, synthetic, 9).score();
    assertTrue(logistic > 0.7, "logistic " + logistic);
    assertTrue(trees < 0.3, "trees " + trees);
  }
}
