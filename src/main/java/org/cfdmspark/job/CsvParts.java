package org.cfdmspark.job;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DateType;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.cfdmspark.config.BadInputException;
import org.cfdmspark.encoding.ColumnNames;

/**
 * The files of one CSV input (a file, a folder of part files, a glob) and the order of their headers' names.
 * Spark reads every file positionally under one file's names: a part file whose header lists the same names in
 * another order only logs a warning, and its values land in the wrong columns. Here each file's header is read
 * ({@link CsvHeader}; none for an input of one file), and
 * <ul>
 *   <li>files whose headers all agree are read as Spark reads them (the paths as given);</li>
 *   <li>files whose headers hold the same names in another order are read a group of equal headers at a time, each
 *       group's columns aligned by name to the first file's order (files by path); an inferred column takes the
 *       type that holds every group's ({@link #common});</li>
 *   <li>files whose headers hold other names are refused, naming two of them.</li>
 * </ul>
 * The files are Spark's own listing of the paths (hidden and {@code _SUCCESS} files left out); a file without a
 * single line (an empty part) has no header and no rows, and is left out of the comparison.
 */
final class CsvParts {
  private final Configuration conf;
  private final CsvDialect dialect;
  private final String[] paths;
  /** The first file by path, whose header gives the names; null when the paths hold no file. */
  private final String firstFile;
  /** The groups of files of one header order, the first file's first; empty when every header agrees. */
  private final List<Group> groups;
  /** The first file's header as written; read when first asked for in an input of one file. */
  private String[] header;

  /**
   * Files whose headers list the same names in one order.
   *
   * @param positions for each column of the first file's header, its position in this group's header
   */
  private record Group(String[] files, int[] positions) {
    /** {@code schema} (in the first file's order, any extra fields last) in this group's order. */
    StructType ordered(StructType schema) {
      StructField[] fields = schema.fields().clone();
      for (int c = 0; c < positions.length; c++) {
        fields[positions[c]] = schema.fields()[c];
      }
      return new StructType(fields);
    }
  }

  private CsvParts(Configuration conf, CsvDialect dialect, String[] paths, String firstFile, String[] header,
      List<Group> groups) {
    this.conf = conf;
    this.dialect = dialect;
    this.paths = paths;
    this.firstFile = firstFile;
    this.header = header;
    this.groups = groups;
  }

  /**
   * The CSV input at {@code paths}, in {@code dialect}.
   *
   * @throws BadInputException if two of its files' headers hold other names (or one name twice, in another order)
   */
  static CsvParts of(SparkSession spark, CsvDialect dialect, String... paths) {
    Configuration conf = spark.sparkContext().hadoopConfiguration();
    // Spark's listing, with a schema so that it reads no file: the files its CSV reader would read. A single file
    // needs no listing (its header is read only if asked for).
    String[] files = isOneFile(conf, paths) ? paths.clone()
        : dialect.reader(spark).schema(new StructType().add("listing", DataTypes.StringType)).load(paths)
            .inputFiles();
    Arrays.sort(files);
    if (files.length > 0) {
      // Before any header is parsed. The first file only: the parts of one table come in one encoding.
      WideEncoding.require(conf, dialect.encoding(), files[0]);
    }
    if (files.length <= 1) {
      return new CsvParts(conf, dialect, paths, files.length == 0 ? null : files[0], null, List.of());
    }
    Map<List<String>, List<String>> byHeader = new LinkedHashMap<>();
    for (String file : files) {
      String[] header = CsvHeader.of(conf, dialect, file);
      if (header != null) {
        byHeader.computeIfAbsent(List.of(header), h -> new ArrayList<>()).add(file);
      }
    }
    // Parquet parts read as CSV have binary "headers" that differ: read as one, TableReader names the format.
    if (byHeader.size() <= 1 || byHeader.keySet().stream().anyMatch(h -> h.get(0).startsWith("PAR1"))) {
      String[] header = byHeader.isEmpty() ? null : byHeader.keySet().iterator().next().toArray(String[]::new);
      return new CsvParts(conf, dialect, paths, files[0], header, List.of());
    }
    List<String> first = byHeader.keySet().iterator().next();
    String firstFile = byHeader.get(first).get(0);
    List<Group> groups = new ArrayList<>();
    for (Map.Entry<List<String>, List<String>> entry : byHeader.entrySet()) {
      List<String> header = entry.getKey();
      if (!sameNamesOnce(first, header)) {
        throw new BadInputException("input '" + String.join(",", paths) + "' has files whose headers name other "
            + "columns: '" + shown(firstFile) + "' has " + ColumnNames.quotedList(first) + ", '"
            + shown(entry.getValue().get(0)) + "' has " + ColumnNames.quotedList(header) + "; give every file the "
            + "same columns, each named once (in any order), or read them as separate inputs");
      }
      groups.add(new Group(entry.getValue().toArray(String[]::new),
          first.stream().mapToInt(header::indexOf).toArray()));
    }
    return new CsvParts(conf, dialect, paths, firstFile, first.toArray(String[]::new), groups);
  }

  /** Whether {@code paths} is one path of a file (not a folder, not a glob); false when there is none. */
  private static boolean isOneFile(Configuration conf, String[] paths) {
    if (paths.length != 1 || paths[0].matches(".*[*?\\[{].*")) {
      return false;
    }
    try {
      Path path = new Path(paths[0]);
      return path.getFileSystem(conf).getFileStatus(path).isFile();
    } catch (IOException missing) { // Spark's listing names it in its error
      return false;
    }
  }

  /** The first file's header as written (empty names as ""), or null when the input holds no record. */
  String[] header() {
    if (header == null && firstFile != null) {
      header = CsvHeader.of(conf, dialect, firstFile);
    }
    return header;
  }

  /**
   * The input read by {@code reader} (a CSV reader with a header; its schema is set here): with {@code schema},
   * whose first fields are the header's columns in the first file's order (any fields after them, such as a
   * corrupt-record column, are kept last), or, when it is null, with the types the reader infers.
   */
  Dataset<Row> load(DataFrameReader reader, StructType schema) {
    if (groups.isEmpty()) {
      return schema == null ? reader.load(paths) : reader.schema(schema).load(paths);
    }
    StructType read = schema == null ? common(reader) : schema;
    Column[] order = Arrays.stream(read.fieldNames()).map(ColumnNames::column).toArray(Column[]::new);
    Dataset<Row> all = null;
    for (Group group : groups) {
      Dataset<Row> part = reader.schema(group.ordered(read)).load(group.files()).select(order);
      all = all == null ? part : all.union(part);
    }
    return all;
  }

  /**
   * The schema {@code reader} infers for each group, in the first file's order and names, each column typed to
   * hold every group's values: one type as it is; whole numbers of two widths a long; numbers of which one is
   * fractional a double; a date and a timestamp a timestamp; anything else text (as Spark widens the types it
   * infers for one file's parts).
   */
  private StructType common(DataFrameReader reader) {
    StructField[] fields = null;
    for (Group group : groups) {
      StructField[] inferred = reader.load(group.files()).schema().fields();
      if (fields == null) {
        fields = new StructField[group.positions().length];
        for (int c = 0; c < fields.length; c++) {
          fields[c] = inferred[group.positions()[c]];
        }
      } else {
        for (int c = 0; c < fields.length; c++) {
          DataType type = wider(fields[c].dataType(), inferred[group.positions()[c]].dataType());
          fields[c] = fields[c].copy(fields[c].name(), type, true, fields[c].metadata());
        }
      }
    }
    return new StructType(fields);
  }

  private static DataType wider(DataType a, DataType b) {
    if (a.equals(b)) {
      return a;
    }
    if (a instanceof NumericType && b instanceof NumericType) {
      return isWhole(a) && isWhole(b) ? DataTypes.LongType : DataTypes.DoubleType;
    }
    if (a instanceof DateType && isTimestamp(b) || b instanceof DateType && isTimestamp(a)) {
      return a instanceof DateType ? b : a;
    }
    if (isTimestamp(a) && isTimestamp(b)) {
      return DataTypes.TimestampType;
    }
    return DataTypes.StringType;
  }

  private static boolean isWhole(DataType type) {
    return type.equals(DataTypes.IntegerType) || type.equals(DataTypes.LongType)
        || type.equals(DataTypes.ShortType) || type.equals(DataTypes.ByteType);
  }

  private static boolean isTimestamp(DataType type) {
    return type.equals(DataTypes.TimestampType) || type.equals(DataTypes.TimestampNTZType);
  }

  /** Whether {@code other} lists the names of {@code first}, each once, in any order. */
  private static boolean sameNamesOnce(List<String> first, List<String> other) {
    return first.size() == other.size() && new HashSet<>(first).size() == first.size()
        && new HashSet<>(first).equals(new HashSet<>(other));
  }

  /** A file as a message names it: its path, without the file: scheme of a local one. */
  private static String shown(String file) {
    Path path = new Path(file);
    return "file".equals(path.toUri().getScheme()) ? path.toUri().getPath() : file;
  }
}
