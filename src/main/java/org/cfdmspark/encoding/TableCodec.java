package org.cfdmspark.encoding;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.IntToDoubleFunction;
import java.util.function.UnaryOperator;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.cfdmspark.config.BadInputException;

/**
 * The table's columns side by side in the model's vector space: column c occupies floats
 * [offset(c), offset(c) + width(c)) of an encoded row. Fitted from the rows in hand; immutable and Serializable
 * so that executors encode and decode with the same instance the driver fitted.
 */
public final class TableCodec implements Serializable {
  private static final long serialVersionUID = 1L;

  private final List<ColumnCodec> columns;
  private final int[] offsets;
  private final int width;
  private final long fittedRows;
  /** For each column, the column whose row bits draw its final noise ({@link #noiseColumns}). */
  private final int[] noiseColumns;
  /** The number columns' final noise drawn together (--correlated-noise); null: each column's draw its own. */
  private final NoiseCorrelation noiseCorrelation;
  /** Whether some number column adds final noise: else decoding draws none. */
  private final boolean noiseDrawn;
  private final List<ColumnEquality> equalities;
  /** equalityColumns[q] = {source, dependent}: the positions of equality q's columns. */
  private final int[][] equalityColumns;
  /** The cells decoding derives from others: inequalities, formulas, dependencies ({@link DerivedCells}). */
  private final DerivedCells derived;
  /** The columns' slots; equality q's indicator is slot columnsWidth + q. */
  private final int columnsWidth;
  /**
   * An equality's indicator value for an equal row: small, so that the indicators take no part in which rows are
   * near (a row's geometry is its columns'; the indicators only record a relation between two of them), while a
   * barycentre's indicator over this is still the weight of its equal rows; a power of 2, so the ratio is exact.
   */
  static final float EQUAL = 1f / 16;

  public TableCodec(List<ColumnCodec> columns, long fittedRows) {
    this(columns, fittedRows, List.of());
  }

  /** @param constraints inequalities between number columns that decoded rows keep ({@link Inequality}) */
  public TableCodec(List<ColumnCodec> columns, long fittedRows, List<Inequality> constraints) {
    this(columns, fittedRows, constraints, List.of());
  }

  /**
   * @param constraints inequalities between number columns that decoded rows keep ({@link Inequality})
   * @param dependencies categorical columns decoded from another's value ({@link CategoryDependency}); null for
   *     none (a model saved before they were found)
   */
  public TableCodec(List<ColumnCodec> columns, long fittedRows, List<Inequality> constraints,
      List<CategoryDependency> dependencies) {
    this(columns, fittedRows, constraints, dependencies, List.of());
  }

  /**
   * @param constraints inequalities between number columns that decoded rows keep ({@link Inequality})
   * @param dependencies categorical columns decoded from another's value ({@link CategoryDependency}); null for
   *     none (a model saved before they were found)
   * @param equalities number columns equal in many rows, each with an indicator slot after the columns' slots
   *     ({@link ColumnEquality}); null for none (a model saved before they were found)
   */
  public TableCodec(List<ColumnCodec> columns, long fittedRows, List<Inequality> constraints,
      List<CategoryDependency> dependencies, List<ColumnEquality> equalities) {
    this(columns, fittedRows, constraints, dependencies, equalities, List.of(), List.of(), List.of(), List.of());
  }

  /**
   * @param constraints inequalities between number columns that decoded rows keep ({@link Inequality})
   * @param dependencies categorical columns decoded from another's value ({@link CategoryDependency}); null for
   *     none (a model saved before they were found)
   * @param equalities number columns equal in many rows, each with an indicator slot after the columns' slots
   *     ({@link ColumnEquality}); null for none (a model saved before they were found)
   * @param ranges categorical columns decoded from a number's range ({@link RangeDependency}); null for none (a
   *     model saved before they were found)
   * @param values number columns decoded from a category's value ({@link ValueDependency}); null for none (a model
   *     saved before they were found)
   * @param formulas number columns decoded as a sum, product or quotient of two others ({@link ColumnFormula}); null
   *     for none (a model saved before they were found)
   * @param calendars categorical columns decoded as a date's calendar field ({@link CalendarDependency}); null for
   *     none (a model saved before they were found)
   */
  public TableCodec(List<ColumnCodec> columns, long fittedRows, List<Inequality> constraints,
      List<CategoryDependency> dependencies, List<ColumnEquality> equalities, List<RangeDependency> ranges,
      List<ValueDependency> values, List<ColumnFormula> formulas, List<CalendarDependency> calendars) {
    this(columns, fittedRows, constraints, dependencies, equalities, ranges, values, formulas, calendars, null);
  }

  /**
   * As {@link #TableCodec(List, long, List, List, List, List, List, List, List)}, with the number columns' final
   * noise drawn together by {@code noiseCorrelation} (null: each column's draw its own; a model saved before it).
   *
   * @throws IllegalArgumentException when {@code noiseCorrelation} mixes a position that is not a number column
   */
  public TableCodec(List<ColumnCodec> columns, long fittedRows, List<Inequality> constraints,
      List<CategoryDependency> dependencies, List<ColumnEquality> equalities, List<RangeDependency> ranges,
      List<ValueDependency> values, List<ColumnFormula> formulas, List<CalendarDependency> calendars,
      NoiseCorrelation noiseCorrelation) {
    this.columns = List.copyOf(columns);
    this.equalities = equalities == null ? List.of() : List.copyOf(equalities);
    this.equalityColumns = DerivedCells.positions(this.columns, this.equalities, ColumnEquality::source,
        ColumnEquality::dependent, NumericColumnCodec.class, NumericColumnCodec.class,
        equality -> new IllegalArgumentException("equality " + equality + " needs two number columns of "
            + ColumnNames.quotedList(columnNames())));
    this.derived = new DerivedCells(this.columns, constraints, dependencies, ranges, values, formulas, calendars,
        equalityColumns);
    this.noiseColumns = noiseColumns(this.columns, derived.constraintColumns());
    if (noiseCorrelation != null && Arrays.stream(noiseCorrelation.columns()).anyMatch(c -> c < 0
        || c >= this.columns.size() || !(this.columns.get(c) instanceof NumericColumnCodec) || noiseColumns[c] != c)) {
      throw new IllegalArgumentException("the final noise's correlation mixes " + Arrays.toString(
          noiseCorrelation.columns()) + ", not all number columns with a noise draw of their own");
    }
    this.noiseCorrelation = noiseCorrelation;
    this.noiseDrawn = this.columns.stream().anyMatch(c -> c instanceof NumericColumnCodec n && n.finalNoise() > 0);
    this.offsets = new int[columns.size()];
    int sum = 0;
    for (int c = 0; c < columns.size(); c++) {
      offsets[c] = sum;
      sum += columns.get(c).width();
    }
    this.columnsWidth = sum;
    this.width = sum + this.equalities.size();
    this.fittedRows = fittedRows;
  }

  /**
   * Fits every column of {@code table}, collected to the driver in the order it delivers its rows (see
   * {@link #fit(StructType, List, ColumnOverrides)}).
   */
  public static TableCodec fit(Dataset<Row> table, ColumnOverrides overrides) {
    return fit(table.schema(), table.collectAsList(), overrides);
  }

  /**
   * Fits every column of {@code rows} (their fields are {@code schema}'s, in order) from the cells in hand, with
   * no Spark job, choosing each column's kind from its type and the overrides (see {@link ColumnFitter#forField}),
   * then finds the inequalities between its number columns ({@link Inequalities}). Means and deviations are
   * floating-point sums in row order, so their last bits follow it: for results that are identical on any
   * cluster, pass the rows in a fixed order ({@link CellOrder#ROWS}).
   *
   * @throws BadInputException naming every column that cannot be modelled as it is, and the fix
   */
  public static TableCodec fit(StructType schema, List<Row> rows, ColumnOverrides overrides) {
    StructField[] fields = schema.fields();
    ColumnFitter[] fitters = new ColumnFitter[fields.length];
    // Every column's refusal is collected, so that one run names all the columns to fix.
    List<String> refusals = new ArrayList<>();
    for (int c = 0; c < fields.length; c++) {
      try {
        fitters[c] = ColumnFitter.forField(fields[c], overrides);
      } catch (BadInputException e) {
        refusals.add(e.getMessage());
      }
    }
    List<ColumnCodec> columns = new ArrayList<>();
    for (int c = 0; c < fields.length && !rows.isEmpty(); c++) {
      if (fitters[c] == null) {
        continue;
      }
      try {
        columns.add(fitters[c].fit(fields[c].name(), cells(rows, c)));
      } catch (BadInputException e) {
        refusals.add(e.getMessage());
      }
    }
    if (refusals.size() == 1) {
      throw new BadInputException(refusals.get(0));
    }
    if (!refusals.isEmpty()) {
      StringBuilder message = new StringBuilder(refusals.size() + " columns cannot be modelled as they are:");
      for (int k = 0; k < refusals.size(); k++) {
        message.append(" (").append(k + 1).append(") ").append(refusals.get(k));
      }
      throw new BadInputException(message.toString());
    }
    if (rows.isEmpty()) {
      return new TableCodec(columns, 0);
    }
    List<Inequality> constraints = Inequalities.find(rows, columns, overrides.constraints());
    CategoryCodes coded = CategoryCodes.of(rows, columns);
    double[][] numbers = NumberCells.of(rows, columns);
    List<CategoryDependency> dependencies = CategoryDependencies.find(coded, columns);
    List<ColumnEquality> equalities = ColumnEqualities.find(rows, columns);
    Set<String> derived = new HashSet<>();
    dependencies.forEach(dependency -> derived.add(dependency.dependent()));
    List<CalendarDependency> calendars = CalendarDependencies.find(coded, numbers, columns, derived);
    calendars.forEach(calendar -> derived.add(calendar.dependent()));
    NumberDependencies.Named found = NumberDependencies.find(coded, numbers, columns, derived, equalities);
    Set<String> fromCategories = new HashSet<>();
    found.values().forEach(value -> fromCategories.add(value.dependent()));
    // A formula of a number set from a category is decoded after it, so after the categories that numbers decide:
    // its result decides none (else that category would follow the result before the formula set it).
    Set<String> deciding = new HashSet<>();
    found.ranges().forEach(range -> deciding.add(range.determinant()));
    calendars.forEach(calendar -> deciding.add(calendar.date()));
    List<ColumnFormula> formulas = ColumnFormulas.find(numbers, columns, fromCategories).stream()
        .filter(formula -> !(deciding.contains(formula.result()) && (fromCategories.contains(formula.first())
            || fromCategories.contains(formula.second())))).toList();
    // A formula holds in every row, an equality in some: an equality that would set a formula's result, or copy one
    // before the formula sets it, goes (an amount equal to its unit price where the quantity is 1).
    Set<String> results = new HashSet<>();
    formulas.forEach(formula -> results.add(formula.result()));
    List<ColumnEquality> kept = equalities.stream().filter(equality -> !results.contains(equality.source())
        && !results.contains(equality.dependent())).toList();
    return new TableCodec(columns, rows.size(), constraints, dependencies, kept, found.ranges(), found.values(),
        formulas, calendars);
  }

  /** Column c's cells of {@code rows}, in order (one column at a time: the rows' cells are not copied twice). */
  private static Object[] cells(List<Row> rows, int c) {
    Object[] cells = new Object[rows.size()];
    for (int r = 0; r < cells.length; r++) {
      cells[r] = rows.get(r).get(c);
    }
    return cells;
  }

  /** Rows the codec was fitted on (0: an empty table, which has no column codecs). */
  public long fittedRows() {
    return fittedRows;
  }

  /** The inequalities between columns that every decoded row keeps. */
  public List<Inequality> constraints() {
    return derived.constraints();
  }

  /** The categorical columns decoded from another's value (see {@link CategoryDependency}). */
  public List<CategoryDependency> dependencies() {
    return derived.dependencies();
  }

  /** The number columns equal in many rows, whose equality decoded rows keep as often (see {@link ColumnEquality}). */
  public List<ColumnEquality> equalities() {
    return equalities;
  }

  /** The categorical columns decoded from a number's range (see {@link RangeDependency}). */
  public List<RangeDependency> ranges() {
    return derived.ranges();
  }

  /** The number columns decoded from a category's value (see {@link ValueDependency}). */
  public List<ValueDependency> values() {
    return derived.values();
  }

  /** The categorical columns decoded as a date's calendar field (see {@link CalendarDependency}). */
  public List<CalendarDependency> calendars() {
    return derived.calendars();
  }

  /** The number columns decoded as a sum, product or quotient of two others (see {@link ColumnFormula}). */
  public List<ColumnFormula> formulas() {
    return derived.formulas();
  }

  /**
   * The slots that carry the rows' geometry, all but the equalities' indicators (which are tiny, {@link #EQUAL}): the
   * d of σ auto's spacing rule.
   */
  public int spacingWidth() {
    return columnsWidth;
  }

  /** Floats per encoded row: the columns' slots, then one per equality. */
  public int width() {
    return width;
  }

  public List<ColumnCodec> columns() {
    return columns;
  }

  /** The input column names, in encoding order. */
  public List<String> columnNames() {
    return columns.stream().map(ColumnCodec::name).toList();
  }

  /**
   * The encoded slots that make up the report's distance space ({@link ColumnCodec#isMetricSlot}), in order: all
   * of them unless some number column has point masses.
   */
  public int[] metricSlots() {
    int[] slots = new int[width];
    int count = 0;
    for (int c = 0; c < offsets.length; c++) {
      for (int k = 0; k < columns.get(c).width(); k++) {
        if (columns.get(c).isMetricSlot(k)) {
          slots[count++] = offsets[c] + k;
        }
      }
    }
    return Arrays.copyOf(slots, count);
  }

  /** The slots of the categorical columns' one-hot blocks, in order (--category-draw row takes them from a row). */
  public int[] categoricalSlots() {
    int[] slots = new int[width];
    int count = 0;
    for (int c = 0; c < offsets.length; c++) {
      if (columns.get(c) instanceof CategoricalColumnCodec) {
        for (int k = 0; k < columns.get(c).width(); k++) {
          slots[count++] = offsets[c] + k;
        }
      }
    }
    return Arrays.copyOf(slots, count);
  }

  /**
   * The mean {@link CategoryDraw#disagreement} of the categorical columns' blocks over {@code count} encoded
   * samples (row-major in z); NaN for a codec without categorical columns.
   */
  public double categoryDisagreement(double[] z, int count) {
    double sum = 0;
    int blocks = 0;
    for (int c = 0; c < offsets.length; c++) {
      if (columns.get(c) instanceof CategoricalColumnCodec) {
        blocks++;
        for (int s = 0; s < count; s++) {
          sum += CategoryDraw.disagreement(z, s * width + offsets[c], columns.get(c).width());
        }
      }
    }
    return blocks == 0 ? Double.NaN : sum / ((double) blocks * count);
  }

  /**
   * How far a draw would move the categories' shares: the mean over categorical columns of the total variation
   * distance between the shares the draw gives {@code count} encoded samples (row-major in z) in expectation and the
   * training rows' shares, read from {@code trainingMean} (the encoded training rows' mean, whose one-hot blocks
   * hold each category's share). Under {@code weights} a sample gives each category its block's share; under the
   * vote, all to its largest score (split among ties, which the row's bits settle at random). NaN for a codec
   * without categorical columns.
   *
   * @throws IllegalArgumentException for a draw other than vote or weights
   */
  public double categoryShareError(double[] z, int count, double[] trainingMean, CategoryDraw draw) {
    if (draw != CategoryDraw.VOTE && draw != CategoryDraw.WEIGHTS) {
      throw new IllegalArgumentException("category share error is measured for vote or weights, not " + draw);
    }
    double sum = 0;
    int blocks = 0;
    for (int c = 0; c < offsets.length; c++) {
      if (columns.get(c) instanceof CategoricalColumnCodec) {
        blocks++;
        int states = columns.get(c).width();
        double[] drawn = new double[states];
        for (int s = 0; s < count; s++) {
          CategoryDraw.addExpectedShares(draw, z, s * width + offsets[c], states, drawn);
        }
        double[] training = new double[states];
        CategoryDraw.addExpectedShares(CategoryDraw.WEIGHTS, trainingMean, offsets[c], states, training);
        double distance = 0;
        for (int k = 0; k < states; k++) {
          distance += Math.abs(drawn[k] / count - training[k]);
        }
        sum += distance / 2;
      }
    }
    return blocks == 0 ? Double.NaN : sum / blocks;
  }

  /**
   * Each number column's value-slot readings ({@link NumericColumnCodec#reading}) of {@code count} encoded samples
   * (row-major in z), sample s decoded as sample {@code firstId + s} of a run with {@code seed}: readings[c][s], NaN
   * for a sample that decodes to a point mass or a missing cell, readings[c] null for a column that is not a number
   * column. What the columns' {@link MarginalMap}s are fitted on.
   */
  public double[][] readings(double[] z, int count, long seed, long firstId) {
    double[][] readings = new double[columns.size()][];
    for (int c = 0; c < readings.length; c++) {
      readings[c] = columns.get(c) instanceof NumericColumnCodec ? new double[count] : null;
    }
    for (int s = 0; s < count; s++) {
      long rowBits = Vote.rowBits(z, s * width, width, seed, firstId + s);
      double[] noise = noiseDraws(rowBits);
      for (int c = 0; c < readings.length; c++) {
        if (readings[c] != null) {
          readings[c][s] = ((NumericColumnCodec) columns.get(c)).reading(z, s * width + offsets[c],
              Vote.forColumn(rowBits, c), noise[c]);
        }
      }
    }
    return readings;
  }

  /**
   * Number column {@code c}'s value slot in the encoded training rows {@code x} (row-major, {@code count} rows of
   * this codec's width); NaN for a row whose cell is missing or a point mass.
   */
  public double[] trainingReadings(int c, float[] x, int count) {
    NumericColumnCodec column = (NumericColumnCodec) columns.get(c);
    return perRow(count, s -> column.trainingReading(x, s * width + offsets[c]));
  }

  /**
   * Number column {@code c}'s weights of missing rows ({@link NumericColumnCodec#missingWeight}) in {@code count}
   * encoded samples (row-major in z); NaN for each when the column's missing state is not drawn by itself.
   */
  public double[] missingWeights(int c, double[] z, int count) {
    NumericColumnCodec column = (NumericColumnCodec) columns.get(c);
    return perRow(count, s -> column.missingWeight(z, s * width + offsets[c]));
  }

  /** 1 for each of the {@code count} encoded training rows {@code x} that lacks number column c's value, else 0. */
  public double[] trainingMissing(int c, float[] x, int count) {
    NumericColumnCodec column = (NumericColumnCodec) columns.get(c);
    return perRow(count, s -> column.trainingMissing(x, s * width + offsets[c]) ? 1 : 0);
  }

  /**
   * The states among which column c's decoding votes: a categorical column's slots (levels, then missing), or a
   * number column's value states (another value, then each point mass; its missing state is drawn by itself); 0
   * when there is no vote to weight: another kind of column, a categorical column that draws, a number column
   * without point masses or one whose states are all drawn (weights-all).
   */
  public int voteStates(int c) {
    ColumnCodec column = columns.get(c);
    if (column instanceof CategoricalColumnCodec categorical) {
      return categorical.draw() == CategoryDraw.VOTE ? categorical.width() : 0;
    }
    return column instanceof NumericColumnCodec n && n.masses().length > 0 && n.draw() != CategoryDraw.WEIGHTS_ALL
        ? 1 + n.masses().length : 0;
  }

  /**
   * Adds to counts[0 .. {@link #voteStates}(c)) how many of the {@code rows} encoded training rows {@code x}
   * (row-major) hold each of column c's vote states (a number column's missing cells are in none).
   */
  public void addVoteCounts(int c, float[] x, int rows, double[] counts) {
    ColumnCodec column = columns.get(c);
    for (int r = 0; r < rows; r++) {
      int at = r * width + offsets[c];
      if (column instanceof NumericColumnCodec n) {
        int state = n.trainingState(x, at);
        if (state >= 0) {
          counts[state]++;
        }
      } else {
        for (int k = 0; k < counts.length; k++) {
          counts[k] += x[at + k] > 0 ? 1 : 0;
        }
      }
    }
  }

  /**
   * Column c's vote weights ({@link VoteCalibration#fit}) from {@code count} encoded pilot samples {@code z}
   * (row-major) and the training rows' {@code target} share of each vote state; null when the plain vote is as
   * close.
   */
  public double[] voteWeights(int c, double[] z, int count, double[] target) {
    if (!(columns.get(c) instanceof NumericColumnCodec n)) {
      return VoteCalibration.fit(z, count, width, offsets[c], target);
    }
    double[] votes = new double[count * target.length];
    for (int s = 0; s < count; s++) {
      n.stateVotes(z, s * width + offsets[c], votes, s * target.length);
    }
    return VoteCalibration.fit(votes, count, target.length, 0, target);
  }

  /**
   * This codec with {@code weights[c]} for column c's vote (a categorical column's, or a number column's among its
   * value states, kept in its {@link MarginalMap}); null entries, and every other column, unchanged.
   */
  public TableCodec weighted(double[][] weights) {
    List<ColumnCodec> weighted = new ArrayList<>(columns);
    for (int c = 0; c < weights.length; c++) {
      if (weights[c] != null) {
        weighted.set(c, columns.get(c) instanceof NumericColumnCodec n ? n.mapped((n.marginalMap() != null
            ? n.marginalMap() : new MarginalMap(0, 1)).withStateWeights(weights[c]))
            : ((CategoricalColumnCodec) columns.get(c)).weighted(weights[c]));
      }
    }
    return withColumns(weighted);
  }

  /** {@code value} of each row 0 .. count − 1. */
  private static double[] perRow(int count, IntToDoubleFunction value) {
    double[] out = new double[count];
    for (int s = 0; s < count; s++) {
      out[s] = value.applyAsDouble(s);
    }
    return out;
  }

  /**
   * This codec with {@code maps[c]} applied to number column c's value-slot readings when decoding (null entries,
   * and every other column, unchanged).
   *
   * @throws IllegalArgumentException when {@code maps} does not have one entry per column, or maps a column that
   *     is not a number column
   */
  public TableCodec mapped(MarginalMap[] maps) {
    if (maps.length != columns.size()) {
      throw new IllegalArgumentException(maps.length + " marginal maps for " + columns.size() + " columns");
    }
    List<ColumnCodec> mapped = new ArrayList<>(columns);
    for (int c = 0; c < maps.length; c++) {
      if (maps[c] != null) {
        if (!(columns.get(c) instanceof NumericColumnCodec n)) {
          throw new IllegalArgumentException("column " + columns.get(c).name() + " is not a number column");
        }
        mapped.set(c, n.mapped(maps[c]));
      }
    }
    return withColumns(mapped);
  }

  /** How the categorical columns are decoded (the vote for a codec without any). */
  public CategoryDraw categoryDraw() {
    return columns.stream().filter(c -> c instanceof CategoricalColumnCodec).findFirst()
        .map(c -> ((CategoricalColumnCodec) c).draw()).orElse(CategoryDraw.VOTE);
  }

  /** The decoded table's schema: the input columns with their input types. */
  public StructType schema() {
    StructField[] fields = new StructField[columns.size()];
    for (int c = 0; c < fields.length; c++) {
      fields[c] = DataTypes.createStructField(columns.get(c).name(), columns.get(c).outputType(),
          columns.get(c).hasMissing());
    }
    return DataTypes.createStructType(fields);
  }

  /** Encodes a row whose fields are this codec's columns in order (nulls for missing cells) into out[offset ..]. */
  public void encode(Row row, float[] out, int offset) {
    for (int c = 0; c < offsets.length; c++) {
      columns.get(c).encode(row.get(c), out, offset + offsets[c]);
    }
    for (int q = 0; q < equalityColumns.length; q++) {
      out[offset + columnsWidth + q] = equal(q, row.get(equalityColumns[q][0]), row.get(equalityColumns[q][1]));
    }
  }

  /**
   * Equality q's indicator for the source's and the dependent's cells: {@link #EQUAL} when they are equal and
   * neither is a point mass, else 0.
   */
  private float equal(int q, Object source, Object dependent) {
    NumericColumnCodec x = (NumericColumnCodec) columns.get(equalityColumns[q][0]);
    NumericColumnCodec y = (NumericColumnCodec) columns.get(equalityColumns[q][1]);
    return source != null && dependent != null && x.number(source) == y.number(dependent)
        && !x.atPointMass(source) && !y.atPointMass(dependent) ? EQUAL : 0;
  }

  /**
   * Writes into out[0 .. width) the encoding of what z[offset .. offset + width) decodes to: the point the user
   * actually receives, after arg-max, rounding and snapping. Privacy checks measure there, because a sample that
   * decodes onto a training row is a copy however far its raw encoding was. {@code cells} is caller-owned scratch
   * of at least {@code columns().size()} slots; {@code seed} and {@code sampleId} as for {@link #decode(double[],
   * int, Object[], int, long, long)}.
   */
  public void encodeDecoded(double[] z, int offset, Object[] cells, float[] out, long seed, long sampleId) {
    decodeModelled(z, offset, cells, 0, seed, sampleId);
    encodeCells(cells, out);
  }

  /** Encodes {@code cells} (this codec's columns in order, nulls for missing cells) into out[0 .. width). */
  public void encodeCells(Object[] cells, float[] out) {
    for (int c = 0; c < offsets.length; c++) {
      columns.get(c).encode(cells[c], out, offsets[c]);
    }
    for (int q = 0; q < equalityColumns.length; q++) {
      out[columnsWidth + q] = equal(q, cells[equalityColumns[q][0]], cells[equalityColumns[q][1]]);
    }
  }

  /** Whether some number column's value slot holds normal scores (--numeric-scale normal-scores). */
  public boolean normalScores() {
    return columns.stream().anyMatch(c -> c instanceof NumericColumnCodec n && n.quantiles() != null);
  }

  /**
   * This codec with every number column's value slot holding (x − mean) / sd: the space the report measures
   * distances in (metrics.md), whatever --numeric-scale the model averages in. Same columns, widths and slots.
   */
  public TableCodec standardised() {
    return map(c -> c instanceof NumericColumnCodec n ? n.standardised() : c);
  }

  /**
   * This codec decoding without final noise (--final-noise) and marginal maps (--marginal-map): an encoded training
   * row decodes to its cells.
   */
  public TableCodec noiseless() {
    return map(c -> c instanceof NumericColumnCodec n ? n.noiseless() : c);
  }

  /**
   * This codec picking categories and number columns' states by {@code draw} (--category-draw).
   *
   * @throws IllegalArgumentException for {@code auto}, which the fit resolves first
   */
  public TableCodec drawing(CategoryDraw draw) {
    if (draw == CategoryDraw.AUTO) {
      throw new IllegalArgumentException("--category-draw auto is resolved to vote or weights before decoding");
    }
    return map(c -> c instanceof CategoricalColumnCodec k ? k.drawing(draw)
        : c instanceof NumericColumnCodec n ? n.drawing(draw) : c);
  }

  private TableCodec map(UnaryOperator<ColumnCodec> column) {
    return withColumns(columns.stream().map(column).toList());
  }

  /** This codec with other codecs of the same columns, and the same relations between them. */
  private TableCodec withColumns(List<ColumnCodec> changed) {
    return new TableCodec(changed, fittedRows, derived.constraints(), derived.dependencies(), equalities,
        derived.ranges(), derived.values(), derived.formulas(), derived.calendars(), noiseCorrelation);
  }

  /** This codec with the number columns' final noise drawn together by {@code correlation} (null: apart). */
  public TableCodec withNoiseCorrelation(NoiseCorrelation correlation) {
    return new TableCodec(columns, fittedRows, derived.constraints(), derived.dependencies(), equalities,
        derived.ranges(), derived.values(), derived.formulas(), derived.calendars(), correlation);
  }

  /**
   * Whether column c is a number column that adds final noise from a draw of its own (not one shared with an
   * earlier date it is joined to): the columns a {@link NoiseCorrelation} may mix.
   */
  public boolean drawsOwnNoise(int c) {
    return noiseColumns[c] == c && columns.get(c) instanceof NumericColumnCodec n && n.finalNoise() > 0;
  }

  /** How the number columns' final noise is drawn together; null when each column draws its own. */
  public NoiseCorrelation noiseCorrelation() {
    return noiseCorrelation;
  }

  /**
   * The standard normal draw behind each column's final noise in the row with {@code rowBits}: FinalNoise of the
   * column's bits (those of the first column of joined dates), mixed by {@link #noiseCorrelation}; 0 for every
   * entry when no column adds noise, and for columns that are not number columns.
   */
  private double[] noiseDraws(long rowBits) {
    double[] draws = new double[columns.size()];
    if (!noiseDrawn) {
      return draws;
    }
    for (int c = 0; c < draws.length; c++) {
      if (noiseColumns[c] == c && columns.get(c) instanceof NumericColumnCodec) {
        draws[c] = FinalNoise.gaussian(Vote.forColumn(rowBits, c));
      }
    }
    if (noiseCorrelation != null) {
      noiseCorrelation.mix(draws);
    }
    for (int c = 0; c < draws.length; c++) {
      draws[c] = draws[noiseColumns[c]];
    }
    return draws;
  }

  /**
   * Decodes the encoded row z[offset .. offset + width) into cells[cellOffset .. cellOffset + columns) as sample 0
   * of seed 0 (for rows whose decoding draws nothing: training rows without final noise).
   */
  public void decode(double[] z, int offset, Object[] cells, int cellOffset) {
    decode(z, offset, cells, cellOffset, 0, 0);
  }

  /**
   * Decodes the encoded row of sample {@code sampleId} of a run with {@code seed} into cells[cellOffset ..
   * cellOffset + columns): the pair keys its key columns' cells ({@link KeyColumnCodec}) and, with the row's values,
   * its final noise and drawn categories ({@link Vote#rowBits}).
   */
  public void decode(double[] z, int offset, Object[] cells, int cellOffset, long seed, long sampleId) {
    decode(z, offset, cells, cellOffset, seed, sampleId, true);
  }

  /**
   * As {@link #decode(double[], int, Object[], int, long, long)} with the key columns' cells left null: what the
   * near-copy checks measure (keys take no slot), for samples whose ids may lie beyond the keys' (a pilot's).
   */
  public void decodeModelled(double[] z, int offset, Object[] cells, int cellOffset, long seed, long sampleId) {
    decode(z, offset, cells, cellOffset, seed, sampleId, false);
  }

  private void decode(double[] z, int offset, Object[] cells, int cellOffset, long seed, long sampleId,
      boolean keys) {
    long rowBits = Vote.rowBits(z, offset, width, seed, sampleId);
    double[] noise = noiseDraws(rowBits);
    for (int c = 0; c < offsets.length; c++) {
      ColumnCodec column = columns.get(c);
      long bits = Vote.forColumn(rowBits, c);
      cells[cellOffset + c] = !keys && column instanceof KeyColumnCodec ? null
          : column instanceof NumericColumnCodec number ? number.decodeWithNoise(z, offset + offsets[c], bits, noise[c])
          : column.decode(z, offset + offsets[c], bits, seed, sampleId);
    }
    // The equalities first: they draw with the row's bits and leave numbers that the derived cells may use.
    keepEqualities(z, offset, cells, cellOffset, rowBits);
    derived.keep(cells, cellOffset);
  }

  /**
   * Sets each equality's dependent cell to the source's value (on the dependent's grid) with the barycentre's weight
   * of equal rows as its chance, when the source's value lies in the dependent's range and neither cell is missing
   * or a point mass. One uniform variate of the row serves every equality, so that columns equal together in
   * training come out equal together (independent draws made three columns equal in 52 % of rows equal in 20 % of
   * samples), and a draw, not a vote, keeps each pair's share: a vote gave the majority state to every barycentre
   * where it led (a ship date on the order date in 80 % of rows came out in 92-95 % of samples).
   */
  private void keepEqualities(double[] z, int offset, Object[] cells, int cellOffset, long rowBits) {
    long bits = Vote.forColumn(rowBits, offsets.length);
    for (int q = 0; q < equalityColumns.length; q++) {
      NumericColumnCodec x = (NumericColumnCodec) columns.get(equalityColumns[q][0]);
      NumericColumnCodec y = (NumericColumnCodec) columns.get(equalityColumns[q][1]);
      Object source = cells[cellOffset + equalityColumns[q][0]];
      Object dependent = cells[cellOffset + equalityColumns[q][1]];
      if (source == null || dependent == null || x.atPointMass(source) || y.atPointMass(dependent)
          || !Vote.chance(z[offset + columnsWidth + q] / EQUAL, bits)) {
        continue;
      }
      double value = x.number(source);
      Object onGrid = value < y.lowest() || value > y.highest() ? null : y.atMost(value, false);
      if (onGrid != null) {
        cells[cellOffset + equalityColumns[q][1]] = onGrid;
      }
    }
  }

  /**
   * For each column, the column whose row bits draw its final noise: its own, except that dates and timestamps
   * joined by constraints (order ≤ ship ≤ delivery) share the draw of the first of them. Drawn apart, a noise of a
   * fifth of a normal score moved each date by weeks, and a delivery due days after its shipping came before it in
   * 42 % of samples; one draw moves them together and keeps the gaps their barycentre has.
   */
  private static int[] noiseColumns(List<ColumnCodec> columns, int[][] constraintColumns) {
    int[] first = new int[columns.size()];
    for (int c = 0; c < first.length; c++) {
      first[c] = c;
    }
    boolean joined = true;
    while (joined) { // until every pair of joined dates points at the same, smallest column (few constraints)
      joined = false;
      for (int[] pair : constraintColumns) {
        if (temporal(columns.get(pair[0])) && temporal(columns.get(pair[1]))
            && first[pair[0]] != first[pair[1]]) {
          int smaller = Math.min(first[pair[0]], first[pair[1]]);
          int larger = Math.max(first[pair[0]], first[pair[1]]);
          for (int c = 0; c < first.length; c++) {
            first[c] = first[c] == larger ? smaller : first[c];
          }
          joined = true;
        }
      }
    }
    return first;
  }

  private static boolean temporal(ColumnCodec column) {
    return column instanceof NumericColumnCodec number && number.type().temporal();
  }

  /**
   * Checks that every key column has a new key for each of {@code samples} samples (ids 0 … samples − 1).
   *
   * @throws BadInputException naming the first key column whose form holds fewer new keys
   */
  public void requireKeysFor(long samples) {
    for (ColumnCodec column : columns) {
      if (column instanceof KeyColumnCodec key && key.capacity() < samples) {
        throw new BadInputException("key column '" + key.name() + "' has only " + key.capacity() + " values of its"
            + " form that are not in the input, too few for " + samples + " samples: ask for at most "
            + key.capacity() + ", or model it with --no-key " + key.name());
      }
    }
  }

  /** The names of the key columns ({@link KeyColumnCodec}), regenerated per sample rather than modelled. */
  public List<String> keyColumns() {
    return columns.stream().filter(c -> c instanceof KeyColumnCodec).map(ColumnCodec::name).toList();
  }
}
