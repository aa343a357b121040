package org.cfdmspark.encoding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.cfdmspark.config.BadInputException;
import org.junit.jupiter.api.Test;

/** Inequalities between a date and a timestamp column: found, and kept by decoding, with the date at its midnight. */
class InequalitiesTest {
  private static final StructType SHIPMENTS = DataTypes.createStructType(List.of(
      DataTypes.createStructField("shipped", DataTypes.DateType, false),
      DataTypes.createStructField("delivered", DataTypes.TimestampType, false),
      DataTypes.createStructField("weight", DataTypes.DoubleType, false)));

  /** Shipped on one of 600 days; delivered 1 to 6 days and some hours after that day's midnight (UTC). */
  private static List<Row> shipments(int n, long seed) {
    Random random = new Random(seed);
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      LocalDate shipped = LocalDate.of(2023, 1, 1).plusDays(random.nextInt(600));
      Instant delivered = shipped.atStartOfDay(ZoneOffset.UTC).toInstant()
          .plusSeconds(86_400L * (1 + random.nextInt(6)) + 3_600L * (8 + random.nextInt(12)));
      rows.add(RowFactory.create(Date.valueOf(shipped), Timestamp.from(delivered), 1 + 20 * random.nextDouble()));
    }
    return rows;
  }

  @Test
  void aDateBeforeEveryTimestampIsFound() {
    TableCodec codec = TableCodec.fit(SHIPMENTS, shipments(800, 1), ColumnOverrides.none());
    assertTrue(codec.constraints().stream().map(Object::toString).toList().contains("shipped < delivered"),
        "every delivery is after its shipping day's midnight; found: " + codec.constraints());
  }

  @Test
  void decodingMovesACellThatBreaksTheOrderBackOntoItsSide() {
    List<Row> rows = shipments(800, 2);
    TableCodec codec = TableCodec.fit(SHIPMENTS, rows, ColumnOverrides.none());
    Row late = rows.stream().filter(r -> r.getDate(0).toLocalDate().isAfter(LocalDate.of(2024, 6, 1))).findFirst()
        .orElseThrow();
    Row early = rows.stream().filter(r -> r.getDate(0).toLocalDate().isBefore(LocalDate.of(2023, 3, 1)))
        .findFirst().orElseThrow();
    float[] lateCode = new float[codec.width()];
    float[] earlyCode = new float[codec.width()];
    codec.encode(late, lateCode, 0);
    codec.encode(early, earlyCode, 0);
    // The late row's shipping day with the early row's delivery: more than a year before it.
    double[] z = new double[codec.width()];
    int deliveredStart = codec.columns().get(0).width();
    int deliveredEnd = deliveredStart + codec.columns().get(1).width();
    for (int j = 0; j < z.length; j++) {
      z[j] = j >= deliveredStart && j < deliveredEnd ? earlyCode[j] : lateCode[j];
    }
    Object[] cells = new Object[SHIPMENTS.size()];
    codec.noiseless().decode(z, 0, cells, 0);
    Instant midnight = ((Date) cells[0]).toLocalDate().atStartOfDay(ZoneOffset.UTC).toInstant();
    assertTrue(midnight.isBefore(((Timestamp) cells[1]).toInstant()), "shipped " + cells[0] + ", delivered "
        + cells[1]);
    assertTrue(late.getDate(0).toLocalDate().isAfter(((Date) cells[0]).toLocalDate()),
        "the date moved down below the delivery, as the lower side does while it stays in its range");
  }

  @Test
  void theFinalNoiseMovesOrderedDatesTogether() {
    List<Row> rows = shipments(800, 4);
    ColumnOverrides noisy = new ColumnOverrides(Set.of(), Set.of(), ColumnOverrides.DEFAULT_MAX_CATEGORIES, true,
        Set.of(), Set.of(), List.of(), true, 0.2);
    TableCodec codec = TableCodec.fit(SHIPMENTS, rows, noisy);
    float[] x = new float[codec.width()];
    double[] z = new double[codec.width()];
    Object[] cells = new Object[SHIPMENTS.size()];
    double[] gaps = new double[rows.size()];
    double moved = 0;
    for (int r = 0; r < rows.size(); r++) {
      codec.encode(rows.get(r), x, 0);
      for (int j = 0; j < z.length; j++) {
        z[j] = x[j];
      }
      codec.decode(z, 0, cells, 0, 7, r);
      Instant midnight = ((Date) cells[0]).toLocalDate().atStartOfDay(ZoneOffset.UTC).toInstant();
      gaps[r] = (((Timestamp) cells[1]).getTime() - midnight.toEpochMilli()) / 86_400_000.0;
      moved += Math.abs(((Date) cells[0]).toLocalDate().toEpochDay() - rows.get(r).getDate(0).toLocalDate()
          .toEpochDay());
    }
    java.util.Arrays.sort(gaps);
    // Training's gaps lie in [1.33, 6.8] days; the noise itself moves a date by weeks (a fifth of a normal score of
    // 600 days), and drawn apart for each column it spread the gaps over months.
    assertTrue(moved / rows.size() > 10, "the noise moves dates by " + moved / rows.size() + " days on average");
    assertTrue(gaps[rows.size() / 20] > 0.5 && gaps[rows.size() * 19 / 20] < 8,
        "5th and 95th percentile gaps " + gaps[rows.size() / 20] + ", " + gaps[rows.size() * 19 / 20]);
  }

  @Test
  void aSecondOperatorIsNoInequalityOfTwoColumns() {
    assertEquals("b <= a", Inequality.parse(" a >= b ").toString());
    for (String text : List.of("income << balance", "a <= b <= c", "a =< b")) {
      BadInputException refused = assertThrows(BadInputException.class, () -> Inequality.parse(text));
      assertTrue(refused.getMessage().contains("is not an inequality between two columns"), refused.getMessage());
    }
  }

  @Test
  void aStatedInequalityWithACategoryLikeColumnNamesTheColumnsItCouldUse() {
    StructType salaries = DataTypes.createStructType(List.of(
        DataTypes.createStructField("grade_min", DataTypes.IntegerType, false),
        DataTypes.createStructField("salary", DataTypes.DoubleType, false),
        DataTypes.createStructField("bonus", DataTypes.DoubleType, false)));
    Random random = new Random(5);
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      int grade = 30_000 + 10_000 * random.nextInt(6); // 6 values: categories
      rows.add(RowFactory.create(grade, grade + 20_000 * random.nextDouble(), 1000 * random.nextDouble()));
    }
    ColumnOverrides stated = new ColumnOverrides(Set.of(), Set.of(), ColumnOverrides.DEFAULT_MAX_CATEGORIES, true,
        Set.of(), Set.of(), List.of("grade_min <= salary"));
    BadInputException refused = assertThrows(BadInputException.class, () -> TableCodec.fit(salaries, rows, stated));
    assertTrue(refused.getMessage().endsWith("the table's are \"salary\", \"bonus\""), refused.getMessage());
  }

  @Test
  void aStatedInequalityBetweenADateAndANumberIsRefused() {
    ColumnOverrides stated = new ColumnOverrides(Set.of(), Set.of(), ColumnOverrides.DEFAULT_MAX_CATEGORIES, true,
        Set.of(), Set.of(), List.of("shipped <= weight"));
    BadInputException refused = assertThrows(BadInputException.class,
        () -> TableCodec.fit(SHIPMENTS, shipments(200, 3), stated));
    assertTrue(refused.getMessage().contains("compares a date or time column with a number column"),
        refused.getMessage());
  }
}
