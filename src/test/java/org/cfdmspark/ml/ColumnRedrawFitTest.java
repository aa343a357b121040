package org.cfdmspark.ml;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.cfdmspark.config.BadInputException;
import org.cfdmspark.config.Settings;
import org.cfdmspark.encoding.ColumnOverrides;
import org.cfdmspark.encoding.TableCodec;
import org.cfdmspark.engine.ColumnRedraw;
import org.cfdmspark.engine.TrainingSet;
import org.junit.jupiter.api.Test;

/** Which columns --redraw-columns auto redraws: those the other columns say little about, of either kind. */
class ColumnRedrawFitTest {
  /**
   * 800 rows: two standard normal numbers x and y; "sign" is x's sign (ln 2 = 0.693 nats of information in x: the
   * nearest rows on x, y and "coin" nearly always share it), "coin" a fair coin of its own (0 nats). y is independent
   * of the rest (0 nats); x given its sign is half-normal, R² = 2/π, −½ ln(1 − 2/π) = 0.507 nats. "rare" is a coin of
   * its own that lands "yes" 5 % of the time: 0 nats, but a redraw from its neighbours changes only 2 · 0.05 · 0.95 =
   * 9.5 % of its cells, where it changes half of the fair coin's and nearly all of y's.
   */
  private static final StructType SCHEMA = new StructType().add("x", DataTypes.DoubleType)
      .add("y", DataTypes.DoubleType).add("sign", DataTypes.StringType).add("coin", DataTypes.StringType)
      .add("rare", DataTypes.StringType);

  private static List<Row> rows(int count) {
    Random random = new Random(9);
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      double x = random.nextGaussian();
      rows.add(RowFactory.create(x, random.nextGaussian(), x > 0 ? "plus" : "minus", random.nextBoolean() ? "heads"
          : "tails", random.nextDouble() < 0.05 ? "yes" : "no"));
    }
    return rows;
  }

  private static ColumnRedrawFit.Result fit(List<String> requested) {
    return fit(requested, List.of(), 800);
  }

  private static ColumnRedrawFit.Result fit(List<String> requested, List<String> exempt, int count) {
    List<Row> rows = rows(count);
    TableCodec codec = TableCodec.fit(SCHEMA, rows, ColumnOverrides.none());
    List<String> asked = new ArrayList<>(requested);
    exempt.forEach(name -> asked.add("-" + name));
    return ColumnRedrawFit.fit(new TrainingSet(TrainingMatrix.encode(rows, codec)), codec, asked, 4);
  }

  @Test
  void autoRedrawsTheColumnsTheOthersSayNothingAboutAndKeepsTheOnesTheyDetermineOrARedrawSeldomChanges() {
    ColumnRedrawFit.Result result = fit(List.of("auto"));
    assertEquals(List.of("x", "y", "sign", "coin", "rare"), result.columns().stream()
        .map(ColumnRedrawFit.Column::name).toList());
    ColumnRedrawFit.Column x = result.columns().get(0);
    ColumnRedrawFit.Column y = result.columns().get(1);
    ColumnRedrawFit.Column sign = result.columns().get(2);
    ColumnRedrawFit.Column coin = result.columns().get(3);
    assertTrue(x.information() > 0.35 && x.information() < 0.6, "x " + x);
    assertFalse(x.redrawn());
    assertTrue(Math.abs(y.information()) < 0.05, "y " + y);
    assertTrue(y.redrawn());
    assertTrue(sign.information() > 0.5 && sign.information() < Math.log(2) + 0.01, "sign " + sign);
    assertFalse(sign.redrawn());
    assertTrue(Math.abs(coin.information()) < 0.05, "coin " + coin);
    assertTrue(coin.redrawn());
    assertTrue(y.changed() > 0.99 && Math.abs(coin.changed() - 0.5) < 0.05, "changed cells: y " + y + ", coin " + coin);
    ColumnRedrawFit.Column rare = result.columns().get(4);
    assertTrue(Math.abs(rare.information()) < 0.05 && Math.abs(rare.changed() - 0.095) < 0.03, "rare " + rare);
    assertFalse(rare.redrawn(), "a redraw would change too few of its cells");
    assertTrue(result.describe().contains("keeps rare (0.0"), result.describe());
    // y and the coin: no k of nearest rows predicts them better than all rows do, so a redraw takes any row's value
    assertEquals(800, y.neighbours(), "y " + y);
    assertEquals(800, coin.neighbours(), "coin " + coin);
    assertTrue(result.describe().contains("y (0.000 nats, from any row: its shares, 100 % of cells changed)"),
        result.describe());
    ColumnRedraw redraw = result.redraw();
    // Slots: x, y, then sign's two, then coin's two.
    assertArrayEquals(new int[] {1, 4}, redraw.from());
    assertArrayEquals(new int[] {2, 6}, redraw.to());
    assertEquals(800, redraw.referenceRows().length, "a table under the reference size is searched whole");
  }

  /**
   * A column auto keeps by name (the --target) counts whole in every redrawn column's distance, whatever its
   * correlation with it, so that a redrawn column comes from rows of the sample's label: a predictor whose tie to the
   * label is small in nats (a risk factor of a rare outcome) keeps it. The other columns keep their association
   * weights (below 1).
   */
  @Test
  void aColumnKeptByNameCountsWholeInTheRedrawsDistance() {
    ColumnRedrawFit.Result result = fit(List.of("auto"), List.of("sign"), 800);
    ColumnRedraw redraw = result.redraw();
    assertArrayEquals(new int[] {1, 4}, redraw.from(), "y and coin redrawn");
    // Measured slots: x, y, sign's two, coin's two, rare's two (no point masses).
    assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5, 6, 7}, redraw.slots());
    for (double[] weights : redraw.weights()) {
      assertEquals(1, weights[2], 0, Arrays.toString(weights));
      assertEquals(1, weights[3], 0, Arrays.toString(weights));
    }
    assertTrue(redraw.weights()[0][0] < 0.1, "y's weight on x: " + Arrays.toString(redraw.weights()[0]));
    assertTrue(Arrays.stream(redraw.neighbours()).allMatch(k -> k <= 100), "never any row, which would ignore sign: "
        + Arrays.toString(redraw.neighbours()));
    double[] withoutKeep = fit(List.of("auto")).redraw().weights()[0];
    assertTrue(withoutKeep[2] < 0.1, "sign weighs its association without -sign: " + Arrays.toString(withoutKeep));
  }

  @Test
  void namedColumnsAreRedrawnWhateverTheirInformationAndOnlyTheyAreEstimated() {
    ColumnRedrawFit.Result result = fit(List.of("sign", "x"));
    assertEquals(List.of("x", "sign"), result.columns().stream().map(ColumnRedrawFit.Column::name).toList(),
        "in the table's order");
    assertTrue(result.columns().stream().allMatch(ColumnRedrawFit.Column::redrawn));
    assertTrue(result.columns().get(0).information() > 0.35, "x " + result.columns().get(0));
    assertArrayEquals(new int[] {0, 2}, result.redraw().from());
    assertArrayEquals(new int[] {1, 4}, result.redraw().to());
  }

  @Test
  void noneAsksForNothingAndABadNameIsRefusedWithItsReason() {
    assertSame(ColumnRedraw.NONE, fit(List.of()).redraw());
    BadInputException unknown = assertThrows(BadInputException.class, () -> fit(List.of("z")));
    assertEquals("--redraw-columns names \"z\", not a modelled column (not in the input, left out by --columns, "
        + "--exclude or --ignore, or without a value); give auto or some of \"x\", \"y\", \"sign\", \"coin\", \"rare\"",
        unknown.getMessage());
    for (List<String> mixed : List.of(List.of("auto", "sign"), List.of("sign", "auto"), List.of("auto", "-coin",
        "sign"))) {
      BadInputException e = assertThrows(BadInputException.class, () -> fit(mixed));
      assertEquals("--redraw-columns takes auto (then -COL for each column auto must keep), or column names, not "
          + "both", e.getMessage(), mixed.toString());
    }
    for (List<String> withoutAuto : List.of(List.of("-coin"), List.of("sign", "-coin"))) {
      BadInputException e = assertThrows(BadInputException.class, () -> fit(withoutAuto));
      assertEquals("--redraw-columns \"-coin\": a -COL keeps a column from auto and comes after it; give auto,-coin, "
          + "or the names of the columns to redraw", e.getMessage(), withoutAuto.toString());
    }
    // auto's -COL names are checked against the input's columns before the fit (the next test): here, past that
    // check, a name the codec lacks is a column without a value (generate's -TARGET of one), which asks nothing.
    assertDoesNotThrow(() -> fit(List.of("auto", "-z")));
  }

  @Test
  void aMisspelledNameIsRefusedWithTheOtherColumnNamesBeforeTheFit() {
    Settings settings = Settings.defaults(ModelKnobs.ALL);
    for (List<String> requested : List.of(List.of("sign", "zz"), List.of("auto", "-zz"), List.of("AUTO", "-sign",
        "-zz"))) {
      BadInputException e = assertThrows(BadInputException.class,
          () -> ModelFitting.modelledColumns(SCHEMA, settings.with(ModelKnobs.REDRAW_COLUMNS, requested)));
      assertEquals("--redraw-columns names \"zz\", not a modelled column (not in the input, or left out by --columns, "
          + "--exclude or --ignore); available columns: \"x\", \"y\", \"sign\", \"coin\", \"rare\"", e.getMessage(),
          requested.toString());
    }
    assertThrows(BadInputException.class, () -> ModelFitting.modelledColumns(SCHEMA, settings
        .with(ModelKnobs.IGNORE, List.of("coin")).with(ModelKnobs.REDRAW_COLUMNS, List.of("coin"))), "ignored");
    assertEquals(List.of("x", "y", "sign", "coin", "rare"), ModelFitting.modelledColumns(SCHEMA,
        settings.with(ModelKnobs.REDRAW_COLUMNS, List.of("auto", "-coin"))));
    assertEquals(List.of("coin"), ColumnRedrawFit.namedColumns(List.of("auto", "-coin")));
    assertEquals(List.of("sign"), ColumnRedrawFit.namedColumns(List.of("sign", "-coin")),
        "a -COL without auto is left to the fit's own message");
  }

  @Test
  void autoKeepsTheColumnsAfterAMinusAndSmallTablesWhole() {
    ColumnRedrawFit.Result result = fit(List.of("auto"), List.of("coin"), 800);
    ColumnRedrawFit.Column coin = result.columns().get(3);
    assertTrue(coin.excluded() && !coin.redrawn(), "the target is kept whatever its estimate: " + coin);
    assertArrayEquals(new int[] {1}, result.redraw().from(), "y alone");
    ColumnRedrawFit.Result small = fit(List.of("auto"), List.of(), ColumnRedrawFit.AUTO_ROWS - 1);
    assertEquals("199 rows are too few to estimate how the columns tie (at least 200)", small.skipped());
    assertSame(ColumnRedraw.NONE, small.redraw());
    assertTrue(fit(List.of("y"), List.of(), 50).redraw().active(), "named columns are redrawn on any table");
  }

  @Test
  void autoPassesOverATableWhoseEstimatesWouldCostOverItsBudget() {
    // 80 number columns on 2,048 reference rows: 80 estimates of 2,048² distances over 80 slots, 2.7·10¹⁰.
    StructType schema = new StructType();
    for (int c = 0; c < 80; c++) {
      schema = schema.add("x" + c, DataTypes.DoubleType);
    }
    Random random = new Random(3);
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < 2_100; i++) {
      Object[] cells = new Object[80];
      for (int c = 0; c < 80; c++) {
        cells[c] = random.nextGaussian();
      }
      rows.add(RowFactory.create(cells));
    }
    TableCodec codec = TableCodec.fit(schema, rows, ColumnOverrides.none());
    ColumnRedrawFit.Result wide = ColumnRedrawFit.fit(new TrainingSet(TrainingMatrix.encode(rows, codec)), codec,
        List.of("auto"), 4);
    assertSame(ColumnRedraw.NONE, wide.redraw());
    assertEquals("estimating how 80 columns (80 slots) tie on 2,048 rows would take 2.7e+10 multiply-adds, over the "
        + "2e+10 auto spends", wide.skipped());
  }

  @Test
  void aLargeTableKeepsTheColumnsItsScreenFindsTiedAndEstimatesTheRestOnEveryReferenceRow() {
    ColumnRedrawFit.Result result = fit(List.of("auto"), List.of(), 3_000);
    List<String> screened = result.columns().stream().filter(ColumnRedrawFit.Column::screened)
        .map(ColumnRedrawFit.Column::name).toList();
    assertEquals(List.of("x", "sign"), screened, "0.51 and 0.69 nats: over the screen's line of "
        + ColumnRedrawFit.SCREEN_CLEAR + " " + result.columns());
    assertEquals(List.of("y", "coin"), result.columns().stream().filter(ColumnRedrawFit.Column::redrawn)
        .map(ColumnRedrawFit.Column::name).toList(), "the loose columns' full estimates choose as on 800 rows");
    ColumnRedrawFit.Column y = result.columns().get(1);
    assertTrue(y.changed() > 0.99 && y.neighbours() >= ColumnRedrawFit.MIN_NEIGHBOURS, "y " + y);
    assertTrue(fit(List.of("auto")).columns().stream().noneMatch(ColumnRedrawFit.Column::screened),
        "800 rows, under twice the screen's " + ColumnRedrawFit.SCREEN_ROWS + ": every column estimated in full");
  }

  @Test
  void aLargeTableIsSearchedThroughASeededSampleOfReferenceRows() {
    int[] first = ColumnRedrawFit.referenceRows(10_000, 3);
    assertEquals(ColumnRedrawFit.REFERENCE_ROWS, first.length);
    int[] sorted = first.clone();
    Arrays.sort(sorted);
    for (int i = 1; i < sorted.length; i++) {
      assertTrue(sorted[i] > sorted[i - 1], "distinct rows");
    }
    assertArrayEquals(first, ColumnRedrawFit.referenceRows(10_000, 3), "the same for a seed");
    assertTrue(sorted[sorted.length - 1] > 9_000 && sorted[0] < 1_000, "spread over the table");
    // Not in row order (ties between equally near rows go by position, and training rows are sorted by value): of
    // 2,047 neighbouring pairs about half ascend.
    long ascending = IntStream.range(1, first.length).filter(i -> first[i] > first[i - 1]).count();
    assertTrue(ascending > 900 && ascending < 1_150, ascending + " ascending pairs");
    int[] small = ColumnRedrawFit.referenceRows(800, 3);
    int[] all = small.clone();
    Arrays.sort(all);
    assertArrayEquals(IntStream.range(0, 800).toArray(), all, "a small table's every row, once");
    assertTrue(IntStream.range(1, small.length).filter(i -> small[i] > small[i - 1]).count() < 500, "shuffled");
  }
}
