package org.cfdmspark.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.apache.spark.sql.SparkSession;
import org.cfdmspark.testkit.SparkTest;
import org.cfdmspark.testkit.TestSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * --stratify-by on a column that holds both the text "null" and missing cells: two strata, neither lost, and
 * --counts names each ("null" the text, "(missing)" the missing cells).
 */
@SparkTest
class MissingStratumTest {
  @TempDir
  Path dir;

  /** 300 rows: a spend and a segment of gold, the text null (60 rows) or an empty cell (90 rows). */
  private Path segments() throws Exception {
    Random random = new Random(9);
    StringBuilder csv = new StringBuilder("spend,segment\n");
    for (int i = 0; i < 300; i++) {
      csv.append(String.format("%.2f", 10 + random.nextDouble() * 300)).append(',')
          .append(i % 5 == 0 ? "null" : i % 10 < 4 ? "" : "gold").append('\n');
    }
    Path input = dir.resolve("segments.csv");
    Files.writeString(input, csv);
    return input;
  }

  /** Output rows per segment cell as written ("" for an empty cell). */
  private Map<String, Integer> segmentCounts(Path output) throws Exception {
    Map<String, Integer> counts = new TreeMap<>();
    for (String line : TestSpark.csvLines(output)) {
      counts.merge(line.substring(line.indexOf(',') + 1), 1, Integer::sum);
    }
    return counts;
  }

  @Test
  void theTextNullAndMissingCellsAreStrataOfTheirOwn(SparkSession spark) throws Exception {
    Path input = segments();
    Path proportional = dir.resolve("proportional");
    GenerateJob.run(spark, TestSpark.settings("input", input.toString(), "output", proportional.toString(),
        "stratify-by", "segment", "num-samples", "500", "seed", "4", "steps", "20"));
    // Training shares: gold 150/300, null 60/300, missing 90/300.
    assertEquals(Map.of("", 150, "gold", 250, "null", 100), segmentCounts(proportional));

    Path counted = dir.resolve("counted");
    GenerateJob.run(spark, TestSpark.settings("input", input.toString(), "output", counted.toString(),
        "stratify-by", "segment", "counts", "null=40,(missing)=25", "seed", "4", "steps", "20"));
    assertEquals(Map.of("", 25, "null", 40), segmentCounts(counted));
    List<String> strata = new ArrayList<>();
    new ObjectMapper().readTree(counted.resolve(RunManifest.FILE_NAME).toFile()).get("strata")
        .forEach(stratum -> strata.add(stratum.get("value").asText() + "=" + stratum.get("samples").asLong()));
    assertEquals(List.of("null=40", "(missing)=25"), strata, "strata given samples");
  }
}
