package org.cfdmspark.cluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One {@code ./submit.sh} run (or another command, such as a JVM running an example) as a separate process, the
 * way users and schedulers start it: output (stdout and stderr) to a log file, and every process of its tree
 * remembered while alive, so that {@link #close} can kill them all by pid and tests can check that none is left.
 */
final class Submission implements AutoCloseable {
  private final Process process;
  private final Path log;
  private final String name;
  private final List<ProcessHandle> seen = new ArrayList<>();

  private Submission(Process process, Path log, String name) {
    this.process = process;
    this.log = log;
    this.name = name;
    seen.add(process.toHandle());
  }

  /** Starts {@code ./submit.sh args...} with a 1 GB driver, without SPARK_HOME (the Maven-built launch). */
  static Submission start(Path log, Map<String, String> environment, List<String> args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Processes.projectDir().resolve("submit.sh").toString());
    command.addAll(args);
    ProcessBuilder builder = new ProcessBuilder(command).directory(Processes.projectDir().toFile())
        .redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().putAll(environment);
    builder.environment().remove("SPARK_HOME");
    builder.environment().put("CFDM_DRIVER_MEMORY", "1g");
    return new Submission(builder.start(), log, "submit.sh");
  }

  /**
   * Starts {@code command} in the project directory with SPARK_LOCAL_IP=127.0.0.1, reading its standard input
   * from {@code input} (null: an empty input); {@code name} names it in failure messages.
   */
  static Submission command(String name, Path log, Path input, List<String> command) throws IOException {
    ProcessBuilder builder = new ProcessBuilder(command).directory(Processes.projectDir().toFile())
        .redirectErrorStream(true).redirectOutput(log.toFile());
    if (input != null) {
      builder.redirectInput(input.toFile());
    }
    builder.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
    builder.environment().remove("SPARK_HOME");
    Process process = builder.start();
    if (input == null) {
      process.getOutputStream().close();
    }
    return new Submission(process, log, name);
  }

  /** Waits for the run to end; its exit code. Fails (after killing it) when it takes longer than {@code timeout}. */
  int await(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!process.waitFor(1, TimeUnit.SECONDS)) {
      recordDescendants();
      if (System.nanoTime() > deadline) {
        close();
        throw new AssertionError(name + " did not finish within " + timeout + "; its output:\n" + output());
      }
    }
    return process.exitValue();
  }

  /**
   * Waits until a line of the output matches {@code pattern}; the match. Fails when the run ends first or
   * {@code timeout} passes.
   */
  Matcher awaitLine(Pattern pattern, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      recordDescendants();
      for (String line : output().split("\n")) {
        Matcher match = pattern.matcher(line);
        if (match.find()) {
          return match;
        }
      }
      if (!process.isAlive()) {
        throw new AssertionError(name + " ended (exit " + process.exitValue() + ") before printing a line "
            + "matching " + pattern + "; its output:\n" + output());
      }
      Thread.sleep(200);
    }
    throw new AssertionError("no line matching " + pattern + " within " + timeout + "; output:\n" + output());
  }

  /** Everything the run printed so far (for assertion messages, so it never throws). */
  String output() {
    try {
      return Files.readString(log, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "(cannot read " + log + ": " + e + ")";
    }
  }

  /** The run's JVM and every process it started that was seen alive. */
  List<ProcessHandle> processes() {
    recordDescendants();
    return List.copyOf(seen);
  }

  /** Kills the run's JVM and its descendants (SIGKILL), as an out-of-memory killer or a lost node would. */
  @Override
  public void close() {
    Processes.killAll(processes());
  }

  private void recordDescendants() {
    process.descendants().filter(h -> !seen.contains(h)).forEach(seen::add);
  }
}
