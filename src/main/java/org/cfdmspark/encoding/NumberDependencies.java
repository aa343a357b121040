package org.cfdmspark.encoding;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.spark.sql.Row;

/**
 * Finds the functional dependencies between a number column and a categorical column that the training rows support,
 * in both directions:
 * <ul>
 *   <li>a category that is a range of a number ({@link Ranges}: an age group cut from the age, an income band from
 *       income thresholds, a year column from a date): sorted by the number, each level of the category occupies
 *       one run of rows, and no value of the number holds two levels;</li>
 *   <li>a number that takes one value per category ({@link Values}: a plan's monthly price, a region's tax rate): every
 *       row of a level holds the same number (or a missing cell).</li>
 * </ul>
 * σ-CFDM decodes each column on its own, so a barycentre of rows from both sides of a threshold can decode to an
 * age of 41 in the group "18-40" (13 % of a segment table's rows at the defaults before this was kept). Evidence
 * is required as for {@link CategoryDependencies}: the category must have {@value CategoryDependencies#MIN_EVIDENCE}
 * rows beyond the first of each level, and {@value CategoryDependencies#MIN_COVERED} of its rows in levels that occur
 * twice or more. A number that one value per category takes is derived from that category (the category with the
 * most levels; ties: the earlier), not used to derive categories by ranges, so that no derived cell feeds the
 * derivation of its own source; a category decoded from another's ({@link CategoryDependencies}) or from a range is
 * derived once only. The model's codec ({@link TableCodec}) and the report's validity check ({@code
 * metrics.DependencyAdherence}) use the same rule.
 */
public final class NumberDependencies {
  /** Number–category pairs tested at most (each test is one pass over the rows, usually cut short). */
  static final int MAX_PAIRS = 40_000;

  /**
   * A category that is a range of a number: rows whose number x has {@code bounds[i-1] <= x < bounds[i]} hold code
   * {@code codes[i]} (bounds.length + 1 codes; the first range is open below, the last above).
   *
   * @param number the number column's position among the numbers passed
   * @param category the categorical column's position among the categories passed
   * @param bounds the thresholds, increasing: each the midpoint between the last value of one range in training and
   *     the first of the next
   * @param codes each range's code of the category
   */
  public record Ranges(int number, int category, double[] bounds, int[] codes) {
    /** The code of the range that holds {@code x}. */
    public int code(double x) {
      return codes[range(bounds, x)];
    }
  }

  /**
   * A number that takes one value per category.
   *
   * @param category the categorical column's position among the categories passed
   * @param number the number column's position among the numbers passed
   * @param values for each code of the category, the number its rows hold (NaN: a missing cell, or no row has the
   *     code)
   */
  public record Values(int category, int number, double[] values) {
  }

  /** What {@link #find} found. */
  public record Found(List<Ranges> ranges, List<Values> values) {
  }

  /** What {@link #find(List, List, List, List, List)} found, by column name and level. */
  record Named(List<RangeDependency> ranges, List<ValueDependency> values) {
  }

  private NumberDependencies() {
  }

  /**
   * The range of {@code bounds} (increasing thresholds) that holds {@code x}: 0 below bounds[0], i from bounds[i − 1]
   * (included) to bounds[i], bounds.length from the last bound up.
   */
  static int range(double[] bounds, double x) {
    int at = Arrays.binarySearch(bounds, x);
    return at >= 0 ? at + 1 : -at - 1;
  }

  /**
   * The dependencies between the categorical and the number columns of {@code rows}, whose fields are the columns
   * of {@code columns} in order, given the relations already found: a category that another determines is not
   * derived again, and a number in an inequality or an equality is not set from a category.
   */
  static Named find(List<Row> rows, List<ColumnCodec> columns, List<Inequality> constraints,
      List<CategoryDependency> dependencies, List<ColumnEquality> equalities) {
    List<String> names = columns.stream().map(ColumnCodec::name).toList();
    List<Integer> categorical = new ArrayList<>();
    List<Integer> numeric = new ArrayList<>();
    for (int c = 0; c < columns.size(); c++) {
      if (columns.get(c) instanceof CategoricalColumnCodec) {
        categorical.add(c);
      } else if (columns.get(c) instanceof NumericColumnCodec) {
        numeric.add(c);
      }
    }
    int[][] codes = new int[categorical.size()][];
    int[] codeCounts = new int[categorical.size()];
    boolean[] derivedCategory = new boolean[categorical.size()];
    for (int k = 0; k < codes.length; k++) {
      CategoricalColumnCodec codec = (CategoricalColumnCodec) columns.get(categorical.get(k));
      codes[k] = new int[rows.size()];
      for (int r = 0; r < rows.size(); r++) {
        codes[k][r] = codec.slot(rows.get(r).get(categorical.get(k)));
      }
      codeCounts[k] = codec.width();
      derivedCategory[k] = dependencies.stream().anyMatch(d -> d.dependent().equals(codec.name()));
    }
    double[][] all = NumberCells.of(rows, columns);
    double[][] numbers = new double[numeric.size()][];
    boolean[] tiedNumber = new boolean[numeric.size()];
    for (int j = 0; j < numbers.length; j++) {
      String name = names.get(numeric.get(j));
      numbers[j] = all[numeric.get(j)];
      tiedNumber[j] = constraints.stream().anyMatch(q -> q.lower().equals(name) || q.upper().equals(name))
          || equalities.stream().anyMatch(e -> e.source().equals(name) || e.dependent().equals(name));
    }
    Found found = find(codes, codeCounts, numbers, derivedCategory, tiedNumber);
    List<RangeDependency> ranges = found.ranges().stream().map(range -> new RangeDependency(
        names.get(numeric.get(range.number())), names.get(categorical.get(range.category())), range.bounds(),
        range.codes())).toList();
    List<ValueDependency> values = found.values().stream().map(value -> new ValueDependency(
        names.get(categorical.get(value.category())), names.get(numeric.get(value.number())),
        Arrays.stream(value.values()).mapToObj(v -> Double.isNaN(v) ? null : v).toArray(Double[]::new))).toList();
    return new Named(ranges, values);
  }

  /**
   * The dependencies between the categories given as codes and the numbers.
   *
   * @param codes codes[k][r] is row r's code in categorical column k, in [0, codeCounts[k]) (a missing cell is a
   *     code of its own)
   * @param codeCounts each categorical column's number of codes
   * @param numbers numbers[j][r] is row r's value in number column j, NaN where missing
   * @param derivedCategory categories already decoded from another's value, which no range may derive again
   * @param tiedNumber numbers that decoding sets by another relation (an equality or an inequality), which no
   *     category may set
   */
  public static Found find(int[][] codes, int[] codeCounts, double[][] numbers, boolean[] derivedCategory,
      boolean[] tiedNumber) {
    int n = codes.length > 0 ? codes[0].length : 0;
    if ((long) codes.length * numbers.length > MAX_PAIRS || n == 0) {
      return new Found(List.of(), List.of());
    }
    int[] levels = new int[codes.length];
    boolean[] supported = new boolean[codes.length];
    for (int k = 0; k < codes.length; k++) {
      levels[k] = CategoryDependencies.levels(codes[k], codeCounts[k]);
      supported[k] = CategoryDependencies.supported(codes[k], codeCounts[k]);
    }
    List<Values> values = new ArrayList<>();
    boolean[] derivedNumber = new boolean[numbers.length];
    for (int j = 0; j < numbers.length; j++) {
      if (tiedNumber[j] || constant(numbers[j])) {
        continue;
      }
      Values best = null;
      for (int k = 0; k < codes.length; k++) {
        if (supported[k] && (best == null || levels[k] > levels[best.category()])) {
          double[] map = valueMap(codes[k], codeCounts[k], numbers[j]);
          best = map == null ? best : new Values(k, j, map);
        }
      }
      if (best != null) {
        values.add(best);
        derivedNumber[j] = true;
      }
    }
    List<Ranges> ranges = new ArrayList<>();
    int[][] order = new int[numbers.length][];
    for (int k = 0; k < codes.length; k++) {
      if (!supported[k] || derivedCategory[k]) {
        continue;
      }
      for (int j = 0; j < numbers.length; j++) {
        if (derivedNumber[j]) {
          continue;
        }
        if (order[j] == null) {
          order[j] = sortedPresent(numbers[j]);
        }
        Ranges found = ranges(k, j, codes[k], codeCounts[k], numbers[j], order[j]);
        if (found != null) {
          ranges.add(found);
          break;
        }
      }
    }
    return new Found(List.copyOf(ranges), List.copyOf(values));
  }

  private static boolean constant(double[] values) {
    for (double v : values) {
      if (Double.compare(v, values[0]) != 0) {
        return false;
      }
    }
    return true;
  }

  /** For each code, the one number its rows hold (NaN for missing or no row); null when some code has two. */
  private static double[] valueMap(int[] codes, int codeCount, double[] numbers) {
    double[] map = new double[codeCount];
    boolean[] seen = new boolean[codeCount];
    Arrays.fill(map, Double.NaN);
    for (int r = 0; r < codes.length; r++) {
      if (!seen[codes[r]]) {
        seen[codes[r]] = true;
        map[codes[r]] = numbers[r];
      } else if (Double.compare(map[codes[r]], numbers[r]) != 0) {
        return null;
      }
    }
    return map;
  }

  /** The rows whose number is present, by increasing number (ties in row order). */
  private static int[] sortedPresent(double[] numbers) {
    return IntStream.range(0, numbers.length).filter(r -> !Double.isNaN(numbers[r])).boxed()
        .sorted((a, b) -> Double.compare(numbers[a], numbers[b])).mapToInt(Integer::intValue).toArray();
  }

  /**
   * The ranges of the number that hold the category's codes, when each code holds one run of the sorted rows with
   * present numbers and two codes never share a value; null otherwise, or when the rows with a number have fewer than
   * two codes or too little evidence.
   */
  private static Ranges ranges(int k, int j, int[] codes, int codeCount, double[] numbers, int[] sorted) {
    if (sorted.length == 0) {
      return null;
    }
    boolean[] closed = new boolean[codeCount];
    List<Double> bounds = new ArrayList<>();
    List<Integer> runCodes = new ArrayList<>(List.of(codes[sorted[0]]));
    for (int p = 1; p < sorted.length; p++) {
      int previous = codes[sorted[p - 1]];
      int code = codes[sorted[p]];
      if (code == previous) {
        continue;
      }
      double below = numbers[sorted[p - 1]];
      double above = numbers[sorted[p]];
      if (below == above || closed[code]) {
        return null; // one value with two codes, or a code in two runs
      }
      closed[previous] = true;
      bounds.add(below + (above - below) / 2);
      runCodes.add(code);
    }
    int[] present = new int[sorted.length];
    for (int p = 0; p < sorted.length; p++) {
      present[p] = codes[sorted[p]];
    }
    if (runCodes.size() < 2 || !CategoryDependencies.supported(present, codeCount)) {
      return null;
    }
    return new Ranges(j, k, bounds.stream().mapToDouble(Double::doubleValue).toArray(),
        runCodes.stream().mapToInt(Integer::intValue).toArray());
  }
}
