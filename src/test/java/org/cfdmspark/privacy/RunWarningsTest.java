package org.cfdmspark.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RunWarningsTest {

  private static String captured(java.util.function.Consumer<PrintStream> warn) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    warn.accept(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void aTableOfMostlyRepeatedRowsIsNamedInOneLine() {
    String warning = captured(err -> RunWarnings.mostlyDuplicates("all", 0.75, 4, err));
    assertTrue(warning.startsWith("warning: 75 % of the 4 training rows equal another row"), warning);
    assertEquals(1, warning.lines().count(), warning);
    assertTrue(captured(err -> RunWarnings.mostlyDuplicates("young", 0.75, 4, err)).contains("of stratum young"));
    // Half the rows repeated is not "mostly".
    assertEquals("", captured(err -> RunWarnings.mostlyDuplicates("all", 0.5, 4, err)));
  }

  @Test
  void samplesKeptAsNearCopiesAreNamedInOneLine() {
    String warning = captured(err -> RunWarnings.stillNear(2, 1000, err));
    assertTrue(warning.startsWith("warning: 2 of 1,000 samples are still near-copies"), warning);
    assertEquals(1, warning.lines().count(), warning);
    assertEquals("", captured(err -> RunWarnings.stillNear(0, 1000, err)));
  }
}
