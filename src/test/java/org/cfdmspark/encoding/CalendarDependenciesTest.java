package org.cfdmspark.encoding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Date;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/** Categories that spell a date's calendar field: found in every spelling, kept by every decoded row. */
class CalendarDependenciesTest {
  private static final StructType ORDERS = DataTypes.createStructType(List.of(
      DataTypes.createStructField("ordered", DataTypes.DateType, false),
      DataTypes.createStructField("weekday", DataTypes.StringType, false),
      DataTypes.createStructField("month", DataTypes.StringType, false),
      DataTypes.createStructField("quarter", DataTypes.StringType, false),
      DataTypes.createStructField("channel", DataTypes.StringType, false)));

  /** Orders over 2023-2024: weekday in capitals ("MONDAY"), a zero-padded month ("03"), "Q1", a random channel. */
  private static List<Row> orders(int n, long seed) {
    Random random = new Random(seed);
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      LocalDate day = LocalDate.of(2023, 1, 1).plusDays(random.nextInt(730));
      rows.add(RowFactory.create(Date.valueOf(day), day.getDayOfWeek().toString(),
          String.format("%02d", day.getMonthValue()), "Q" + ((day.getMonthValue() + 2) / 3),
          random.nextBoolean() ? "web" : "shop"));
    }
    return rows;
  }

  @Test
  void weekdayAndMonthAreFoundInTheTablesSpelling() {
    TableCodec codec = TableCodec.fit(ORDERS, orders(1000, 1), ColumnOverrides.none());
    assertEquals(List.of("ordered determines weekday (its day of week name)", "ordered determines month (its month)"),
        codec.calendars().stream().map(Object::toString).toList(), "the channel is no field of the date");
    assertEquals(List.of("month determines quarter"), codec.dependencies().stream().map(Object::toString).toList(),
        "the quarter follows the month, which the date sets: derived once");
  }

  @Test
  void aFieldBrokenByOneRowIsNoRule() {
    List<Row> rows = orders(1000, 2);
    Row first = rows.get(0);
    String wrongDay = ((Date) first.get(0)).toLocalDate().plusDays(1).getDayOfWeek().toString();
    rows.set(0, RowFactory.create(first.get(0), wrongDay, first.get(2), first.get(3), first.get(4)));
    TableCodec codec = TableCodec.fit(ORDERS, rows, ColumnOverrides.none());
    assertTrue(codec.calendars().stream().noneMatch(c -> c.dependent().equals("weekday")), codec.calendars()
        .toString());
  }

  @Test
  void aBarycentreDecodesToTheWeekdayMonthAndQuarterOfItsDate() {
    List<Row> rows = orders(1000, 3);
    TableCodec codec = TableCodec.fit(ORDERS, rows, ColumnOverrides.none()).noiseless();
    Random random = new Random(4);
    for (int trial = 0; trial < 100; trial++) {
      double[] z = Barycentres.of(codec, rows.get(random.nextInt(rows.size())), rows.get(random.nextInt(rows.size())),
          random.nextDouble());
      Object[] cells = new Object[ORDERS.size()];
      codec.decode(z, 0, cells, 0);
      LocalDate day = ((Date) cells[0]).toLocalDate();
      assertEquals(day.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH).toUpperCase(Locale.ROOT),
          cells[1]);
      assertEquals(String.format("%02d", day.getMonthValue()), cells[2], "in the table's spelling");
      assertEquals("Q" + ((day.getMonthValue() + 2) / 3), cells[3]);
    }
  }

  @Test
  void calendarsSurviveTheCodecsJson() {
    TableCodec codec = TableCodec.fit(ORDERS, orders(1000, 5), ColumnOverrides.none());
    assertEquals(codec.calendars(), CodecJson.fromJson(CodecJson.toJson(codec)).calendars());
  }
}
