package org.cfdmspark.encoding;

import java.io.Serializable;
import java.util.List;
import java.util.Set;

/**
 * What the user says about column kinds where inference from the schema and the data would guess wrong.
 *
 * @param categorical columns modelled as categories whatever their type (e.g. integer codes)
 * @param integer numeric columns whose decoded values are rounded even if the data has fractions
 * @param maxCategories the most distinct values a categorical column may have (each is one encoded dimension)
 * @param pointMasses whether number columns get point-mass states ({@link NumericColumnCodec}): on for the model,
 *     off for the report, whose distances follow the metrics' definition (standardised numbers, one-hot)
 * @param keys columns regenerated as keys ({@link KeyColumnCodec}) whatever their values
 * @param notKeys columns modelled even if their values look like a key's (all distinct)
 * @param constraints inequalities the user states ("a <= b"), refused if a training row breaks one; others
 *     are found ({@link Inequalities})
 * @param normalScores whether number columns are modelled as normal scores ({@link NormalScores}) instead of
 *     standardised values: the model's choice (--numeric-scale); the report keeps standardised values
 * @param finalNoise the noise a number column's decoding adds, in value-slot units (--final-noise; 0 = none)
 */
public record ColumnOverrides(Set<String> categorical, Set<String> integer, int maxCategories,
    boolean pointMasses, Set<String> keys, Set<String> notKeys, List<String> constraints, boolean normalScores,
    double finalNoise) implements Serializable {

  /** Overrides with standardised numbers and no final noise (the report's, and the plain method's). */
  public ColumnOverrides(Set<String> categorical, Set<String> integer, int maxCategories, boolean pointMasses,
      Set<String> keys, Set<String> notKeys, List<String> constraints) {
    this(categorical, integer, maxCategories, pointMasses, keys, notKeys, constraints, false, 0);
  }

  /** Overrides that leave keys and constraints to detection. */
  public ColumnOverrides(Set<String> categorical, Set<String> integer, int maxCategories, boolean pointMasses) {
    this(categorical, integer, maxCategories, pointMasses, Set.of(), Set.of(), List.of());
  }

  public static final int DEFAULT_MAX_CATEGORIES = 200;
  /** The largest --max-categories, which refusals may suggest raising it to. */
  public static final int MOST_MAX_CATEGORIES = 100_000;

  public static ColumnOverrides none() {
    return new ColumnOverrides(Set.of(), Set.of(), DEFAULT_MAX_CATEGORIES, true);
  }
}
