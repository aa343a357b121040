package org.cfdmspark.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Which wide encoding a CSV file's first bytes say it is in, by byte-order mark or NUL bytes, and none for text. */
class WideEncodingTest {
  private static final String TEXT = "name,city,age\nBj\u00f6rn,K\u00f6ln,29\nZo\u00eb,Malm\u00f6,54\n";

  private static WideEncoding.Found found(byte[] bytes) {
    return WideEncoding.found(bytes, bytes.length);
  }

  /** The encoding found for the text in {@code charset}, after the bytes {@code mark}. */
  private static String encodingOf(String charset, int... mark) {
    byte[] text = TEXT.getBytes(Charset.forName(charset));
    byte[] bytes = new byte[mark.length + text.length];
    for (int i = 0; i < mark.length; i++) {
      bytes[i] = (byte) mark[i];
    }
    System.arraycopy(text, 0, bytes, mark.length, text.length);
    WideEncoding.Found found = found(bytes);
    return found == null ? null : found.encoding();
  }

  @Test
  void aByteOrderMarkNamesTheEncodingThatReadsItsFile() {
    assertEquals("UTF-16", encodingOf("UTF-16LE", 0xFF, 0xFE));
    assertEquals("UTF-16", encodingOf("UTF-16BE", 0xFE, 0xFF));
    assertEquals("UTF-32", encodingOf("UTF-32LE", 0xFF, 0xFE, 0, 0));
    assertEquals("UTF-32", encodingOf("UTF-32BE", 0, 0, 0xFE, 0xFF));
    assertEquals("its byte-order mark says so", found(TEXT.getBytes(StandardCharsets.UTF_16)).evidence());
  }

  @Test
  void withoutAMarkNulBytesNameTheEncodingAndItsByteOrder() {
    assertEquals("UTF-16LE", encodingOf("UTF-16LE"));
    assertEquals("UTF-16BE", encodingOf("UTF-16BE"));
    assertEquals("UTF-32LE", encodingOf("UTF-32LE"));
    assertEquals("UTF-32BE", encodingOf("UTF-32BE"));
  }

  @Test
  void byteWideTextIsNoneEvenWithAStrayNul() {
    assertNull(encodingOf("UTF-8"));
    assertNull(encodingOf("ISO-8859-1"));
    assertNull(encodingOf("UTF-8", 0xEF, 0xBB, 0xBF), "UTF-8's own mark");
    byte[] stray = TEXT.getBytes(StandardCharsets.UTF_8);
    stray[5] = 0;
    assertNull(found(stray));
    assertNull(found(new byte[0]), "an empty file");
    byte[] parquet = new byte[64]; // its NUL bytes at odd positions
    System.arraycopy(new byte[] {'P', 'A', 'R', '1'}, 0, parquet, 0, 4);
    for (int i = 4; i < parquet.length; i += 2) {
      parquet[i] = 7;
    }
    assertNull(found(parquet), "Parquet: named by the reader, not taken for UTF-16");
  }
}
