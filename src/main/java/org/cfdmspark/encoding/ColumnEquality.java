package org.cfdmspark.encoding;

import java.io.Serializable;
import java.util.Locale;

/**
 * Two number columns that hold the same value in many training rows, far more than their marginals give by chance:
 * an amount paid equal to the amount due (credit default's PAY_AMT5 equals BILL_AMT6 in 15 % of its rows, against
 * 0.1 % of samples before this was kept), an end date on its start date, a fixed instalment repeated. σ-CFDM
 * averages each column's normal score (its own non-linear scale), so a barycentre of rows that each hold an equal
 * pair, at different values, decodes to two different values; so does any barycentre that mixes equal and unequal
 * rows, whatever the scale. The codec gives the relation an indicator slot (set where a row's cells are equal and
 * neither is a point mass, which point masses keep already), and {@link TableCodec#decode} sets the dependent's
 * cell to the source's with the barycentre's weight of equal rows as its chance, one draw per row for every pair.
 *
 * @param source the column whose decoded value is kept
 * @param dependent the column set to it: normally the one with the wider range, which holds every value of the
 *     source's (see {@link ColumnEqualities})
 * @param share the training rows (of those with both cells present) where the two are equal, 0–1
 */
public record ColumnEquality(String source, String dependent, double share) implements Serializable {
  private static final long serialVersionUID = 1L;

  /** As the manifest lists it: "BILL_AMT6 = PAY_AMT5 in 19.9 % of rows". */
  @Override
  public String toString() {
    return String.format(Locale.ROOT, "%s = %s in %.1f %% of rows", dependent, source, 100 * share);
  }
}
