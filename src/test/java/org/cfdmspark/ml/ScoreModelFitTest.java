package org.cfdmspark.ml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.cfdmspark.testkit.SparkTest;
import org.cfdmspark.testkit.TestData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The trained score models through the Spark ML API (--generator random-features|score-net): fitted per stratum,
 * sampled with σ = 0, and the same seed gives the same rows for P ∈ {1, 3, 8} sampling partitions.
 */
@SparkTest
class ScoreModelFitTest {
  private static Dataset<Row> penguins;

  @BeforeAll
  static void read(SparkSession spark) {
    penguins = TestData.csv(spark, "penguins.csv").cache();
  }

  @Test
  void randomFeatureSamplesAreAPureFunctionOfTheIds() {
    CfdmModel model = new CfdmSynthesizer().setSeed(3).setSteps(20).setKnob("generator", "random-features")
        .setKnob("features", "64").setKnob("noise-draws", "2").fit(penguins);
    CfdmSummary.StratumSummary stratum = model.summary().strata().get(0);
    assertEquals(0.0, stratum.sigma());
    assertEquals("random-features", stratum.trained().generator());
    assertSameRowsForEveryPartitioning(model);
  }

  @Test
  void scoreNetworkSamplesAreAPureFunctionOfTheIdsAndItsTrainingIsRecorded() {
    CfdmModel model = new CfdmSynthesizer().setSeed(3).setSteps(20).setKnob("generator", "score-net")
        .setKnob("hidden-width", "16").setKnob("epochs", "6").setKnob("patience", "0").fit(penguins);
    CfdmSummary.Trained trained = model.summary().strata().get(0).trained();
    assertNotNull(trained);
    assertEquals(6, trained.epochs().size());
    assertTrue(trained.bestEpoch() >= 1 && trained.bestEpoch() <= 6);
    assertSameRowsForEveryPartitioning(model);
    CfdmModel closedForm = new CfdmSynthesizer().setSeed(3).setSteps(20).fit(penguins);
    assertNull(closedForm.summary().strata().get(0).trained());
  }

  private static void assertSameRowsForEveryPartitioning(CfdmModel model) {
    List<Row> reference = model.transform(model.sampleIds(60, 1)).orderBy(CfdmModel.SAMPLE_ID).collectAsList();
    assertEquals(60, reference.size());
    for (int partitions : new int[] {3, 8}) {
      assertEquals(reference,
          model.transform(model.sampleIds(60, partitions)).orderBy(CfdmModel.SAMPLE_ID).collectAsList(),
          partitions + " partitions");
    }
  }
}
