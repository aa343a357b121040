package org.cfdmspark.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
    String warning = captured(err -> RunWarnings.stillNear(2, 1000, false, false, err));
    assertTrue(warning.startsWith("warning: 2 of 1,000 samples are still near-copies"), warning);
    assertTrue(warning.contains("give a larger --sigma"), warning);
    assertEquals(1, warning.lines().count(), warning);
    assertEquals("", captured(err -> RunWarnings.stillNear(0, 1000, false, false, err)));
    // A baseline has no σ: it is not told to raise one (a new user's smote run was).
    String baseline = captured(err -> RunWarnings.stillNear(26, 300, true, false, err));
    assertTrue(baseline.startsWith("warning: 26 of 300 samples are still near-copies") && !baseline.contains(
        "--sigma ") && baseline.contains("no sigma to widen"), baseline);
    assertEquals(1, baseline.lines().count(), baseline);
    // Redrawn columns do not move with σ: the warning says so, still on one line.
    String redrawn = captured(err -> RunWarnings.stillNear(303, 3000, false, true, err));
    assertTrue(redrawn.contains("give a larger --sigma") && redrawn.contains("is the same at any sigma"), redrawn);
    assertEquals(1, redrawn.lines().count(), redrawn);
    assertFalse(warning.contains("--redraw-columns"), warning);
  }
}
