package org.cfdmspark.encoding;

/**
 * What a number column's value slot holds (--numeric-scale): {@code standard} = (x − mean) / sd (method.md §6);
 * {@code normal-scores} = Φ⁻¹(F(x)), the quantile-to-normal transform of {@link NormalScores}.
 */
public enum NumericScale {
  STANDARD,
  NORMAL_SCORES
}
