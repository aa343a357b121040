package org.cfdmspark.ml;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.cfdmspark.testkit.SparkTest;
import org.cfdmspark.testkit.TestData;
import org.junit.jupiter.api.Test;

/**
 * The weighted vote (encoding.VoteCalibration, fitted with the marginal stretch) against the plain vote on a real
 * table: with the start row left out, a sample's categories are the majority of its start row's neighbours', and a
 * category rarely a majority among neighbours thins out.
 */
@SparkTest
class WeightedVoteTest {

  @Test
  void theWeightedVoteBringsVotedCategoriesBackTowardsTheirTrainingShares(SparkSession spark) {
    Dataset<Row> table = TestData.csv(spark, "credit_data.csv.gz").cache();
    CfdmModel weighted = model(true).fit(table);
    CfdmModel plain = model(false).fit(table);
    Map<String, Map<String, Double>> weights = weighted.summary().voteWeights();
    assertFalse(weights.isEmpty(), "credit_data's categories are thinned by the vote under --leave-one-out");
    assertTrue(plain.summary().voteWeights().isEmpty(), "--marginal-map false: the plain vote");
    Dataset<Row> weightedRows = weighted.sample(3000);
    Dataset<Row> plainRows = plain.sample(3000);
    double before = 0;
    double after = 0;
    for (String column : List.of("Status", "Home", "Marital", "Records", "Job")) {
      assertTrue(weights.containsKey(column), column + " has no weights: " + weights.keySet());
      Map<String, Double> training = shares(table, column);
      before += totalVariation(shares(plainRows, column), training);
      after += totalVariation(shares(weightedRows, column), training);
    }
    // Seed 3: 0.23 -> 0.10 summed over the five columns (Records 0.052 -> 0.008, Job 0.060 -> 0.012); each
    // column's chance deviation at 3,000 samples is about 0.01.
    assertTrue(after < 0.6 * before, "total variation to the training shares, plain vote " + before
        + ", weighted " + after);
  }

  private static CfdmSynthesizer model(boolean marginalMap) {
    // No column redraw: the vote alone decides every category (a redrawn column takes its neighbours' values).
    return new CfdmSynthesizer().setSeed(3).setSteps(20).setKnob("leave-one-out", "true")
        .setKnob("category-draw", "vote").setKnob("marginal-map", String.valueOf(marginalMap))
        .setKnob("redraw-columns", "none");
  }

  /** Each value's share of the column's cells (missing as "null"). */
  private static Map<String, Double> shares(Dataset<Row> rows, String column) {
    Map<String, Double> shares = new HashMap<>();
    long total = rows.count();
    rows.groupBy(column).count().collectAsList()
        .forEach(r -> shares.put(String.valueOf(r.get(0)), r.getLong(1) / (double) total));
    return shares;
  }

  private static double totalVariation(Map<String, Double> a, Map<String, Double> b) {
    Map<String, Double> union = new HashMap<>(a);
    b.keySet().forEach(k -> union.putIfAbsent(k, 0.0));
    return union.keySet().stream().mapToDouble(k -> Math.abs(a.getOrDefault(k, 0.0) - b.getOrDefault(k, 0.0)))
        .sum() / 2;
  }
}
