package org.cfdmspark.data;

import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataType;

/**
 * How one kind of column is fitted: the Spark aggregates it needs and the codec built from their values. All
 * columns' aggregates run in a single pass over the table ({@link TableCodec#fit}); a new column kind
 * (categorical, missing indicators) is a new fitter, not a change to that pass.
 */
interface ColumnFitter {

  /** The aggregate expressions over {@code column} whose values {@link #build} reads. */
  List<Column> aggregates(String column);

  /** The codec for {@code column} from the aggregate values at results[offset ..]. */
  ColumnCodec build(String column, Row results, int offset);

  /** The fitter for columns of this Spark type, if the type is supported. */
  static Optional<ColumnFitter> forType(DataType type) {
    return NumericType.of(type).map(numeric -> numeric);
  }
}
