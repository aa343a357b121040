package org.cfdmspark.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import org.cfdmspark.config.BadInputException;
import org.cfdmspark.metrics.EvalColumn.Categorical;
import org.cfdmspark.metrics.EvalColumn.Numeric;
import org.junit.jupiter.api.Test;

class EvalTableTest {

  @Test
  void findsColumnsByNameAndCountsRows() {
    EvalTable table = EvalTable.of(new Numeric("x", new double[] {1, 2}),
        new Categorical("c", new String[] {"a", null}));
    assertEquals(2, table.rows());
    assertEquals("c", table.column("c").name());
  }

  @Test
  void rejectsColumnsOfDifferentLengthsAndRepeatedNames() {
    BadInputException lengths = assertThrows(BadInputException.class,
        () -> EvalTable.of(new Numeric("x", new double[] {1, 2}), new Numeric("y", new double[] {1})));
    assertTrue(lengths.getMessage().contains("'y' has 1 rows"), lengths.getMessage());
    assertThrows(BadInputException.class,
        () -> EvalTable.of(new Numeric("x", new double[] {1}), new Categorical("x", new String[] {"a"})));
  }

  @Test
  void namesTheFirstColumnThatDiffersFromTheOtherSchema() {
    EvalTable real = EvalTable.of(new Numeric("x", new double[] {1}), new Numeric("y", new double[] {1}));
    EvalTable synthetic = EvalTable.of(new Numeric("x", new double[] {1}), new Numeric("z", new double[] {1}));
    BadInputException error = assertThrows(BadInputException.class,
        () -> real.requireSameSchema(synthetic, "synthetic"));
    assertEquals("column 1 of the synthetic table is 'z' (numeric), expected 'y' (numeric)", error.getMessage());
  }
}
