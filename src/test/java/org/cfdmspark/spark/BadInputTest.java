package org.cfdmspark.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.cfdmspark.core.BadInputException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * User errors found by the codec (column types, missing values): one line naming the problem and the fix, and
 * nothing at or beside the output. Every other bad input is a case of cli.BadInputSuiteTest.
 */
class BadInputTest {
  private static SparkSession spark;

  @TempDir
  Path dir;
  private Path parent;
  private Path output;

  @BeforeAll
  static void startSpark() {
    spark = TestSpark.local(2);
  }

  @BeforeEach
  void makeOutputParent() throws Exception {
    parent = Files.createDirectory(dir.resolve("outputs"));
    output = parent.resolve("synthetic");
  }

  @Test
  void nonNumericColumn() throws Exception {
    Path input = Files.write(dir.resolve("mixed.csv"), List.of("age,city,income", "30,Oslo,1.5", "41,Rome,2.5"));
    assertBadInput(List.of("column 'city' is not numeric (string)",
        "exclude it with --exclude city (mixed types come in a later release)"), "input", input.toString());
  }

  @Test
  void noCompleteRows() throws Exception {
    Path input = Files.write(dir.resolve("holes.csv"), List.of("a,b", "1,", ",2", "3,"));
    assertBadInput(List.of("every one of the 3 rows", "missing value", "--exclude"), "input", input.toString());
  }

  /** Runs with --output set (and the given knobs), expects a BadInputException and an untouched output parent. */
  private void assertBadInput(List<String> fragments, String... namesAndValues) throws Exception {
    List<String> knobs = new ArrayList<>(List.of("output", output.toString(), "steps", "10"));
    knobs.addAll(List.of(namesAndValues));
    BadInputException error = assertThrows(BadInputException.class,
        () -> GenerateJob.run(spark, TestSpark.settings(knobs.toArray(String[]::new))));
    assertOneLineContaining(error, fragments);
    assertEquals(List.of(), TestSpark.listing(parent), "nothing written at or beside the output");
  }

  private static void assertOneLineContaining(BadInputException error, List<String> fragments) {
    String message = error.getMessage();
    assertFalse(message.contains("\n"), "one line: " + message);
    for (String fragment : fragments) {
      assertTrue(message.contains(fragment), "'" + fragment + "' missing from: " + message);
    }
  }
}
