package org.cfdmspark.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.cfdmspark.config.Settings;
import org.cfdmspark.testkit.SparkTest;
import org.cfdmspark.testkit.TestSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Array, map and struct columns of a Parquet input kept empty with --ignore, and one without a value, are written
 * as empty cells in CSV, by generate and by sample from a saved model: Spark's CSV writer refused such a column
 * after all the sampling.
 */
@SparkTest
class IgnoredComplexColumnsTest {
  private static final String HEADER = "price,tags,attrs,pt,none,sex";

  @TempDir
  Path dir;

  /** 300 rows: a number, an array, a map, a struct, an array without a value and a category. */
  private Path complexParquet(SparkSession spark) {
    Path input = dir.resolve("complex.parquet");
    Dataset<Row> rows = spark.range(300).selectExpr("cast(id * 7 % 101 as double) as price",
        "array(cast(id % 5 as int), 1) as tags", "map('a', cast(id % 4 as int)) as attrs",
        "named_struct('x', id % 3, 'y', id % 2 = 0) as pt", "cast(null as array<int>) as none",
        "if(id % 2 = 0, 'm', 'f') as sex");
    rows.coalesce(1).write().parquet(input.toString());
    return input;
  }

  @Test
  void generateAndSampleWriteThemAsEmptyCellsInCsv(SparkSession spark) throws Exception {
    Path input = complexParquet(spark);
    Path generated = dir.resolve("generated");
    GenerateJob.run(spark, TestSpark.settings("input", input.toString(), "output", generated.toString(),
        "num-samples", "100", "seed", "1", "ignore", "tags,attrs,pt"));
    assertEmptyComplexCells(generated);

    Path model = dir.resolve("model");
    FitJob.run(spark, Settings.defaults(JobKnobs.FIT).withText("input", input.toString())
        .withText("model", model.toString()).withText("ignore", "tags,attrs,pt").withText("seed", "1"));
    Path sampled = dir.resolve("sampled");
    SampleJob.run(spark, Settings.defaults(JobKnobs.SAMPLE).with(JobKnobs.PROGRESS, false)
        .withText("model", model.toString()).withText("output", sampled.toString()).withText("num-samples", "100"));
    assertEmptyComplexCells(sampled);
  }

  /** The output's header names every column, and each line has a price and a sex, its other cells empty. */
  private static void assertEmptyComplexCells(Path output) throws Exception {
    try (var files = Files.list(output)) {
      Path part = files.filter(p -> p.getFileName().toString().startsWith("part-")).findFirst().orElseThrow();
      assertEquals(HEADER, Files.readAllLines(part).get(0));
    }
    List<String> lines = TestSpark.csvLines(output);
    assertEquals(100, lines.size());
    for (String line : lines) {
      String[] cells = line.split(",", -1);
      assertEquals(6, cells.length, line);
      assertFalse(cells[0].isEmpty() || cells[5].isEmpty(), "modelled cells: " + line);
      assertEquals(List.of("", "", "", ""), List.of(cells).subList(1, 5), "ignored and valueless cells: " + line);
    }
  }
}
