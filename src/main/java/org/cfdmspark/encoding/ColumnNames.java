package org.cfdmspark.encoding;

import java.util.List;
import java.util.stream.Collectors;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.functions;

/**
 * Column references by exact name (Spark would otherwise read a dot in a CSV header as a struct field access),
 * and names listed in messages so that a name with a comma or a space stays one name.
 */
public final class ColumnNames {
  private ColumnNames() {
  }

  public static Column column(String name) {
    return functions.col("`" + name.replace("`", "``") + "`");
  }

  /** The names, each in double quotes (a quote inside doubled, as in CSV), comma-separated. */
  public static String quotedList(List<String> names) {
    return names.stream().map(name -> "\"" + name.replace("\"", "\"\"") + "\"").collect(Collectors.joining(", "));
  }
}
