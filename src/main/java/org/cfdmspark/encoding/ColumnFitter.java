package org.cfdmspark.encoding;

import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.cfdmspark.config.BadInputException;
import org.cfdmspark.config.NameList;

/**
 * How one kind of column is fitted: the Spark aggregates it needs and the codec built from their values. All
 * columns' aggregates run in one pass over the table, and their refinements in at most one more
 * ({@link TableCodec#fit}); a new column kind is a new fitter, not a change to those passes.
 */
interface ColumnFitter {

  /** The aggregate expressions over {@code column} whose values {@link #build} reads. */
  List<Column> aggregates(String column);

  /**
   * Aggregates for a second pass that the first pass's values at results[offset ..] call for; none by default.
   * (A column's distinct values are worth collecting only when they are few: all of them would not fit in the
   * one task that fits the table.)
   */
  default List<Column> refinements(String column, Row results, int offset) {
    return List.of();
  }

  /**
   * The codec for {@code column} from the aggregate values at results[offset ..] and, when {@link #refinements}
   * asked for some, the second pass's values at refined[refinedOffset ..] (refined is null otherwise); rows = rows
   * fitted.
   */
  ColumnCodec build(String column, Row results, int offset, Row refined, int refinedOffset, long rows);

  /** The refusal of a column without values, with both fixes: keep it empty (--ignore) or drop it (--exclude). */
  static BadInputException noValues(String column) {
    return new BadInputException("column '" + column + "' has no values, only missing cells; keep it as an empty "
        + "column with --ignore " + option(column) + " or leave it out with --exclude " + option(column));
  }

  /** A column name as a list option takes it (quoted when it holds a comma or a quote). */
  static String option(String column) {
    return NameList.format(List.of(column));
  }

  /**
   * The fitter for a column, from its Spark type and the user's overrides: numbers, dates and timestamps are
   * numeric (integers rounded), strings and booleans categorical, anything declared categorical categorical; whole-number and text
   * columns may turn out to be keys ({@link KeyFitter}).
   */
  static ColumnFitter forField(StructField field, ColumnOverrides overrides) {
    String name = field.name();
    DataType type = field.dataType();
    boolean keyType = type.equals(DataTypes.StringType)
        || NumericType.of(type).map(t -> t.integral() && !t.temporal()).orElse(false);
    boolean declaredKey = overrides.keys().contains(name);
    if (declaredKey && !keyType) {
      throw new BadInputException("--key: column '" + name + "' holds " + type.simpleString()
          + ", not whole numbers or text; leave it out of --key");
    }
    boolean mayBeKey = declaredKey || keyType && !overrides.notKeys().contains(name)
        && !overrides.categorical().contains(name) && !overrides.integer().contains(name);
    ColumnFitter modelled = modelledFitter(field, overrides);
    return mayBeKey ? new KeyFitter(modelled, type, declaredKey) : modelled;
  }

  /** The fitter of a column that is modelled (not a key). */
  private static ColumnFitter modelledFitter(StructField field, ColumnOverrides overrides) {
    String name = field.name();
    DataType type = field.dataType();
    if (overrides.categorical().contains(name)) {
      return new CategoricalFitter(type, true, overrides.maxCategories());
    }
    var numeric = NumericType.of(type);
    if (numeric.isPresent()) {
      return new NumericFitter(numeric.get(), overrides.integer().contains(name), overrides.pointMasses(),
          overrides.normalScores(), overrides.finalNoise());
    }
    if (overrides.integer().contains(name)) {
      throw new BadInputException("--integer: column '" + name + "' holds " + type.simpleString()
          + ", not numbers; leave it out of --integer");
    }
    if (type.equals(DataTypes.StringType) || type.equals(DataTypes.BooleanType)) {
      return new CategoricalFitter(type, false, overrides.maxCategories());
    }
    throw new BadInputException("column '" + name + "' has type " + type.simpleString() + ", which cannot be "
        + "modelled yet; leave it out with --exclude " + option(name) + " or keep it empty with --ignore "
        + option(name));
  }
}
