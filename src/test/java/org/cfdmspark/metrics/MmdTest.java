package org.cfdmspark.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import org.cfdmspark.knn.RowMatrix;
import org.junit.jupiter.api.Test;

class MmdTest {

  @Test
  void unbiasedEstimatorOnATinyCase() {
    // x = {0, 1}, y = {0, 2}, h = 1: within-x e^-1, within-y e^-4, cross (1 + e^-4 + e^-1 + e^-1) / 4.
    RowMatrix x = RowMatrix.ofRows(new double[][] {{0}, {1}});
    RowMatrix y = RowMatrix.ofRows(new double[][] {{0}, {2}});
    double expected = Math.exp(-1) + Math.exp(-4) - 2 * (1 + Math.exp(-4) + 2 * Math.exp(-1)) / 4;
    assertEquals(expected, Mmd.unbiased(x, y, 1), 1e-15);
  }

  @Test
  void bandwidthIsTheMedianPairwiseSquaredDistanceOfThePooledRows() {
    // Pooled {0, 1, 0, 2}: squared distances 1, 0, 4, 1, 1, 4 -> median 1.
    RowMatrix x = RowMatrix.ofRows(new double[][] {{0}, {1}});
    RowMatrix y = RowMatrix.ofRows(new double[][] {{0}, {2}});
    assertEquals(1.0, Mmd.medianBandwidth(x, y, 3), 0);
  }

  @Test
  void fallsBackToTheMeanWhenMostPairsCoincide() {
    // Pooled {0, 0, 0, 1}: squared distances 0, 0, 1, 0, 1, 1 -> median 0, mean 1/2.
    RowMatrix x = RowMatrix.ofRows(new double[][] {{0}, {0}});
    RowMatrix y = RowMatrix.ofRows(new double[][] {{0}, {1}});
    assertEquals(0.5, Mmd.medianBandwidth(x, y, 3), 1e-15);
  }

  @Test
  void isNearZeroForOneDistributionAndClearlyPositiveForTwo() {
    double[][] x = Samples.gaussian(200, 3, 0, 1);
    double same = Mmd.compute(x, Samples.gaussian(200, 3, 0, 2), 5);
    double different = Mmd.compute(x, Samples.gaussian(200, 3, 1.5, 3), 5);
    assertTrue(Math.abs(same) < 0.03, "same distribution gave " + same);
    assertTrue(different > 0.2, "shifted distribution gave " + different);
  }
}
