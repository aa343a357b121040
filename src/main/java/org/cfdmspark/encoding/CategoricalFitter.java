package org.cfdmspark.encoding;

import static org.apache.spark.sql.functions.approx_count_distinct;
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
import org.cfdmspark.config.BadInputException;

/**
 * Fits a categorical column: its distinct values, sorted (so the encoding does not depend on how the data is
 * split), and whether it has missing cells. A text column whose cells are mostly numbers is refused unless
 * declared categorical: a stray word in a number column is far likelier than a category that looks numeric. The
 * first pass only estimates how many values there are; the second collects them, and only when they can be
 * within --max-categories: the fit runs in one task, and the set of a million-valued id column would not fit in
 * it (such a column is refused from the estimate, with the same message).
 */
record CategoricalFitter(DataType type, boolean declared, int maxCategories) implements ColumnFitter {

  @Override
  public List<Column> aggregates(String column) {
    Column c = ColumnNames.column(column);
    Column number = type.equals(DataTypes.StringType) ? c.try_cast(DataTypes.DoubleType) : lit(null);
    return List.of(approx_count_distinct(c), count(when(c.isNull(), lit(1))),
        count(number), first(when(number.isNull(), c), true));
  }

  /** The sorted distinct values, when the estimate leaves room for them to be within --max-categories. */
  @Override
  public List<Column> refinements(String column, Row results, int offset) {
    return collects(results, offset) ? List.of(array_sort(collect_set(ColumnNames.column(column)))) : List.of();
  }

  /** Twice the limit: HyperLogLog++'s few-percent error cannot then refuse a column that is within it. */
  private boolean collects(Row results, int offset) {
    return results.getLong(offset) <= 2L * maxCategories;
  }

  @Override
  public ColumnCodec build(String column, Row results, int offset, Row refined, int refinedOffset, long rows) {
    long missing = results.getLong(offset + 1);
    long numbers = results.getLong(offset + 2);
    long present = rows - missing;
    if (!declared && numbers > 0 && numbers >= present / 2 && numbers < present) {
      throw new BadInputException("column '" + column + "' holds numbers but also text such as '"
          + results.get(offset + 3) + "' (" + (present - numbers) + " of " + present + " cells); mark that text as "
          + "missing with --null-value, or model the column as categories with --categorical " + column);
    }
    if (missing == rows) {
      throw ColumnFitter.noValues(column);
    }
    if (!collects(results, offset)) {
      throw tooMany(column, "about " + results.getLong(offset));
    }
    List<Object> levels = new ArrayList<>(refined.getList(refinedOffset));
    if (levels.size() > maxCategories) {
      throw tooMany(column, String.valueOf(levels.size()));
    }
    return new CategoricalColumnCodec(column, type, levels.toArray(), missing > 0);
  }

  private BadInputException tooMany(String column, String distinct) {
    return new BadInputException("column '" + column + "' has " + distinct + " distinct values, more than "
        + "--max-categories " + maxCategories + "; leave it out with --exclude " + column
        + " (an id or free text?) or raise --max-categories");
  }
}
