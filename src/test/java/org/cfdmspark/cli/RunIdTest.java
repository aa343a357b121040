package org.cfdmspark.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.cfdmspark.job.RunManifest;
import org.cfdmspark.ml.RunSeed;
import org.cfdmspark.testkit.TestSpark;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A scheduler's run id stands in for the seed: the same id gives the same rows; the manifest records the seed. */
class RunIdTest {
  @TempDir
  Path dir;

  @BeforeAll
  static void startSpark() {
    TestSpark.local(2); // the session Main's generate command picks up
  }

  @Test
  void sameRunIdGivesTheSameRowsAndTheManifestRecordsTheSeedUsed() throws Exception {
    List<String> first = generate("first", "--run-id", "2026-11-23");
    assertEquals(first, generate("again", "--run-id", "2026-11-23"));
    assertNotEquals(first, generate("next-day", "--run-id", "2026-11-24"));
    assertEquals(RunSeed.fromRunId("2026-11-23"), manifest("first").path("seed").asLong());
    assertEquals("2026-11-23", manifest("first").path("settings").path("run-id").asText());

    generate("seeded", "--run-id", "2026-11-23", "--seed", "5");
    assertEquals(5, manifest("seeded").path("seed").asLong(), "a given seed wins over the run id");
    generate("plain");
    assertEquals(RunSeed.DEFAULT, manifest("plain").path("seed").asLong(), "neither given");
  }

  /** The sorted rows of a short demo run into {@code dir/name}. */
  private List<String> generate(String name, String... options) throws Exception {
    List<String> args = new ArrayList<>(List.of("generate", "--demo", "--output", dir.resolve(name).toString(),
        "--num-samples", "40", "--steps", "10", "--progress", "false"));
    args.addAll(List.of(options));
    CliTest.Outcome outcome = CliTest.run(args.toArray(String[]::new));
    assertEquals(ExitCodes.SUCCESS, outcome.code(), outcome.err());
    return TestSpark.csvLines(dir.resolve(name));
  }

  private JsonNode manifest(String name) throws Exception {
    return new ObjectMapper().readTree(dir.resolve(name).resolve(RunManifest.FILE_NAME).toFile());
  }
}
