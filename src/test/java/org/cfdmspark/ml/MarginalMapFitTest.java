package org.cfdmspark.ml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.cfdmspark.encoding.ColumnOverrides;
import org.cfdmspark.encoding.MarginalMap;
import org.cfdmspark.encoding.TableCodec;
import org.cfdmspark.engine.NeighbourSearch;
import org.cfdmspark.knn.IvfCells;
import org.cfdmspark.knn.RowMatrix;
import org.junit.jupiter.api.Test;

/**
 * How many samples the marginal stretch's pilot runs (all 2,000 unless a step of their searches is costly), and how the
 * log names the columns it maps.
 */
class MarginalMapFitTest {
  @Test
  void theLogNamesTheMappedNumberColumnsAndWhyTheOthersAreNot() {
    StructType schema = new StructType().add("age", DataTypes.DoubleType).add("city", DataTypes.StringType)
        .add("gain", DataTypes.DoubleType);
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      rows.add(RowFactory.create((double) i, i % 2 == 0 ? "a" : "b", i % 3 == 0 ? 0.0 : i * 1.37));
    }
    TableCodec codec = TableCodec.fit(schema, rows, ColumnOverrides.none());
    TableCodec mapped = codec.mapped(new MarginalMap[] {new MarginalMap(20, 1.1), null, null});
    assertEquals("1 of 2 number columns mapped (age); not gain: under 200 of the pilot's samples and their start rows "
        + "hold a value off the column's point masses", MarginalMapFit.describe(mapped));
    assertEquals("0 of 2 number columns mapped; not age, gain: under 200 of the pilot's samples and their start rows "
        + "hold a value off the column's point masses", MarginalMapFit.describe(codec));
  }

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
