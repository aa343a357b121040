package org.cfdmspark.job;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.cfdmspark.config.BadInputException;

/**
 * Refuses, before it is parsed, a CSV file in UTF-16 or UTF-32 read in a byte-wide --encoding (UTF-8, Latin-1):
 * every other byte of its text is NUL, its line breaks are not the reader's, and the error that followed blamed a
 * row's number of fields. Told by its byte-order mark, or without one by the NUL bytes that ASCII characters
 * (separators, digits, line breaks) have in UTF-16, at odd positions (little-endian) or even ones (big-endian).
 * {@link UndecodedText} refuses the byte-wide character sets' mix-ups, which parse.
 */
final class WideEncoding {
  /** How many of the file's first bytes are looked at. */
  private static final int HEAD = 4096;

  private WideEncoding() {
  }

  /**
   * @throws BadInputException naming the --encoding that reads {@code file} (a Hadoop path, decompressed as the
   *     reader would) when it is UTF-16 or UTF-32 text and {@code encoding} is not one of those
   */
  static void require(Configuration conf, String encoding, String file) {
    String name = Charset.forName(encoding).name();
    if (name.startsWith("UTF-16") || name.startsWith("UTF-32")) {
      return;
    }
    byte[] head = new byte[HEAD];
    int length;
    try (InputStream in = CsvHeader.open(conf, new Path(file))) {
      length = in.readNBytes(head, 0, HEAD);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the start of '" + file + "'", e);
    }
    Found found = found(head, length);
    if (found != null) {
      throw new BadInputException("input '" + file + "' is " + found.encoding() + " text (" + found.evidence()
          + "), not " + encoding + ": give " + JobKnobs.ENCODING.option() + " " + found.encoding());
    }
  }

  /** A wide encoding, as --encoding names it, and what tells it. */
  record Found(String encoding, String evidence) {
  }

  /** The wide encoding of text that starts with {@code head}'s first {@code length} bytes, or null for none. */
  static Found found(byte[] head, int length) {
    if (startsWith(head, length, 'P', 'A', 'R', '1')) {
      return null; // Parquet, whose NUL bytes say nothing of text: TableReader names the format
    }
    String mark = "its byte-order mark says so";
    if (startsWith(head, length, 0xFF, 0xFE, 0, 0) || startsWith(head, length, 0, 0, 0xFE, 0xFF)) {
      return new Found("UTF-32", mark);
    }
    if (startsWith(head, length, 0xFF, 0xFE) || startsWith(head, length, 0xFE, 0xFF)) {
      return new Found("UTF-16", mark);
    }
    // Without a mark, the bytes of ASCII characters' code units that are NUL: those at each position modulo 4 are
    // many for a wide encoding's, and not for the others. A stray NUL in byte-wide text makes no such pattern.
    int[] zeros = new int[4];
    for (int i = 0; i < length; i++) {
      zeros[i % 4] += head[i] == 0 ? 1 : 0;
    }
    boolean[] many = new boolean[4];
    for (int k = 0; k < 4; k++) {
      many[k] = zeros[k] > length / 4 / 8;
    }
    String pattern = (many[0] ? "0" : "x") + (many[1] ? "0" : "x") + (many[2] ? "0" : "x") + (many[3] ? "0" : "x");
    String encoding = switch (pattern) {
      case "x0x0" -> "UTF-16LE";
      case "0x0x" -> "UTF-16BE";
      case "x000" -> "UTF-32LE";
      case "000x" -> "UTF-32BE";
      default -> null;
    };
    return encoding == null ? null : new Found(encoding, "NUL bytes in its first characters, without a byte-order "
        + "mark");
  }

  private static boolean startsWith(byte[] head, int length, int... bytes) {
    if (length < bytes.length) {
      return false;
    }
    for (int i = 0; i < bytes.length; i++) {
      if ((head[i] & 0xFF) != bytes[i]) {
        return false;
      }
    }
    return true;
  }
}
