package org.cfdmspark.encoding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import java.util.LinkedHashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The note a categorical column gets when its values look like numbers or dates the reader did not take. */
class CategoricalFitterTest {

  private static Set<Object> values(String format, int count) {
    Set<Object> values = new LinkedHashSet<>();
    for (int i = 0; i < count; i++) {
      values.add(String.format(java.util.Locale.ROOT, format, i + 1.5));
    }
    return values;
  }

  @Test
  void aManyValuedColumnOfUnreadNumbersIsNotedAndTiersAreNot() {
    // dollar amounts with accounting negatives among them: the parentheses break the reader's form
    Set<Object> fees = values("$%.2f", 25);
    fees.addAll(values("($%.2f)", 6));
    String note = CategoricalFitter.note("fee", fees, false);
    assertTrue(note != null && note.startsWith("note: column 'fee' is modelled as 31 categories (each sample takes "
        + "one of its training values), but they look like numbers") && note.contains("'($1.50)' is not"), note);
    assertEquals(1, note.lines().count(), note);
    assertNull(CategoricalFitter.note("fee", fees, true), "declared categorical: no note");
    assertNull(CategoricalFitter.note("tier", values("%.0f%%", 5), false), "five tiers: labels, no note");
    assertNull(CategoricalFitter.note("city", Set.of("Oslo", "Lima", "Pune", "Kyiv", "Baku", "Doha", "Riga", "Bern",
        "Kiev", "Oran", "Nice", "Graz", "Linz", "Nuuk", "Suva", "Apia", "Male", "Lome", "Dili", "Aden"), false),
        "words: no note");
  }
}
