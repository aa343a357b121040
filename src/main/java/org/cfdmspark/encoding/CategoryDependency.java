package org.cfdmspark.encoding;

import java.io.Serializable;

/**
 * A functional dependency between two categorical columns that every training row keeps: each value of
 * {@code determinant} occurs with one value of {@code dependent} only (LendingClub's sub_grade C4 always with grade
 * C, Adult's education with its education-num). Decoding votes (or draws) each column's category on its own, so a
 * barycentre of rows with different categories can come out as sub_grade C4 with grade B: a combination no row has
 * (30 % of the rows of a loan table at the defaults before this was kept). {@link TableCodec#decode} therefore
 * derives the dependent's cell from the determinant's.
 *
 * @param determinant the column whose value decides the other's
 * @param dependent the column decoded from it
 * @param dependentLevel for each determinant level k (its codec's level order; k = levels for a missing cell), the
 *     dependent's level index (its levels' length for missing); −1 for a slot no training row holds (the
 *     missing slot of a column without missing cells: never decoded)
 */
public record CategoryDependency(String determinant, String dependent, int[] dependentLevel) implements Serializable {
  private static final long serialVersionUID = 1L;

  /** As the manifest lists it: "sub_grade determines grade". */
  @Override
  public String toString() {
    return determinant + " determines " + dependent;
  }
}
