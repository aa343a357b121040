package org.cfdmspark.privacy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.cfdmspark.encoding.ColumnOverrides;
import org.cfdmspark.encoding.TableCodec;
import org.cfdmspark.engine.TrainingSet;
import org.cfdmspark.knn.BruteForceIndex;
import org.cfdmspark.knn.DotProductKernel;
import org.cfdmspark.knn.RowMatrix;
import org.cfdmspark.metrics.NearCopyThreshold;
import org.junit.jupiter.api.Test;

/**
 * With --numeric-scale normal-scores the model averages normal scores, but the check must mean by a near-copy what
 * the report does: distances between rows encoded by the report's own codec (numbers standardised, no point-mass
 * indicators), fitted independently on the same table.
 */
class NearCopyReportSpaceTest {
  private static final int ROWS = 600;
  private static final StructType SCHEMA = DataTypes.createStructType(List.of(
      DataTypes.createStructField("amount", DataTypes.DoubleType, false),
      DataTypes.createStructField("debt", DataTypes.DoubleType, false),
      DataTypes.createStructField("kind", DataTypes.StringType, false)));
  /** The model's overrides: point masses, normal scores, final noise. */
  private static final ColumnOverrides MODEL = new ColumnOverrides(Set.of(), Set.of(), 200, true, Set.of(),
      Set.of("amount", "debt"), List.of(), true, 0.03);
  /** The report's: standardised numbers, no point masses (ReportJob). */
  private static final ColumnOverrides REPORT = new ColumnOverrides(Set.of(), Set.of(), 200, false, Set.of(),
      Set.of("amount", "debt"), List.of());

  /** A right-skewed amount (2 decimals), a debt that is 0 for about a third of the rows, a 3-way category. */
  private static List<Row> table() {
    Random random = new Random(7);
    List<Row> rows = new ArrayList<>();
    String[] kinds = {"a", "b", "c"};
    for (int i = 0; i < ROWS; i++) {
      double amount = Math.rint(5000 * Math.exp(1.2 * random.nextGaussian())) / 100;
      double debt = random.nextDouble() < 0.35 ? 0 : Math.rint(1000 * Math.exp(random.nextGaussian()));
      rows.add(RowFactory.create(amount, debt, kinds[random.nextInt(3)]));
    }
    return rows;
  }

  private static double[][] encode(TableCodec codec, List<Row> rows) {
    double[][] out = new double[rows.size()][];
    float[] row = new float[codec.width()];
    for (int i = 0; i < out.length; i++) {
      codec.encode(rows.get(i), row, 0);
      out[i] = new double[row.length];
      for (int j = 0; j < row.length; j++) {
        out[i][j] = row[j];
      }
    }
    return out;
  }

  /** Whether the training table holds the row {@code cells} more than once. */
  private static boolean repeated(List<Row> rows, Object[] cells) {
    return rows.stream().filter(RowFactory.create(cells)::equals).count() > 1;
  }

  @Test
  void theThresholdIsTheReportsWhateverTheModelAverages() {
    List<Row> rows = table();
    TableCodec model = TableCodec.fit(SCHEMA, rows, MODEL);
    TableCodec report = TableCodec.fit(SCHEMA, rows, REPORT);
    assertTrue(model.normalScores() && !report.normalScores());
    double expected = NearCopyThreshold.of(RowMatrix.ofRows(encode(report, rows)));
    NearCopyCheck check = NearCopyCheck.of(TrainingSet.of(encode(model, rows)), model, 1);
    assertEquals(expected, check.threshold(), 1e-5 * expected);
    // The model's own space would give another threshold: what the check no longer uses.
    double[][] modelRows = encode(model, rows);
    int[] slots = model.metricSlots();
    double[][] projected = new double[ROWS][slots.length];
    for (int i = 0; i < ROWS; i++) {
      for (int j = 0; j < slots.length; j++) {
        projected[i][j] = modelRows[i][slots[j]];
      }
    }
    double modelSpace = NearCopyThreshold.of(RowMatrix.ofRows(projected));
    assertTrue(Math.abs(modelSpace - expected) > 0.1 * expected, "model space " + modelSpace + " vs " + expected);
  }

  @Test
  void aSampleIsANearCopyExactlyWhenTheReportWouldCountIt() {
    List<Row> rows = table();
    TableCodec model = TableCodec.fit(SCHEMA, rows, MODEL);
    TableCodec report = TableCodec.fit(SCHEMA, rows, REPORT);
    double[][] modelRows = encode(model, rows);
    double[][] reportRows = encode(report, rows);
    TrainingSet training = TrainingSet.of(modelRows);
    NearCopyCheck check = NearCopyCheck.of(training, model, 1);
    double threshold = NearCopyThreshold.of(RowMatrix.ofRows(reportRows));

    // Samples: training rows moved in the model's space by noise of several sizes.
    int count = 1000;
    int d = model.width();
    double[] samples = new double[count * d];
    Random random = new Random(11);
    for (int s = 0; s < count; s++) {
      double size = 0.002 * Math.pow(50, s % 5 / 4.0); // 0.002 .. 0.1
      double[] from = modelRows[random.nextInt(ROWS)];
      for (int j = 0; j < d; j++) {
        samples[s * d + j] = from[j] + size * random.nextGaussian();
      }
    }
    // By hand: decode as the user receives sample s of seed 3, encode with the report's codec, nearest training row
    // by a scan.
    boolean[] expected = new boolean[count];
    Object[] cells = new Object[model.columns().size()];
    float[] encoded = new float[report.width()];
    int near = 0;
    for (int s = 0; s < count; s++) {
      model.decode(samples, s * d, cells, 0, 3, s);
      report.encode(RowFactory.create(cells), encoded, 0);
      double best = Double.POSITIVE_INFINITY;
      for (double[] row : reportRows) {
        double squared = 0;
        for (int j = 0; j < row.length; j++) {
          squared += (encoded[j] - row[j]) * (encoded[j] - row[j]);
        }
        best = Math.min(best, squared);
      }
      double distance = Math.sqrt(best);
      expected[s] = distance < NearCopyCheck.EQUAL ? !repeated(rows, cells) : distance < threshold;
      near += expected[s] ? 1 : 0;
    }
    assertTrue(near > 30 && near < count - 30, near + " near-copies: the samples must test both sides");
    BruteForceIndex unused = new BruteForceIndex(training.points(), DotProductKernel.best());
    long[] ids = java.util.stream.LongStream.range(0, count).toArray();
    assertArrayEquals(expected, check.test(unused, model, samples, count, 3, ids));
  }
}
