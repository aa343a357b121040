package org.cfdmspark.encoding;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/**
 * Dependencies between a number and a category: a category that is a range of a number, a number that takes one
 * value per category. Found only with evidence, kept by every decoded row, saved with the model.
 */
class NumberDependenciesTest {
  private static final StructType CUSTOMERS = DataTypes.createStructType(List.of(
      DataTypes.createStructField("age", DataTypes.IntegerType, true),
      DataTypes.createStructField("age_group", DataTypes.StringType, false),
      DataTypes.createStructField("plan", DataTypes.StringType, false),
      DataTypes.createStructField("price", DataTypes.DoubleType, false),
      DataTypes.createStructField("signup", DataTypes.DateType, false),
      DataTypes.createStructField("year", DataTypes.StringType, false),
      DataTypes.createStructField("region", DataTypes.StringType, false)));
  private static final String[] PLANS = {"basic", "student", "standard", "premium"};
  /** basic and student share a price, so the price does not tell the plan. */
  private static final double[] PRICES = {8.95, 8.95, 14.99, 19.99};

  private static String group(int age) {
    return age < 30 ? "18-29" : age < 45 ? "30-44" : age < 65 ? "45-64" : "65+";
  }

  /** n rows; every tenth age missing (its group still given); the rest as the class comment says. */
  private static List<Row> customers(int n, long seed) {
    Random random = new Random(seed);
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      int age = 18 + random.nextInt(63);
      int plan = random.nextInt(PLANS.length);
      LocalDate signup = LocalDate.of(2021, 1, 1).plusDays(random.nextInt(4 * 365));
      rows.add(RowFactory.create(i % 10 == 9 ? null : age, group(age), PLANS[plan], PRICES[plan],
          Date.valueOf(signup), String.valueOf(signup.getYear()), "r" + random.nextInt(5)));
    }
    return rows;
  }

  @Test
  void rangesAndValuesAreFoundAndAPricesPlanIsNotReadBack() {
    TableCodec codec = TableCodec.fit(CUSTOMERS, customers(2000, 1), ColumnOverrides.none());
    assertEquals(List.of("age determines age_group by ranges"), codec.ranges().stream().map(Object::toString)
        .toList(), "region is no range of anything");
    assertEquals(List.of("signup determines year (its year)"), codec.calendars().stream().map(Object::toString)
        .toList(), "a year of a date: its calendar field, not a guess between training's dates");
    assertEquals(List.of("plan determines price"), codec.values().stream().map(Object::toString).toList());
    RangeDependency ages = codec.ranges().get(0);
    assertEquals(3, ages.bounds().length);
    // Each threshold lies between the last age of one group and the first of the next: 29 | 30, 44 | 45, 64 | 65.
    assertArrayEquals(new double[] {29.5, 44.5, 64.5}, ages.bounds(), 1e-12);
  }

  @Test
  void aRuleThatFewRowsCouldBreakIsNotADependency() {
    // 40 rows: age_group's 4 values and plan's 4 leave 36 rows of evidence, below 50, though the rules hold.
    TableCodec codec = TableCodec.fit(CUSTOMERS, customers(40, 2), ColumnOverrides.none());
    assertEquals(List.of(), codec.ranges());
    assertEquals(List.of(), codec.values());
  }

  @Test
  void aLevelInTwoRunsOrAValueWithTwoLevelsIsNoRange() {
    int n = 600;
    int[] codes = new int[n];
    double[] split = new double[n];
    double[] tied = new double[n];
    for (int r = 0; r < n; r++) {
      codes[r] = r < 200 || r >= 400 ? 0 : 1; // level 0 below 200 and from 400 up: two runs
      split[r] = r;
      tied[r] = r < 300 ? r : 299; // level 1 from row 200 on, but rows 299.. share one value with level 0's 299
    }
    int[] threeRuns = codes;
    int[] twoRuns = new int[n];
    for (int r = 0; r < n; r++) {
      twoRuns[r] = r < 250 ? 0 : 1;
    }
    assertEquals(List.of(), find(threeRuns, 2, split).ranges(), "level 0 in two runs");
    assertEquals(1, find(twoRuns, 2, split).ranges().size(), "the same numbers with one run per level");
    int[] tieCodes = new int[n];
    for (int r = 0; r < n; r++) {
      tieCodes[r] = r < 299 ? 0 : 1;
    }
    // Row 298 and 299 differ, so level 1 starts at value 299, which rows of level 0 never hold: a range.
    assertEquals(1, find(tieCodes, 2, tied).ranges().size());
    tieCodes[299] = 0; // value 299 now in both levels
    assertEquals(List.of(), find(tieCodes, 2, tied).ranges(), "one value with two levels");
  }

  @Test
  void aNumberSetByAnotherRelationIsNotSetFromACategory() {
    int n = 600;
    int[] plan = new int[n];
    double[] price = new double[n];
    for (int r = 0; r < n; r++) {
      plan[r] = r % 3;
      price[r] = 10 + plan[r];
    }
    NumberDependencies.Found free = NumberDependencies.find(new int[][] {plan}, new int[] {3}, new double[][] {price},
        new boolean[1], new boolean[] {false});
    assertEquals(1, free.values().size());
    assertArrayEquals(new double[] {10, 11, 12}, free.values().get(0).values());
    assertEquals(List.of(), free.ranges(), "a price set from its plan is no range that sets the plan");
    NumberDependencies.Found tied = NumberDependencies.find(new int[][] {plan}, new int[] {3},
        new double[][] {price}, new boolean[1], new boolean[] {true});
    assertEquals(List.of(), tied.values());
    assertEquals(1, tied.ranges().size(), "the plan is then a range of the price");
    NumberDependencies.Found derived = NumberDependencies.find(new int[][] {plan}, new int[] {3},
        new double[][] {price}, new boolean[] {true}, new boolean[] {true});
    assertEquals(List.of(), derived.ranges(), "a category derived from another is not derived again");
  }

  @Test
  void theCategoryWithTheMostLevelsSetsANumber() {
    int n = 600;
    int[] coarse = new int[n];
    int[] fine = new int[n];
    double[] number = new double[n];
    for (int r = 0; r < n; r++) {
      fine[r] = r % 6;
      coarse[r] = fine[r] / 3;
      number[r] = coarse[r] * 2.5;
    }
    NumberDependencies.Found found = NumberDependencies.find(new int[][] {coarse, fine}, new int[] {2, 6},
        new double[][] {number}, new boolean[2], new boolean[1]);
    assertEquals(1, found.values().size());
    assertEquals(1, found.values().get(0).category(), "both determine it; the finer is chosen");
    double[] constant = new double[n];
    assertEquals(List.of(), NumberDependencies.find(new int[][] {coarse}, new int[] {2}, new double[][] {constant},
        new boolean[1], new boolean[1]).values(), "a constant column decodes to its value anyway");
  }

  @Test
  void aBarycentreAcrossAThresholdDecodesToAnAgeInItsGroupAndAPriceOfItsPlan() {
    List<Row> rows = customers(2000, 3);
    TableCodec codec = TableCodec.fit(CUSTOMERS, rows, ColumnOverrides.none()).noiseless();
    TableCodec independent = new TableCodec(codec.columns(), codec.fittedRows(), codec.constraints(),
        codec.dependencies(), codec.equalities());
    int mismatchedGroups = 0;
    int mismatchedPrices = 0;
    int independentMismatches = 0;
    Random random = new Random(4);
    for (int trial = 0; trial < 300; trial++) {
      // Two random rows with present ages, mixed at a random weight: their age, plan and price blocks average.
      double[] z = Barycentres.of(codec, present(rows, random), present(rows, random), random.nextDouble());
      Object[] cells = new Object[CUSTOMERS.size()];
      independent.decode(z, 0, cells, 0);
      independentMismatches += !group((Integer) cells[0]).equals(cells[1]) ? 1 : 0;
      codec.decode(z, 0, cells, 0);
      mismatchedGroups += !group((Integer) cells[0]).equals(cells[1]) ? 1 : 0;
      int plan = List.of(PLANS).indexOf(cells[2]);
      mismatchedPrices += (Double) cells[3] != PRICES[plan] ? 1 : 0;
      assertEquals(String.valueOf(((Date) cells[4]).toLocalDate().getYear()), cells[5]);
    }
    assertTrue(independentMismatches > 20, "decoded on their own, ages and groups disagree: " + independentMismatches);
    assertEquals(0, mismatchedGroups);
    assertEquals(0, mismatchedPrices);
  }

  @Test
  void aMissingNumberLeavesItsCategoryVoted() {
    List<Row> rows = customers(2000, 5);
    TableCodec codec = TableCodec.fit(CUSTOMERS, rows, ColumnOverrides.none()).noiseless();
    Row missingAge = rows.stream().filter(r -> r.isNullAt(0)).findFirst().orElseThrow();
    double[] z = Barycentres.of(codec, missingAge, missingAge, 1);
    Object[] cells = new Object[CUSTOMERS.size()];
    codec.decode(z, 0, cells, 0);
    assertNull(cells[0]);
    assertEquals(missingAge.get(1), cells[1], "the training row's own group");
  }

  @Test
  void aCategoryMissingWithItsNumberStaysMissing() {
    // Every tenth age missing, and its group with it.
    List<Row> rows = new ArrayList<>();
    for (Row row : customers(2000, 7)) {
      rows.add(RowFactory.create(row.get(0), row.isNullAt(0) ? null : row.get(1), row.get(2), row.get(3), row.get(4),
          row.get(5), row.get(6)));
    }
    StructType schema = DataTypes.createStructType(java.util.Arrays.stream(CUSTOMERS.fields())
        .map(f -> f.name().equals("age_group") ? f.copy(f.name(), f.dataType(), true, f.metadata()) : f)
        .toArray(org.apache.spark.sql.types.StructField[]::new));
    TableCodec codec = TableCodec.fit(schema, rows, ColumnOverrides.none()).noiseless();
    RangeDependency ages = codec.ranges().get(0);
    assertEquals(codec.columns().get(1).width() - 1, ages.missingLevel(), "the group's missing slot");
    Random random = new Random(8);
    for (int trial = 0; trial < 300; trial++) {
      double[] z = Barycentres.of(codec, rows.get(random.nextInt(rows.size())), rows.get(random.nextInt(rows.size())),
          random.nextDouble());
      Object[] cells = new Object[schema.size()];
      codec.decode(z, 0, cells, 0);
      assertEquals(cells[0] == null, cells[1] == null, "age and group missing together: " + cells[0] + ", " + cells[1]);
    }
  }

  @Test
  void rangesAndValuesSurviveTheCodecsJson() {
    TableCodec codec = TableCodec.fit(CUSTOMERS, customers(2000, 6), ColumnOverrides.none());
    TableCodec read = CodecJson.fromJson(CodecJson.toJson(codec));
    assertEquals(codec.ranges().size(), read.ranges().size());
    for (int q = 0; q < codec.ranges().size(); q++) {
      assertEquals(codec.ranges().get(q).toString(), read.ranges().get(q).toString());
      assertArrayEquals(codec.ranges().get(q).bounds(), read.ranges().get(q).bounds());
      assertArrayEquals(codec.ranges().get(q).dependentLevel(), read.ranges().get(q).dependentLevel());
      assertEquals(codec.ranges().get(q).missingLevel(), read.ranges().get(q).missingLevel());
    }
    assertEquals(codec.values().size(), read.values().size());
    assertArrayEquals(codec.values().get(0).dependentValue(), read.values().get(0).dependentValue());
  }

  private static Row present(List<Row> rows, Random random) {
    Row row;
    do {
      row = rows.get(random.nextInt(rows.size()));
    } while (row.isNullAt(0));
    return row;
  }

  private static NumberDependencies.Found find(int[] codes, int codeCount, double[] numbers) {
    return NumberDependencies.find(new int[][] {codes}, new int[] {codeCount}, new double[][] {numbers},
        new boolean[1], new boolean[1]);
  }
}
