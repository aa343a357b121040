package org.cfdmspark.encoding;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleSupplier;
import java.util.function.IntFunction;
import org.apache.spark.sql.Row;

/**
 * Finds the pairs of number columns that are equal in many training rows ({@link ColumnEquality}): at least
 * {@value #MIN_ROWS} rows and {@value #MIN_SHARE} of the rows with both cells present, and at least {@value
 * #CHANCE_FACTOR} times as many as the columns' value shares make equal by chance (n · Σ_v p_a(v)·p_b(v), the
 * expected count of n rows whose two cells are drawn independently from the columns' own shares), so that two
 * columns of small whole numbers (Adult's age and hours per week, equal in 2.5 % of rows, about twice chance) are
 * left alone. Cells at a point mass of either
 * column do not count: point masses keep those. Pairs are searched among at most {@value Inequalities#MAX_COLUMNS}
 * number columns of one kind whose ranges overlap.
 */
final class ColumnEqualities {
  static final int MIN_ROWS = 20;
  static final double MIN_SHARE = 0.02;
  static final double CHANCE_FACTOR = 5;

  private ColumnEqualities() {
  }

  /**
   * The equalities of {@code rows} that {@link #forest} keeps, in the order decoding applies them.
   *
   * @param rows the fitted rows; their fields are the columns of {@code columns}, in order
   */
  static List<ColumnEquality> find(List<Row> rows, List<ColumnCodec> columns) {
    double[][] values = NumberCells.of(rows, columns);
    List<Integer> numbers = new ArrayList<>();
    for (int c = 0; c < columns.size(); c++) {
      if (values[c] != null) {
        numbers.add(c);
      }
    }
    if (numbers.size() < 2 || numbers.size() > Inequalities.MAX_COLUMNS) {
      return List.of();
    }
    for (int c : numbers) { // point masses and missing cells out of every count: NaN equals nothing
      NumericColumnCodec codec = (NumericColumnCodec) columns.get(c);
      for (int r = 0; r < rows.size(); r++) {
        if (values[c][r] == values[c][r] && codec.atPointMass(rows.get(r).get(c))) {
          values[c][r] = Double.NaN;
        }
      }
    }
    // A column's value shares are needed only for pairs equal often enough to be tested against chance.
    ValueShares[] shares = new ValueShares[columns.size()];
    IntFunction<ValueShares> sharesOf = c -> shares[c] != null ? shares[c] : (shares[c] = ValueShares.of(values[c]));
    List<Candidate> candidates = new ArrayList<>();
    for (int i = 0; i < numbers.size(); i++) {
      for (int j = i + 1; j < numbers.size(); j++) {
        int x = numbers.get(i);
        int y = numbers.get(j);
        if (NumberCells.overlap((NumericColumnCodec) columns.get(x), (NumericColumnCodec) columns.get(y))) {
          double share = share(values[x], values[y], () -> sharesOf.apply(x).overlap(sharesOf.apply(y)));
          if (share > 0) {
            candidates.add(new Candidate(x, y, share));
          }
        }
      }
    }
    candidates.sort(Comparator.comparingDouble(Candidate::share).reversed()); // stable: column order among ties
    return forest(candidates, columns);
  }

  /** A pair of columns (positions) equal in {@code share} of their rows. */
  private record Candidate(int x, int y, double share) {
  }

  /**
   * The candidates, most frequent first, that join two columns not yet joined through others (a = b and b = c
   * imply a = c), as a forest in which each column has at most one source, so that each dependent is set once;
   * ordered so that a column is set before it is a source. The wider column depends on the narrower one, whose
   * values lie in its range, unless it has a source already: then the other does, its tree re-rooted at it (so in a
   * chain a column may take a wider one's value, which decoding keeps only when it lies in the column's range).
   */
  private static List<ColumnEquality> forest(List<Candidate> candidates, List<ColumnCodec> columns) {
    int[] component = new int[columns.size()];
    for (int c = 0; c < component.length; c++) {
      component[c] = c;
    }
    int[] source = new int[columns.size()];
    Arrays.fill(source, -1);
    Map<Long, Double> shares = new HashMap<>();
    for (Candidate candidate : candidates) {
      int a = root(component, candidate.x());
      int b = root(component, candidate.y());
      if (a == b) {
        continue;
      }
      NumericColumnCodec x = (NumericColumnCodec) columns.get(candidate.x());
      NumericColumnCodec y = (NumericColumnCodec) columns.get(candidate.y());
      boolean yWider = y.highest() - y.lowest() >= x.highest() - x.lowest();
      int dependent = yWider ? candidate.y() : candidate.x();
      int other = yWider ? candidate.x() : candidate.y();
      if (source[dependent] >= 0 && source[other] < 0) {
        int swap = dependent;
        dependent = other;
        other = swap;
      }
      reroot(source, dependent);
      source[dependent] = other;
      component[a] = b;
      shares.put(pairKey(dependent, other), candidate.share());
    }
    List<Integer> dependents = new ArrayList<>();
    for (int c = 0; c < source.length; c++) {
      if (source[c] >= 0) {
        dependents.add(c);
      }
    }
    dependents.sort(Comparator.comparingInt((Integer c) -> depth(source, c))
        .thenComparing(c -> -shares.get(pairKey(c, source[c]))));
    return dependents.stream().map(c -> new ColumnEquality(columns.get(source[c]).name(), columns.get(c).name(),
        shares.get(pairKey(c, source[c])))).toList();
  }

  private static long pairKey(int a, int b) {
    return (long) Math.min(a, b) << 32 | Math.max(a, b);
  }

  /** Makes column c the root of its tree: the sources on its path to the old root are reversed. */
  private static void reroot(int[] source, int c) {
    int previous = -1;
    for (int at = c; at >= 0; ) {
      int next = source[at];
      source[at] = previous;
      previous = at;
      at = next;
    }
  }

  private static int root(int[] component, int c) {
    while (component[c] != c) {
      c = component[c];
    }
    return c;
  }

  /** How many sources lie above column c. */
  private static int depth(int[] source, int c) {
    int depth = 0;
    for (int at = source[c]; at >= 0; at = source[at]) {
      depth++;
    }
    return depth;
  }

  /**
   * The share of the rows with both cells counted (not NaN) where a and b are equal, if it passes the thresholds
   * of the class comment ({@code chance}: the columns' {@link ValueShares#overlap}); 0 otherwise.
   */
  private static double share(double[] a, double[] b, DoubleSupplier chance) {
    long equal = 0;
    long both = 0;
    for (int r = 0; r < a.length; r++) {
      equal += a[r] == b[r] ? 1 : 0;
      both += a[r] == a[r] && b[r] == b[r] ? 1 : 0;
    }
    return equal < MIN_ROWS || equal < MIN_SHARE * both || equal < CHANCE_FACTOR * both * chance.getAsDouble() ? 0
        : (double) equal / both;
  }

  /** A column's distinct counted values, ascending, and the share of its counted cells each holds. */
  private record ValueShares(double[] values, double[] shares) {
    static ValueShares of(double[] cells) {
      double[] sorted = Arrays.stream(cells).filter(v -> v == v).map(v -> v + 0.0).sorted().toArray();
      double[] values = new double[sorted.length];
      double[] shares = new double[sorted.length];
      int distinct = 0;
      for (int i = 0; i < sorted.length; distinct++) {
        int first = i;
        while (i < sorted.length && sorted[i] == sorted[first]) {
          i++;
        }
        values[distinct] = sorted[first];
        shares[distinct] = (i - first) / (double) sorted.length;
      }
      return new ValueShares(Arrays.copyOf(values, distinct), Arrays.copyOf(shares, distinct));
    }

    /** Σ_v p(v)·q(v): the chance that a cell of each column, drawn independently, are equal. */
    double overlap(ValueShares other) {
      double sum = 0;
      for (int i = 0, j = 0; i < values.length && j < other.values.length; ) {
        if (values[i] < other.values[j]) {
          i++;
        } else if (values[i] > other.values[j]) {
          j++;
        } else {
          sum += shares[i++] * other.shares[j++];
        }
      }
      return sum;
    }
  }
}
