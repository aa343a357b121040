package org.cfdmspark.encoding;

import java.util.List;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.StructField;
import org.cfdmspark.config.BadInputException;
import org.cfdmspark.config.NameList;
import org.cfdmspark.config.ShellText;

/**
 * How one kind of column is fitted: the codec built from the column's cells, which the fit holds in memory (the
 * training rows must fit the broadcast budget anyway, and statistics over cells in hand are exact and cost no
 * Spark job); a new column kind is a new fitter, not a change to {@link TableCodec#fit}.
 */
interface ColumnFitter {

  /**
   * The codec for {@code column} from its cells, in the fitted rows' order (null for a missing cell); sums run in
   * that order, so a fixed order gives the same codec to the last bit.
   *
   * @throws BadInputException when the column cannot be modelled as it is, naming the fix
   */
  ColumnCodec fit(String column, Object[] cells);

  /** The refusal of a column without values, with both fixes: keep it empty (--ignore) or drop it (--exclude). */
  static BadInputException noValues(String column) {
    return new BadInputException("column '" + column + "' has no values, only missing cells; keep it as an empty "
        + "column with --ignore " + option(column) + " or leave it out with --exclude " + option(column));
  }

  /** A column name as a list option takes it (quoted when it holds a comma or a quote). */
  static String option(String column) {
    return ShellText.word(NameList.format(List.of(column)));
  }

  /**
   * The fitter for a column, from its Spark type and the user's overrides: numbers (decimals too), dates and
   * timestamps are numeric (integers rounded), strings and booleans categorical, anything declared categorical
   * categorical; whole-number and text columns may turn out to be keys ({@link KeyFitter}).
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
    return mayBeKey ? new KeyFitter(modelled, type, declaredKey, overrides.maxCategories()) : modelled;
  }

  /** The fitter of a column that is modelled (not a key). */
  private static ColumnFitter modelledFitter(StructField field, ColumnOverrides overrides) {
    String name = field.name();
    DataType type = field.dataType();
    if (overrides.categorical().contains(name)) {
      return new CategoricalFitter(type, true, overrides.maxCategories());
    }
    if (type instanceof DecimalType decimal && decimal.scale() == 0
        && decimal.precision() > DecimalFitter.LONG_DIGITS) {
      // Codes and ids (a CSV's are read as text already): a double's 16 digits would make many of them one value.
      throw new BadInputException("column '" + name + "' holds whole numbers of up to " + decimal.precision()
          + " digits, more than a 64-bit integer holds (codes or ids, not amounts): read it as text with --string "
          + option(name) + " (new values of its form, or categories), or leave it out with --exclude " + option(name));
    }
    if (type instanceof DecimalType decimal) {
      return DecimalFitter.of(decimal, numbers(decimal.scale() == 0 ? NumericType.LONG : NumericType.DOUBLE, name,
          overrides));
    }
    var numeric = NumericType.of(type);
    if (numeric.isPresent()) {
      return numbers(numeric.get(), name, overrides);
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

  /** The fitter of a number column held as {@code type}. */
  private static NumericFitter numbers(NumericType type, String name, ColumnOverrides overrides) {
    return new NumericFitter(type, overrides.integer().contains(name), overrides.pointMasses(),
        overrides.normalScores(), overrides.finalNoise());
  }
}
