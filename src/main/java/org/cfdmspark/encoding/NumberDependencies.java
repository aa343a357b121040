package org.cfdmspark.encoding;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

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
   * @param missingCode the code of every row whose number is missing, when they all hold one (a group missing with
   *     the age); −1 when they hold several, or no row lacks the number
   */
  public record Ranges(int number, int category, double[] bounds, int[] codes, int missingCode) {
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
   * The dependencies between the coded categorical columns and the number columns of {@code columns}, given the
   * relations already found: a category that another column determines ({@code derived}) is not derived again, and
   * a number in an equality is not set from a category (one in an inequality is: its value per category keeps
   * training's order, as a price below a bill of seats times that price).
   *
   * @param numbers the number columns' cells ({@link NumberCells#of}); null for other columns
   */
  static Named find(CategoryCodes coded, double[][] numbers, List<ColumnCodec> columns, Set<String> derived,
      List<ColumnEquality> equalities) {
    List<String> names = columns.stream().map(ColumnCodec::name).toList();
    List<Integer> categorical = coded.positions();
    boolean[] derivedCategory = new boolean[categorical.size()];
    for (int k = 0; k < derivedCategory.length; k++) {
      derivedCategory[k] = derived.contains(names.get(categorical.get(k)));
    }
    List<Integer> numeric = new ArrayList<>();
    for (int c = 0; c < columns.size(); c++) {
      if (numbers[c] != null) {
        numeric.add(c);
      }
    }
    double[][] values = new double[numeric.size()][];
    boolean[] tiedNumber = new boolean[numeric.size()];
    for (int j = 0; j < values.length; j++) {
      String name = names.get(numeric.get(j));
      values[j] = numbers[numeric.get(j)];
      tiedNumber[j] = equalities.stream().anyMatch(e -> e.source().equals(name) || e.dependent().equals(name));
    }
    Found found = find(coded.codes(), coded.codeCounts(), values, derivedCategory, tiedNumber);
    List<RangeDependency> ranges = found.ranges().stream().map(range -> new RangeDependency(
        names.get(numeric.get(range.number())), names.get(categorical.get(range.category())), range.bounds(),
        range.codes(), range.missingCode() < 0 ? null : range.missingCode())).toList();
    List<ValueDependency> valueDependencies = found.values().stream().map(value -> new ValueDependency(
        names.get(categorical.get(value.category())), names.get(numeric.get(value.number())),
        Arrays.stream(value.values()).mapToObj(v -> Double.isNaN(v) ? null : v).toArray(Double[]::new))).toList();
    return new Named(ranges, valueDependencies);
  }

  /**
   * The dependencies between the categories given as codes and the numbers.
   *
   * @param codes codes[k][r] is row r's code in categorical column k, in [0, codeCounts[k]) (a missing cell is a
   *     code of its own)
   * @param codeCounts each categorical column's number of codes
   * @param numbers numbers[j][r] is row r's value in number column j, NaN where missing
   * @param derivedCategory categories already decoded from another's value, which no range may derive again
   * @param tiedNumber numbers that decoding sets by another relation (an equality), which no category may set
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
    for (int k = 0; k < codes.length; k++) {
      if (!supported[k] || derivedCategory[k]) {
        continue;
      }
      for (int j = 0; j < numbers.length; j++) {
        Ranges found = derivedNumber[j] ? null : ranges(k, j, codes[k], codeCounts[k], numbers[j]);
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

  /**
   * The ranges of the number that hold the category's codes, when the codes' spans of the number (least to greatest
   * value of their rows with a number) do not meet (a value shared by two codes makes them meet): then sorted by the
   * number, each code holds one run of rows and no value holds two codes. Null otherwise, or when the rows with a
   * number hold fewer than two codes or too little evidence.
   */
  private static Ranges ranges(int k, int j, int[] codes, int codeCount, double[] numbers) {
    double[] least = new double[codeCount];
    double[] greatest = new double[codeCount];
    Arrays.fill(least, Double.POSITIVE_INFINITY);
    Arrays.fill(greatest, Double.NEGATIVE_INFINITY);
    int present = 0;
    for (int r = 0; r < codes.length; r++) {
      double x = numbers[r];
      if (Double.isNaN(x)) {
        continue;
      }
      int code = codes[r];
      if (x < least[code] || x > greatest[code]) {
        least[code] = Math.min(least[code], x);
        greatest[code] = Math.max(greatest[code], x);
        for (int other = 0; other < codeCount; other++) {
          if (other != code && least[code] <= greatest[other] && least[other] <= greatest[code]) {
            return null; // checked as the spans grow, so that an unrelated pair stops within a few rows
          }
        }
      }
      present++;
    }
    Integer[] held = IntStream.range(0, codeCount).filter(code -> least[code] <= greatest[code]).boxed()
        .sorted((a, b) -> Double.compare(least[a], least[b])).toArray(Integer[]::new);
    if (held.length < 2) {
      return null;
    }
    double[] bounds = new double[held.length - 1];
    for (int i = 0; i < bounds.length; i++) {
      double below = greatest[held[i]];
      double above = least[held[i + 1]];
      bounds[i] = below + (above - below) / 2;
    }
    int[] presentCodes = new int[present];
    int p = 0;
    int missingCode = -1;
    boolean oneMissingCode = true;
    for (int r = 0; r < codes.length; r++) {
      if (!Double.isNaN(numbers[r])) {
        presentCodes[p++] = codes[r];
      } else {
        oneMissingCode &= missingCode < 0 || missingCode == codes[r];
        missingCode = codes[r];
      }
    }
    if (!CategoryDependencies.supported(presentCodes, codeCount)) {
      return null;
    }
    return new Ranges(j, k, bounds, Arrays.stream(held).mapToInt(Integer::intValue).toArray(),
        oneMissingCode ? missingCode : -1);
  }
}
