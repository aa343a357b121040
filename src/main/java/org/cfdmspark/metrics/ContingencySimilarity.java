package org.cfdmspark.metrics;

import java.util.ArrayList;
import java.util.List;

/**
 * SDMetrics' ContingencySimilarity: 1 − ½ Σ_{α,β} |R_αβ − S_αβ| over the normalised 2-D contingency tables
 * of two columns, for categorical and mixed pairs. A numeric column is cut into 10 equal-width bins spanning
 * the real column's range (synthetic values outside it fall in the edge bins); missing is its own category.
 */
public final class ContingencySimilarity {
  static final int NUMERIC_BINS = 10;

  private ContingencySimilarity() {
  }

  /** The score in [0, 1] for columns a and b; each synthetic column must have the kind of its real one. */
  public static double compute(EvalColumn realA, EvalColumn realB, EvalColumn syntheticA, EvalColumn syntheticB) {
    EqualWidthBins binsA = binsFor(realA, syntheticA);
    EqualWidthBins binsB = binsFor(realB, syntheticB);
    return 1 - Frequencies.totalVariation(
        Frequencies.of(cells(realA, binsA, realB, binsB)),
        Frequencies.of(cells(syntheticA, binsA, syntheticB, binsB)));
  }

  /** One contingency-table cell; a null coordinate is the missing category. */
  private record Cell(Object a, Object b) {
  }

  private static List<Cell> cells(EvalColumn a, EqualWidthBins binsA, EvalColumn b, EqualWidthBins binsB) {
    if (a.size() != b.size()) {
      throw new IllegalArgumentException("columns '" + a.name() + "' and '" + b.name() + "' differ in length");
    }
    List<Cell> cells = new ArrayList<>(a.size());
    for (int row = 0; row < a.size(); row++) {
      cells.add(new Cell(category(a, binsA, row), category(b, binsB, row)));
    }
    return cells;
  }

  private static Object category(EvalColumn column, EqualWidthBins bins, int row) {
    return column instanceof EvalColumn.Numeric numeric
        ? bins.bin(numeric.values()[row])
        : ((EvalColumn.Categorical) column).values()[row];
  }

  /** The real column's bins for a numeric column, null for a categorical one. */
  private static EqualWidthBins binsFor(EvalColumn real, EvalColumn synthetic) {
    if (real.getClass() != synthetic.getClass()) {
      throw new IllegalArgumentException("column '" + real.name()
          + "' is numeric on one side and categorical on the other");
    }
    return real instanceof EvalColumn.Numeric numeric ? EqualWidthBins.spanning(numeric.values(), NUMERIC_BINS) : null;
  }
}
