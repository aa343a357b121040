package org.cfdmspark.ml;

import static org.apache.spark.sql.functions.lit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.cfdmspark.encoding.ColumnNames;

/**
 * Which training rows make which stratum. Without --stratify-by, one stratum holds every row. With it, each value
 * of the column is a stratum of its own, sampled from its own rows only; strata are ordered by their value's text
 * (null last), which fixes their sample ids.
 *
 * @param label the stratum's value as text ("all" without stratification, "null" for missing)
 * @param filter selects the stratum's training rows
 * @param rows training rows in the stratum
 */
record StratumPlan(String label, Column filter, long rows) {
  static final String ALL = "all";

  /** The strata of the training rows {@code table} ({@code rows} of them). */
  static List<StratumPlan> of(Dataset<Row> table, long rows, String stratifyBy) {
    if (stratifyBy == null) {
      return List.of(new StratumPlan(ALL, lit(true), rows));
    }
    Column column = ColumnNames.column(stratifyBy);
    List<Row> groups = new ArrayList<>(table.groupBy(column).count().collectAsList());
    groups.sort(Comparator.comparing((Row r) -> r.isNullAt(0) ? "\uffff" : String.valueOf(r.get(0))));
    List<StratumPlan> plans = new ArrayList<>();
    for (Row group : groups) {
      Column filter = group.isNullAt(0) ? column.isNull() : column.equalTo(lit(group.get(0)));
      plans.add(new StratumPlan(group.isNullAt(0) ? "null" : String.valueOf(group.get(0)), filter,
          group.getLong(1)));
    }
    return plans;
  }
}
