package org.cfdmspark.job;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import org.junit.jupiter.api.Test;

class DateCodesTest {
  @Test
  void patternsWithAnHourMinuteSecondOrHalfDayHaveATimeOfDay() {
    for (String pattern : new String[] {"yyyyMMddHHmm", "dd/MM/yyyy HH:mm", "M/d/yy h:mm a", "yyyy-MM-dd'T'HH",
        "ss.SSS"}) {
      assertTrue(DateCodes.hasTimeOfDay(pattern), pattern);
    }
  }

  @Test
  void theHalfDayLetterCountsOutsideQuotesOnly() {
    assertTrue(DateCodes.hasHalfDay("M/d/yy h:mm a"));
    assertTrue(DateCodes.hasHalfDay("hh:mma 'on' dd/MM"));
    assertFalse(DateCodes.hasHalfDay("yyyy-MM-dd 'at' HH:mm"));
    assertFalse(DateCodes.hasHalfDay("dd/MM/yyyy HH:mm"));
  }

  @Test
  void dayPatternsAndLettersInsideQuotesHaveNone() {
    for (String pattern : new String[] {"yyyyMMdd", "dd/MM/yyyy", "yyyy-MM-dd'T'", "d MMM uuuu 'at noon'",
        "EEE, d MMMM yyyy"}) {
      assertFalse(DateCodes.hasTimeOfDay(pattern), pattern);
    }
  }
}
