package org.cfdmspark.ml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.Test;

class StratumPlanTest {
  private static List<Row> rows(String... values) {
    return Arrays.stream(values).map(v -> RowFactory.create(1.0, v)).toList();
  }

  @Test
  void missingCellsAndTheTextNullAreTwoStrataWithTheirOwnLabels() {
    List<StratumPlan> plans = StratumPlan.of(rows("gold", null, "null", null, "gold", "null"), 1);
    assertEquals(List.of("gold", "null", "(missing)"), plans.stream().map(StratumPlan::label).toList());
    assertEquals(List.of(2L, 2L, 2L), plans.stream().map(StratumPlan::rows).toList());
  }

  @Test
  void aValueWrittenAsTheMissingLabelKeepsItAndMissingCellsAreNamedApart() {
    List<StratumPlan> plans = StratumPlan.of(rows("(missing)", null, "((missing))"), 1);
    assertEquals(List.of("((missing))", "(missing)", "(((missing)))"),
        plans.stream().map(StratumPlan::label).toList());
  }
}
