package org.cfdmspark.ml;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.cfdmspark.encoding.MissingLabel;

/**
 * Which training rows make which stratum. Without --stratify-by, one stratum holds every row. With it, each value
 * of the column is a stratum of its own, sampled from its own rows only; strata are ordered by their value's text
 * (null last), which fixes their sample ids.
 *
 * @param label the stratum's value as text ("all" without stratification; missing cells {@link MissingLabel}:
 *     "(missing)" unless a value is written so), distinct among the strata
 * @param members the stratum's training rows, in the training rows' order
 */
record StratumPlan(String label, List<Row> members) {
  static final String ALL = "all";

  /** Training rows in the stratum. */
  long rows() {
    return members.size();
  }

  /** The strata of the training rows {@code rows}, by the column at {@code stratifyBy} (negative: none). */
  static List<StratumPlan> of(List<Row> rows, int stratifyBy) {
    if (stratifyBy < 0) {
      return List.of(new StratumPlan(ALL, rows));
    }
    Map<String, List<Row>> groups = new LinkedHashMap<>();
    for (Row row : rows) {
      String label = row.isNullAt(stratifyBy) ? null : String.valueOf(row.get(stratifyBy));
      groups.computeIfAbsent(label, k -> new ArrayList<>()).add(row);
    }
    // Missing cells are a stratum apart from every value, a text "null" too: labels are the strata's keys.
    String missing = MissingLabel.among(groups.keySet());
    List<StratumPlan> plans = new ArrayList<>();
    groups.forEach((label, members) -> plans.add(new StratumPlan(label == null ? missing : label, members)));
    plans.sort(Comparator.comparing((StratumPlan p) -> p.members.get(0).isNullAt(stratifyBy) ? "\uffff" : p.label));
    return plans;
  }
}
