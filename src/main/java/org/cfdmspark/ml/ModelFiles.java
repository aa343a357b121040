package org.cfdmspark.ml;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.apache.hadoop.fs.ChecksumException;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.SparkThrowable;
import org.apache.spark.sql.SparkSession;

/**
 * The checks of a saved model's files as {@link ModelStore} writes and reads them: the SHA-256 of its rows and of its
 * metadata, whole Parquet files, and which failures mean that the model was replaced while it was read (a file there
 * a moment ago) rather than that it is corrupt.
 */
final class ModelFiles {
  private static final byte[] PARQUET_MAGIC = "PAR1".getBytes(StandardCharsets.US_ASCII);

  private ModelFiles() {
  }

  /**
   * Refuses a stratum's folder without a data file, or with one that does not start and end with Parquet's magic
   * bytes ({@code PAR1}: a file cut short), before Spark reads it: Spark's footer-reading tasks log about a hundred
   * lines of stack traces before the error that the load turns into one line.
   */
  static void requireWholeParquet(SparkSession spark, String folder) throws IOException {
    Path path = new Path(folder);
    FileSystem fs = path.getFileSystem(spark.sparkContext().hadoopConfiguration());
    FileStatus[] files = fs.exists(path) ? fs.listStatus(path, file -> !file.getName().startsWith("_")
        && !file.getName().startsWith(".")) : new FileStatus[0];
    if (files.length == 0) {
      throw new IllegalStateException(folder + " holds no rows file");
    }
    byte[] head = new byte[PARQUET_MAGIC.length];
    byte[] tail = new byte[PARQUET_MAGIC.length];
    for (FileStatus file : files) {
      if (file.getLen() >= 2L * PARQUET_MAGIC.length) {
        try (FSDataInputStream in = fs.open(file.getPath())) {
          in.readFully(0, head);
          in.readFully(file.getLen() - tail.length, tail);
        }
      }
      if (file.getLen() < 2L * PARQUET_MAGIC.length || !Arrays.equals(head, PARQUET_MAGIC)
          || !Arrays.equals(tail, PARQUET_MAGIC)) {
        throw new IllegalStateException(file.getPath().getName() + " is not a whole Parquet file");
      }
    }
  }

  /**
   * The file's bytes. A checksum error is read once more: the local file system checks a file against its hidden
   * .crc sibling, and a model renamed into place between the opening of the two disagrees once (a file that is
   * corrupt disagrees again).
   */
  static byte[] readAll(FileSystem fs, Path file) throws IOException {
    for (int attempt = 1; ; attempt++) {
      try (InputStream in = fs.open(file)) {
        return in.readAllBytes();
      } catch (ChecksumException e) {
        if (attempt == 2) {
          throw e;
        }
      }
    }
  }

  /**
   * Whether {@code e} was caused by a file or folder that Spark could not find: listed a moment before (a folder
   * without rows is refused before Spark reads it, {@link #requireWholeParquet}).
   */
  static boolean vanished(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      // getCondition is null for a SparkThrowable without an error class (List.of refuses null).
      if (cause instanceof FileNotFoundException || cause instanceof SparkThrowable spark
          && List.of("FAILED_READ_FILE.FILE_NOT_EXIST", "PATH_NOT_FOUND")
              .contains(String.valueOf(spark.getCondition()))) {
        return true;
      }
    }
    return false;
  }

  /** The SHA-256 (hex) of the first {@code count} values, as IEEE 754 bits in big-endian order. */
  static String rowsSha256(float[] values, int count) {
    ByteBuffer bytes = ByteBuffer.allocate(4 * count);
    bytes.asFloatBuffer().put(values, 0, count);
    return sha256(bytes.array());
  }

  /** The SHA-256 (hex) of {@code bytes}. */
  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
