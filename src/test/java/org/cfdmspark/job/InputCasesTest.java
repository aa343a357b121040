package org.cfdmspark.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.cfdmspark.config.BadInputException;
import org.cfdmspark.metrics.KSComplement;
import org.cfdmspark.testkit.SparkTest;
import org.cfdmspark.testkit.TestData;
import org.cfdmspark.testkit.TestSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The input cases of issue 13 (src/test/resources/data/cases, see its README) of the kinds keys, numbers, constraints. */
@SparkTest
class InputCasesTest {
  @TempDir
  Path dir;

  private GenerateResult generate(String input, String... more) {
    List<String> knobs = new ArrayList<>(List.of("input", input, "output", dir.resolve("out").toString(),
        "num-samples", "500", "seed", "5"));
    knobs.addAll(List.of(more));
    return GenerateJob.run(TestSpark.local(2), TestSpark.settings(knobs.toArray(String[]::new)));
  }

  private Dataset<Row> output(SparkSession spark) {
    return spark.read().option("header", "true").option("inferSchema", "true").csv(dir.resolve("out").toString());
  }

  @Test
  void aUniqueIntegerKeyIsRegeneratedUniqueAndNew(SparkSession spark) {
    String input = TestData.path("cases/09-unique-int-pk.csv");
    GenerateResult result = generate(input);
    assertEquals(List.of("customer_id"), result.manifest().keys());
    Dataset<Row> synthetic = output(spark);
    assertEquals(DataTypes.IntegerType, synthetic.schema().apply("customer_id").dataType());
    Set<Integer> training = new HashSet<>();
    for (Row row : TestData.csv(spark, "cases/09-unique-int-pk.csv").select("customer_id").collectAsList()) {
      training.add(row.getInt(0));
    }
    Set<Integer> keys = new HashSet<>();
    for (Row row : synthetic.select("customer_id").collectAsList()) {
      assertFalse(training.contains(row.getInt(0)), "a training key: " + row.get(0));
      assertTrue(keys.add(row.getInt(0)), "a repeated key: " + row.get(0));
    }
    assertEquals(500, keys.size());
  }

  @Test
  void noKeyModelsTheColumn(SparkSession spark) {
    GenerateResult result = generate(TestData.path("cases/09-unique-int-pk.csv"), "no-key", "customer_id");
    assertEquals(List.of(), result.manifest().keys());
  }

  @Test
  void tinyNumbersKeepTheirDistributionAndDigits(SparkSession spark) {
    String input = TestData.path("cases/18-tiny-floats.csv");
    generate(input, "num-samples", "600");
    double[] real = column(TestData.csv(spark, "cases/18-tiny-floats.csv"), "conc_mol");
    double[] synthetic = column(output(spark), "conc_mol");
    assertTrue(KSComplement.compute(real, synthetic) >= 0.85, "conc_mol in distribution, not collapsed");
    assertTrue(java.util.Arrays.stream(synthetic).distinct().count() > 100, "many values, not the minimum");
    for (String name : List.of("conc_mol", "p_value")) {
      for (double x : column(output(spark), name)) {
        assertTrue(new BigDecimal(Double.toString(x)).stripTrailingZeros().precision() <= 4,
            name + " = " + x + " has more digits than the input's 4");
      }
    }
  }

  @Test
  void booleansKeepTheirSpellingAndNullRate(SparkSession spark) throws Exception {
    generate(TestData.path("cases/06-boolean-nulls.csv"), "num-samples", "800");
    int missing = 0;
    for (String line : TestSpark.csvLines(dir.resolve("out"))) {
      String first = line.substring(0, line.indexOf(','));
      assertTrue(Set.of("True", "False", "").contains(first), "is_member spelt " + first);
      missing += first.isEmpty() ? 1 : 0;
    }
    assertEquals(0.106, missing / 800.0, 0.04, "missing rate of is_member");
  }

  @Test
  void anOrderBetweenTwoColumnsHoldsOnEveryRowAfterRounding(SparkSession spark) throws Exception {
    Path input = dir.resolve("shifts.csv");
    Random random = new Random(7);
    List<String> lines = new ArrayList<>(List.of("start_hour,end_hour,paid,invoice"));
    for (int i = 0; i < 400; i++) {
      int start = random.nextInt(22);
      double invoice = Math.round(random.nextDouble() * 10_000) / 100.0;
      double paid = random.nextInt(4) == 0 ? invoice : Math.round(invoice * random.nextDouble() * 100) / 100.0;
      lines.add(start + "," + (start + 1 + random.nextInt(Math.min(3, 23 - start))) + "," + paid + "," + invoice);
    }
    Files.write(input, lines);
    GenerateResult result = generate(input.toString(), "num-samples", "3000", "point-masses", "false");
    assertTrue(result.manifest().constraints().containsAll(List.of("start_hour < end_hour", "paid <= invoice")),
        "found: " + result.manifest().constraints());
    for (Row row : output(spark).collectAsList()) {
      assertTrue(row.getInt(0) < row.getInt(1), "start_hour < end_hour broken: " + row);
      assertTrue(row.getDouble(2) <= row.getDouble(3), "paid <= invoice broken: " + row);
    }
  }

  @Test
  void aStatedConstraintThatTrainingRowsBreakIsRefusedWithTheCount() {
    BadInputException refused = assertThrows(BadInputException.class, () -> generate(
        TestData.path("cases/09-unique-int-pk.csv"), "constraint", "monthly_fee <= age"));
    assertTrue(refused.getMessage().contains("monthly_fee <= age") && refused.getMessage().contains(" of the "),
        refused.getMessage());
  }

  private static double[] column(Dataset<Row> table, String name) {
    return table.select(name).collectAsList().stream().filter(r -> !r.isNullAt(0))
        .mapToDouble(r -> ((Number) r.get(0)).doubleValue()).toArray();
  }
}
