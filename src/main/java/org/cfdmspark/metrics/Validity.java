package org.cfdmspark.metrics;

import java.util.ArrayList;
import java.util.List;

/**
 * Validity (SDMetrics' DiagnosticReport, expected 100 %): every number inside the training range
 * ({@link BoundaryAdherence}), every category seen in training ({@link CategoryAdherence}), key columns unique
 * ({@link KeyUniqueness}, for the columns the training codec treats as keys), and every functional dependency
 * between the training table's categorical columns kept ({@link DependencyAdherence}).
 *
 * @param boundaryAdherence over the numeric columns
 * @param categoryAdherence over the categorical columns
 * @param keyUniqueness over the key columns (often none)
 * @param dependencyAdherence over the training table's dependencies ("sub_grade determines grade"; often none)
 */
public record Validity(Family boundaryAdherence, Family categoryAdherence, Family keyUniqueness,
    Family dependencyAdherence) {

  /** One column's score. */
  public record ColumnScore(String column, double score) {
  }

  /**
   * One check over its columns.
   *
   * @param score mean of the column scores; null when no column applies
   */
  public record Family(Double score, List<ColumnScore> columns) {
    static Family of(List<ColumnScore> columns) {
      double sum = 0;
      int counted = 0;
      for (ColumnScore c : columns) {
        if (!Double.isNaN(c.score())) {
          sum += c.score();
          counted++;
        }
      }
      return new Family(counted == 0 ? null : sum / counted, List.copyOf(columns));
    }
  }

  /**
   * The checks of {@code synthetic} against {@code train} (same columns in the same order), and the uniqueness of
   * each column of {@code syntheticKeys}, the synthetic table's key columns.
   */
  public static Validity compute(EvalTable train, EvalTable synthetic, EvalTable syntheticKeys) {
    train.requireSameSchema(synthetic, "synthetic");
    List<ColumnScore> boundary = new ArrayList<>();
    List<ColumnScore> category = new ArrayList<>();
    List<ColumnScore> keys = new ArrayList<>();
    for (int c = 0; c < train.columns().size(); c++) {
      EvalColumn real = train.columns().get(c);
      EvalColumn made = synthetic.columns().get(c);
      if (real instanceof EvalColumn.Numeric numeric) {
        boundary.add(new ColumnScore(real.name(), BoundaryAdherence.of(numeric, (EvalColumn.Numeric) made)));
      } else {
        category.add(new ColumnScore(real.name(),
            CategoryAdherence.of((EvalColumn.Categorical) real, (EvalColumn.Categorical) made)));
      }
    }
    for (EvalColumn key : syntheticKeys.columns()) {
      keys.add(new ColumnScore(key.name(), KeyUniqueness.of(key)));
    }
    return new Validity(Family.of(boundary), Family.of(category), Family.of(keys),
        Family.of(DependencyAdherence.of(train, synthetic)));
  }
}
