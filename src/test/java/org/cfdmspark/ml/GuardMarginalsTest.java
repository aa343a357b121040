package org.cfdmspark.ml;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
 * The near-copy guard must not select the redrawn columns' values. A new user's table of three independent columns
 * (a number missing in 31 % of rows, a number of two decimals, a category of two values): --redraw-columns auto
 * redraws all three from any row, and a sample with a missing cell, having fewer values to tell it from a training
 * row, is a copy more often. The guard drew such copies again from fresh ids, which drew the columns anew, so the
 * missing share fell to 24 % at defaults (31 % with --guard false).
 */
@SparkTest
class GuardMarginalsTest {
  private static final int ROWS = 3000;

  @Test
  void theMissingShareOfARedrawnColumnStaysTheTrainingShare(SparkSession spark) {
    Random random = new Random(11);
    List<Row> rows = new ArrayList<>();
    int missing = 0;
    for (int i = 0; i < ROWS; i++) {
      boolean gap = random.nextDouble() < 0.31;
      missing += gap ? 1 : 0;
      rows.add(RowFactory.create(gap ? null : hundredths(random.nextGaussian()), hundredths(1.5 * random
          .nextGaussian()), random.nextBoolean() ? "p" : "q"));
    }
    Dataset<Row> table = spark.createDataFrame(rows, new StructType().add("a", DataTypes.DoubleType)
        .add("b", DataTypes.DoubleType).add("c", DataTypes.StringType));
    CfdmModel model = new CfdmSynthesizer().setSeed(1).setSteps(10).fit(table);
    assertEquals(3, model.summary().strata().get(0).redrawnColumns().size(), "auto redraws the three columns");
    double trainingShare = missing / (double) ROWS;
    double sampleShare = model.sample(ROWS).where("a IS NULL").count() / (double) ROWS;
    // A redraw from any row takes the training share exactly; the samples' share has a binomial sd of 0.0084.
    assertTrue(Math.abs(sampleShare - trainingShare) < 0.025, "missing share of a: training " + trainingShare
        + ", samples " + sampleShare);
  }

  private static double hundredths(double value) {
    return Math.round(100 * value) / 100.0;
  }
}
