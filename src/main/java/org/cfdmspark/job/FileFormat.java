package org.cfdmspark.job;

import java.util.Locale;
import java.util.regex.Pattern;
import org.cfdmspark.config.BadInputException;

/** The table formats the job reads and writes; AUTO is decided from the path's extension. */
public enum FileFormat {
  AUTO, CSV, PARQUET;

  private static final Pattern CSV_NAME = Pattern.compile(".*\\.csv(\\.(gz|bz2|deflate|zst|lz4|snappy))?/?");
  private static final Pattern PARQUET_NAME = Pattern.compile(".*\\.parquet/?");

  /** The format of the input at {@code path}: {@code .csv} (compressed too) or {@code .parquet} when AUTO. */
  FileFormat forInput(String path) {
    if (this != AUTO) {
      return this;
    }
    String name = path.toLowerCase(Locale.ROOT);
    if (PARQUET_NAME.matcher(name).matches()) {
      return PARQUET;
    }
    if (CSV_NAME.matcher(name).matches()) {
      return CSV;
    }
    throw new BadInputException("cannot tell the format of input '" + path + "' from its name; pass "
        + JobKnobs.INPUT_FORMAT.option() + " csv or " + JobKnobs.INPUT_FORMAT.option() + " parquet");
  }

  /** The format to write at {@code path}: parquet for a {@code .parquet} path, else CSV, when AUTO. */
  FileFormat forOutput(String path) {
    if (this != AUTO) {
      return this;
    }
    return PARQUET_NAME.matcher(path.toLowerCase(Locale.ROOT)).matches() ? PARQUET : CSV;
  }

  /** The name Spark's reader and writer know this format by. */
  String sparkName() {
    if (this == AUTO) {
      throw new IllegalStateException("resolve AUTO against a path first");
    }
    return name().toLowerCase(Locale.ROOT);
  }
}
