package org.cfdmspark.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import java.nio.file.Path;
import org.cfdmspark.testkit.TestSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/** On a real standalone cluster (a master, two one-core workers) a run writes exactly the rows of local[2]. */
class ClusterIT {
  @RegisterExtension
  final ProcessGuard processes = new ProcessGuard();

  /** Kept when the test fails: the cluster's and the run's logs are in it. */
  @TempDir(cleanup = CleanupMode.ON_SUCCESS)
  Path dir;

  @Test
  void clusterRunWritesTheSameRowsAsALocalRun() throws Exception {
    StandaloneCluster cluster = processes.cluster(dir.resolve("cluster"), 2);
    Path output = dir.resolve("cluster-output");
    Submission run = processes.submit(dir.resolve("cluster-run.log"), cluster.environment(),
        CreditRun.args(cluster.masterUrl(), output));
    assertEquals(0, run.await(CreditRun.RUN_TIMEOUT), () -> "the cluster run failed:\n" + run.output());
    assertEquals(cluster.masterUrl(), CreditRun.manifest(output).path("master").asText());

    assertEquals(CreditRun.localRows(processes, dir), TestSpark.csvLines(output),
        "the cluster run's rows (sorted) differ from the local run's");
  }
}
