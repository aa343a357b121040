package org.cfdmspark.job;

import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.cfdmspark.config.BadInputException;

/** The table formats the job reads and writes; AUTO is decided from the path's extension. */
public enum FileFormat {
  AUTO, CSV, PARQUET;

  private static final Pattern CSV_NAME = Pattern.compile(".*\\.csv(\\.(gz|bz2|deflate|zst|lz4|snappy))?/?");
  private static final Pattern TSV_NAME = Pattern.compile(".*\\.(tsv|tab)(\\.(gz|bz2|deflate|zst|lz4|snappy))?/?");
  private static final Pattern PARQUET_NAME = Pattern.compile(".*\\.parquet/?");
  /** JSON and JSON lines, which the job does not read: said so, rather than offered as CSV or Parquet. */
  private static final Pattern JSON_NAME = Pattern.compile(".*\\.(json|jsonl|ndjson)(\\.(gz|bz2|zst))?/?");

  /** The format of the input at {@code path}: {@code .csv} or {@code .tsv} (compressed too) or {@code .parquet}. */
  FileFormat forInput(String path) {
    return forInput(path, List::of);
  }

  /**
   * The format of the input at {@code path} when AUTO: by its name, or, for a folder whose name tells nothing, by
   * the names of its part files ({@code partNames}: every one .csv/.tsv, or every one .parquet).
   *
   * @throws BadInputException when neither tells
   */
  FileFormat forInput(String path, Supplier<List<String>> partNames) {
    if (this != AUTO) {
      return this;
    }
    FileFormat byName = byName(path);
    if (byName != null) {
      return byName;
    }
    List<String> names = partNames.get();
    List<FileFormat> parts = names.stream().map(FileFormat::byName).distinct().toList();
    if (parts.size() == 1 && parts.get(0) != null) {
      return parts.get(0);
    }
    if (isJson(path) || !names.isEmpty() && names.stream().allMatch(FileFormat::isJson)) {
      throw new BadInputException("input '" + path + "' is JSON by its name, which cfdm-spark does not read (CSV "
          + "and Parquet only): convert it to Parquet or CSV first (in Spark: spark.read.json(IN).write.parquet(OUT))");
    }
    throw new BadInputException("cannot tell the format of input '" + path + "' from its name"
        + (parts.isEmpty() ? "" : " or its files' names") + "; pass " + JobKnobs.INPUT_FORMAT.option() + " csv or "
        + JobKnobs.INPUT_FORMAT.option() + " parquet");
  }

  /** CSV for a .csv or .tsv name, PARQUET for .parquet, null for another. */
  private static FileFormat byName(String path) {
    String name = path.toLowerCase(Locale.ROOT);
    return PARQUET_NAME.matcher(name).matches() ? PARQUET
        : CSV_NAME.matcher(name).matches() || TSV_NAME.matcher(name).matches() ? CSV : null;
  }

  private static boolean isJson(String path) {
    return JSON_NAME.matcher(path.toLowerCase(Locale.ROOT)).matches();
  }

  /** Whether the input at {@code path} is tab-separated by its name ({@code .tsv} or {@code .tab}, compressed too). */
  public static boolean tabSeparated(String path) {
    return path != null && TSV_NAME.matcher(path.toLowerCase(Locale.ROOT)).matches();
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
