package org.cfdmspark.testkit;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.function.Executable;

/** What a piece of work prints on System.err, where the jobs' notes, warnings and step lines go. */
public final class Stderr {
  private Stderr() {
  }

  /** The text {@code run} prints on System.err (restored afterwards, whatever it throws). */
  public static String of(Executable run) throws Throwable {
    PrintStream original = System.err;
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    System.setErr(new PrintStream(buffer, true, StandardCharsets.UTF_8));
    try {
      run.execute();
    } finally {
      System.setErr(original);
    }
    return buffer.toString(StandardCharsets.UTF_8);
  }
}
