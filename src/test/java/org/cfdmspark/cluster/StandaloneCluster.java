package org.cfdmspark.cluster;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real Spark standalone cluster on 127.0.0.1, started from the Maven-built jars alone: one master and some
 * workers, each a separate JVM with one core, on free ports chosen at run time (the master's REST submission
 * server, on a fixed port, is off). Workers launch executors through a SPARK_HOME-like folder whose
 * {@code jars/} links {@code target/lib}. {@link #close} stops every process it started, and every process those
 * started (executors), by pid.
 */
final class StandaloneCluster implements AutoCloseable {
  private static final Pattern ALIVE_WORKERS = Pattern.compile("\"aliveworkers\"\\s*:\\s*(\\d+)");

  private final Path workDir;
  private final Path sparkHome;
  private final List<Process> processes = new ArrayList<>();
  private final List<ProcessHandle> seen = new ArrayList<>();
  private final List<Process> workers = new ArrayList<>();
  private int masterPort;
  private int masterWebPort;

  private StandaloneCluster(Path workDir) throws IOException {
    this.workDir = Files.createDirectories(workDir);
    this.sparkHome = sparkHome();
  }

  /**
   * target/it-spark-home, whose {@code jars} links target/lib. It lives in target/, not in a test's temporary
   * folder, so that every JVM of the cluster names this checkout on its command line (CI looks for leftovers
   * by it) and temporary-folder cleanup never walks a link to the project's jars.
   */
  private static Path sparkHome() throws IOException {
    Path home = Processes.projectDir().resolve("target/it-spark-home");
    Path jars = home.resolve("jars");
    if (!Files.exists(jars, LinkOption.NOFOLLOW_LINKS)) {
      Files.createDirectories(home);
      Files.createSymbolicLink(jars, Path.of("../lib"));
    }
    return home;
  }

  /** Starts a master and {@code workerCount} one-core workers and waits until all workers registered. */
  static StandaloneCluster start(Path workDir, int workerCount) throws Exception {
    StandaloneCluster cluster = new StandaloneCluster(workDir);
    try {
      cluster.masterPort = freePort();
      cluster.masterWebPort = freePort();
      cluster.launch("master", "org.apache.spark.deploy.master.Master", "--properties-file",
          Files.writeString(workDir.resolve("master.conf"), "spark.master.rest.enabled false\n").toString(),
          "--host", "127.0.0.1", "--port", String.valueOf(cluster.masterPort),
          "--webui-port", String.valueOf(cluster.masterWebPort));
      for (int w = 0; w < workerCount; w++) {
        Path dir = Files.createDirectories(workDir.resolve("worker-" + w));
        cluster.workers.add(cluster.launch("worker-" + w, "org.apache.spark.deploy.worker.Worker",
            "--host", "127.0.0.1", "--cores", "1", "--memory", "2g", "--work-dir", dir.toString(),
            "--webui-port", String.valueOf(freePort()), cluster.masterUrl()));
      }
      cluster.awaitWorkers(workerCount, Duration.ofMinutes(3));
      return cluster;
    } catch (Exception | Error e) {
      cluster.close();
      throw e;
    }
  }

  String masterUrl() {
    return "spark://127.0.0.1:" + masterPort;
  }

  /** Environment for anything that talks to this cluster (submit.sh, executors). */
  Map<String, String> environment() {
    return Map.of("SPARK_LOCAL_IP", "127.0.0.1", "SPARK_SCALA_VERSION", "2.13");
  }

  /**
   * Kills worker {@code index}'s JVM (SIGKILL) by its pid, as a machine failure would. Its executors notice the
   * lost worker and exit by themselves; they are recorded first, as orphans can no longer be found as
   * descendants.
   */
  void killWorker(int index) throws InterruptedException {
    recordDescendants();
    Process worker = workers.get(index);
    worker.destroyForcibly();
    worker.waitFor();
  }

  /** Every process this cluster started or that those started, alive or not. */
  List<ProcessHandle> allProcesses() {
    recordDescendants();
    return List.copyOf(seen);
  }

  private Process launch(String name, String mainClass, String... args) throws IOException {
    List<String> command = new ArrayList<>(Processes.javaCommand("-Xmx512m"));
    command.add("-cp");
    command.add(sparkHome.resolve("jars") + "/*");
    command.add(mainClass);
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(workDir.resolve(name + ".log").toFile());
    builder.environment().putAll(environment());
    builder.environment().put("SPARK_HOME", sparkHome.toString());
    Process process = builder.start();
    processes.add(process);
    seen.add(process.toHandle());
    return process;
  }

  private void awaitWorkers(int count, Duration timeout) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    // "/json" answers with a redirect to "/json/", which HttpClient does not follow by default.
    URI status = URI.create("http://127.0.0.1:" + masterWebPort + "/json/");
    HttpRequest request = HttpRequest.newBuilder(status).build();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      try {
        Matcher alive = ALIVE_WORKERS.matcher(http.send(request, HttpResponse.BodyHandlers.ofString()).body());
        if (alive.find() && Integer.parseInt(alive.group(1)) >= count) {
          return;
        }
      } catch (IOException notYetListening) {
        // the master is still starting
      }
      for (Process process : processes) {
        if (!process.isAlive()) {
          throw new IllegalStateException("a cluster process exited early; see the logs in " + workDir);
        }
      }
      Thread.sleep(250);
    }
    throw new IllegalStateException(count + " workers did not register within " + timeout + "; logs in " + workDir);
  }

  private void recordDescendants() {
    for (Process process : processes) {
      process.descendants().filter(h -> !seen.contains(h)).forEach(seen::add);
    }
  }

  @Override
  public void close() {
    Processes.killAll(allProcesses());
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
