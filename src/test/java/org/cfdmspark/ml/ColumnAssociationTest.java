package org.cfdmspark.ml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import java.util.Random;
import java.util.stream.IntStream;
import org.cfdmspark.knn.RowMatrix;
import org.junit.jupiter.api.Test;

/** The weights a redrawn column's neighbours are found by: squared correlations with the other columns. */
class ColumnAssociationTest {
  @Test
  void eachColumnWeighsItsLargestSquaredCorrelationWithTheRedrawnOne() {
    // Columns: x standard normal (slot 0), y = 2x + 1 (slot 1), z independent (slot 2), and x's sign one-hot
    // (slots 3, 4). For x: y correlates exactly (1); the sign's indicator 1{x > 0} has cov φ(0) = 0.399 with x and sd
    // 1/2, so corr² = 4φ(0)² = 2/π; z nothing (the floor, within 2,000 rows' noise).
    Random random = new Random(2);
    int n = 20_000;
    double[][] rows = new double[n][];
    for (int i = 0; i < n; i++) {
      double x = random.nextGaussian();
      rows[i] = new double[] {x, 2 * x + 1, random.nextGaussian(), x > 0 ? 0.7 : 0, x > 0 ? 0 : 0.7};
    }
    ColumnAssociation association = new ColumnAssociation(RowMatrix.ofRows(rows), IntStream.range(0, n).toArray(),
        new int[] {0, 1, 2, 3, 4}, new int[] {0, 1, 2, 3, 3});
    double[] forX = association.slotWeights(0);
    assertEquals(0, forX[0], 0, "its own slot");
    assertEquals(1, forX[1], 1e-6);
    assertEquals(2 / Math.PI, forX[3], 0.02);
    assertEquals(forX[3], forX[4], 0, "a column's slots weigh alike");
    assertEquals(ColumnAssociation.FLOOR, forX[2], 0.002);
    double[] forSign = association.slotWeights(3);
    assertEquals(2 / Math.PI, forSign[0], 0.02, "the same tie, seen from the sign");
    assertEquals(0, forSign[3] + forSign[4], 0);
  }
}
