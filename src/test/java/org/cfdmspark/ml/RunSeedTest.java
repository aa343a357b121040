package org.cfdmspark.ml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import org.junit.jupiter.api.Test;

class RunSeedTest {

  @Test
  void derivedSeedIsTheDocumentedShellCommandsValue() {
    // Expected values from: printf %s "$RUN_ID" | sha256sum | cut -c1-16
    assertEquals(Long.parseUnsignedLong("f09b63beda3ca17a", 16), RunSeed.fromRunId("2026-11-23"));
    assertEquals(Long.parseUnsignedLong("564870c6e0bf68dd", 16), RunSeed.fromRunId("nightly run é"));
  }

  @Test
  void givenSeedWinsOverRunIdWhichWinsOverTheDefault() {
    assertEquals(-7L, RunSeed.resolve(-7L, "2026-11-23"));
    assertEquals(RunSeed.fromRunId("2026-11-23"), RunSeed.resolve(null, "2026-11-23"));
    assertEquals(RunSeed.DEFAULT, RunSeed.resolve(null, null));
  }
}
