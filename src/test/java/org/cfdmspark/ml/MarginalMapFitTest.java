package org.cfdmspark.ml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import java.util.Random;
import org.cfdmspark.engine.NeighbourSearch;
import org.cfdmspark.knn.IvfCells;
import org.cfdmspark.knn.RowMatrix;
import org.junit.jupiter.api.Test;

/** How many samples the marginal stretch's pilot runs: all 2,000 unless a step of their searches is costly. */
class MarginalMapFitTest {
  @Test
  void aCostlySearchRunsAShorterPilotNeverUnderItsFloor() {
    // A 1,500-row survey of 1,510 one-hot slots, searched exactly: 1.5e9 / (1,500 · 1,510) = 662.25 samples.
    assertEquals(662, MarginalMapFit.pilotSamples(NeighbourSearch.EXACT.rowsPerQuery(1_500) * 1_510));
    // Credit default: IVF of 657 cells with 10 probes over 27,003 rows of 122 slots, 2.6e8 for 2,000 samples.
    assertEquals(2_000, MarginalMapFit.pilotSamples((657 + 10 * 27_003 / 657.0) * 122));
    assertEquals(500, MarginalMapFit.pilotSamples(20_000 * 5_000.0), "the floor");
  }

  @Test
  void anIvfQueryReadsItsCentroidsAndItsProbedCells() {
    Random random = new Random(3);
    double[][] rows = new double[4_000][3];
    for (double[] row : rows) {
      for (int j = 0; j < row.length; j++) {
        row[j] = random.nextGaussian();
      }
    }
    IvfCells cells = IvfCells.build(RowMatrix.ofRows(rows), 40, 1);
    assertEquals(40 + 5 * 100.0, new NeighbourSearch(cells, 5).rowsPerQuery(4_000), 1e-9);
    assertEquals(4_000.0, NeighbourSearch.EXACT.rowsPerQuery(4_000));
  }
}
