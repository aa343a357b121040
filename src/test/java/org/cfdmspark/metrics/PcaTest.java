package org.cfdmspark.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import org.cfdmspark.knn.RowMatrix;
import org.junit.jupiter.api.Test;

class PcaTest {

  @Test
  void componentsFollowTheSpreadOfTheRows() {
    // Rows spread 10 along (1, 1, 0)/√2 and 1 along z: PC 1 reads the first spread, PC 2 the second.
    double[][] rows = new double[200][];
    for (int i = 0; i < rows.length; i++) {
      double a = (i % 20 - 9.5);
      double b = (i / 20 - 4.5) / 10;
      rows[i] = new double[] {a / Math.sqrt(2) + 3, a / Math.sqrt(2) - 1, b};
    }
    double[][] projected = Pca.fit(RowMatrix.ofRows(rows)).project(RowMatrix.ofRows(rows));
    for (int i = 0; i < rows.length; i++) {
      assertEquals(Math.abs(i % 20 - 9.5), Math.abs(projected[0][i]), 1e-4, "PC 1 of row " + i);
      assertEquals(Math.abs((i / 20 - 4.5) / 10), Math.abs(projected[1][i]), 1e-4, "PC 2 of row " + i);
    }
  }
}
