package org.cfdmspark.encoding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/**
 * A number column that is a sum, product or quotient of two others: found only where every row keeps it, kept by
 * decoded rows.
 */
class ColumnFormulasTest {
  private static final StructType INVOICES = DataTypes.createStructType(List.of(
      DataTypes.createStructField("total", DataTypes.DoubleType, false),
      DataTypes.createStructField("fees", DataTypes.DoubleType, false),
      DataTypes.createStructField("tax", DataTypes.DoubleType, false),
      DataTypes.createStructField("score", DataTypes.DoubleType, false)));

  /** fees and tax in cents, total their sum (written first), score unrelated. */
  private static List<Row> invoices(int n, long seed) {
    Random random = new Random(seed);
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      BigDecimal fees = BigDecimal.valueOf(500 + random.nextInt(20_000), 2);
      BigDecimal tax = BigDecimal.valueOf(random.nextInt(5_000), 2);
      rows.add(RowFactory.create(fees.add(tax).doubleValue(), fees.doubleValue(), tax.doubleValue(),
          Math.round(random.nextGaussian() * 1000) / 10.0));
    }
    return rows;
  }

  @Test
  void aTotalOfTwoColumnsIsFoundWhateverTheColumnsOrder() {
    TableCodec codec = TableCodec.fit(INVOICES, invoices(300, 1), ColumnOverrides.none());
    assertEquals(List.of("total = fees + tax"), codec.formulas().stream().map(Object::toString).toList());
  }

  @Test
  void aSumBrokenByOneRowOrSeenInFewRowsIsNoRule() {
    List<Row> rows = invoices(300, 2);
    Row first = rows.get(0);
    rows.set(0, RowFactory.create(first.getDouble(0) + 0.01, first.getDouble(1), first.getDouble(2),
        first.getDouble(3)));
    assertEquals(List.of(), TableCodec.fit(INVOICES, rows, ColumnOverrides.none()).formulas(), "one cent off");
    assertEquals(List.of(), TableCodec.fit(INVOICES, invoices(40, 3), ColumnOverrides.none()).formulas(), "40 rows");
    List<Row> untaxed = new ArrayList<>();
    for (Row row : invoices(300, 4)) {
      untaxed.add(RowFactory.create(row.getDouble(1), row.getDouble(1), 0.0, row.getDouble(3)));
    }
    List<ColumnCodec> columns = TableCodec.fit(INVOICES, untaxed, ColumnOverrides.none()).columns();
    assertEquals(List.of(), ColumnFormulas.find(NumberCells.of(untaxed, columns), columns, Set.of()),
        "adding zero: an equality, not a sum");
  }

  @Test
  void aQuotientThatRoundsToZeroIsNoRule() {
    // adult's capital-gain is 0 wherever capital-loss is not, and age / capital-loss is below half a dollar there.
    int n = 500;
    double[] age = new double[n];
    double[] gain = new double[n];
    double[] loss = new double[n];
    Random random = new Random(13);
    for (int r = 0; r < n; r++) {
      age[r] = 17 + random.nextInt(74);
      boolean gained = r % 3 == 0;
      gain[r] = gained ? 100 + random.nextInt(20_000) : 0;
      loss[r] = !gained && r % 3 == 1 ? 155 + random.nextInt(4_000) : 0;
    }
    assertEquals(List.of(), ColumnFormulas.find(new double[][] {age, gain, loss}, new double[] {1, 1, 1}));
  }

  @Test
  void aBarycentreDecodesToATotalThatIsTheSumOfItsParts() {
    List<Row> rows = invoices(300, 5);
    TableCodec codec = TableCodec.fit(INVOICES, rows, ColumnOverrides.none()).noiseless();
    TableCodec independent = new TableCodec(codec.columns(), codec.fittedRows(), codec.constraints(),
        codec.dependencies(), codec.equalities());
    Random random = new Random(6);
    int independentBroken = 0;
    for (int trial = 0; trial < 100; trial++) {
      double[] z = Barycentres.of(codec, rows.get(random.nextInt(rows.size())), rows.get(random.nextInt(rows.size())),
          0.5);
      Object[] cells = new Object[INVOICES.size()];
      independent.decode(z, 0, cells, 0);
      independentBroken += cents((Double) cells[0]) != cents((Double) cells[1]) + cents((Double) cells[2]) ? 1 : 0;
      codec.decode(z, 0, cells, 0);
      assertEquals(cents((Double) cells[1]) + cents((Double) cells[2]), cents((Double) cells[0]));
      assertTrue(BigDecimal.valueOf((Double) cells[0]).stripTrailingZeros().scale() <= 2,
          "on the total's grid of cents: " + cells[0]);
    }
    assertTrue(independentBroken > 20, "decoded on their own, totals and parts disagree: " + independentBroken);
  }

  private static final StructType LINES = DataTypes.createStructType(List.of(
      DataTypes.createStructField("ordered", DataTypes.DateType, false),
      DataTypes.createStructField("lead_days", DataTypes.IntegerType, false),
      DataTypes.createStructField("delivered", DataTypes.DateType, false),
      DataTypes.createStructField("quantity", DataTypes.IntegerType, false),
      DataTypes.createStructField("unit_price", DataTypes.DoubleType, false),
      DataTypes.createStructField("amount", DataTypes.DoubleType, false),
      DataTypes.createStructField("unit_cost", DataTypes.DoubleType, false)));

  /** Order lines: a delivery lead_days after the order, an amount of quantity × unit price, a cost per unit. */
  private static List<Row> lines(int n, long seed) {
    Random random = new Random(seed);
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      java.time.LocalDate ordered = java.time.LocalDate.of(2024, 1, 1).plusDays(random.nextInt(365));
      int lead = 1 + random.nextInt(40);
      int quantity = 1 + random.nextInt(60);
      BigDecimal price = BigDecimal.valueOf(99 + random.nextInt(5_000), 2);
      BigDecimal amount = price.multiply(BigDecimal.valueOf(quantity));
      BigDecimal cost = amount.multiply(BigDecimal.valueOf(0.6 + 0.1 * random.nextDouble()));
      rows.add(RowFactory.create(java.sql.Date.valueOf(ordered), lead, java.sql.Date.valueOf(ordered.plusDays(lead)),
          quantity, price.doubleValue(), amount.doubleValue(),
          cost.divide(BigDecimal.valueOf(quantity), 2, java.math.RoundingMode.HALF_UP).doubleValue()));
    }
    return rows;
  }

  @Test
  void aDateAfterADelayAProductAndAPricePerUnitAreFoundAndKept() {
    List<Row> rows = lines(400, 8);
    TableCodec codec = TableCodec.fit(LINES, rows, ColumnOverrides.none()).noiseless();
    assertEquals(List.of("delivered = ordered + lead_days", "amount = quantity * unit_price"),
        codec.formulas().stream().map(Object::toString).toList(),
        "unit_cost is rounded from a cost the table does not hold: no formula of its columns");
    Random random = new Random(9);
    for (int trial = 0; trial < 50; trial++) {
      double[] z = Barycentres.of(codec, rows.get(random.nextInt(rows.size())), rows.get(random.nextInt(rows.size())),
          0.3);
      Object[] cells = new Object[LINES.size()];
      codec.decode(z, 0, cells, 0);
      assertEquals(((java.sql.Date) cells[0]).toLocalDate().plusDays((Integer) cells[1]),
          ((java.sql.Date) cells[2]).toLocalDate());
      assertEquals(Math.round((Integer) cells[3] * (Double) cells[4] * 100), Math.round((Double) cells[5] * 100));
    }
  }

  @Test
  void aQuotientRoundedToItsDecimalsIsFound() {
    int n = 200;
    double[] amount = new double[n];
    double[] quantity = new double[n];
    double[] perUnit = new double[n];
    for (int r = 0; r < n; r++) {
      amount[r] = 10 + r * 3.17;
      quantity[r] = 2 + r % 7;
      perUnit[r] = Math.round(amount[r] / quantity[r] * 100) / 100.0;
    }
    List<ColumnFormulas.Found> found = ColumnFormulas.find(new double[][] {amount, quantity, perUnit},
        new double[] {0.01, 1, 0.01});
    assertEquals(List.of(new ColumnFormulas.Found(0, 1, 2, ColumnFormula.Operation.QUOTIENT)), found);
  }

  @Test
  void aFormulaOutranksAnEqualityItHoldsInSomeRowsAndAZeroDivisorIsNoEvidence() {
    // Invoice lines: amount = quantity * unit_price, so amount equals the unit price on every line of quantity 1
    // (an equality of 1 row in 5); visits 0 gives a conversion of 0, where buys / visits has no value.
    StructType schema = DataTypes.createStructType(List.of(
        DataTypes.createStructField("quantity", DataTypes.IntegerType, false),
        DataTypes.createStructField("unit_price", DataTypes.DoubleType, false),
        DataTypes.createStructField("amount", DataTypes.DoubleType, true),
        DataTypes.createStructField("visits", DataTypes.IntegerType, false),
        DataTypes.createStructField("buys", DataTypes.IntegerType, false),
        DataTypes.createStructField("conversion", DataTypes.DoubleType, false)));
    Random random = new Random(10);
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < 600; i++) {
      int quantity = i % 5 == 0 ? 1 : 2 + random.nextInt(40);
      BigDecimal price = BigDecimal.valueOf(99 + random.nextInt(5_000), 2);
      int visits = i % 10 == 0 ? 0 : 1 + random.nextInt(200);
      int buys = visits == 0 ? 0 : random.nextInt(visits + 1);
      double conversion = visits == 0 ? 0 : Math.round(10_000.0 * buys / visits) / 10_000.0;
      rows.add(RowFactory.create(quantity, price.doubleValue(), i % 7 == 3 ? null
          : price.multiply(BigDecimal.valueOf(quantity)).doubleValue(), visits, buys, conversion));
    }
    TableCodec codec = TableCodec.fit(schema, rows, ColumnOverrides.none()).noiseless();
    assertEquals(List.of("amount = quantity * unit_price", "conversion = buys / visits"),
        codec.formulas().stream().map(Object::toString).toList(), "the ratio is the finely written column");
    assertEquals(List.of(), codec.equalities(), "amount = unit_price where quantity is 1: the formula keeps it");
    int missing = 0;
    for (int trial = 0; trial < 200; trial++) {
      double[] z = Barycentres.of(codec, rows.get(random.nextInt(rows.size())), rows.get(random.nextInt(rows.size())),
          random.nextDouble());
      Object[] cells = new Object[schema.size()];
      codec.decode(z, 0, cells, 0);
      if (cells[2] == null) {
        missing++;
      } else {
        assertEquals(Math.round((Integer) cells[0] * (Double) cells[1] * 100), Math.round((Double) cells[2] * 100));
      }
    }
    assertTrue(missing > 0, "a missing amount (1 row in 7) stays missing where the barycentre votes it");
  }

  @Test
  void aNumberSetFromItsCategoryIsAnOperandDecodedBeforeItsFormula() {
    // A plan's price (three plans, three prices) times the seats is the bill.
    StructType schema = DataTypes.createStructType(List.of(
        DataTypes.createStructField("plan", DataTypes.StringType, false),
        DataTypes.createStructField("price", DataTypes.DoubleType, false),
        DataTypes.createStructField("seats", DataTypes.IntegerType, false),
        DataTypes.createStructField("bill", DataTypes.DoubleType, false)));
    String[] plans = {"basic", "team", "pro"};
    double[] prices = {8.95, 14.99, 19.99};
    Random random = new Random(11);
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < 600; i++) {
      int plan = random.nextInt(3);
      int seats = 1 + random.nextInt(60);
      rows.add(RowFactory.create(plans[plan], prices[plan], seats,
          BigDecimal.valueOf(prices[plan]).multiply(BigDecimal.valueOf(seats)).doubleValue()));
    }
    TableCodec codec = TableCodec.fit(schema, rows, ColumnOverrides.none()).noiseless();
    assertEquals(List.of("plan determines price"), codec.values().stream().map(Object::toString).toList(),
        "the price is below the bill in every row (an inequality): still set from its plan");
    assertEquals(List.of("bill = price * seats"), codec.formulas().stream().map(Object::toString).toList());
    for (int trial = 0; trial < 100; trial++) {
      double[] z = Barycentres.of(codec, rows.get(random.nextInt(rows.size())), rows.get(random.nextInt(rows.size())),
          random.nextDouble());
      Object[] cells = new Object[schema.size()];
      codec.decode(z, 0, cells, 0);
      double price = prices[List.of(plans).indexOf(cells[0])];
      assertEquals(price, (Double) cells[1]);
      assertEquals(Math.round(price * (Integer) cells[2] * 100), Math.round((Double) cells[3] * 100));
    }
  }

  @Test
  void aRatioKeepsItsOwnDecodedValueAndItsDividendFollows() {
    // A sensor's efficiency = energy_out / energy_in, 0.5-0.9, to 4 decimals; energies to 1 decimal.
    StructType schema = DataTypes.createStructType(List.of(
        DataTypes.createStructField("energy_in", DataTypes.DoubleType, false),
        DataTypes.createStructField("energy_out", DataTypes.DoubleType, false),
        DataTypes.createStructField("efficiency", DataTypes.DoubleType, false)));
    Random random = new Random(12);
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      double in = Math.round(10 * Math.exp(6.2 + 0.5 * random.nextGaussian())) / 10.0;
      double out = Math.round(10 * in * (0.5 + 0.4 * random.nextDouble())) / 10.0;
      rows.add(RowFactory.create(in, out, Math.round(10_000 * out / in) / 10_000.0));
    }
    TableCodec codec = TableCodec.fit(schema, rows, ColumnOverrides.none()).noiseless();
    assertEquals(List.of("efficiency = energy_out / energy_in"),
        codec.formulas().stream().map(Object::toString).toList());
    TableCodec independent = new TableCodec(codec.columns(), codec.fittedRows(), codec.constraints(),
        codec.dependencies(), codec.equalities());
    double low = rows.stream().mapToDouble(row -> row.getDouble(2)).min().orElseThrow();
    double high = rows.stream().mapToDouble(row -> row.getDouble(2)).max().orElseThrow();
    int quotientsOutside = 0;
    for (int trial = 0; trial < 300; trial++) {
      double[] z = Barycentres.of(codec, rows.get(random.nextInt(rows.size())), rows.get(random.nextInt(rows.size())),
          random.nextDouble());
      for (int j = 0; j < z.length; j++) {
        z[j] += 0.5 * random.nextGaussian(); // the columns' errors of a smoothed sample, drawn apart
      }
      Object[] own = new Object[schema.size()];
      independent.decode(z, 0, own, 0);
      Object[] cells = new Object[schema.size()];
      codec.decode(z, 0, cells, 0);
      double in = (Double) cells[0];
      double out = (Double) cells[1];
      double efficiency = (Double) cells[2];
      assertEquals(own[0], cells[0], "the divisor as decoded");
      assertEquals(Math.round(10_000 * out / in) / 10_000.0, efficiency, 1e-12, "the formula holds: " + out + " / " + in);
      // The dividend on its grid of 0.1 moves the quotient by at most 0.05 / in, and the quotient's own grid by half a
      // step more.
      assertEquals((Double) own[2], efficiency, 0.05 / in + 0.00005 + 1e-12, "the ratio as decoded on its own");
      assertTrue(efficiency >= low - 0.05 / in - 0.00005 && efficiency <= high + 0.05 / in + 0.00005,
          efficiency + " in training's range");
      double quotient = (Double) own[1] / (Double) own[0];
      quotientsOutside += quotient < low || quotient > high ? 1 : 0;
    }
    assertTrue(quotientsOutside > 15, "the quotient of the two energies decoded apart leaves the ratio's range: "
        + quotientsOutside + " of 300");
  }

  @Test
  void sumsSurviveTheCodecsJson() {
    TableCodec codec = TableCodec.fit(INVOICES, invoices(300, 7), ColumnOverrides.none());
    TableCodec read = CodecJson.fromJson(CodecJson.toJson(codec));
    assertEquals(codec.formulas(), read.formulas());
  }

  private static long cents(double value) {
    return Math.round(value * 100);
  }
}
