package org.cfdmspark.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;
import org.cfdmspark.config.BadInputException;
import org.cfdmspark.config.Settings;
import org.cfdmspark.testkit.TestSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An existing output is replaced only by a complete new one, and a failed run leaves it as it was. */
class AtomicOutputTest {
  /** The input these outputs are prepared for: elsewhere. */
  private static final String INPUT = "/nowhere/in.csv";

  @TempDir
  Path dir;

  @Test
  void oldOutputStaysUntilTheNewOneIsCommitted() throws Exception {
    Path target = oldOutput();
    AtomicOutput output = prepare(target, WriteMode.OVERWRITE);
    Path staging = Path.of(output.staging().toUri());
    Files.createDirectories(staging);
    Files.writeString(staging.resolve("part-0"), "new");
    assertEquals(List.of(RunManifest.FILE_NAME, "keep.txt"), TestSpark.listing(target),
        "untouched while the new output is written");
    assertTrue(staging.getFileName().toString().startsWith(".synthetic.tmp-"), "hidden sibling: " + staging);

    output.commit();
    assertEquals(List.of("part-0"), TestSpark.listing(target));
    assertEquals(List.of("synthetic"), TestSpark.listing(dir), "no staging or old copy left beside it");
  }

  @Test
  void commitDeletesStagingLeftByKilledRunsButNotByLiveOnes() throws Exception {
    Path target = dir.resolve("synthetic");
    AtomicOutput output = prepare(target, WriteMode.ERROR);
    Path killed = stagingSibling(".synthetic.tmp-killed", FileTime.from(Instant.now().minusSeconds(3600)));
    Path live = stagingSibling(".synthetic.tmp-live", FileTime.from(Instant.now().plusSeconds(60)));
    Path other = stagingSibling(".other.tmp-killed", FileTime.from(Instant.now().minusSeconds(3600)));
    Files.createDirectories(Path.of(output.staging().toUri()));

    output.commit();
    assertEquals(List.of(other.getFileName().toString(), live.getFileName().toString(), "synthetic"),
        TestSpark.listing(dir), "only " + killed.getFileName() + " is deleted");
  }

  /** A staging-like folder with one part file, both last modified at {@code modified}. */
  private Path stagingSibling(String name, FileTime modified) throws Exception {
    Path folder = Files.createDirectory(dir.resolve(name));
    Files.setLastModifiedTime(Files.writeString(folder.resolve("part-0"), "rows"), modified);
    Files.setLastModifiedTime(folder, modified);
    return folder;
  }

  @Test
  void abortDeletesOnlyTheStagingDirectory() throws Exception {
    Path target = oldOutput();
    AtomicOutput output = prepare(target, WriteMode.OVERWRITE);
    Files.createDirectories(Path.of(output.staging().toUri()));
    output.abort();
    assertEquals(List.of("synthetic"), TestSpark.listing(dir));
    assertEquals("old", Files.readString(target.resolve("keep.txt")));
  }

  /**
   * A signal (SIGINT, SIGTERM) shuts the JVM down with the run's cleanup left to the shutdown hook, which runs the
   * pending cleanups: an interrupted run left an empty hidden staging folder beside its output.
   */
  @Test
  void aShutdownDeletesTheStagingOfARunInProgressAndLeavesTheOldOutput() throws Exception {
    Path target = oldOutput();
    AtomicOutput output = prepare(target, WriteMode.OVERWRITE);
    Path staging = Path.of(output.staging().toUri());
    Files.createDirectories(staging.resolve("_temporary"));
    Files.writeString(staging.resolve("_temporary").resolve("part-0"), "half");

    ShutdownCleanup.runPending();
    assertEquals(List.of("synthetic"), TestSpark.listing(dir), "no staging folder left");
    // The main thread, if it gets there, finds the run stopped and leaves the old output as it was.
    IOException late = assertThrows(IOException.class, output::commit);
    assertTrue(late.getMessage().contains("stopped before its output"), late.getMessage());
    assertEquals(List.of("synthetic"), TestSpark.listing(dir));
    assertEquals(List.of(RunManifest.FILE_NAME, "keep.txt"), TestSpark.listing(target));
    assertEquals("old", Files.readString(target.resolve("keep.txt")));
  }

  @Test
  void aShutdownAfterTheCommitLeavesTheOutput() throws Exception {
    Path target = dir.resolve("synthetic");
    AtomicOutput output = prepare(target, WriteMode.ERROR);
    Path staging = Path.of(output.staging().toUri());
    Files.createDirectories(staging);
    Files.writeString(staging.resolve("part-0"), "rows");
    output.commit();

    ShutdownCleanup.runPending();
    assertEquals(List.of("synthetic"), TestSpark.listing(dir));
    assertEquals("rows", Files.readString(target.resolve("part-0")));
  }

  @Test
  void errorModeRefusesAnExistingOutput() throws Exception {
    Path target = oldOutput();
    BadInputException error = assertThrows(BadInputException.class,
        () -> prepare(target, WriteMode.ERROR));
    assertTrue(error.getMessage().contains("--mode overwrite"), error.getMessage());
  }

  @Test
  void generateOverwritesWithACompleteOutputAndKeepsTheOldOneOnBadInput() throws Exception {
    SparkSession spark = TestSpark.local(2);
    Path target = oldOutput();
    Path input = Files.write(dir.resolve("in.csv"), List.of("x,y", "1,2.0", "2,3.5", "4,1.0"));
    assertThrows(BadInputException.class, () -> GenerateJob.run(spark, TestSpark.settings("input",
        input.toString(), "output", target.toString(), "mode", "overwrite", "columns", "x,z")));
    assertEquals(List.of(RunManifest.FILE_NAME, "keep.txt"), TestSpark.listing(target),
        "a failed run leaves the old output");

    GenerateJob.run(spark, TestSpark.settings("input", input.toString(), "output", target.toString(),
        "mode", "overwrite", "num-samples", "40", "steps", "10"));
    assertEquals(List.of("in.csv", "synthetic"), TestSpark.listing(dir));
    List<String> files = TestSpark.listing(target);
    assertTrue(files.contains(RunManifest.FILE_NAME) && files.contains("_SUCCESS") && !files.contains("keep.txt"),
        files.toString());
    assertEquals(40, TestSpark.csvLines(target).size());
  }

  @Test
  void overwriteRefusesAFolderCfdmDidNotWriteAndLeavesItAsItWas() throws Exception {
    Path mine = Files.createDirectory(dir.resolve("my-data"));
    Files.writeString(mine.resolve("mydata.txt"), "precious");
    Files.writeString(mine.resolve("notes.md"), "also");
    BadInputException error = assertThrows(BadInputException.class,
        () -> prepare(mine, WriteMode.OVERWRITE));
    assertTrue(error.getMessage().contains("did not write (mydata.txt and 1 more)"), error.getMessage());
    Path file = Files.writeString(dir.resolve("table.csv"), "x\n1\n");
    BadInputException fileError = assertThrows(BadInputException.class,
        () -> prepare(file, WriteMode.OVERWRITE));
    assertTrue(fileError.getMessage().contains("is a file"), fileError.getMessage());
    assertEquals(List.of("my-data", "table.csv"), TestSpark.listing(dir));
    assertEquals(List.of("mydata.txt", "notes.md"), TestSpark.listing(mine));
    assertEquals("x\n1\n", Files.readString(file));

    Path empty = Files.createDirectory(dir.resolve("empty"));
    prepare(empty, WriteMode.OVERWRITE); // nothing to lose
  }

  @Test
  void overwriteReplacesASavedModelAndAReport() throws Exception {
    SparkSession spark = TestSpark.local(2);
    Path input = Files.write(dir.resolve("in.csv"), List.of("x,y", "1,2.0", "2,3.5", "4,1.0", "3,2.5"));
    Path model = dir.resolve("model");
    for (int run = 0; run < 2; run++) {
      FitJob.run(spark, Settings.defaults(JobKnobs.FIT).withText("input", input.toString())
          .withText("model", model.toString()).withText("mode", "overwrite").withText("steps", "10"));
    }
    assertTrue(TestSpark.listing(model).stream().anyMatch(ReplaceableOutput.MARKERS::contains),
        "a saved model holds no marker: " + TestSpark.listing(model));
    Path synthetic = dir.resolve("synthetic");
    GenerateJob.run(spark, TestSpark.settings("input", input.toString(), "output", synthetic.toString(),
        "num-samples", "20", "steps", "10"));
    Path report = dir.resolve("report");
    for (int run = 0; run < 2; run++) {
      ReportJob.run(spark, Settings.defaults(ReportKnobs.ALL).with(JobKnobs.PROGRESS, false)
          .withText("train", input.toString()).withText("synthetic", synthetic.toString())
          .withText("output", report.toString()).withText("mode", "overwrite"));
    }
    assertTrue(Files.isRegularFile(report.resolve(ReportJob.JSON)));

    // Another kind of output is not replaced: a sample run's rows over a saved model lost the fit.
    List<String> saved = TestSpark.listing(model);
    Path other = dir.resolve("other-model");
    FitJob.run(spark, Settings.defaults(JobKnobs.FIT).withText("input", input.toString())
        .withText("model", other.toString()).withText("steps", "10"));
    BadInputException overModel = assertThrows(BadInputException.class, () -> SampleJob.run(spark,
        Settings.defaults(JobKnobs.SAMPLE).with(JobKnobs.PROGRESS, false).withText("model", model.toString())
            .withText("output", other.toString()).withText("mode", "overwrite").withText("num-samples", "5")));
    assertTrue(overModel.getMessage().contains("holds a saved model (metadata.json), not a generate or sample run's "
        + "rows, so --mode overwrite will not replace it"), overModel.getMessage());
    BadInputException overReport = assertThrows(BadInputException.class, () -> GenerateJob.run(spark,
        TestSpark.settings("input", input.toString(), "output", report.toString(), "num-samples", "5", "steps", "10",
            "mode", "overwrite")));
    assertTrue(overReport.getMessage().contains("holds a report (report.json), not a generate or sample run's rows"),
        overReport.getMessage());
    assertEquals(saved, TestSpark.listing(model), "the model is kept");
    BadInputException fitOverRows = assertThrows(BadInputException.class, () -> FitJob.run(spark,
        Settings.defaults(JobKnobs.FIT).withText("input", input.toString()).withText("model", synthetic.toString())
            .withText("mode", "overwrite").withText("steps", "10")));
    assertTrue(fitOverRows.getMessage().contains("holds a generate or sample run's rows (_manifest.json), not a "
        + "saved model"), fitOverRows.getMessage());
  }

  /**
   * A report written over the --synthetic directory it reads (or over a folder holding it) deleted the samples,
   * their holdout and manifest; --mode overwrite must not make that possible.
   */
  @Test
  void aReportIsNeverWrittenOverATableItReads() throws Exception {
    SparkSession spark = TestSpark.local(2);
    Path input = Files.write(dir.resolve("in.csv"), List.of("x,y", "1,2.0", "2,3.5", "4,1.0", "3,2.5"));
    Path synthetic = dir.resolve("out").resolve("synthetic");
    GenerateJob.run(spark, TestSpark.settings("input", input.toString(), "output", synthetic.toString(),
        "num-samples", "20", "steps", "10"));
    List<String> samples = TestSpark.csvLines(synthetic);
    for (Path output : List.of(synthetic, synthetic.getParent())) {
      Settings report = Settings.defaults(ReportKnobs.ALL).with(JobKnobs.PROGRESS, false)
          .withText("train", input.toString()).withText("synthetic", synthetic.toString())
          .withText("output", output.toString()).withText("mode", "overwrite");
      BadInputException error = assertThrows(BadInputException.class, () -> ReportJob.run(spark, report));
      assertTrue(error.getMessage().contains("is or contains the table") && error.getMessage().contains(
          ReportJob.DIRECTORY), error.getMessage());
    }
    assertEquals(samples, TestSpark.csvLines(synthetic), "the samples are kept");
    assertTrue(Files.isRegularFile(synthetic.resolve(RunManifest.FILE_NAME)));
  }

  /** An output of an earlier run: its manifest, and a file the new output will not have. */
  private Path oldOutput() throws Exception {
    Path target = Files.createDirectory(dir.resolve("synthetic"));
    Files.writeString(target.resolve(RunManifest.FILE_NAME), "{}");
    Files.writeString(target.resolve("keep.txt"), "old");
    return target;
  }

  /** Prepares a generate run's output at {@code target}. */
  private static AtomicOutput prepare(Path target, WriteMode mode) {
    return AtomicOutput.prepare(target.toString(), mode, new Configuration(), INPUT, RunManifest.FILE_NAME);
  }
}
