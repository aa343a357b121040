package org.cfdmspark.encoding;

import java.io.Serializable;
import java.util.function.DoubleBinaryOperator;

/**
 * A number column that is a sum, product or quotient of two others in every training row ({@link ColumnFormulas}):
 * a total of fees and tax, a line amount of a quantity and a unit price, a price per unit of an amount and a
 * quantity, a delivery date of an order date and a number of days. σ-CFDM decodes each column on its own normal
 * scores, so a barycentre of rows decodes to a total that is not the sum of its parts (every row of a 1,500-row table
 * before this was kept, by 11 % at the median); {@link TableCodec#decode} therefore sets the result's cell to the
 * operation on the two decoded cells, on the result column's grid.
 *
 * @param first the operation's first column
 * @param second its second column
 * @param result the column set to {@code first operation second}
 * @param operation the operation
 */
public record ColumnFormula(String first, String second, String result, Operation operation)
    implements Serializable {
  private static final long serialVersionUID = 1L;

  /** What a formula does with its two columns' values (input units: days for dates). */
  public enum Operation {
    SUM("+", Double::sum),
    PRODUCT("*", (a, b) -> a * b),
    QUOTIENT("/", (a, b) -> a / b);

    private final String symbol;
    private final DoubleBinaryOperator operator;

    Operation(String symbol, DoubleBinaryOperator operator) {
      this.symbol = symbol;
      this.operator = operator;
    }

    /** The operation on a and b. */
    public double apply(double a, double b) {
      return operator.applyAsDouble(a, b);
    }

    /** Whether b op a is a op b, so that a pair of columns needs testing in one order only. */
    boolean symmetric() {
      return this != QUOTIENT;
    }
  }

  /** As the manifest lists it: "total = fees + tax". */
  @Override
  public String toString() {
    return result + " = " + first + " " + operation.symbol + " " + second;
  }
}
