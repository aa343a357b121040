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

/** Every user error is one line naming the problem and the fix, and leaves nothing at or beside the output. */
class BadInputTest {
  private static SparkSession spark;
  private static final String CREDIT = TestSpark.sharedData("credit_default.csv.gz");

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
  void missingInput() throws Exception {
    String missing = dir.resolve("no-such-file.csv").toString();
    assertBadInput(List.of(missing, "does not exist", "--input"), "input", missing);
  }

  @Test
  void missingInputOption() throws Exception {
    assertBadInput(List.of("--input is required"));
  }

  @Test
  void inputFormatUnknownFromName() throws Exception {
    Path text = Files.writeString(dir.resolve("table.txt"), "a\n1\n");
    assertBadInput(List.of("table.txt", "--input-format csv"), "input", text.toString());
  }

  @Test
  void csvReadAsParquet() throws Exception {
    Path csv = Files.write(dir.resolve("table.csv"), List.of("a,b", "1,2"));
    assertBadInput(List.of("cannot read input", "as parquet", "--input-format", "not a Parquet file"),
        "input", csv.toString(), "input-format", "parquet");
  }

  @Test
  void emptyInput() throws Exception {
    Path empty = Files.write(dir.resolve("empty.csv"), List.of());
    assertBadInput(List.of("empty.csv' has no columns"), "input", empty.toString());
  }

  @Test
  void unknownColumn() throws Exception {
    assertBadInput(List.of("unknown column 'NOPE'", "--columns", "available columns: ID, LIMIT_BAL, SEX"),
        "input", CREDIT, "columns", "LIMIT_BAL,NOPE");
  }

  @Test
  void unknownExcludedColumn() throws Exception {
    assertBadInput(List.of("unknown column 'id'", "--exclude", "available columns: ID"), "input", CREDIT,
        "exclude", "id");
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

  @Test
  void zeroSamples() throws Exception {
    assertBadInput(List.of("--num-samples", "'0'", "integer >= 1"), "input", CREDIT, "num-samples", "0");
  }

  @Test
  void negativeSigma() throws Exception {
    assertBadInput(List.of("--sigma", "'-0.1'", "a number >= 0 or auto"), "input", CREDIT, "sigma", "-0.1");
  }

  @Test
  void startTimeOfOne() throws Exception {
    assertBadInput(List.of("--start-time", "'1'", "[0, 1)"), "input", CREDIT, "start-time", "1");
  }

  @Test
  void trainingMatrixOverBudget() throws Exception {
    assertBadInput(List.of("30,000 rows x 23 values", "--broadcast-budget-mb 1"), "input", CREDIT,
        "exclude", "ID,SEX", "broadcast-budget-mb", "1");
  }

  @Test
  void outputThatHoldsTheInput() throws Exception {
    Path input = Files.write(Files.createDirectory(output).resolve("train.csv"), List.of("a", "1", "2"));
    List<String> before = TestSpark.listing(output);
    BadInputException error = assertThrows(BadInputException.class, () -> GenerateJob.run(spark,
        TestSpark.settings("input", input.toString(), "output", output.toString(), "mode", "overwrite")));
    assertTrue(error.getMessage().contains("is or contains the input"), error.getMessage());
    assertEquals(before, TestSpark.listing(output));
  }

  @Test
  void existingOutputWithoutOverwrite() throws Exception {
    Path old = Files.writeString(Files.createDirectory(output).resolve("keep.txt"), "old result");
    BadInputException error = assertThrows(BadInputException.class, () -> GenerateJob.run(spark,
        TestSpark.settings("input", CREDIT, "output", output.toString())));
    assertOneLineContaining(error, List.of(output.toString(), "already exists", "--mode overwrite"));
    assertEquals(List.of("synthetic"), TestSpark.listing(parent));
    assertEquals(List.of("keep.txt"), TestSpark.listing(output));
    assertEquals("old result", Files.readString(old));
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
