package org.cfdmspark.ml;

import static org.junit.jupiter.api.Assertions.assertTrue;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.cfdmspark.testkit.SparkTest;
import org.junit.jupiter.api.Test;

/**
 * A quantity and its double plus a little (y = 2x + N(0, 2²), x ~ N(50, 10²)): the final noise drawn apart for x and
 * y widened the residual y − 2x threefold (sd 2.0 → 6.1 on 3,000 rows), a relation any model trained on the samples
 * would get wrong; drawn together (--correlated-noise) it stays about the training rows' own.
 */
@SparkTest
class CorrelatedNoiseTest {
  private static final int ROWS = 3000;

  @Test
  void aTightLinearRelationKeepsItsResidual(SparkSession spark) {
    Random random = new Random(8);
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < ROWS; i++) {
      double x = 50 + 10 * random.nextGaussian();
      rows.add(RowFactory.create(x, 2 * x + 2 * random.nextGaussian()));
    }
    Dataset<Row> table = spark.createDataFrame(rows, new StructType().add("x", DataTypes.DoubleType)
        .add("y", DataTypes.DoubleType));
    double training = residualSd(table.collectAsList());
    double together = residualSd(model(table, true).sample(ROWS).collectAsList());
    double apart = residualSd(model(table, false).sample(ROWS).collectAsList());
    assertTrue(together < 1.3 * training, "drawn together: residual sd " + together + " against training's "
        + training);
    assertTrue(apart > 2 * training, "drawn apart, each column's noise of 0.2 normal scores blurs the relation: "
        + apart + " against " + training);
  }

  private static CfdmModel model(Dataset<Row> table, boolean correlated) {
    return new CfdmSynthesizer().setSeed(1).setSteps(10).setKnob("correlated-noise", String.valueOf(correlated))
        .fit(table);
  }

  /** The standard deviation of y − 2x over the rows (x, y). */
  private static double residualSd(List<Row> rows) {
    double sum = 0;
    double squares = 0;
    for (Row row : rows) {
      double residual = row.getDouble(1) - 2 * row.getDouble(0);
      sum += residual;
      squares += residual * residual;
    }
    double mean = sum / rows.size();
    return Math.sqrt(squares / rows.size() - mean * mean);
  }
}
