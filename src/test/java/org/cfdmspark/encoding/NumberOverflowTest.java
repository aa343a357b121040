package org.cfdmspark.encoding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.cfdmspark.config.BadInputException;
import org.junit.jupiter.api.Test;

/**
 * A number column whose statistics overflow a double is refused by its fit, naming the column and the rescaling,
 * rather than failing with a stack trace (an infinite mean) or standardising every value to 0 (an infinite standard
 * deviation).
 */
class NumberOverflowTest {
  private static final NumericFitter FITTER = new NumericFitter(NumericType.DOUBLE, false, true, true, 0.2);

  /** {@code rows} values spread evenly over [-size, size]. */
  private static Object[] spread(int rows, double size) {
    Object[] cells = new Object[rows];
    for (int i = 0; i < rows; i++) {
      cells[i] = size * (2.0 * i / (rows - 1) - 1);
    }
    return cells;
  }

  @Test
  void valuesOfPlusOrMinus9e307AreRefusedWithTheRescaling() {
    // The new user's column: an IllegalArgumentException "mean -Infinity" and a stack trace, exit 1.
    String message = assertThrows(BadInputException.class, () -> FITTER.fit("huge", spread(400, 9e307)))
        .getMessage();
    assertTrue(message.startsWith("column 'huge' holds values up to 9.00e+307 in size")
        && message.contains("divide it by 1e307") && message.contains("--exclude huge"), message);
  }

  @Test
  void valuesNear1e154OverflowTheSumOfSquaresThoughTheMeanIsFinite() {
    // 400 squares of up to 2.5e307 pass 1.8e308; the mean, 0, does not overflow.
    String message = assertThrows(BadInputException.class, () -> FITTER.fit("wide", spread(400, 5e153)))
        .getMessage();
    assertTrue(message.startsWith("column 'wide' holds values up to 5.00e+153 in size")
        && message.contains("divide it by 1e153"), message);
  }

  @Test
  void largeValuesWhoseStatisticsFitAreModelled() {
    NumericColumnCodec codec = (NumericColumnCodec) FITTER.fit("large", spread(400, 1e150));
    assertEquals(0, codec.mean(), 1e136);
    assertTrue(Double.isFinite(codec.sd()) && codec.sd() > 5e149, "sd " + codec.sd());
  }
}
