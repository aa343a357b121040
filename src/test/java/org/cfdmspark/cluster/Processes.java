package org.cfdmspark.cluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Starting the project's own commands as separate processes, the way users and schedulers do. */
final class Processes {
  private Processes() {
  }

  /** The project root (Failsafe runs in it). */
  static Path projectDir() {
    return Path.of("").toAbsolutePath();
  }

  /** {@code java} of this JVM with the given options. */
  static List<String> javaCommand(String... options) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of(options));
    return command;
  }

  /** The outcome of a finished command. */
  record Result(int exitCode, String output) {
  }

  /** Starts {@code ./submit.sh args...}, output (stdout and stderr) to {@code log}. */
  static Process startSubmit(Path log, Map<String, String> environment, List<String> args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(projectDir().resolve("submit.sh").toString());
    command.addAll(args);
    ProcessBuilder builder = new ProcessBuilder(command).directory(projectDir().toFile())
        .redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().putAll(environment);
    builder.environment().remove("SPARK_HOME");
    builder.environment().put("CFDM_DRIVER_MEMORY", "1g");
    return builder.start();
  }

  /** Runs {@code ./submit.sh args...} to the end (at most {@code timeoutSeconds}). */
  static Result submit(Path log, Map<String, String> environment, List<String> args, long timeoutSeconds)
      throws IOException, InterruptedException {
    Process process = startSubmit(log, environment, args);
    try {
      if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        throw new IllegalStateException("submit.sh " + args + " did not finish in " + timeoutSeconds + " s");
      }
    } finally {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
    }
    return new Result(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
  }
}
