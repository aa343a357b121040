package org.cfdmspark.encoding;

import java.math.BigDecimal;
import java.util.Arrays;
import org.apache.spark.sql.types.DecimalType;

/**
 * Fits a {@code DecimalType(p, s)} column (Parquet decimals, a schema's money amounts) as numbers: the fitter of
 * its values as doubles, or as longs when s = 0 and p ≤ 18 (exact, like any whole-number column), whose codec
 * then decodes to decimals of the same precision and scale, so the output has the input's type and is written
 * with s digits after the point (12.50, not 12.5). Values with more than about 15 significant digits come back
 * rounded to a double's precision. Whole numbers of more digits (s = 0, p > 18: codes and ids) are refused by
 * {@link ColumnFitter}, to be read as text.
 */
record DecimalFitter(ColumnFitter numbers, DecimalType type) implements ColumnFitter {
  /** The most digits a long holds whatever they are. */
  static final int LONG_DIGITS = 18;

  /** The fitter of a decimal column whose values {@code numbers} fits (as longs or doubles, see above). */
  static DecimalFitter of(DecimalType type, NumericFitter numbers) {
    return new DecimalFitter(numbers, type);
  }

  @Override
  public ColumnCodec fit(String column, Object[] cells) {
    ColumnCodec codec = numbers.fit(column, cells);
    if (codec instanceof CategoricalColumnCodec categorical) {
      Object[] levels = Arrays.stream(categorical.levels()).map(this::cell).toArray();
      return new CategoricalColumnCodec(column, type, levels, categorical.hasMissing(), categorical.draw());
    }
    return ((NumericColumnCodec) codec).asDecimal(type);
  }

  /** A number as a cell of this column (its scale). */
  Object cell(Object number) {
    return NumericColumnCodec.decimal(type, new BigDecimal(number.toString()));
  }
}
