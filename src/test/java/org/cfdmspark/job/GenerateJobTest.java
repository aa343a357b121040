package org.cfdmspark.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.cfdmspark.testkit.TestSpark;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerateJobTest {
  private static SparkSession spark;

  @TempDir
  Path dir;

  @BeforeAll
  static void startSpark() {
    spark = TestSpark.local(2);
  }

  @Test
  void creditDefaultSamplesHaveTheInputsColumnsTypesAndRanges() throws Exception {
    String input = TestSpark.testData("credit_default.csv.gz");
    Path output = dir.resolve("synthetic");
    GenerateResult result = GenerateJob.run(spark, TestSpark.settings("input", input, "output", output.toString(),
        "exclude", "ID", "num-samples", "2000", "steps", "10", "seed", "3"));

    Dataset<Row> original = spark.read().option("header", "true").option("inferSchema", "true").csv(input)
        .drop("ID");
    // Every cell must parse as the input's type (FAILFAST); types are not re-inferred from the samples' text, which
    // keeps the input's number forms: credit default's amounts are whole numbers with multiples of 100,000 written
    // 1.00E+05, which Spark infers as doubles only when such a cell occurs.
    assertEquals(List.of(original.columns()), List.of(spark.read().option("header", "true").csv(output.toString())
        .columns()), "same columns and order as the input minus ID");
    Dataset<Row> synthetic = spark.read().option("header", "true").option("mode", "FAILFAST")
        .schema(original.schema()).csv(output.toString());
    assertEquals(2000, synthetic.count());
    Row low = original.selectExpr(aggregates(original, "min")).first();
    Row high = original.selectExpr(aggregates(original, "max")).first();
    for (Row row : synthetic.collectAsList()) {
      for (int c = 0; c < row.size(); c++) {
        double value = ((Number) row.get(c)).doubleValue();
        double min = ((Number) low.get(c)).doubleValue();
        double max = ((Number) high.get(c)).doubleValue();
        double margin = 0.1 * (max - min);
        assertTrue(Double.isFinite(value) && value >= min - margin && value <= max + margin,
            original.columns()[c] + " = " + value + " outside [" + min + ", " + max + "] + 10%");
      }
    }
    assertEquals(new RunManifest.RowCounts(30000, 0, 30000), result.rows());
    assertEquals(2000, result.samples());
    assertEquals(Arrays.asList(original.columns()), result.manifest().columns());
    // The marginal stretch (a default): its 14 number columns (LIMIT_BAL, AGE, the bills and payments) each get a
    // finite stretch near 1; PAY_0 … PAY_6 are codes of at most 11 values, read as categories.
    Map<String, Double> stretches = result.manifest().marginalMap();
    assertEquals(14, stretches.size(), stretches.toString());
    stretches.values().forEach(k -> assertTrue(k > 0.8 && k < 1.25, stretches.toString()));
  }

  @Test
  void manifestRecordsSettingsSigmaCountsAndTimings() throws Exception {
    Path input = writeCsv("a,b.x,c", "1,2.5,3000000000", "2,,3000000001", "3,4.5,3000000005", "4,6.5,3000000002",
        "5,8.5,3000000004", "6,10.5,3000000003");
    Path output = dir.resolve("out");
    String inputUri = input.toUri().toString(); // file:///...: any Hadoop path works
    GenerateJob.run(spark, TestSpark.settings("input", inputUri, "output", output.toString(),
        "num-samples", "50", "steps", "10", "sigma", "0.25", "seed", "11", "where", "a <= 5"));

    JsonNode manifest = new ObjectMapper().readTree(output.resolve(RunManifest.FILE_NAME).toFile());
    assertEquals(6, manifest.at("/rows/read").asLong());
    assertEquals(1, manifest.at("/rows/filtered").asLong(), "the row with a = 6 fails --where");
    assertEquals(5, manifest.at("/rows/used").asLong(), "the row with an empty b.x is kept: missingness is modelled");
    assertEquals(0.25, manifest.at("/sigma").asDouble());
    assertEquals(11, manifest.at("/seed").asLong());
    assertEquals("0.25", manifest.at("/settings/sigma").asText());
    assertEquals("50", manifest.at("/settings/num-samples").asText());
    assertEquals("auto", manifest.at("/settings/final-noise").asText());
    assertEquals(10, manifest.at("/resolved/steps").asInt(), "as given");
    assertEquals(0.2, manifest.at("/resolved/final-noise").asDouble(), "auto in normal scores");
    // a (five small integers) is categorical, so auto's pilot ran: its figures and the draw they chose
    JsonNode draw = manifest.at("/category_draw");
    boolean mixed = draw.at("/disagreement").asDouble(-1) >= 0.15
        || draw.at("/first_draw_near_copies").asDouble(-1) >= 0.5;
    assertEquals(mixed ? "weights" : "vote", draw.at("/draw").asText(), draw.toString());
    assertEquals(inputUri, manifest.at("/input/path").asText());
    assertEquals(Files.size(input), manifest.at("/input/bytes").asLong());
    assertEquals(spark.version(), manifest.at("/spark_version").asText());
    assertEquals("0.1.0", manifest.at("/project_version").asText());
    assertEquals("[\"a\",\"b.x\",\"c\"]", manifest.at("/columns").toString(), "a dot is part of the name");
    assertEquals(50, TestSpark.csvLines(output).size());
    for (String phase : List.of("read", "fit", "sample_and_write")) {
      assertTrue(manifest.at("/seconds/" + phase).asDouble() > 0, phase);
    }
    assertTrue(manifest.at("/samples_per_second").asDouble() > 0);
    // The sampling profile: every block was drawn and decoded, so both took some time.
    assertTrue(manifest.at("/profile/flow_seconds").asDouble() > 0);
    assertTrue(manifest.at("/profile/decode_seconds").asDouble() > 0);
    assertTrue(manifest.at("/profile/guard_seconds").isNumber());
    // Inside the flow: the nn estimator searched and did arithmetic, both within the flow's own time.
    double search = manifest.at("/profile/search_seconds").asDouble();
    double kernel = manifest.at("/profile/kernel_seconds").asDouble();
    assertTrue(search > 0 && kernel > 0, manifest.at("/profile").toString());
    assertTrue(search + kernel <= manifest.at("/profile/flow_seconds").asDouble(), manifest.at("/profile").toString());
    // The fit's steps, in the order they ran, each within the fit's wall time.
    JsonNode fit = manifest.at("/profile/fit_seconds");
    List<String> steps = new ArrayList<>();
    fit.fieldNames().forEachRemaining(steps::add);
    assertEquals(List.of("collect", "sort", "codec", "encode", "repeated_rows", "sigma_spacing", "search",
        "near_copy_threshold", "sigma_calibration", "guard_and_generator", "noise_correlation", "category_draw",
        "marginal_map", "process_cpu"), steps, fit.toString());
    // The marginal stretch is on by default, but a table of fewer than 1,000 rows gets none.
    assertEquals(0, manifest.at("/marginal_map").size(), manifest.toString());
    for (String step : steps.subList(0, steps.size() - 1)) {
      double seconds = fit.get(step).asDouble();
      assertTrue(seconds >= 0 && seconds <= manifest.at("/seconds/fit").asDouble(), step + ": " + fit);
    }
    assertTrue(fit.get("collect").asDouble() > 0 && fit.get("process_cpu").asDouble() > 0, fit.toString());
    assertTrue(manifest.at("/kernel").asText().matches("scalar|vector\\(\\d+ double lanes\\)"),
        manifest.at("/kernel").asText());
    assertEquals("the JVM's defaults", manifest.at("/compilers").asText(), "no start-up directives in a test JVM");
  }

  @Test
  void parquetOutputKeepsExactTypesAndStartsWithSampleId() throws Exception {
    Path input = writeCsv("small,big,real", "1,3000000000,0.5", "2,3000000007,1.5", "3,3000000002,-2.5",
        "2,3000000005,4.0");
    Path output = dir.resolve("out.parquet");
    ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    PrintStream original = System.err;
    System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
    try {
      GenerateJob.run(spark, TestSpark.settings("input", input.toString(), "output", output.toString(),
          "num-samples", "300", "steps", "10", "sample-id", "true", "progress", "true", "partitions", "3"));
    } finally {
      System.setErr(original);
    }

    Dataset<Row> synthetic = spark.read().parquet(output.toString());
    StructType expected = DataTypes.createStructType(new StructField[] {
        DataTypes.createStructField("sample_id", DataTypes.LongType, true),
        DataTypes.createStructField("small", DataTypes.IntegerType, true),
        DataTypes.createStructField("big", DataTypes.LongType, true),
        DataTypes.createStructField("real", DataTypes.DoubleType, true)});
    assertEquals(expected, synthetic.schema());
    List<Row> rows = synthetic.orderBy("sample_id").collectAsList();
    assertEquals(300, rows.size());
    for (int i = 0; i < rows.size(); i++) {
      assertEquals(i, rows.get(i).getLong(0));
      assertTrue(rows.get(i).getInt(1) >= 1 && rows.get(i).getInt(1) <= 3);
      assertTrue(rows.get(i).getLong(2) >= 3000000000L && rows.get(i).getLong(2) <= 3000000007L);
      assertTrue(rows.get(i).getDouble(3) >= -2.5 && rows.get(i).getDouble(3) <= 4.0);
    }
    String progress = stderr.toString(StandardCharsets.UTF_8);
    assertTrue(progress.contains("sampling: done, 300 rows in "), progress);
    assertTrue(progress.lines().noneMatch(line -> line.startsWith("sampling: 100.0%")),
        "the closing line says it, not an update at 100 %: " + progress);
    assertTrue(progress.lines().noneMatch(line -> line.contains("\r")), "plain lines, no carriage returns");
  }

  private static String[] aggregates(Dataset<Row> table, String function) {
    return Arrays.stream(table.columns()).map(c -> function + "(`" + c + "`)").toArray(String[]::new);
  }

  private Path writeCsv(String... lines) throws Exception {
    Path file = dir.resolve("input.csv");
    Files.write(file, List.of(lines));
    return file;
  }
}
