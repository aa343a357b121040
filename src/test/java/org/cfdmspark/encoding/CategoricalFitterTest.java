package org.cfdmspark.encoding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import java.util.LinkedHashSet;
import java.util.Set;
import org.apache.spark.sql.types.DataTypes;
import org.cfdmspark.config.BadInputException;
import org.cfdmspark.testkit.Stderr;
import org.junit.jupiter.api.Test;

/**
 * The note a categorical column gets when its values look like numbers or dates the reader did not take, and the
 * warning one of distinct names or free text gets.
 */
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

  /** 30 full names, "Ann Berg" … : first names and surnames crossed, each pair once. */
  private static Object[] names(int count) {
    String[] first = {"Ann", "Ben", "Cai", "Dee", "Eva", "Finn"};
    String[] last = {"Berg", "Costa", "Khan", "Mori", "Novak"};
    Object[] names = new Object[count];
    for (int i = 0; i < count; i++) {
      names[i] = first[i % first.length] + " " + last[i / first.length % last.length];
    }
    return names;
  }

  @Test
  void aColumnOfDistinctNamesIsWarnedOfAndPastTheLimitNotToldToRaiseIt() throws Throwable {
    String err = Stderr.of(() -> new CategoricalFitter(DataTypes.StringType, false, 200).fit("full name",
        names(30)));
    assertTrue(err.startsWith("warning: column 'full name' holds a different text in each of its 30 rows")
        && err.contains("--exclude 'full name'") && err.contains("--key 'full name'"), err);
    BadInputException refused = assertThrows(BadInputException.class,
        () -> new CategoricalFitter(DataTypes.StringType, false, 10).fit("full name", names(30)));
    assertTrue(refused.getMessage().contains("every value is distinct"), refused.getMessage());
    assertFalse(refused.getMessage().contains("raise --max-categories"), "raising it would copy names: "
        + refused.getMessage());
    Object[] repeated = names(30);
    repeated[29] = repeated[0];
    assertEquals("", Stderr.of(() -> new CategoricalFitter(DataTypes.StringType, false, 200).fit("full name",
        repeated)), "a name twice: not every row's own");
  }
}
