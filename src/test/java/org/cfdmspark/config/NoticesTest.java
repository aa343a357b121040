package org.cfdmspark.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class NoticesTest {
  @Test
  void aLineIsPrintedOnceInsideOnceEachAndEveryTimeOutside() {
    PrintStream original = System.err;
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    System.setErr(new PrintStream(buffer, true, StandardCharsets.UTF_8));
    try {
      Notices.print("note: a");
      Notices.print("note: a");
      int runs = Notices.onceEach(() -> {
        for (int run = 0; run < 3; run++) {
          Notices.print("note: a");
          Notices.print("note: b");
          Notices.onceEach(() -> {
            Notices.print("note: b"); // a nested scope shares the outer one's lines
            return null;
          });
        }
        return 3;
      });
      assertEquals(3, runs);
      Notices.print("note: b");
    } finally {
      System.setErr(original);
    }
    assertEquals("note: a\nnote: a\nnote: a\nnote: b\nnote: b\n",
        buffer.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n"));
  }
}
