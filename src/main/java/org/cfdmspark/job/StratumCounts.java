package org.cfdmspark.job;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.cfdmspark.config.BadInputException;
import org.cfdmspark.config.NameList;
import org.cfdmspark.encoding.ColumnNames;
import org.cfdmspark.encoding.MissingLabel;

/**
 * The --counts option: {@code VALUE=N[,VALUE=N...]}, rows to generate per stratum value; an entry whose value holds a
 * comma is quoted whole, as a list option's name is ({@link NameList}: {@code "health, dental=30",life=20}).
 */
final class StratumCounts {
  private StratumCounts() {
  }

  /**
   * The counts by value, in the order given (a value's last "=" separates it from its count).
   *
   * @throws BadInputException for an entry that is not VALUE=N with N a whole number >= 0, or a value named twice
   */
  static Map<String, Long> parse(String counts) {
    Map<String, Long> byLabel = new LinkedHashMap<>();
    List<String> entries;
    try {
      entries = NameList.parse(counts);
    } catch (IllegalArgumentException e) {
      throw new BadInputException(JobKnobs.COUNTS.option() + ": " + e.getMessage() + "; quote a whole entry whose "
          + "value holds a comma: '\"health, dental=30\",life=20'");
    }
    for (String entry : entries) {
      int eq = entry.lastIndexOf('=');
      long count;
      try {
        count = eq < 0 ? -1 : Long.parseLong(entry.substring(eq + 1).trim());
      } catch (NumberFormatException e) {
        count = -1;
      }
      if (count < 0) {
        throw new BadInputException(JobKnobs.COUNTS.option() + ": '" + entry.trim() + "' is not VALUE=N with N a "
            + "whole number >= 0");
      }
      String label = entry.substring(0, eq).trim();
      if (byLabel.put(label, count) != null) {
        throw new BadInputException(JobKnobs.COUNTS.option() + " names '" + label + "' twice; give each value once");
      }
    }
    return byLabel;
  }

  /**
   * Refuses counts for values the column {@code column} of the training rows does not hold, before the fit (which
   * would otherwise run in full, every stratum, before the allocation found the typo). Values are read as the
   * model's strata name them: the cell as text, missing cells as {@link MissingLabel#among} names them.
   */
  static void requireValuesOf(Dataset<Row> training, String column, Map<String, Long> counts) {
    List<String> texts = training.select(ColumnNames.column(column)).distinct().collectAsList().stream()
        .map(row -> row.isNullAt(0) ? null : String.valueOf(row.get(0))).toList();
    List<String> present = texts.stream().filter(Objects::nonNull).sorted().toList();
    List<String> values = new ArrayList<>(present);
    if (texts.contains(null)) {
      values.add(MissingLabel.among(present));
    }
    List<String> unknown = counts.keySet().stream().filter(label -> !values.contains(label)).toList();
    if (!unknown.isEmpty()) {
      throw new BadInputException(JobKnobs.COUNTS.option() + " names " + ColumnNames.quotedList(unknown) + ", not "
          + (unknown.size() == 1 ? "a value" : "values") + " of " + column + " in the training rows; its values: "
          + ColumnNames.quotedList(values));
    }
  }
}
