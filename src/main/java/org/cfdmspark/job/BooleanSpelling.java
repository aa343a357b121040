package org.cfdmspark.job;

import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.cfdmspark.encoding.ColumnNames;

/**
 * Keeps the spelling of a CSV file's true/false columns. Spark's schema inference reads {@code True}, {@code TRUE}
 * and {@code true} alike as booleans and writes them back as {@code true}; a column spelled otherwise is read
 * again as text, so it is modelled as the same two categories and written back as the input spelled it.
 */
final class BooleanSpelling {
  private BooleanSpelling() {
  }

  /**
   * The table read with {@code schema}, except that its boolean columns whose cells are not all Spark's own
   * {@code true}/{@code false} are text; {@code inferred} (read with the inferred schema) when there are none.
   */
  static Dataset<Row> keep(Dataset<Row> inferred, DataFrameReader reader, String path) {
    StructType schema = inferred.schema();
    List<String> booleans = new ArrayList<>();
    for (StructField field : schema.fields()) {
      if (field.dataType().equals(DataTypes.BooleanType)) {
        booleans.add(field.name());
      }
    }
    if (booleans.isEmpty()) {
      return inferred;
    }
    StructType asText = textSchema(schema, booleans);
    Dataset<Row> text = reader.schema(asText).load(path);
    List<Column> respelt = new ArrayList<>();
    for (String name : booleans) {
      Column c = ColumnNames.column(name);
      respelt.add(count(when(c.isNotNull().and(functions.not(c.isin("true", "false"))), lit(1))));
    }
    Row counts = text.agg(respelt.get(0), respelt.subList(1, respelt.size()).toArray(Column[]::new)).first();
    List<String> keep = new ArrayList<>();
    for (int k = 0; k < booleans.size(); k++) {
      if (counts.getLong(k) > 0) {
        keep.add(booleans.get(k));
      }
    }
    return keep.isEmpty() ? inferred : reader.schema(textSchema(schema, keep)).load(path);
  }

  private static StructType textSchema(StructType schema, List<String> names) {
    StructField[] fields = schema.fields().clone();
    for (int k = 0; k < fields.length; k++) {
      if (names.contains(fields[k].name())) {
        fields[k] = DataTypes.createStructField(fields[k].name(), DataTypes.StringType, true);
      }
    }
    return DataTypes.createStructType(fields);
  }
}
