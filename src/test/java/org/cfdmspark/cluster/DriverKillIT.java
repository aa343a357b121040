package org.cfdmspark.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import org.cfdmspark.testkit.TestSpark;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * A driver killed outright (SIGKILL, no shutdown hook runs) while writing leaves the output path as it was:
 * absent, or the previous output in overwrite mode. Only a hidden staging sibling may remain.
 */
class DriverKillIT {
  @RegisterExtension
  final ProcessGuard processes = new ProcessGuard();

  /** Kept when the test fails: the run's log is in it. */
  @TempDir(cleanup = CleanupMode.ON_SUCCESS)
  Path dir;
  private Path parent;
  private Path output;

  @BeforeEach
  void makeOutputParent() throws Exception {
    parent = Files.createDirectory(dir.resolve("outputs"));
    output = parent.resolve("synthetic");
  }

  @Test
  void killedRunLeavesNothingAtTheOutputPath() throws Exception {
    killWhileWriting();
    assertFalse(Files.exists(output, LinkOption.NOFOLLOW_LINKS), "a killed run must not leave " + output);
    assertOnlyStagingBeside(List.of());
  }

  @Test
  void killedOverwriteKeepsTheOldOutput() throws Exception {
    // An earlier run's output (its manifest marks it as one --mode overwrite may replace) with its rows.
    Files.createDirectory(output);
    Files.writeString(output.resolve("_manifest.json"), "{}");
    Path old = Files.writeString(output.resolve("part-00000.csv"), "old result");
    killWhileWriting("--mode", "overwrite");
    assertEquals(List.of("_manifest.json", "part-00000.csv"), TestSpark.listing(output),
        "the old output must stay as it was");
    assertEquals("old result", Files.readString(old));
    assertOnlyStagingBeside(List.of("synthetic"));
  }

  /** Starts a local run to the output and kills its JVM and descendants once sampling (and writing) is under way. */
  private void killWhileWriting(String... options) throws Exception {
    Submission run = processes.submit(dir.resolve("run.log"), CreditRun.LOCAL_ENVIRONMENT,
        CreditRun.args("local[2]", output, options));
    run.awaitLine(CreditRun.PROGRESS, CreditRun.RUN_TIMEOUT);
    run.close();
  }

  /** The output parent holds {@code expected} plus hidden staging folders (at least the killed run's) only. */
  private void assertOnlyStagingBeside(List<String> expected) throws Exception {
    List<String> names = TestSpark.listing(parent);
    List<String> staging = names.stream().filter(name -> name.startsWith(".synthetic.tmp-")).toList();
    assertEquals(expected, names.stream().filter(name -> !staging.contains(name)).toList(), names.toString());
    assertTrue(!staging.isEmpty(), "the killed run was writing, so its staging folder should be there: " + names);
  }
}
