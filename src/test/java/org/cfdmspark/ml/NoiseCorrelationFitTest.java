package org.cfdmspark.ml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.cfdmspark.encoding.ColumnOverrides;
import org.cfdmspark.encoding.NoiseCorrelation;
import org.cfdmspark.encoding.TableCodec;
import org.cfdmspark.engine.TrainingSet;
import org.cfdmspark.metrics.CorrelationSimilarity;
import org.junit.jupiter.api.Test;

/**
 * The final noise's correlation is the number columns' correlation within the categories: on a table where it has
 * the opposite sign across them (Simpson's paradox), the noise follows the rows of a category.
 */
class NoiseCorrelationFitTest {
  private static final ColumnOverrides NOISY = new ColumnOverrides(Set.of(), Set.of(), 200, true, Set.of(), Set.of(),
      List.of(), true, 0.2);

  @Test
  void theCorrelationIsTheOneWithinTheCategories() {
    // Group a: y = x + small noise around (0, 0); group b the same around (4, −4): within each group x and y rise
    // together, across the two they fall.
    Random random = new Random(2);
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < 4000; i++) {
      boolean b = i % 2 == 1;
      double x = random.nextGaussian();
      rows.add(RowFactory.create(b ? "b" : "a", (b ? 4 : 0) + x, (b ? -4 : 0) + x + 0.1 * random.nextGaussian()));
    }
    StructType schema = new StructType().add("group", DataTypes.StringType).add("x", DataTypes.DoubleType)
        .add("y", DataTypes.DoubleType);
    TableCodec codec = TableCodec.fit(schema, rows, NOISY);
    TrainingSet training = new TrainingSet(TrainingMatrix.encode(rows, codec));
    double[][] readings = new double[3][];
    for (int c = 1; c < 3; c++) {
      readings[c] = codec.trainingReadings(c, training.points().values(), training.size());
    }
    NoiseCorrelation across = NoiseCorrelation.fit(readings);
    assertTrue(across.correlation(0, 1) < -0.3, "the plain correlation of x and y: " + across.correlation(0, 1));
    NoiseCorrelation within = NoiseCorrelationFit.fit(codec, List.of(training));
    assertEquals(1, within.columns()[0], "x");
    assertEquals(2, within.columns()[1], "y");
    // Independent reference: the correlation of the slots less their group's mean (additive effects of one
    // categorical column are its groups' means).
    assertEquals(CorrelationSimilarity.pearson(groupCentred(readings[1]), groupCentred(readings[2])),
        within.correlation(0, 1), 1e-4);
    assertTrue(within.correlation(0, 1) > 0.8, "within a group x and y rise together: " + within.correlation(0, 1));
  }

  @Test
  void aTableWithoutCategoriesGetsThePlainCorrelation() {
    Random random = new Random(4);
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      double x = random.nextGaussian();
      rows.add(RowFactory.create(x, 2 * x + random.nextGaussian()));
    }
    StructType schema = new StructType().add("x", DataTypes.DoubleType).add("y", DataTypes.DoubleType);
    TableCodec codec = TableCodec.fit(schema, rows, NOISY);
    TrainingSet training = new TrainingSet(TrainingMatrix.encode(rows, codec));
    double[][] readings = {codec.trainingReadings(0, training.points().values(), training.size()),
        codec.trainingReadings(1, training.points().values(), training.size())};
    assertEquals(NoiseCorrelation.fit(readings).correlation(0, 1),
        NoiseCorrelationFit.fit(codec, List.of(training)).correlation(0, 1), 1e-12);
  }

  /** The values less their group's mean, the groups alternating row by row (a, b, a, b, …). */
  private static double[] groupCentred(double[] v) {
    double[] mean = new double[2];
    for (int i = 0; i < v.length; i++) {
      mean[i % 2] += v[i] / (v.length / 2.0);
    }
    double[] out = Arrays.copyOf(v, v.length);
    for (int i = 0; i < v.length; i++) {
      out[i] -= mean[i % 2];
    }
    return out;
  }
}
