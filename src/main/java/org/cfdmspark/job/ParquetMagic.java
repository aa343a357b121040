package org.cfdmspark.job;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.cfdmspark.config.BadInputException;

/**
 * Refuses, before Spark reads it, a Parquet input whose data file does not start with Parquet's magic bytes
 * ({@code PAR1}, Apache Parquet's file format): a CSV given --input-format parquet made Spark's footer-reading tasks
 * log about a hundred lines of errors and stack traces before the one-line error. The first data file of each path
 * is looked at (files named with a leading _ or ., Spark's bookkeeping, are not data); a path that does not exist
 * is left to the reader, which names it.
 */
final class ParquetMagic {
  private static final byte[] MAGIC = "PAR1".getBytes(StandardCharsets.US_ASCII);

  private ParquetMagic() {
  }

  /** @throws BadInputException naming the first data file that is not Parquet, and the option that reads it */
  static void require(Configuration conf, String... paths) {
    try {
      for (String path : paths) {
        Path given = new Path(path);
        FileSystem fs = given.getFileSystem(conf);
        FileStatus[] matches = fs.globStatus(given);
        for (FileStatus match : matches == null ? new FileStatus[0] : matches) {
          FileStatus file = match.isDirectory() ? firstDataFile(fs, match.getPath()) : match;
          if (file != null && !startsWithMagic(fs, file)) {
            throw new BadInputException("input '" + path + "' is not Parquet: " + (file == match ? "it does"
                : "its file '" + file.getPath().getName() + "' does") + " not start with PAR1 (a CSV?); give "
                + JobKnobs.INPUT_FORMAT.option() + " csv, or leave it at auto");
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static FileStatus firstDataFile(FileSystem fs, Path folder) throws IOException {
    return Arrays.stream(fs.listStatus(folder))
        .filter(f -> f.isFile() && !f.getPath().getName().startsWith("_") && !f.getPath().getName().startsWith("."))
        .min((a, b) -> a.getPath().getName().compareTo(b.getPath().getName())).orElse(null);
  }

  private static boolean startsWithMagic(FileSystem fs, FileStatus file) throws IOException {
    if (file.getLen() < MAGIC.length) {
      return false;
    }
    byte[] head = new byte[MAGIC.length];
    try (FSDataInputStream in = fs.open(file.getPath())) {
      in.readFully(0, head);
    }
    return Arrays.equals(head, MAGIC);
  }
}
