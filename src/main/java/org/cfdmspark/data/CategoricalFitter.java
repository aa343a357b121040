package org.cfdmspark.data;

import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.cfdmspark.core.BadInputException;

/**
 * Fits a categorical column: its distinct values, sorted (so the encoding does not depend on how the data is
 * split), and whether it has missing cells. A text column whose cells are mostly numbers is refused unless
 * declared categorical: a stray word in a number column is far likelier than a category that looks numeric.
 */
record CategoricalFitter(DataType type, boolean declared, int maxCategories) implements ColumnFitter {

  @Override
  public List<Column> aggregates(String column) {
    Column c = ColumnNames.column(column);
    Column number = type.equals(DataTypes.StringType) ? c.try_cast(DataTypes.DoubleType) : lit(null);
    return List.of(array_sort(collect_set(c)), count(when(c.isNull(), lit(1))),
        count(number), first(when(number.isNull(), c), true));
  }

  @Override
  public ColumnCodec build(String column, Row results, int offset, Row refined, int refinedOffset, long rows) {
    List<Object> levels = new ArrayList<>(results.getList(offset));
    long missing = results.getLong(offset + 1);
    long numbers = results.getLong(offset + 2);
    long present = rows - missing;
    if (!declared && numbers > 0 && numbers >= present / 2 && numbers < present) {
      throw new BadInputException("column '" + column + "' holds numbers but also text such as '"
          + results.get(offset + 3) + "' (" + (present - numbers) + " of " + present + " cells); mark that text as "
          + "missing with --null-value, or model the column as categories with --categorical " + column);
    }
    if (levels.isEmpty()) {
      throw new BadInputException("column '" + column + "' has no values, only missing cells; leave it out with "
          + "--exclude " + column);
    }
    if (levels.size() > maxCategories) {
      throw new BadInputException("column '" + column + "' has " + levels.size() + " distinct values, more than "
          + "--max-categories " + maxCategories + "; leave it out with --exclude " + column
          + " (an id or free text?) or raise --max-categories");
    }
    return new CategoricalColumnCodec(column, type, levels.toArray(), missing > 0);
  }
}
