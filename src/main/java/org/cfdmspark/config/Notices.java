package org.cfdmspark.config;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Notes and warnings about the input, printed to stderr: each once inside {@link #onceEach} (report --compare and
 * --sweep read and fit the same table once per run, and a note that said "column 'price' has empty and NA cells"
 * fourteen times buried the lines that differed), every time elsewhere (a notebook that fits the table again sees its
 * notes again).
 */
public final class Notices {
  /** The lines printed inside the running {@link #onceEach}; null outside one. */
  private static volatile Set<String> printed;

  private Notices() {
  }

  /** Prints {@code line} to stderr, unless the running {@link #onceEach} printed it already. */
  public static void print(String line) {
    Set<String> seen = printed;
    if (seen == null || seen.add(line)) {
      System.err.println(line);
    }
  }

  /** The result of {@code work}, during which each distinct line is {@linkplain #print printed} once. */
  public static <T> T onceEach(Supplier<T> work) {
    Set<String> outer = printed;
    printed = outer != null ? outer : ConcurrentHashMap.newKeySet();
    try {
      return work.get();
    } finally {
      printed = outer;
    }
  }
}
