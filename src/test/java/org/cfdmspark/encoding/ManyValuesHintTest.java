package org.cfdmspark.encoding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The fix a refused many-valued text column is told when its values are dates or decimal-comma numbers. */
class ManyValuesHintTest {

  @Test
  void datesGetTheDateOptionWithTheirPattern() {
    assertTrue(ManyValuesHint.of("visit_us", List.of("04/12/2022", "09/17/2020", "08/22/2020"))
        .endsWith("read them as dates with --date visit_us=MM/dd/yyyy"), "a second field above 12: month first");
    assertTrue(ManyValuesHint.of("visit", List.of("15.3.2021", "4.12.2022", "1.1.2020"))
        .endsWith("--date visit=d.M.yyyy"), "a first field above 12: day first; one digit somewhere: one letter");
    assertTrue(ManyValuesHint.of("visit", List.of("2021-03-15", "2022-11-02"))
        .endsWith("--date visit=yyyy-MM-dd"), "the year first");
    assertTrue(ManyValuesHint.of("visit", List.of("03/04/21", "05/06/21"))
        .endsWith("--date visit=dd/MM/yy (or MM/dd/yy)"), "day and month cannot be told apart: both orders");
  }

  @Test
  void timestampsGetTheDatetimeFormat() {
    String hint = ManyValuesHint.of("ship_eu", List.of("13/09/2022 16:23", "10/03/2021 05:45", "20/05/2022 04:58"));
    assertTrue(hint.startsWith("they look like timestamps (such as '13/09/2022 16:23')"), hint);
    assertTrue(hint.endsWith("read them as timestamps with --datetime-format \"dd/MM/yyyy HH:mm\" (CSV)"), hint);
  }

  @Test
  void decimalCommaNumbersGetTheDecimalCommaOption() {
    assertEquals("they look like numbers with a decimal comma (such as '1.507,14'): read them as numbers with "
        + "--decimal-comma", ManyValuesHint.of("preis", List.of("1.507,14", "904,41", "-4 847,59", "12")));
  }

  @Test
  void idsFreeTextAndAMinorityOfDatesGetNoHint() {
    assertNull(ManyValuesHint.of("id", List.of("customer-1", "customer-2", "customer-3")));
    assertNull(ManyValuesHint.of("note", List.of("late again", "03/15/2021", "see 1,5")), "one date of three");
    assertNull(ManyValuesHint.of("version", List.of("1.2.3", "10.20.300")), "not a year first or last");
    assertNull(ManyValuesHint.of("n", List.of(1, 2, 3)), "not text");
  }
}
