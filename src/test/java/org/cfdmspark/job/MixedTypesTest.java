package org.cfdmspark.job;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.cfdmspark.config.BadInputException;
import org.cfdmspark.encoding.NumericType;
import org.cfdmspark.metrics.KSComplement;
import org.cfdmspark.metrics.TVComplement;
import org.cfdmspark.ml.CfdmModel;
import org.cfdmspark.testkit.TestSpark;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Mixed-type real tables at default knobs, conditions and strata (issue "Mixed-type tables"). */
class MixedTypesTest {
  private static SparkSession spark;
  @TempDir
  Path dir;

  @BeforeAll
  static void startSpark() {
    spark = TestSpark.local(2);
  }

  static Stream<Arguments> tables() {
    return Stream.of(Arguments.of("adult_train.csv.gz", "?"), Arguments.of("california_housing.csv.gz", "NA"),
        Arguments.of("credit_data.csv.gz", "NA"), Arguments.of("penguins.csv", "NA"));
  }

  private static Dataset<Row> read(String path, String nullValue) {
    return spark.read().option("header", "true").option("inferSchema", "true").option("nullValue", nullValue)
        .csv(path);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("tables")
  void syntheticTableMatchesTheTrainingTableColumnByColumn(String file, String nullValue) {
    String input = TestSpark.testData(file);
    Path output = dir.resolve("out.parquet");
    GenerateJob.run(spark, TestSpark.settings("input", input, "output", output.toString(),
        "null-value", nullValue, "num-samples", "5000"));
    Dataset<Row> real = read(input, nullValue).cache();
    Dataset<Row> synthetic = spark.read().parquet(output.toString()).cache();
    assertEquals(5000, synthetic.count());
    assertEquals(names(real), names(synthetic), "column names and order");
    for (StructField field : real.schema().fields()) {
      String name = field.name();
      assertEquals(field.dataType(), synthetic.schema().apply(name).dataType(), "type of " + name);
      double realMissing = missingRate(real, name);
      double syntheticMissing = missingRate(synthetic, name);
      assertEquals(realMissing, syntheticMissing, 0.03, "missing rate of " + name);
      if (NumericType.of(field.dataType()).isPresent()) {
        double[] r = numbers(real, name);
        double[] s = numbers(synthetic, name);
        double ks = KSComplement.compute(r, s);
        assertTrue(ks >= 0.9, file + ": KSComplement of " + name + " = " + ks);
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        boolean whole = true;
        for (double v : r) {
          min = Math.min(min, v);
          max = Math.max(max, v);
          whole &= v == Math.rint(v);
        }
        for (double v : s) {
          assertTrue(v >= min && v <= max, name + " = " + v + " outside the training range");
          assertTrue(!whole || v == Math.rint(v), name + " = " + v + " is not a whole number like its training values");
        }
      } else {
        String[] r = texts(real, name);
        String[] s = texts(synthetic, name);
        Set<String> seen = new HashSet<>(Arrays.asList(r));
        for (String value : s) {
          assertTrue(value == null || seen.contains(value), name + " = '" + value + "' never occurs in training");
        }
        double tv = TVComplement.compute(r, s);
        assertTrue(tv >= 0.9, file + ": TVComplement of " + name + " = " + tv);
      }
    }
  }

  @Test
  void constantColumnsAreKeptNotRefused() throws Exception {
    Path input = java.nio.file.Files.write(dir.resolve("constant.csv"),
        List.of("a,k,c", "1,7,x", "2,7,x", "4,7,x", "3,7,x"));
    Path output = dir.resolve("constant-out");
    GenerateJob.run(spark, TestSpark.settings("input", input.toString(), "output", output.toString(),
        "num-samples", "20", "steps", "10", "sample-id", "true"));
    List<Row> rows = spark.read().option("header", "true").option("inferSchema", "true").csv(output.toString())
        .collectAsList();
    assertEquals(20, rows.size());
    for (Row row : rows) {
      assertEquals(7, row.getInt(row.fieldIndex("k")));
      assertEquals("x", row.getString(row.fieldIndex("c")));
    }
  }

  @Test
  void whereRestrictsTheTrainingRows() {
    Path credit = dir.resolve("credit");
    GenerateJob.run(spark, TestSpark.settings("input", TestSpark.testData("credit_default.csv.gz"),
        "output", credit.toString(), "where", "EDUCATION = 2", "exclude", "ID", "num-samples", "300",
        "steps", "20"));
    Dataset<Row> educated = spark.read().option("header", "true").option("inferSchema", "true")
        .csv(credit.toString());
    assertEquals(300, educated.count());
    assertEquals(300, educated.where(col("EDUCATION").equalTo(2)).count());

    Path inland = dir.resolve("inland");
    GenerateJob.run(spark, TestSpark.settings("input", TestSpark.testData("california_housing.csv.gz"),
        "output", inland.toString(), "where", "ocean_proximity = 'INLAND'", "num-samples", "300", "steps", "20"));
    Dataset<Row> rows = spark.read().option("header", "true").csv(inland.toString());
    assertEquals(300, rows.where(col("ocean_proximity").equalTo("INLAND")).count());
  }

  @Test
  void stratifiedSamplesKeepTheTrainingShares() {
    String input = TestSpark.testData("adult_train.csv.gz");
    Path output = dir.resolve("strata");
    GenerateJob.run(spark, TestSpark.settings("input", input, "output", output.toString(), "null-value", "?",
        "stratify-by", "income", "num-samples", "1000", "steps", "20"));
    Dataset<Row> real = read(input, "?");
    Dataset<Row> synthetic = spark.read().option("header", "true").csv(output.toString());
    double realShare = (double) real.where(col("income").equalTo(">50K")).count() / real.count();
    double syntheticShare = synthetic.where(col("income").equalTo(">50K")).count() / 1000.0;
    assertEquals(realShare, syntheticShare, 0.01, "share of >50K");
  }

  @Test
  void badConditionsAndOverridesAreRefusedWithoutWriting() throws Exception {
    String input = TestSpark.testData("california_housing.csv.gz");
    Path output = dir.resolve("never");
    List<String[]> cases = new ArrayList<>();
    cases.add(new String[] {"categorical", "no_such_column", "unknown column \"no_such_column\" in --categorical"});
    cases.add(new String[] {"where", "ocean_proximity = = 'INLAND'", "--where \"ocean_proximity = = 'INLAND'\" is not"});
    cases.add(new String[] {"where", "ocean_proximity = 'MARS'", "matches none of the 20640 input rows"});
    cases.add(new String[] {"stratify-by", "nope", "--stratify-by nope must be a modelled column"});
    for (String[] c : cases) {
      BadInputException error = assertThrows(BadInputException.class, () -> GenerateJob.run(spark,
          TestSpark.settings("input", input, "output", output.toString(), c[0], c[1])));
      assertTrue(error.getMessage().contains(c[2]), error.getMessage());
      assertEquals(1, error.getMessage().lines().count(), error.getMessage());
      assertTrue(!output.toFile().exists() && TestSpark.listing(dir).stream().noneMatch(n -> n.contains("never")),
          "nothing written for " + c[0]);
    }
  }

  private static List<String> names(Dataset<Row> table) {
    return List.of(table.columns()).stream().filter(n -> !n.equals(CfdmModel.SAMPLE_ID)).toList();
  }

  private static double missingRate(Dataset<Row> table, String column) {
    return (double) table.where(col("`" + column + "`").isNull()).count() / table.count();
  }

  private static double[] numbers(Dataset<Row> table, String column) {
    return table.select(col("`" + column + "`").cast(DataTypes.DoubleType)).na().drop().collectAsList().stream()
        .mapToDouble(r -> r.getDouble(0)).toArray();
  }

  private static String[] texts(Dataset<Row> table, String column) {
    return table.select(col("`" + column + "`").cast(DataTypes.StringType)).collectAsList().stream()
        .map(r -> r.isNullAt(0) ? null : r.getString(0)).toArray(String[]::new);
  }
}
