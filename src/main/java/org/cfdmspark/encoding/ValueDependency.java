package org.cfdmspark.encoding;

import java.io.Serializable;

/**
 * A number column that holds one value per level of a categorical column in every training row ({@link
 * NumberDependencies}): a plan's monthly price, a region's tax rate. σ-CFDM decodes the number on its own, so a
 * barycentre of rows of two plans could come out at a price no plan has; {@link TableCodec#decode} therefore sets
 * the number's cell to the value of the decoded category.
 *
 * @param determinant the categorical column
 * @param dependent the number column decoded from it
 * @param dependentValue for each determinant level k (its codec's level order; k = levels for a missing cell), the
 *     dependent's value in input units (days or microseconds for dates and timestamps); null for a missing cell, and
 *     for a slot no training row holds (the missing slot of a column without missing cells: never decoded)
 */
public record ValueDependency(String determinant, String dependent, Double[] dependentValue) implements Serializable {
  private static final long serialVersionUID = 1L;

  /** As the manifest lists it: "plan determines price". */
  @Override
  public String toString() {
    return determinant + " determines " + dependent;
  }
}
