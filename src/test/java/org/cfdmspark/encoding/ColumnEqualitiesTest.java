package org.cfdmspark.encoding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/** Number columns equal in many rows: found only beyond chance and point masses, kept by decoded barycentres. */
class ColumnEqualitiesTest {
  private static final StructType INVOICES = DataTypes.createStructType(List.of(
      DataTypes.createStructField("due", DataTypes.DoubleType, false),
      DataTypes.createStructField("paid", DataTypes.DoubleType, false),
      DataTypes.createStructField("fee", DataTypes.DoubleType, false)));

  /** due in [100, 10,000] (cents); paid = due in 70 % of rows, else a smaller amount from 0; fee unrelated. */
  private static List<Row> invoices(int n, long seed) {
    Random random = new Random(seed);
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      double due = cents(100 + 9_900 * random.nextDouble());
      double paid = random.nextDouble() < 0.7 ? due : cents(due * random.nextDouble());
      rows.add(RowFactory.create(due, paid, cents(5 + 20 * random.nextDouble())));
    }
    return rows;
  }

  private static final StructType ABC = DataTypes.createStructType(List.of(
      DataTypes.createStructField("a", DataTypes.DoubleType, false),
      DataTypes.createStructField("b", DataTypes.DoubleType, false),
      DataTypes.createStructField("c", DataTypes.DoubleType, false)));

  /** 1,000 rows of a in [0, 10], b in [0, 20], c in [0, 30] (cents): all three equal in half the rows. */
  private static List<Row> equalTogether(long seed) {
    Random random = new Random(seed);
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      double a = cents(10 * random.nextDouble());
      boolean same = random.nextBoolean();
      rows.add(RowFactory.create(a, same ? a : cents(20 * random.nextDouble()),
          same ? a : cents(30 * random.nextDouble())));
    }
    return rows;
  }

  private static double cents(double x) {
    return Math.round(x * 100) / 100.0;
  }

  @Test
  void paidInFullIsFoundWithItsShareAndTheWiderColumnDepends() {
    List<Row> rows = invoices(1000, 1);
    long equal = rows.stream().filter(r -> r.getDouble(0) == r.getDouble(1)).count();
    TableCodec codec = TableCodec.fit(INVOICES, rows, ColumnOverrides.none());
    assertEquals(1, codec.equalities().size(), "found: " + codec.equalities());
    ColumnEquality found = codec.equalities().get(0);
    // paid reaches down to ~0, due starts at 100: paid's range is the wider one, and holds every due.
    assertEquals("due", found.source());
    assertEquals("paid", found.dependent());
    assertEquals(equal / 1000.0, found.share(), 1e-12);
    assertEquals(codec.columns().stream().mapToInt(ColumnCodec::width).sum() + 1, codec.width(),
        "one indicator slot after the columns' slots");
  }

  @Test
  void smallWholeNumbersEqualByChanceAreNoEquality() {
    StructType schema = DataTypes.createStructType(List.of(
        DataTypes.createStructField("a", DataTypes.IntegerType, false),
        DataTypes.createStructField("b", DataTypes.IntegerType, false)));
    Random random = new Random(2);
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < 2000; i++) {
      // 1..40, independent: equal in about 1 / 40 of rows, which is chance (5 % would be twice it).
      rows.add(RowFactory.create(1 + random.nextInt(40), 1 + random.nextInt(40)));
    }
    assertEquals(List.of(), TableCodec.fit(schema, rows, ColumnOverrides.none()).equalities());
  }

  @Test
  void zerosThatPointMassesKeepAreNoEquality() {
    StructType schema = DataTypes.createStructType(List.of(
        DataTypes.createStructField("refund", DataTypes.DoubleType, false),
        DataTypes.createStructField("credit", DataTypes.DoubleType, false)));
    Random random = new Random(3);
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < 2000; i++) {
      // Both 0 in 36 % of rows (a point mass of each), otherwise independent amounts.
      rows.add(RowFactory.create(random.nextDouble() < 0.6 ? 0.0 : cents(1000 * random.nextDouble()),
          random.nextDouble() < 0.6 ? 0.0 : cents(1000 * random.nextDouble())));
    }
    TableCodec codec = TableCodec.fit(schema, rows, ColumnOverrides.none());
    assertTrue(((NumericColumnCodec) codec.columns().get(0)).masses().length > 0, "0 is a point mass");
    assertEquals(List.of(), codec.equalities());
  }

  @Test
  void threeColumnsEqualTogetherNeedTwoEqualitiesEachSetAfterItsSource() {
    List<ColumnEquality> found = TableCodec.fit(ABC, equalTogether(4), ColumnOverrides.none()).equalities();
    assertEquals(2, found.size(), "a = b and a = c imply b = c: " + found);
    List<String> setBefore = new ArrayList<>();
    for (ColumnEquality equality : found) {
      assertTrue(!setBefore.contains(equality.dependent()), "each column is set once: " + found);
      setBefore.add(equality.dependent());
    }
    for (int q = 0; q < found.size(); q++) {
      for (int later = q + 1; later < found.size(); later++) {
        assertNotEquals(found.get(q).source(), found.get(later).dependent(),
            "a source is final before its dependents read it: " + found);
      }
    }
  }

  @Test
  void aBarycentreIsPaidInFullWithItsWeightOfPaidInFullRowsAsTheChance() {
    List<Row> rows = invoices(1000, 5);
    // Normal scores (the model's default): each column's own non-linear scale, so that averaging two equal pairs
    // gives two different values. (Standardised values are linear: their averages of equal pairs stay equal.)
    ColumnOverrides normalScores = new ColumnOverrides(Set.of(), Set.of(), ColumnOverrides.DEFAULT_MAX_CATEGORIES,
        true, Set.of(), Set.of(), List.of(), true, 0);
    TableCodec codec = TableCodec.fit(INVOICES, rows, normalScores);
    List<Row> full = rows.stream().filter(r -> r.getDouble(0) == r.getDouble(1)).limit(2).toList();
    List<Row> partial = rows.stream().filter(r -> r.getDouble(0) != r.getDouble(1)).limit(2).toList();
    Object[] cells = new Object[3];
    int samples = 2000;
    int allFull = 0;
    int oneInFour = 0;
    for (long id = 0; id < samples; id++) {
      codec.decode(mean(codec, full.get(0), full.get(1)), 0, cells, 0, 7, id);
      allFull += cells[0].equals(cells[1]) ? 1 : 0;
      codec.decode(mean(codec, full.get(0), partial.get(0), partial.get(1), partial.get(0)), 0, cells, 0, 7, id);
      oneInFour += cells[0].equals(cells[1]) ? 1 : 0;
    }
    assertEquals(samples, allFull, "two paid-in-full rows average to a paid-in-full row");
    // One paid-in-full row in four: a chance of 1/4 (4 binomial standard errors: 0.039).
    assertEquals(0.25, oneInFour / (double) samples, 0.039, "one paid-in-full row in four");
    TableCodec without = new TableCodec(codec.columns(), codec.fittedRows(), codec.constraints(),
        codec.dependencies());
    without.decode(mean(without, full.get(0), full.get(1)), 0, cells, 0);
    assertNotEquals(cells[0], cells[1], "without the equality the columns average apart");
  }

  @Test
  void columnsEqualTogetherComeOutEqualTogether() {
    List<Row> rows = equalTogether(8);
    ColumnOverrides normalScores = new ColumnOverrides(Set.of(), Set.of(), ColumnOverrides.DEFAULT_MAX_CATEGORIES,
        true, Set.of(), Set.of(), List.of(), true, 0);
    TableCodec codec = TableCodec.fit(ABC, rows, normalScores);
    List<Row> equal = rows.stream().filter(r -> r.getDouble(0) == r.getDouble(2) && r.getDouble(0) == r.getDouble(1))
        .limit(2).toList();
    List<Row> unequal = rows.stream().filter(r -> r.getDouble(0) != r.getDouble(1) && r.getDouble(0) != r.getDouble(2)
        && r.getDouble(1) != r.getDouble(2)).limit(2).toList();
    double[] z = mean(codec, equal.get(0), equal.get(1), unequal.get(0), unequal.get(1));
    Object[] cells = new Object[3];
    int samples = 2000;
    int allThree = 0;
    int some = 0;
    for (long id = 0; id < samples; id++) {
      codec.decode(z, 0, cells, 0, 3, id);
      boolean ab = cells[0].equals(cells[1]);
      boolean ac = cells[0].equals(cells[2]);
      allThree += ab && ac ? 1 : 0;
      some += ab || ac || cells[1].equals(cells[2]) ? 1 : 0;
    }
    // Each pair's chance is 1/2; one draw for both makes all three equal in half the samples, not a quarter.
    assertEquals(0.5, allThree / (double) samples, 0.045, "all three equal");
    assertEquals(allThree, some, "never two of the three equal alone");
  }

  @Test
  void equalitiesSurviveTheCodecsJson() {
    TableCodec codec = TableCodec.fit(INVOICES, invoices(600, 6), ColumnOverrides.none());
    TableCodec read = CodecJson.fromJson(CodecJson.toJson(codec));
    assertEquals(codec.equalities(), read.equalities());
    assertEquals(codec.width(), read.width());
  }

  /** The mean of the rows' encodings. */
  private static double[] mean(TableCodec codec, Row... rows) {
    double[] z = new double[codec.width()];
    float[] encoded = new float[codec.width()];
    for (Row row : rows) {
      codec.encode(row, encoded, 0);
      for (int j = 0; j < z.length; j++) {
        z[j] += encoded[j] / (double) rows.length;
      }
    }
    return z;
  }
}
