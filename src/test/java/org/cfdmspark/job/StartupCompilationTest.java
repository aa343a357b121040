package org.cfdmspark.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StartupCompilationTest {
  private static final String OURS = "org/cfdmspark/*.*";

  private static String directives() {
    return StartupCompilation.invoke("compilerDirectivesPrint");
  }

  @Test
  void theDirectivesAreAcceptedAndReleaseRemovesThemAlone(@TempDir Path dir) throws Exception {
    assumeTrue(!directives().isEmpty(), "this JVM has no Compiler.directives_* diagnostic commands");
    // Someone else's directive underneath ours must survive the release.
    Path other = Files.writeString(dir.resolve("other.json"),
        "[ { match: \"java/lang/StrictMath.cbrt\", c1: { Exclude: true } } ]");
    assertTrue(StartupCompilation.invoke("compilerDirectivesAdd", other.toString()).startsWith("1 compiler directive"));
    try {
      assertFalse(directives().contains(OURS));
      StartupCompilation.add();
      String active = directives();
      assertTrue(active.contains(OURS), active);
      assertTrue(active.contains("Exclude:true"), "C2 excluded for the rest");
      StartupCompilation.release();
      String after = directives();
      assertFalse(after.contains(OURS), after);
      assertTrue(after.contains("java/lang/StrictMath.cbrt"), after);
    } finally {
      StartupCompilation.invoke("compilerDirectivesRemove");
    }
    assertFalse(directives().contains("java/lang/StrictMath.cbrt"));
  }

  @Test
  void releaseWithoutDirectivesChangesNothing() {
    String before = directives();
    StartupCompilation.release();
    assertEquals(before, directives());
  }
}
