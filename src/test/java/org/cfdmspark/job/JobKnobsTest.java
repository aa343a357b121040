package org.cfdmspark.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cfdmspark.config.BadInputException;
import org.cfdmspark.config.KnobException;
import org.cfdmspark.config.Settings;
import org.cfdmspark.engine.FlowSampler;
import org.cfdmspark.ml.CfdmModel;
import org.cfdmspark.ml.SamplingMonitor;
import org.junit.jupiter.api.Test;

class JobKnobsTest {

  @Test
  void columnListsAreTrimmedAndDeduplicated() {
    Settings settings = Settings.defaults(JobKnobs.GENERATE).withText("columns", " a, b ,,a ");
    assertEquals(List.of("a", "b"), settings.get(JobKnobs.COLUMNS));
    assertEquals("a,b", settings.asText().get("columns"));
    assertEquals("(all)", Settings.defaults(JobKnobs.GENERATE).asText().get("columns"));
  }

  @Test
  void flagsAcceptOnlyTrueOrFalse() {
    assertEquals(true, Settings.defaults(JobKnobs.GENERATE).withText("sample-id", "TRUE").get(JobKnobs.SAMPLE_ID));
    KnobException error = assertThrows(KnobException.class,
        () -> Settings.defaults(JobKnobs.GENERATE).withText("progress", "yes"));
    assertEquals("--progress: 'yes' is not valid; expected true or false", error.getMessage());
  }

  @Test
  void formatsFollowTheExtensionWhenAuto() {
    assertEquals(FileFormat.CSV, FileFormat.AUTO.forInput("hdfs://nn/data/train.csv.gz"));
    assertEquals(FileFormat.PARQUET, FileFormat.AUTO.forInput("/data/train.PARQUET/"));
    assertEquals(FileFormat.CSV, FileFormat.CSV.forInput("/data/train.parquet"), "explicit wins");
    assertThrows(BadInputException.class, () -> FileFormat.AUTO.forInput("/data/train"));
    assertEquals(FileFormat.CSV, FileFormat.AUTO.forInput("/data/train.TSV.gz"));
    assertTrue(FileFormat.tabSeparated("s3a://b/train.tab") && !FileFormat.tabSeparated("/data/train.csv"));
    assertEquals(FileFormat.CSV, FileFormat.AUTO.forInput("/data/parts", () -> List.of("part-0.csv", "part-1.csv.gz")),
        "a folder of CSV parts");
    assertEquals(FileFormat.PARQUET, FileFormat.AUTO.forInput("/data/parts", () -> List.of("part-0.snappy.parquet")));
    assertThrows(BadInputException.class,
        () -> FileFormat.AUTO.forInput("/data/parts", () -> List.of("part-0.csv", "part-1.parquet")), "mixed parts");
    assertEquals(FileFormat.PARQUET, FileFormat.AUTO.forOutput("out.parquet"));
    assertEquals(FileFormat.CSV, FileFormat.AUTO.forOutput("out"));
  }

  @Test
  void autoPartitionsAreWholeWavesOfAFewPerCoreButNotMoreThanBlocks() {
    int block = FlowSampler.DEFAULT_BLOCK_SIZE;
    assertEquals(2, CfdmModel.partitions(0, 1000, 2), "up to 4 blocks per core: one task per core");
    assertEquals(2, CfdmModel.partitions(0, 8L * block, 2), "8 blocks on 2 cores: still one task per core");
    assertEquals(4, CfdmModel.partitions(0, 8L * block + 1, 2), "one sample more: two tasks per core");
    assertEquals(6, CfdmModel.partitions(0, 3000, 2), "3,000 samples: three tasks per core");
    assertEquals(8, CfdmModel.partitions(0, 1_000_000, 2), "at most 4 tasks per core");
    assertEquals(1, CfdmModel.partitions(0, 10, 2), "10 samples are one block");
    assertEquals(3, CfdmModel.partitions(0, 2L * block + 1, 16), "two blocks and one sample are three blocks");
    assertEquals(5, CfdmModel.partitions(5, 10, 2), "an explicit count is kept");
  }

  @Test
  void progressLinesArePlainAndComplete() {
    assertEquals("sampling: 42.0% (840 of 2,000 rows), 420 rows/s, ETA 2.8 s",
        ProgressLine.format(840, 2000, 2.0));
    assertEquals("sampling: 0.0% (0 of 10 rows), 0 rows/s, ETA unknown", ProgressLine.format(0, 10, 1.0));
    assertEquals("1:05:00", ProgressLine.duration(3900));
    assertEquals("2:05", ProgressLine.duration(125));
    Map<String, Double> phases = new LinkedHashMap<>();
    phases.put("read", 3.84);
    phases.put("fit", 12.2);
    assertEquals("profile: read 3.8 s, fit 12.2 s; task seconds in sampling: search 4.0, kernel 6.1, flow other 0.5,"
        + " guard 2.0, decode 0.3", ProgressLine.profile(phases, new SamplingMonitor.Profile(10.6, 4.0, 6.1, 2.0, 0.3)));
  }
}
