package org.cfdmspark.ml;

import static org.junit.jupiter.api.Assertions.assertFalse;
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
 * The marginal stretch on a column of few levels, one of them held by most rows: a new user's refund column, 0.00 in
 * 99 % of 3,000 rows and 31 other amounts, came out with another amount in 0.3 % of the samples instead of 1 %. The
 * final noise spread the tied zeros' readings (decoding snaps them back to 0.00), the stretch fitted to them shrank
 * the readings (0.80), and the shrunk rare amounts fell into the zeros' quantiles.
 */
@SparkTest
class HeavyLevelStretchTest {
  private static final int ROWS = 3000;

  @Test
  void theRareLevelsBesideAHeavyOneKeepTheirShare(SparkSession spark) {
    Random random = new Random(5);
    double[] amounts = new double[31];
    for (int k = 0; k < amounts.length; k++) {
      amounts[k] = Math.round(100 * (15 + 280 * random.nextDouble())) / 100.0;
    }
    List<Row> rows = new ArrayList<>();
    int others = 0;
    for (int i = 0; i < ROWS; i++) {
      boolean refund = i % 97 == 0; // 31 rows, each amount once
      others += refund ? 1 : 0;
      rows.add(RowFactory.create(refund ? amounts[i / 97] : 0.0, random.nextGaussian()));
    }
    Dataset<Row> table = spark.createDataFrame(rows, new StructType().add("refund", DataTypes.DoubleType)
        .add("x", DataTypes.DoubleType));
    CfdmModel model = new CfdmSynthesizer().setSeed(1).setSteps(10).fit(table);
    double trainingShare = others / (double) ROWS;
    double sampleShare = model.sample(ROWS).where("refund <> 0").count() / (double) ROWS;
    // Binomial sd of the samples' share about 0.0018; the stretch of 0.80 gave 0.003.
    assertTrue(Math.abs(sampleShare - trainingShare) < 0.0055, "share of refunds other than 0: training "
        + trainingShare + ", samples " + sampleShare);
    assertFalse(model.summary().columns().stream().anyMatch(c -> c.name().equals("refund") && c.stretch() != null),
        "refund's pairs are nearly all at its heavy level 0.00: too few left for a stretch");
  }
}
