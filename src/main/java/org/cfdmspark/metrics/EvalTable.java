package org.cfdmspark.metrics;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.cfdmspark.config.BadInputException;

/** A decoded table: named columns of equal length, in order. */
public record EvalTable(List<EvalColumn> columns) {

  public EvalTable {
    columns = List.copyOf(columns);
    Set<String> names = new HashSet<>();
    for (EvalColumn column : columns) {
      if (!names.add(column.name())) {
        throw new BadInputException("column '" + column.name() + "' appears twice; column names must be unique");
      }
      if (column.size() != columns.get(0).size()) {
        throw new BadInputException("column '" + column.name() + "' has " + column.size() + " rows but column '"
            + columns.get(0).name() + "' has " + columns.get(0).size() + "; all columns need the same length");
      }
    }
  }

  public static EvalTable of(EvalColumn... columns) {
    return new EvalTable(List.of(columns));
  }

  public int rows() {
    return columns.isEmpty() ? 0 : columns.get(0).size();
  }

  /** The column with this name. */
  public EvalColumn column(String name) {
    for (EvalColumn column : columns) {
      if (column.name().equals(name)) {
        return column;
      }
    }
    throw new BadInputException("no column named '" + name + "'");
  }

  /**
   * Checks that {@code other} has the same column names and kinds in the same order, so that metrics can pair
   * columns by position. {@code otherRole} names the other table in the message (e.g. "synthetic").
   */
  public void requireSameSchema(EvalTable other, String otherRole) {
    if (other.columns.size() != columns.size()) {
      throw new BadInputException("the " + otherRole + " table has " + other.columns.size() + " columns, expected "
          + columns.size());
    }
    for (int c = 0; c < columns.size(); c++) {
      EvalColumn mine = columns.get(c);
      EvalColumn theirs = other.columns.get(c);
      if (!mine.name().equals(theirs.name()) || mine.getClass() != theirs.getClass()) {
        throw new BadInputException("column " + c + " of the " + otherRole + " table is '" + theirs.name() + "' ("
            + kind(theirs) + "), expected '" + mine.name() + "' (" + kind(mine) + ")");
      }
    }
  }

  private static String kind(EvalColumn column) {
    return column instanceof EvalColumn.Numeric ? "numeric" : "categorical";
  }
}
