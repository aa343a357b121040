package org.cfdmspark.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import java.util.List;
import org.junit.jupiter.api.Test;

class NameListTest {

  @Test
  void quotedNamesKeepCommasQuotesAndSpaces() {
    assertEquals(List.of("weight, kg", "age", "says \"hi\"", " padded "),
        NameList.parse("\"weight, kg\", age ,\"says \"\"hi\"\"\",\" padded \""));
  }

  @Test
  void plainNamesAreTrimmedAndDuplicatesAndEmptiesDropped() {
    assertEquals(List.of("a", "b.c", "smoker's status"), NameList.parse(" a,b.c,, a ,smoker's status,"));
    assertEquals(List.of(), NameList.parse(""));
  }

  @Test
  void formattedNamesParseBackToThemselves() {
    List<String> names = List.of("Patient Age", "weight, kg", "says \"hi\"", " x", "blood`type", "Gr\u00f6\u00dfe");
    String text = NameList.format(names);
    assertEquals("Patient Age,\"weight, kg\",\"says \"\"hi\"\"\",\" x\",blood`type,Gr\u00f6\u00dfe", text);
    assertEquals(names, NameList.parse(text));
  }

  @Test
  void anUnclosedQuoteOrTextAfterAQuoteIsAnInvalidValue() {
    assertThrows(IllegalArgumentException.class, () -> NameList.parse("\"weight, kg"));
    assertThrows(IllegalArgumentException.class, () -> NameList.parse("\"weight\" kg,age"));
    KnobException error = assertThrows(KnobException.class,
        () -> Knob.names("exclude", "(none)", "help").parse("\"weight, kg"));
    assertEquals("--exclude: '\"weight, kg' is not valid; expected comma-separated column names (\"quoted\" if a "
        + "name holds a comma)", error.getMessage());
  }
}
