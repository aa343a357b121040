package org.cfdmspark.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.cfdmspark.testkit.TestSpark;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tables of repeated rows (issue 12). Exact copies judged against fresh data: the share of output rows equal to a
 * training row stays within 1 point of the share of held-out rows equal to a training row, and a row whose
 * combination of values occurs once in training never comes out verbatim. And their category shares are kept.
 */
class DuplicateRowsTest {
  private static SparkSession spark;

  @TempDir
  Path dir;

  @BeforeAll
  static void startSpark() {
    spark = TestSpark.local(2);
  }

  @Test
  void aTableWithSomeRepeatedRowsIsNotCopied() throws Exception {
    // 816 rows, 16 of them repeated; before the guard saw duplicates, 318 of 500 samples were training rows.
    Copies copies = generate(TestSpark.testData("cases/22-duplicate-rows.csv"), "dup");
    assertTrue(copies.synthetic() <= copies.holdout() + 0.01, copies.toString());
    assertEquals(0, copies.ofSingleRows(), copies.toString());
  }

  @Test
  void aTableOfMostlyRepeatedRowsMayRepeatItsCommonRowsOnly() throws Exception {
    Copies copies = generate(mostlyRepeated(dir.resolve("repeated.csv")), "repeated");
    assertTrue(copies.holdout() > 0.5, "fresh rows of this table mostly repeat training rows: " + copies);
    assertTrue(copies.synthetic() <= copies.holdout() + 0.01, copies.toString());
    assertEquals(0, copies.ofSingleRows(), copies.toString());
  }

  @Test
  void aTableOfRepeatedRowsKeepsItsCategoryShares() throws Exception {
    // σ auto at three times the spacing flattened these shares (children: total variation 0.24 from training's,
    // plan 0.15), as the nearest different row is one category away; with the spacing itself they stay.
    String input = plansAndChildren(dir.resolve("plans.csv"));
    Path output = dir.resolve("plans-out");
    GenerateJob.run(spark, TestSpark.settings("input", input, "output", output.toString(), "num-samples", "1500"));
    List<List<Object>> training = rows(input);
    List<List<Object>> synthetic = rows(output.toString());
    for (int column : new int[] {0, 3}) {
      double tv = totalVariation(training, synthetic, column);
      assertTrue(tv < 0.07, "column " + column + ": total variation " + tv + " from the training shares");
    }
  }

  @Test
  void equalRowsAreSplitLikeAnyOthers() {
    // 2,000 equal rows: hashing values alone would send all of them to one side.
    Dataset<Row> rows = spark.range(2000).selectExpr("1 AS a", "'x' AS b");
    HoldoutSplit.Parts parts = HoldoutSplit.split(rows, List.of("a", "b"), TestSpark.settings("holdout-fraction",
        "0.2"));
    long held = parts.holdout().count();
    long kept = parts.training().count();
    assertEquals(2000, held + kept);
    // Binomial(2000, 0.2): mean 400, sd 18.
    assertTrue(held > 330 && held < 470, "about 20 % held out: " + held);
  }

  /**
   * @param synthetic share of output rows equal to a training row
   * @param holdout share of held-out rows equal to a training row: the value for fresh rows
   * @param ofSingleRows output rows equal to a training row whose values occur once in training
   */
  private record Copies(double synthetic, double holdout, long ofSingleRows) {
  }

  private Copies generate(String input, String name) throws Exception {
    Path output = dir.resolve(name);
    GenerateJob.run(spark, TestSpark.settings("input", input, "output", output.toString(), "num-samples", "500",
        "holdout-fraction", "0.2"));
    Map<List<Object>, Integer> training = counts(rows(input));
    List<List<Object>> holdout = rows(output.resolve(HoldoutSplit.DIRECTORY).toString());
    holdout.forEach(row -> training.merge(row, -1, Integer::sum));
    List<List<Object>> synthetic = rows(output.toString());
    long singles = synthetic.stream().filter(row -> training.getOrDefault(row, 0) == 1).count();
    return new Copies(share(synthetic, training), share(holdout, training), singles);
  }

  private static double share(List<List<Object>> rows, Map<List<Object>, Integer> training) {
    return rows.stream().filter(row -> training.getOrDefault(row, 0) > 0).count() / (double) rows.size();
  }

  private static Map<List<Object>, Integer> counts(List<List<Object>> rows) {
    Map<List<Object>, Integer> counts = new HashMap<>();
    rows.forEach(row -> counts.merge(row, 1, Integer::sum));
    return counts;
  }

  /** Every row of a CSV table as its values, numbers as doubles, so that 3 and 3.0 compare equal. */
  private static List<List<Object>> rows(String path) throws IOException {
    List<List<Object>> rows = new ArrayList<>();
    for (Row row : spark.read().option("header", "true").option("inferSchema", "true").option("nullValue", "NA")
        .csv(ReportJob.readable(spark, path)).collectAsList()) {
      List<Object> values = new ArrayList<>();
      for (int c = 0; c < row.size(); c++) {
        Object v = row.get(c);
        values.add(v instanceof Number n ? (Object) (n.doubleValue() + 0.0) : v);
      }
      rows.add(values);
    }
    return rows;
  }

  /** Half the summed absolute difference between the two tables' shares of each value of {@code column}. */
  private static double totalVariation(List<List<Object>> a, List<List<Object>> b, int column) {
    Map<Object, Double> difference = new HashMap<>();
    a.forEach(row -> difference.merge(row.get(column), 1.0 / a.size(), Double::sum));
    b.forEach(row -> difference.merge(row.get(column), -1.0 / b.size(), Double::sum));
    return difference.values().stream().mapToDouble(Math::abs).sum() / 2;
  }

  /**
   * 3,000 customers: a plan (4, skewed), a region (5), whether active (depends on the plan), children (0-6,
   * geometric) and a 1-5 score, 2 % of them a decimal: 90 % of the rows repeat another.
   */
  private static String plansAndChildren(Path file) throws IOException {
    String[] plans = {"basic", "plus", "pro", "team"};
    double[] planShares = {0.5, 0.3, 0.15, 0.05};
    double[] scoreShares = {0.05, 0.1, 0.2, 0.4, 0.25};
    Random random = new Random(7);
    List<String> lines = new ArrayList<>(List.of("plan,region,active,children,score"));
    for (int i = 0; i < 3000; i++) {
      int plan = draw(planShares, random);
      boolean active = random.nextDouble() < (plan == 0 ? 0.3 : 0.7);
      int children = Math.min((int) (-Math.log(1 - random.nextDouble()) / 0.8), 6);
      String score = random.nextDouble() < 0.02 ? String.format(Locale.ROOT, "%.1f", 1 + 4 * random.nextDouble())
          : String.valueOf(1 + draw(scoreShares, random));
      lines.add(plans[plan] + "," + "nsewc".charAt(random.nextInt(5)) + "," + active + "," + children + "," + score);
    }
    Files.write(file, lines);
    return file.toString();
  }

  private static int draw(double[] shares, Random random) {
    double u = random.nextDouble();
    int k = 0;
    while (k < shares.length - 1 && (u -= shares[k]) >= 0) {
      k++;
    }
    return k;
  }

  /**
   * 1,000 rows: 900 from 12 combinations of a colour, a size and an amount (repeated 20 to 130 times each), and 100
   * rows whose amount is drawn uniformly, so that each of them occurs once.
   */
  private static String mostlyRepeated(Path file) throws IOException {
    String[] colours = {"red", "green", "blue"};
    Random random = new Random(12);
    List<String> lines = new ArrayList<>(List.of("colour,size,amount"));
    for (int i = 0; i < 900; i++) {
      int combination = (int) Math.floor(12 * Math.pow(random.nextDouble(), 1.5)); // common ones more common
      lines.add(colours[combination % 3] + "," + combination / 3 + "," + (10 * (combination / 3) + 5) + ".00");
    }
    for (int i = 0; i < 100; i++) {
      lines.add(colours[random.nextInt(3)] + "," + random.nextInt(4) + ","
          + String.format(Locale.ROOT, "%.2f", 40 * random.nextDouble()));
    }
    Files.write(file, lines);
    return file.toString();
  }
}
