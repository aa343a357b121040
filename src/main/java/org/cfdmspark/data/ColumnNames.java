package org.cfdmspark.data;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.functions;

/** Column references by exact name: Spark would otherwise read a dot in a CSV header as a struct field access. */
public final class ColumnNames {
  private ColumnNames() {
  }

  public static Column column(String name) {
    return functions.col("`" + name.replace("`", "``") + "`");
  }
}
