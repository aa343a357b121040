package org.cfdmspark.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.cfdmspark.config.BadInputException;
import org.junit.jupiter.api.Test;

class StratumCountsTest {
  @Test
  void countsAreReadInOrderAndAValueWithACommaIsQuotedWhole() {
    assertEquals(List.of("north", "(missing)"), List.copyOf(StratumCounts.parse("north=5, (missing)=0").keySet()));
    assertEquals(Map.of("north", 5L, "(missing)", 0L), StratumCounts.parse("north=5, (missing)=0"));
    // A new user's claim type "health, dental" could not be named: the option was split at every comma.
    assertEquals(Map.of("health, dental", 30L, "life", 20L), StratumCounts.parse("\"health, dental=30\",life=20"));
    assertEquals(Map.of("a=b", 3L), StratumCounts.parse("a=b=3"), "the last = separates the count");
  }

  @Test
  void badEntriesAreRefusedWithTheirFix() {
    assertTrue(assertThrows(BadInputException.class, () -> StratumCounts.parse("north=five")).getMessage()
        .contains("'north=five' is not VALUE=N"));
    assertTrue(assertThrows(BadInputException.class, () -> StratumCounts.parse("x=5,x=7")).getMessage()
        .contains("names 'x' twice"));
    assertTrue(assertThrows(BadInputException.class, () -> StratumCounts.parse("\"health, dental=30,life=20"))
        .getMessage().contains("quote a whole entry whose value holds a comma"));
  }
}
