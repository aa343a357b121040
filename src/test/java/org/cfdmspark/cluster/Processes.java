package org.cfdmspark.cluster;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** The pieces every test that starts processes needs: where the project is, how to start Java, what is left. */
final class Processes {
  private Processes() {
  }

  /** The project root (Failsafe runs in it). */
  static Path projectDir() {
    return Path.of("").toAbsolutePath();
  }

  /** {@code java} of this JVM with Spark's Java 17 flags (from the build, see pom.xml) and the given options. */
  static List<String> javaCommand(String... options) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    for (String flag : System.getProperty("cfdm.java.options", "").trim().split("\\s+")) {
      if (!flag.isEmpty()) {
        command.add(flag);
      }
    }
    command.addAll(List.of(options));
    return command;
  }

  /** Kills every process in {@code handles} (SIGKILL) and waits until each is gone. */
  static void killAll(Collection<ProcessHandle> handles) {
    handles.forEach(ProcessHandle::destroyForcibly);
    handles.forEach(handle -> handle.onExit().join());
  }

  /** A description of the processes among {@code handles} that are still alive; empty when none is. */
  static String alive(Collection<ProcessHandle> handles) {
    return handles.stream().filter(ProcessHandle::isAlive)
        .map(h -> h.pid() + " " + h.info().commandLine().orElse("?")).reduce((a, b) -> a + "; " + b).orElse("");
  }
}
