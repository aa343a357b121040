package org.cfdmspark.engine;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.cfdmspark.knn.RowMatrix;
import org.junit.jupiter.api.Test;

/**
 * The random-feature test loss over p/n on a real table (George, Veiga, Macris, arXiv 2502.00336, Fig. 1's
 * shape): ten standardised number columns of credit default, n = 150 training rows, the next 1,000 as test rows.
 */
class RandomFeatureCreditTest {

  @Test
  void testLossPeaksWherePEqualsN() throws Exception {
    double[][] table = Fixtures.standardisedColumns("credit_default.csv.gz", "LIMIT_BAL", "AGE", "PAY_0", "PAY_2",
        "BILL_AMT1", "BILL_AMT2", "BILL_AMT3", "PAY_AMT1", "PAY_AMT2", "PAY_AMT3");
    int n = 150;
    TrainingSet training = TrainingSet.of(Arrays.copyOfRange(table, 0, n));
    RowMatrix test = RowMatrix.ofRows(Arrays.copyOfRange(table, n, n + 1000));
    TimeGrid grid = new TimeGrid(2, 1); // the single time t = 1/2
    double[] ratios = {0.1, 0.25, 0.5, 0.75, 1, 1.33, 2, 4, 8};
    double[] losses = new double[ratios.length];
    int peak = 0;
    for (int k = 0; k < ratios.length; k++) {
      int p = (int) Math.round(ratios[k] * n);
      RandomFeatureModel model = RandomFeatureFitting.fit(training, new RandomFeatureSpec(p, 1, 1e-9), grid, 5);
      losses[k] = DsmLoss.of(new RandomFeaturePosteriorMean(training, model), test, grid, 1, 1, 77);
      if (losses[k] > losses[peak]) {
        peak = k;
      }
    }
    String curve = "p/n " + Arrays.toString(ratios) + ": test loss " + Arrays.toString(losses);
    assertTrue(ratios[peak] >= 0.5 && ratios[peak] <= 2, "peak at p/n = " + ratios[peak] + "; " + curve);
    assertTrue(losses[peak] > 2 * losses[0] && losses[peak] > 2 * losses[ratios.length - 1], curve);
  }
}
