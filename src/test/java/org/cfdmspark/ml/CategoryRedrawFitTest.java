package org.cfdmspark.ml;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.cfdmspark.config.BadInputException;
import org.cfdmspark.encoding.ColumnOverrides;
import org.cfdmspark.encoding.TableCodec;
import org.cfdmspark.engine.CategoryRedraw;
import org.cfdmspark.engine.TrainingSet;
import org.junit.jupiter.api.Test;

/** Which categorical columns --redraw-categories auto redraws: those the other columns say little about. */
class CategoryRedrawFitTest {
  /**
   * 800 rows: two standard normal numbers x and y; "sign" is x's sign (ln 2 = 0.693 nats of information in x: the
   * nearest rows on x, y and "coin" nearly always share it), "coin" a fair coin of its own (0 nats).
   */
  private static final StructType SCHEMA = new StructType().add("x", DataTypes.DoubleType)
      .add("y", DataTypes.DoubleType).add("sign", DataTypes.StringType).add("coin", DataTypes.StringType);

  private static List<Row> rows() {
    Random random = new Random(9);
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < 800; i++) {
      double x = random.nextGaussian();
      rows.add(RowFactory.create(x, random.nextGaussian(), x > 0 ? "plus" : "minus", random.nextBoolean() ? "heads"
          : "tails"));
    }
    return rows;
  }

  private static CategoryRedrawFit.Result fit(List<String> requested) {
    List<Row> rows = rows();
    TableCodec codec = TableCodec.fit(SCHEMA, rows, ColumnOverrides.none());
    return CategoryRedrawFit.fit(new TrainingSet(TrainingMatrix.encode(rows, codec)), codec, requested, 4);
  }

  @Test
  void autoRedrawsTheColumnTheOthersSayNothingAboutAndKeepsTheOneTheyDetermine() {
    CategoryRedrawFit.Result result = fit(List.of("auto"));
    CategoryRedrawFit.Column sign = result.columns().get(0);
    CategoryRedrawFit.Column coin = result.columns().get(1);
    assertEquals("sign", sign.name());
    assertTrue(sign.information() > 0.5 && sign.information() < Math.log(2) + 0.01, "sign " + sign);
    assertFalse(sign.redrawn());
    assertTrue(Math.abs(coin.information()) < 0.05, "coin " + coin);
    assertTrue(coin.redrawn());
    CategoryRedraw redraw = result.redraw();
    assertEquals(1, redraw.from().length);
    // Slots: x, y, then sign's two, then coin's two.
    assertEquals(4, redraw.from()[0]);
    assertEquals(6, redraw.to()[0]);
    assertEquals(800, redraw.referenceRows().length, "a table under the reference size is searched whole");
  }

  @Test
  void namedColumnsAreRedrawnWhateverTheirInformation() {
    CategoryRedrawFit.Result result = fit(List.of("sign"));
    assertTrue(result.columns().get(0).redrawn());
    assertFalse(result.columns().get(1).redrawn());
    assertEquals(2, result.redraw().from()[0]);
  }

  @Test
  void noneAsksForNothingAndANumberColumnIsRefusedByName() {
    assertSame(CategoryRedraw.NONE, fit(List.of()).redraw());
    BadInputException e = assertThrows(BadInputException.class, () -> fit(List.of("x")));
    assertEquals("--redraw-categories names \"x\", which is not a categorical column; give auto or some of \"sign\", "
        + "\"coin\"", e.getMessage());
  }

  @Test
  void aLargeTableIsSearchedThroughASeededSampleOfReferenceRows() {
    int[] first = CategoryRedrawFit.referenceRows(10_000, 3);
    assertEquals(CategoryRedrawFit.REFERENCE_ROWS, first.length);
    for (int i = 1; i < first.length; i++) {
      assertTrue(first[i] > first[i - 1], "distinct rows in order");
    }
    assertArrayEquals(first, CategoryRedrawFit.referenceRows(10_000, 3), "the same for a seed");
    assertTrue(first[first.length - 1] > 9_000 && first[0] < 1_000, "spread over the table");
  }
}
