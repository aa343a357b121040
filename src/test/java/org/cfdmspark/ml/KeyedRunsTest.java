package org.cfdmspark.ml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.cfdmspark.testkit.SparkTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Runs appended into one table (README, "Keys"): a new user's two runs with different seeds shared key values.
 * Keys are distinct across the sample ids of one seed, not across seeds.
 */
@SparkTest
class KeyedRunsTest {
  private static final int RUN = 200;
  private static Dataset<Row> orders;

  /** 300 orders numbered 1 … 300 (a key: its new values are the 699 other numbers of 1 … 999) and an amount. */
  @BeforeAll
  static void table(SparkSession spark) {
    List<Row> rows = new ArrayList<>();
    for (int i = 1; i <= 300; i++) {
      rows.add(RowFactory.create(i, 10.0 + (i * 37 % 101)));
    }
    orders = spark.createDataFrame(rows, new StructType().add("order_id", DataTypes.IntegerType)
        .add("amount", DataTypes.DoubleType));
  }

  private static CfdmModel model(long seed) {
    CfdmModel model = new CfdmSynthesizer().setSeed(seed).setSteps(10).fit(orders);
    assertEquals(List.of("order_id"), model.summary().keys());
    return model;
  }

  private static Set<Integer> keys(Dataset<Row> rows) {
    Set<Integer> keys = new HashSet<>(rows.select("order_id").as(Encoders.INT()).collectAsList());
    assertEquals(RUN, keys.size(), "distinct within a run");
    return keys;
  }

  @Test
  void runsWithDifferentSeedsCanShareKeys() {
    Set<Integer> first = keys(model(5).sample(RUN));
    Set<Integer> second = keys(model(6).sample(RUN));
    second.retainAll(first);
    // About 200 · 200 / 699 = 57 expected.
    assertTrue(second.size() > 20, "shared keys: " + second.size());
  }

  @Test
  void oneSeedWithTheIdsShiftedPastTheEarlierRunsGivesNewRowsAndNewKeys() {
    CfdmModel model = model(5);
    String id = model.idColumn();
    Dataset<Row> first = model.transform(model.sampleIds(RUN, 0)); // sample(RUN), with the ids
    // README's recipe for a second run appended to the first: the same model and seed, ids RUN … 2·RUN − 1.
    Dataset<Row> second = model.transform(model.sampleIds(RUN, 0).withColumn(id, functions.col(id).plus(RUN)));
    Set<Integer> keys = keys(first);
    keys.addAll(keys(second));
    assertEquals(2 * RUN, keys.size(), "no key in both runs");
    List<Row> before = first.orderBy(id).select("amount").collectAsList();
    List<Row> after = second.orderBy(id).select("amount").collectAsList();
    int differ = 0;
    for (int i = 0; i < RUN; i++) {
      differ += before.get(i).equals(after.get(i)) ? 0 : 1;
    }
    assertTrue(differ > RUN / 2, "the second run's rows are new draws, not the first run's again: " + differ
        + " of " + RUN + " differ");
  }
}
