package org.cfdmspark.bench;

import java.util.Locale;

/** Number formatting for the benchmark's tables: three significant figures, thousands grouped, n/a for NaN. */
public final class Format {
  private Format() {
  }

  public static String number(double value) {
    if (Double.isNaN(value)) {
      return "n/a";
    }
    double magnitude = Math.abs(value);
    if (magnitude >= 100) {
      return String.format(Locale.ROOT, "%,.0f", value);
    }
    return String.format(Locale.ROOT, magnitude >= 1 ? "%.2f" : "%.3g", value);
  }

  public static String percent(double share) {
    return Double.isNaN(share) ? "n/a" : String.format(Locale.ROOT, "%.0f %%", 100 * share);
  }
}
