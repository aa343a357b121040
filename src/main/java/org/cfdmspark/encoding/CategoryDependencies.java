package org.cfdmspark.encoding;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Finds the functional dependencies between categorical columns that the training rows support
 * ({@link CategoryDependency}): A determines B when every row with a given value of A has the same value of B.
 * Small samples satisfy such a rule by chance, so one counts only with evidence: at least {@value #MIN_EVIDENCE}
 * rows beyond the first of each A value (every such row could have broken it), and at least
 * {@value #MIN_COVERED} of the rows in A values that occur twice or more. Each dependent gets the determinant
 * with the most levels (ties: the earlier column), which no other column determines in turn (if E determined it,
 * E would determine the dependent as well and have as many levels), so derived cells never feed another derivation;
 * of two columns that determine each other (a bijection such as a code and its label) the earlier stays decoded.
 * At most {@value #MAX_COLUMNS} categorical columns are paired (the pairs grow as their square). The model's codec
 * and the report's validity check ({@code metrics.DependencyAdherence}) use the same rule.
 */
public final class CategoryDependencies {
  static final int MIN_EVIDENCE = 50;
  static final double MIN_COVERED = 0.95;
  static final int MAX_COLUMNS = 200;

  /**
   * A dependency between columns given by position.
   *
   * @param determinant the determining column's position among the columns passed
   * @param dependent the dependent column's position
   * @param dependentCode for each code of the determinant, the dependent's code (−1 where no row has it)
   */
  public record Found(int determinant, int dependent, int[] dependentCode) {
  }

  private CategoryDependencies() {
  }

  /** The dependencies between the coded categorical columns of {@code columns}. */
  static List<CategoryDependency> find(CategoryCodes coded, List<ColumnCodec> columns) {
    List<CategoryDependency> found = new ArrayList<>();
    for (Found f : find(coded.codes(), coded.codeCounts())) {
      found.add(new CategoryDependency(columns.get(coded.positions().get(f.determinant())).name(),
          columns.get(coded.positions().get(f.dependent())).name(), f.dependentCode()));
    }
    return found;
  }

  /**
   * The dependencies between columns given as codes: {@code codes[k][r]} is row r's code in column k, in
   * [0, codeCounts[k]) (a missing cell is a code of its own).
   */
  public static List<Found> find(int[][] codes, int[] codeCounts) {
    int columns = Math.min(codes.length, MAX_COLUMNS);
    boolean[] supported = new boolean[columns];
    int[] levels = new int[columns];
    for (int k = 0; k < columns; k++) {
      levels[k] = levels(codes[k], codeCounts[k]);
      supported[k] = supported(codes[k], codeCounts[k]);
    }
    List<Found> found = new ArrayList<>();
    for (int b = 0; b < columns; b++) {
      if (levels[b] < 2) {
        continue; // a constant column decodes to its value anyway
      }
      int best = -1;
      int[] bestMap = null;
      for (int a = 0; a < columns; a++) {
        boolean finer = levels[a] > levels[b] || levels[a] == levels[b] && a < b;
        if (a == b || !supported[a] || !finer || best >= 0 && levels[a] <= levels[best]) {
          continue;
        }
        int[] map = mapping(codes[a], codes[b], codeCounts[a]);
        if (map != null) {
          best = a;
          bestMap = map;
        }
      }
      if (best >= 0) {
        found.add(new Found(best, b, bestMap));
      }
    }
    return found;
  }

  /**
   * Whether a rule with this column as its determinant has evidence: two levels or more, at least {@value
   * #MIN_EVIDENCE} rows beyond the first of each, and {@value #MIN_COVERED} of the rows in levels that occur twice or
   * more.
   */
  static boolean supported(int[] codes, int codeCount) {
    int[] counts = counts(codes, codeCount);
    int levels = levels(codes, codeCount);
    long covered = Arrays.stream(counts).filter(count -> count >= 2).asLongStream().sum();
    return levels >= 2 && codes.length - levels >= MIN_EVIDENCE && covered >= MIN_COVERED * codes.length;
  }

  /** The codes that rows hold. */
  static int levels(int[] codes, int codeCount) {
    return (int) Arrays.stream(counts(codes, codeCount)).filter(count -> count > 0).count();
  }

  private static int[] counts(int[] codes, int codeCount) {
    int[] counts = new int[codeCount];
    for (int code : codes) {
      counts[code]++;
    }
    return counts;
  }

  /** For each code of A, the one code of B its rows hold (−1 where no row has it); null when some A code has two. */
  private static int[] mapping(int[] a, int[] b, int codesOfA) {
    int[] map = new int[codesOfA];
    Arrays.fill(map, -1);
    for (int r = 0; r < a.length; r++) {
      if (map[a[r]] < 0) {
        map[a[r]] = b[r];
      } else if (map[a[r]] != b[r]) {
        return null;
      }
    }
    return map;
  }
}
