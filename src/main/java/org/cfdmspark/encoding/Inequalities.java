package org.cfdmspark.encoding;

import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.cfdmspark.config.BadInputException;

/**
 * Finds the inequalities between pairs of number columns that every training row satisfies ({@link Inequality}),
 * in one aggregation over the table: for each pair, the rows with both cells present and those where the first is
 * above, at least, below and at most the second. A pair whose ranges do not overlap is left out (clipping to each
 * column's range keeps it already), as are tables of more than {@value #MAX_COLUMNS} number columns (the pairs'
 * counts grow as their square). Stated inequalities are checked in the same pass and refused with the count of
 * rows that break them.
 */
final class Inequalities {
  /** Pairs are searched among at most this many number columns. */
  static final int MAX_COLUMNS = 40;
  private static final int PER_PAIR = 5;

  private Inequalities() {
  }

  /** The stated inequalities, then those found (no duplicate of a stated one). */
  static List<Inequality> find(Dataset<Row> table, List<ColumnCodec> columns, List<String> statedText) {
    List<Inequality> stated = statedText.stream().map(Inequality::parse).toList();
    List<NumericColumnCodec> numbers = columns.stream().filter(c -> c instanceof NumericColumnCodec)
        .map(c -> (NumericColumnCodec) c).toList();
    List<NumericColumnCodec[]> pairs = new ArrayList<>();
    if (numbers.size() <= MAX_COLUMNS) {
      for (int i = 0; i < numbers.size(); i++) {
        for (int j = i + 1; j < numbers.size(); j++) {
          if (overlap(numbers.get(i), numbers.get(j))) {
            pairs.add(new NumericColumnCodec[] {numbers.get(i), numbers.get(j)});
          }
        }
      }
    }
    List<Column> aggregates = new ArrayList<>();
    for (Inequality inequality : stated) {
      aggregates.add(inequality.violations());
    }
    for (NumericColumnCodec[] pair : pairs) {
      Column a = ColumnNames.column(pair[0].name());
      Column b = ColumnNames.column(pair[1].name());
      aggregates.addAll(List.of(count(when(a.isNotNull().and(b.isNotNull()), lit(1))), count(when(a.gt(b), lit(1))),
          count(when(a.geq(b), lit(1))), count(when(a.lt(b), lit(1))), count(when(a.leq(b), lit(1)))));
    }
    if (aggregates.isEmpty()) {
      return List.of();
    }
    Row counts = table.agg(aggregates.get(0), aggregates.subList(1, aggregates.size()).toArray(Column[]::new))
        .first();
    List<Inequality> found = new ArrayList<>(stated);
    for (int q = 0; q < stated.size(); q++) {
      long broken = counts.getLong(q);
      if (broken > 0) {
        throw new BadInputException("--constraint \"" + stated.get(q) + "\" is broken by " + broken + " of the "
            + "training rows; fix those rows or drop the constraint");
      }
    }
    for (int p = 0; p < pairs.size(); p++) {
      int at = stated.size() + PER_PAIR * p;
      if (counts.getLong(at) == 0) {
        continue; // no row has both: nothing to keep
      }
      String a = pairs.get(p)[0].name();
      String b = pairs.get(p)[1].name();
      Inequality inequality = counts.getLong(at + 2) == 0 ? new Inequality(a, b, true)
          : counts.getLong(at + 1) == 0 ? new Inequality(a, b, false)
          : counts.getLong(at + 4) == 0 ? new Inequality(b, a, true)
          : counts.getLong(at + 3) == 0 ? new Inequality(b, a, false) : null;
      if (inequality != null && stated.stream().noneMatch(s -> s.lower().equals(inequality.lower())
          && s.upper().equals(inequality.upper()))) {
        found.add(inequality);
      }
    }
    return List.copyOf(found);
  }

  /**
   * Whether the columns are of one kind (numbers, dates or timestamps) and their ranges overlap (share more than
   * an end point): only then can decoding break an order between them.
   */
  private static boolean overlap(NumericColumnCodec x, NumericColumnCodec y) {
    boolean comparable = x.type() == y.type() || !x.type().temporal() && !y.type().temporal();
    return comparable && x.lowest() < y.highest() && y.lowest() < x.highest();
  }
}
