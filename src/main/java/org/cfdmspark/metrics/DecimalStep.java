package org.cfdmspark.metrics;

/**
 * The step of a number column's written values, as the report sees them (numbers without their codec): 10^−k for the
 * fewest decimals k (at most {@value #MAX_DECIMALS}) that every present value has, so that a sum of amounts in cents
 * is checked to within half a cent; 0 for values with more decimals (checked to a millionth of the sum instead).
 */
final class DecimalStep {
  static final int MAX_DECIMALS = 6;

  private DecimalStep() {
  }

  /** The step of {@code values} (NaN missing); 1 for whole numbers and for a column without values. */
  static double of(double[] values) {
    for (int k = 0; k <= MAX_DECIMALS; k++) {
      double scale = Math.pow(10, k);
      boolean all = true;
      for (double v : values) {
        if (!Double.isNaN(v) && Math.abs(v * scale - Math.rint(v * scale)) > 1e-6 * Math.max(1, Math.abs(v * scale))) {
          all = false;
          break;
        }
      }
      if (all) {
        return 1 / scale;
      }
    }
    return 0;
  }
}
