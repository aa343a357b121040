package org.cfdmspark.encoding;

import java.io.Serializable;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.cfdmspark.config.BadInputException;

/**
 * The cells decoding derives from other cells of the row, once every column is decoded on its own: inequalities
 * between number columns ({@link Inequality}), formulas ({@link ColumnFormula}), categories read from a date's
 * calendar ({@link CalendarDependency}), a number's range ({@link RangeDependency}) or another category ({@link
 * CategoryDependency}), and numbers read from a category ({@link ValueDependency}). Immutable and Serializable, as
 * part of its {@link TableCodec}.
 */
final class DerivedCells implements Serializable {
  private static final long serialVersionUID = 1L;

  private final List<ColumnCodec> columns;
  private final List<Inequality> constraints;
  /** constraintColumns[q] = {lower, upper}: the positions of constraint q's columns. */
  private final int[][] constraintColumns;
  private final List<CategoryDependency> dependencies;
  /** dependencyColumns[q] = {determinant, dependent}: the positions of dependency q's columns. */
  private final int[][] dependencyColumns;
  private final List<RangeDependency> ranges;
  /** rangeColumns[q] = {number, category}: the positions of range dependency q's columns. */
  private final int[][] rangeColumns;
  private final List<ValueDependency> values;
  /** valueColumns[q] = {category, number}: the positions of value dependency q's columns. */
  private final int[][] valueColumns;
  private final List<ColumnFormula> formulas;
  /** formulaColumns[q] = {first, second, result}: the positions of formula q's columns. */
  private final int[][] formulaColumns;
  /** Whether formula q has an operand set from a category, so is decoded after the value dependencies. */
  private final boolean[] formulaAfterValues;
  /** Whether quotient q's dividend is set from its decoded quotient and divisor before the quotient is kept. */
  private final boolean[] dividendFromQuotient;
  private final List<CalendarDependency> calendars;
  /** calendarColumns[q] = {date, category}: the positions of calendar dependency q's columns. */
  private final int[][] calendarColumns;
  /** calendarLevels[q][k]: level k of calendar dependency q's category as fields are compared. */
  private final String[][] calendarLevels;

  /**
   * The relations between {@code columns} (each list null for none: a model saved before they were found), and the
   * positions of the number columns that are equal in some rows ({@link ColumnEquality}), set before these cells.
   *
   * @throws BadInputException for a stated inequality whose sides are not modelled number columns
   * @throws IllegalArgumentException for another relation whose columns are not of its kinds
   */
  DerivedCells(List<ColumnCodec> columns, List<Inequality> constraints, List<CategoryDependency> dependencies,
      List<RangeDependency> ranges, List<ValueDependency> values, List<ColumnFormula> formulas,
      List<CalendarDependency> calendars, int[][] equalityColumns) {
    this.columns = columns;
    String names = ColumnNames.quotedList(columns.stream().map(ColumnCodec::name).toList());
    this.constraints = constraints == null ? List.of() : List.copyOf(constraints);
    this.constraintColumns = positions(columns, this.constraints, Inequality::lower, Inequality::upper,
        NumericColumnCodec.class, NumericColumnCodec.class, inequality -> new BadInputException("--constraint "
            + inequality + ": both sides must be modelled number columns (with more than " + NumericFitter.CODE_LEVELS
            + " values); the table's are " + ColumnNames.quotedList(columns.stream()
                .filter(column -> column instanceof NumericColumnCodec).map(ColumnCodec::name).toList())));
    this.dependencies = dependencies == null ? List.of() : List.copyOf(dependencies);
    this.dependencyColumns = positions(columns, this.dependencies, CategoryDependency::determinant,
        CategoryDependency::dependent, CategoricalColumnCodec.class, CategoricalColumnCodec.class,
        dependency -> new IllegalArgumentException("dependency " + dependency + " needs two categorical columns of "
            + names));
    this.ranges = ranges == null ? List.of() : List.copyOf(ranges);
    this.rangeColumns = positions(columns, this.ranges, RangeDependency::determinant, RangeDependency::dependent,
        NumericColumnCodec.class, CategoricalColumnCodec.class, range -> new IllegalArgumentException("dependency "
            + range + " needs a number and a categorical column of " + names));
    this.values = values == null ? List.of() : List.copyOf(values);
    this.valueColumns = positions(columns, this.values, ValueDependency::determinant, ValueDependency::dependent,
        CategoricalColumnCodec.class, NumericColumnCodec.class, value -> new IllegalArgumentException("dependency "
            + value + " needs a categorical and a number column of " + names));
    this.formulas = formulas == null ? List.of() : List.copyOf(formulas);
    this.formulaColumns = new int[this.formulas.size()][];
    for (int q = 0; q < formulaColumns.length; q++) {
      ColumnFormula formula = this.formulas.get(q);
      int[] parts = pair(columns, formula.first(), formula.second(), NumericColumnCodec.class,
          NumericColumnCodec.class);
      int[] result = pair(columns, formula.result(), formula.result(), NumericColumnCodec.class,
          NumericColumnCodec.class);
      if (parts == null || result == null) {
        throw new IllegalArgumentException("formula " + formula + " needs three number columns of " + names);
      }
      formulaColumns[q] = new int[] {parts[0], parts[1], result[0]};
    }
    this.formulaAfterValues = new boolean[formulaColumns.length];
    for (int q = 0; q < formulaColumns.length; q++) {
      for (int[] value : valueColumns) {
        formulaAfterValues[q] |= value[1] == formulaColumns[q][0] || value[1] == formulaColumns[q][1];
      }
    }
    this.dividendFromQuotient = dividendsFromQuotients(formulaColumns, formulas, formulaAfterValues,
        equalityColumns);
    this.calendars = calendars == null ? List.of() : List.copyOf(calendars);
    this.calendarColumns = positions(columns, this.calendars, CalendarDependency::date, CalendarDependency::dependent,
        NumericColumnCodec.class, CategoricalColumnCodec.class, calendar -> new IllegalArgumentException("dependency "
            + calendar + " needs a date and a categorical column of " + names));
    this.calendarLevels = new String[calendarColumns.length][];
    for (int q = 0; q < calendarColumns.length; q++) {
      calendarLevels[q] = Arrays.stream(((CategoricalColumnCodec) columns.get(calendarColumns[q][1]))
          .levels()).map(CalendarDependency::normal).toArray(String[]::new);
    }
  }

  /**
   * Which quotients set their dividend first (see {@link #keepDividends}): those decoded before the value dependencies
   * whose dividend is in no equality, the first of them where two share a dividend.
   */
  private static boolean[] dividendsFromQuotients(int[][] formulaColumns, List<ColumnFormula> formulas,
      boolean[] afterValues, int[][] equalityColumns) {
    boolean[] fromQuotient = new boolean[formulaColumns.length];
    Set<Integer> taken = new HashSet<>();
    for (int[] equality : equalityColumns) {
      taken.add(equality[0]);
      taken.add(equality[1]);
    }
    for (int q = 0; q < formulaColumns.length; q++) {
      fromQuotient[q] = formulas.get(q).operation() == ColumnFormula.Operation.QUOTIENT && !afterValues[q]
          && taken.add(formulaColumns[q][0]);
    }
    return fromQuotient;
  }

  List<Inequality> constraints() {
    return constraints;
  }

  int[][] constraintColumns() {
    return constraintColumns;
  }

  List<CategoryDependency> dependencies() {
    return dependencies;
  }

  List<RangeDependency> ranges() {
    return ranges;
  }

  List<ValueDependency> values() {
    return values;
  }

  List<ColumnFormula> formulas() {
    return formulas;
  }

  List<CalendarDependency> calendars() {
    return calendars;
  }

  /**
   * Derives the row's cells in cells[cellOffset ..]: numbers first (inequalities, formulas), then the categories read
   * from a date's calendar or a number's ranges, the categories read from other categories, the numbers read from
   * categories, and last the formulas of those numbers, so that no derived cell is changed after another is derived
   * from it.
   */
  void keep(Object[] cells, int cellOffset) {
    keepDividends(cells, cellOffset);
    keepConstraints(cells, cellOffset);
    keepFormulas(cells, cellOffset, false);
    keepCalendars(cells, cellOffset);
    keepRanges(cells, cellOffset);
    keepDependencies(cells, cellOffset);
    keepValues(cells, cellOffset);
    keepFormulas(cells, cellOffset, true);
  }

  /** Sets each dependent cell to the value its determinant's cell goes with in training. */
  private void keepDependencies(Object[] cells, int cellOffset) {
    for (int q = 0; q < dependencyColumns.length; q++) {
      CategoricalColumnCodec determinant = (CategoricalColumnCodec) columns.get(dependencyColumns[q][0]);
      CategoricalColumnCodec dependent = (CategoricalColumnCodec) columns.get(dependencyColumns[q][1]);
      int level = dependencies.get(q).dependentLevel()[determinant.slot(cells[cellOffset + dependencyColumns[q][0]])];
      if (level >= 0) {
        cells[cellOffset + dependencyColumns[q][1]] = dependent.cell(level);
      }
    }
  }


  /**
   * Sets the dividend of each quotient of {@link #dividendFromQuotient} to its decoded quotient times its decoded
   * divisor, on the dividend's grid, before the inequalities and formulas are kept; the quotient is then computed
   * from the final cells as every formula's result is. Why: a ratio of two columns decoded apart spreads wider than
   * training's, as relative errors of two correlated numbers add up in their ratio (a sensor's efficiency = out / in
   * of 0.5-0.9 spread from sd 0.10 to 0.14, 15 % of rows out of that range), while the dividend, whose own spread
   * is wide, hardly feels the same errors; so the ratio is taken as decoded and the dividend follows it. A missing
   * cell of the three, or a zero divisor, leaves the dividend as decoded.
   */
  private void keepDividends(Object[] cells, int cellOffset) {
    for (int q = 0; q < formulaColumns.length; q++) {
      if (!dividendFromQuotient[q]) {
        continue;
      }
      int[] at = formulaColumns[q];
      Object dividend = cells[cellOffset + at[0]];
      Object divisor = cells[cellOffset + at[1]];
      Object quotient = cells[cellOffset + at[2]];
      if (dividend == null || divisor == null || quotient == null) {
        continue;
      }
      double b = ((NumericColumnCodec) columns.get(at[1])).number(divisor);
      double value = ((NumericColumnCodec) columns.get(at[2])).number(quotient) * b;
      if (b != 0 && Double.isFinite(value)) {
        cells[cellOffset + at[0]] = ((NumericColumnCodec) columns.get(at[0])).nearestOnGrid(value);
      }
    }
  }

  /**
   * Sets the result of each formula of this phase (with an operand set from a category or not) to the operation on
   * its columns' cells, on its grid; a missing cell (the result's own too) or a quotient by zero leaves it as
   * decoded.
   */
  private void keepFormulas(Object[] cells, int cellOffset, boolean afterValues) {
    for (int q = 0; q < formulaColumns.length; q++) {
      if (formulaAfterValues[q] != afterValues) {
        continue;
      }
      int[] at = formulaColumns[q];
      Object first = cells[cellOffset + at[0]];
      Object second = cells[cellOffset + at[1]];
      // A result decoded missing stays missing: training's rows without one are no part of the formula.
      if (first != null && second != null && cells[cellOffset + at[2]] != null) {
        double value = formulas.get(q).operation().apply(((NumericColumnCodec) columns.get(at[0])).number(first),
            ((NumericColumnCodec) columns.get(at[1])).number(second));
        if (Double.isFinite(value)) {
          cells[cellOffset + at[2]] = ((NumericColumnCodec) columns.get(at[2])).nearestOnGrid(value);
        }
      }
    }
  }


  /**
   * Sets each calendar dependency's category to the level that spells its date's field; a missing date, or a field
   * no level spells (a year past training's), leaves it voted.
   */
  private void keepCalendars(Object[] cells, int cellOffset) {
    for (int q = 0; q < calendarColumns.length; q++) {
      Object date = cells[cellOffset + calendarColumns[q][0]];
      if (date == null) {
        continue;
      }
      String text = calendars.get(q).field().of((long) ((NumericColumnCodec) columns.get(calendarColumns[q][0]))
          .number(date));
      int level = Arrays.asList(calendarLevels[q]).indexOf(text);
      if (level >= 0) {
        cells[cellOffset + calendarColumns[q][1]] = ((CategoricalColumnCodec) columns.get(calendarColumns[q][1]))
            .cell(level);
      }
    }
  }

  /**
   * Sets each range dependency's category to the one of its number's range, and a missing number's to the category
   * every such training row holds (else it stays voted).
   */
  private void keepRanges(Object[] cells, int cellOffset) {
    for (int q = 0; q < rangeColumns.length; q++) {
      Object number = cells[cellOffset + rangeColumns[q][0]];
      RangeDependency range = ranges.get(q);
      Integer level = number != null
          ? Integer.valueOf(range.level(((NumericColumnCodec) columns.get(rangeColumns[q][0])).number(number)))
          : range.missingLevel();
      if (level != null) {
        CategoricalColumnCodec category = (CategoricalColumnCodec) columns.get(rangeColumns[q][1]);
        cells[cellOffset + rangeColumns[q][1]] = category.cell(level);
      }
    }
  }


  /** Sets each value dependency's number to the value its category's cell goes with in training. */
  private void keepValues(Object[] cells, int cellOffset) {
    for (int q = 0; q < valueColumns.length; q++) {
      CategoricalColumnCodec category = (CategoricalColumnCodec) columns.get(valueColumns[q][0]);
      Double value = values.get(q).dependentValue()[category.slot(cells[cellOffset + valueColumns[q][0]])];
      cells[cellOffset + valueColumns[q][1]] = value == null ? null
          : ((NumericColumnCodec) columns.get(valueColumns[q][1])).cellOf(value);
    }
  }


  /**
   * Moves cells that break a constraint back onto its right side (see {@link Inequality}); a few passes settle
   * chains such as a <= b <= c, whose fixes can undo each other once.
   */
  private void keepConstraints(Object[] cells, int cellOffset) {
    for (int pass = 0; pass < constraints.size() + 1; pass++) {
      boolean moved = false;
      for (int q = 0; q < constraintColumns.length; q++) {
        Inequality inequality = constraints.get(q);
        int lower = cellOffset + constraintColumns[q][0];
        int upper = cellOffset + constraintColumns[q][1];
        if (cells[lower] == null || cells[upper] == null) {
          continue;
        }
        NumericColumnCodec low = (NumericColumnCodec) columns.get(constraintColumns[q][0]);
        NumericColumnCodec high = (NumericColumnCodec) columns.get(constraintColumns[q][1]);
        // On one line: a date against a timestamp as its midnight (NumericType.comparisonUnit).
        double lowUnit = low.type().comparisonUnit();
        double highUnit = high.type().comparisonUnit();
        double a = low.number(cells[lower]) * lowUnit;
        double b = high.number(cells[upper]) * highUnit;
        if (inequality.holds(a, b)) {
          continue;
        }
        Object down = low.atMost(b / lowUnit, inequality.strict());
        if (down != null) {
          cells[lower] = down;
        } else {
          Object up = high.atLeast(a / highUnit, inequality.strict());
          if (up != null) {
            cells[upper] = up;
          }
        }
        moved = true;
      }
      if (!moved) {
        return;
      }
    }
  }


  /**
   * For each relation between two columns, their positions ({@link #pair}); {@code refusal} is thrown for one whose
   * columns are not modelled columns of {@code firstKind} and {@code secondKind}.
   */
  static <T> int[][] positions(List<ColumnCodec> columns, List<T> relations, Function<T, String> first,
      Function<T, String> second, Class<? extends ColumnCodec> firstKind, Class<? extends ColumnCodec> secondKind,
      Function<T, RuntimeException> refusal) {
    int[][] positions = new int[relations.size()][];
    for (int q = 0; q < positions.length; q++) {
      positions[q] = pair(columns, first.apply(relations.get(q)), second.apply(relations.get(q)), firstKind,
          secondKind);
      if (positions[q] == null) {
        throw refusal.apply(relations.get(q));
      }
    }
    return positions;
  }

  /** The positions of columns {@code a} and {@code b} when they are of their kinds; null otherwise. */
  private static int[] pair(List<ColumnCodec> columns, String a, String b, Class<? extends ColumnCodec> aKind,
      Class<? extends ColumnCodec> bKind) {
    List<String> names = columns.stream().map(ColumnCodec::name).toList();
    int first = names.indexOf(a);
    int second = names.indexOf(b);
    return first >= 0 && second >= 0 && aKind.isInstance(columns.get(first)) && bKind.isInstance(columns.get(second))
        ? new int[] {first, second} : null;
  }
}
