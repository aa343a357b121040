package org.cfdmspark.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.cfdmspark.testkit.TestSpark;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The same seed gives the same rows however the work is split (partitions, cores, sessions, input files). */
class DeterminismTest {
  @TempDir
  static Path dir;
  private static String input;
  private static List<String> reference;

  @BeforeAll
  static void sampleReference() throws Exception {
    // 1,500 real rows keep each run short; Parquet input is exercised on the way.
    input = dir.resolve("credit.parquet").toString();
    TestSpark.local(2).read().option("header", "true").option("inferSchema", "true")
        .csv(TestSpark.testData("credit_default.csv.gz")).drop("ID").limit(1500).coalesce(1).write()
        .parquet(input);
    reference = sample(TestSpark.local(2), "ref", "7", "3");
  }

  @Test
  void partitionCountDoesNotChangeTheRows() throws Exception {
    assertEquals(500, reference.size());
    assertEquals(reference, sample(TestSpark.local(2), "p1", "7", "1"));
    assertEquals(reference, sample(TestSpark.local(2), "p8", "7", "8"));
  }

  @Test
  void coreCountAndSessionDoNotChangeTheRows() throws Exception {
    SparkSession oneCore = TestSpark.local(1);
    try {
      assertEquals(1, oneCore.sparkContext().defaultParallelism());
      assertEquals(reference, sample(oneCore, "one-core", "7", "0"), "auto partitions on one core");
    } finally {
      TestSpark.local(2);
    }
  }

  @Test
  void rowOrderAndFileLayoutOfTheInputDoNotChangeTheRows() throws Exception {
    SparkSession spark = TestSpark.local(2);
    String shuffled = dir.resolve("credit-shuffled.parquet").toString();
    spark.read().parquet(input).orderBy(functions.rand(5)).repartition(3).write().parquet(shuffled);
    assertEquals(reference, sample(spark, shuffled, "from-shuffled", "7", "3"));
  }

  @Test
  void standardisedNumbersKeepTheRowsAcrossPartitionings() throws Exception {
    // The defaults model numbers as normal scores (the reference above, whose input-layout test covers the
    // quantile knots); the standardised scale of method.md is the other code path.
    assertKnobsKeepTheRowsAcrossPartitionings("standard", "numeric-scale", "standard");
  }

  @Test
  void localAndParentNoiseAndTheLocalGuardKeepTheRowsAcrossPartitionings() throws Exception {
    assertKnobsKeepTheRowsAcrossPartitionings("local", "local-noise", "1", "parent-noise", "1", "guard-locality",
        "0.5");
  }

  @Test
  void drawnCategoriesKeepTheRowsAcrossPartitionings() throws Exception {
    assertKnobsKeepTheRowsAcrossPartitionings("draw", "category-draw", "weights-all");
  }

  @Test
  void categoriesOfADrawnRowKeepTheRowsAcrossPartitionings() throws Exception {
    assertKnobsKeepTheRowsAcrossPartitionings("row", "category-draw", "row");
  }

  /** The knobs (option names without dashes, then values) change the rows, and 3 and 8 partitions agree. */
  private void assertKnobsKeepTheRowsAcrossPartitionings(String name, String... knobs) throws Exception {
    SparkSession spark = TestSpark.local(2);
    List<String> three = sample(spark, input, name + "-p3", "7", "3", knobs);
    assertEquals(500, three.size());
    assertNotEquals(reference, three, "the knobs change the rows");
    assertEquals(three, sample(spark, input, name + "-p8", "7", "8", knobs));
  }

  @Test
  void keyColumnsKeepTheirValuesAcrossPartitionings() throws Exception {
    // Four key columns (a row id, CUST- codes, e-mails, order numbers): each row's keys come from its id alone.
    SparkSession spark = TestSpark.local(2);
    String keys = TestSpark.testData("cases/24-key-columns.csv");
    List<String> one = sample(spark, keys, "keys-p1", "7", "1");
    assertEquals(500, one.size());
    assertEquals(one, sample(spark, keys, "keys-p5", "7", "5"));
  }

  @Test
  void anotherSeedGivesOtherRows() throws Exception {
    List<String> other = sample(TestSpark.local(2), "seed8", "8", "3");
    assertEquals(reference.size(), other.size());
    assertNotEquals(reference, other);
  }

  /** CSV data lines, sorted; sample_id comes first, so equal lists mean equal rows for equal ids. */
  private static List<String> sample(SparkSession spark, String name, String seed, String partitions)
      throws Exception {
    return sample(spark, input, name, seed, partitions);
  }

  private static List<String> sample(SparkSession spark, String from, String name, String seed, String partitions,
      String... knobs) throws Exception {
    Path output = dir.resolve(name);
    List<String> pairs = new java.util.ArrayList<>(List.of("input", from, "output", output.toString(), "num-samples",
        "500", "steps", "20", "seed", seed, "partitions", partitions, "sample-id", "true"));
    pairs.addAll(List.of(knobs));
    GenerateJob.run(spark, TestSpark.settings(pairs.toArray(String[]::new)));
    return TestSpark.csvLines(output);
  }
}
