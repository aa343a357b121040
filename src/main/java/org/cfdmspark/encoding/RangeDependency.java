package org.cfdmspark.encoding;

import java.io.Serializable;

/**
 * A categorical column that is a range of a number column in every training row ({@link NumberDependencies}): an
 * age group cut from the age, an income band from thresholds, a year from a date. Decoding votes (or draws) the
 * category on its own, so a barycentre of rows on both sides of a threshold could come out as age 41 in the group
 * "18-40"; {@link TableCodec#decode} therefore derives the category's cell from the decoded number.
 *
 * @param determinant the number column
 * @param dependent the categorical column decoded from it
 * @param bounds the thresholds in the number's input units (days or microseconds for dates and timestamps),
 *     increasing: a value below bounds[0] is in the first range, one at least bounds[i − 1] and below bounds[i] in
 *     range i, one at least the last bound in the last range
 * @param dependentLevel each range's level index of the dependent (its levels' length for a missing cell)
 * @param missingLevel the dependent's level index (its levels' length for a missing cell) of every training row
 *     whose number is missing, when they all hold one (an age group missing with the age); null when they hold
 *     several, or no row lacks the number (and for models saved before it was kept)
 */
public record RangeDependency(String determinant, String dependent, double[] bounds, int[] dependentLevel,
    Integer missingLevel) implements Serializable {
  private static final long serialVersionUID = 1L;

  public RangeDependency {
    if (dependentLevel.length != bounds.length + 1) {
      throw new IllegalArgumentException("range dependency " + determinant + " -> " + dependent + ": "
          + dependentLevel.length + " levels for " + bounds.length + " bounds");
    }
  }

  /** The level index of the range that holds {@code value}, in the number's input units. */
  int level(double value) {
    return dependentLevel[NumberDependencies.range(bounds, value)];
  }

  /** As the manifest lists it: "age determines age_group by ranges". */
  @Override
  public String toString() {
    return determinant + " determines " + dependent + " by ranges";
  }
}
