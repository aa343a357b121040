package org.cfdmspark.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts the processes of one test (clusters, submit.sh runs, other commands) and, after the test, passed or
 * failed, kills every one of them and their descendants by pid and asserts that none is left alive. Register with
 * {@code @RegisterExtension}.
 */
final class ProcessGuard implements AfterEachCallback {
  private final List<StandaloneCluster> clusters = new ArrayList<>();
  private final List<Submission> submissions = new ArrayList<>();

  StandaloneCluster cluster(Path workDir, int workers) throws Exception {
    StandaloneCluster cluster = StandaloneCluster.start(workDir, workers);
    clusters.add(cluster);
    return cluster;
  }

  Submission submit(Path log, Map<String, String> environment, List<String> args) throws Exception {
    Submission submission = Submission.start(log, environment, args);
    submissions.add(submission);
    return submission;
  }

  /** Starts any command (see {@link Submission#command}). */
  Submission command(String name, Path log, Path input, List<String> command) throws Exception {
    Submission submission = Submission.command(name, log, input, command);
    submissions.add(submission);
    return submission;
  }

  @Override
  public void afterEach(ExtensionContext context) {
    List<ProcessHandle> all = new ArrayList<>();
    for (Submission submission : submissions) {
      submission.close();
      all.addAll(submission.processes());
    }
    for (StandaloneCluster cluster : clusters) {
      cluster.close();
      all.addAll(cluster.allProcesses());
    }
    submissions.clear();
    clusters.clear();
    assertEquals("", Processes.alive(all), "processes this test started are still alive");
  }
}
