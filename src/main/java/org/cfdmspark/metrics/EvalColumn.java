package org.cfdmspark.metrics;

import java.util.Objects;

/**
 * One decoded column as the metrics see it. Numbers (datetimes as epoch numbers) use NaN for missing;
 * categories (booleans as "true"/"false") use null for missing. The arrays are shared, not copied, because
 * tables can be large: callers must not modify them afterwards.
 */
public sealed interface EvalColumn {

  String name();

  int size();

  /** A numeric or datetime column; NaN marks a missing value. */
  record Numeric(String name, double[] values) implements EvalColumn {
    public Numeric {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(values, "values");
    }

    @Override
    public int size() {
      return values.length;
    }
  }

  /** A categorical or boolean column; null marks a missing value. */
  record Categorical(String name, String[] values) implements EvalColumn {
    public Categorical {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(values, "values");
    }

    @Override
    public int size() {
      return values.length;
    }
  }
}
