package org.cfdmspark.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StartupCompilationTest {
  private static final String OTHER = "java/lang/StrictMath.cbrt";

  @TempDir
  Path dir;

  private static String directives() {
    return StartupCompilation.invoke("compilerDirectivesPrint");
  }

  /** The c2 section of the directive whose patterns include {@code marker}. */
  private static String c2SectionOf(String marker) {
    return Arrays.stream(directives().split("matching:")).filter(block -> block.contains(marker)).findFirst()
        .map(block -> block.substring(block.indexOf("c2 directives:"))).orElse("");
  }

  /** Someone else's directive (a C1 exclusion of one method), as jcmd Compiler.directives_add would add it. */
  private void addOther() throws Exception {
    Path other = Files.writeString(dir.resolve("other.json"),
        "[ { match: \"" + OTHER + "\", c1: { Exclude: true } } ]");
    assertTrue(StartupCompilation.invoke("compilerDirectivesAdd", other.toString()).startsWith("1 compiler directive"));
  }

  @BeforeEach
  void needsTheDiagnosticCommands() {
    assumeTrue(!directives().isEmpty(), "this JVM has no Compiler.directives_* diagnostic commands");
    assumeTrue(!directives().contains(StartupCompilation.MARKERS.get(1)), "directives left by another test");
  }

  @Test
  void theDirectivesExcludeC2OutsideOurCodeAndReleaseRemovesThemAlone() throws Exception {
    addOther(); // underneath ours: must survive the release
    try {
      assertEquals("the JVM's defaults", StartupCompilation.describe());
      StartupCompilation.add();
      assertTrue(StartupCompilation.describe().contains("start-up directives"), StartupCompilation.describe());
      assertEquals(StartupCompilation.MARKERS.get(0), StartupCompilation.topPatterns().stream()
          .filter(StartupCompilation.MARKERS::contains).findFirst().orElse(""), "ours on top");
      assertTrue(c2SectionOf(StartupCompilation.MARKERS.get(1)).contains("Exclude:true"), directives());
      assertFalse(c2SectionOf(StartupCompilation.MARKERS.get(0)).contains("Exclude:true"), directives());
      StartupCompilation.release();
      assertEquals("the JVM's defaults", StartupCompilation.describe());
      String after = directives();
      StartupCompilation.MARKERS.forEach(marker -> assertFalse(after.contains(marker), after));
      assertTrue(after.contains(OTHER), after);
    } finally {
      StartupCompilation.release();
      StartupCompilation.invoke("compilerDirectivesRemove");
    }
    assertFalse(directives().contains(OTHER));
  }

  @Test
  void aDirectiveAddedAfterOursIsNeverRemovedByTheRelease() throws Exception {
    StartupCompilation.add();
    addOther();
    try {
      StartupCompilation.release(); // ours are underneath: nothing may be removed
      assertTrue(directives().contains(OTHER));
      assertTrue(directives().contains(StartupCompilation.MARKERS.get(1)));
      StartupCompilation.invoke("compilerDirectivesRemove"); // the other's owner removes it
      StartupCompilation.release();
      StartupCompilation.MARKERS.forEach(marker -> assertFalse(directives().contains(marker), directives()));
    } finally {
      if (directives().contains(OTHER)) {
        StartupCompilation.invoke("compilerDirectivesRemove");
      }
      StartupCompilation.release();
    }
  }

  @Test
  void releaseWithoutDirectivesChangesNothing() {
    String before = directives();
    StartupCompilation.release();
    assertEquals(before, directives());
  }
}
