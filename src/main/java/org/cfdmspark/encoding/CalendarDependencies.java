package org.cfdmspark.encoding;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.cfdmspark.encoding.CalendarDependency.Field;

/**
 * Finds the categorical columns that spell a calendar field of a date column ({@link CalendarDependency}) in every
 * training row with both cells present (a missing category beside a date breaks the rule), with evidence as for
 * {@link CategoryDependencies}: the category has {@value CategoryDependencies#MIN_EVIDENCE} rows beyond the first of
 * each level, and the field takes two values or more. Dates only: a timestamp's weekday or month depends on the
 * zone it is read in. A category that another determines ({@code derived}) is not set again; of several fields a
 * category spells (a table of one year's March: month and quarter), the first in {@link Field}'s order.
 */
final class CalendarDependencies {
  private CalendarDependencies() {
  }

  /**
   * The calendar dependencies between the coded categorical columns and the date columns of {@code columns}.
   *
   * @param numbers the number columns' cells ({@link NumberCells#of}: days for dates); null for other columns
   * @param derived the categories already decoded from another column
   */
  static List<CalendarDependency> find(CategoryCodes coded, double[][] numbers, List<ColumnCodec> columns,
      Set<String> derived) {
    List<CalendarDependency> found = new ArrayList<>();
    for (int k = 0; k < coded.positions().size(); k++) {
      CategoricalColumnCodec category = (CategoricalColumnCodec) columns.get(coded.positions().get(k));
      if (derived.contains(category.name()) || !CategoryDependencies.supported(coded.codes()[k],
          coded.codeCounts()[k])) {
        continue;
      }
      CalendarDependency dependency = dependency(category, coded.codes()[k], numbers, columns);
      if (dependency != null) {
        found.add(dependency);
      }
    }
    return found;
  }

  /** The first date column and field that {@code category} spells in every row, or null. */
  private static CalendarDependency dependency(CategoricalColumnCodec category, int[] codes, double[][] numbers,
      List<ColumnCodec> columns) {
    String[] levels = new String[category.width()];
    for (int level = 0; level < category.levels().length; level++) {
      levels[level] = CalendarDependency.normal(category.levels()[level]);
    }
    for (int d = 0; d < columns.size(); d++) {
      if (!(columns.get(d) instanceof NumericColumnCodec date && date.type() == NumericType.DATE)) {
        continue;
      }
      for (Field field : Field.values()) {
        if (spells(field, levels, codes, numbers[d])) {
          return new CalendarDependency(date.name(), category.name(), field);
        }
      }
    }
    return null;
  }

  /** Whether every row with a date holds the level that spells the date's field, of two values or more. */
  private static boolean spells(Field field, String[] levels, int[] codes, double[] days) {
    Set<String> values = new HashSet<>();
    for (int r = 0; r < codes.length; r++) {
      if (Double.isNaN(days[r])) {
        continue;
      }
      String text = field.of((long) days[r]);
      if (!text.equals(levels[codes[r]])) {
        return false; // a missing category (levels[codes[r]] null) breaks it too
      }
      values.add(text);
    }
    return values.size() >= 2;
  }
}
