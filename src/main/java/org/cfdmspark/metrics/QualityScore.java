package org.cfdmspark.metrics;

import java.util.ArrayList;
import java.util.List;

/**
 * SDMetrics' quality score. Column Shapes = mean of the per-column KSComplement (numeric) or TVComplement
 * (categorical); Column Pair Trends = mean over all column pairs of CorrelationSimilarity (two numeric columns)
 * or ContingencySimilarity (otherwise); overall = mean of the two. As in SDMetrics, undefined (NaN) scores are
 * left out of every mean, and a mean with nothing to average is NaN.
 *
 * @param overall mean of the two properties
 * @param columnShapes mean of {@code columns}' scores
 * @param columnPairTrends mean of {@code pairs}' scores
 * @param columns per-column details, in table order
 * @param pairs per-pair details, (a, b) with a before b in table order
 */
public record QualityScore(double overall, double columnShapes, double columnPairTrends, List<ColumnScore> columns,
    List<PairScore> pairs) {

  public record ColumnScore(String column, String metric, double score) {
  }

  public record PairScore(String columnA, String columnB, String metric, double score) {
  }

  /** Scores {@code synthetic} against {@code real}; both tables need the same columns in the same order. */
  public static QualityScore compute(EvalTable real, EvalTable synthetic) {
    real.requireSameSchema(synthetic, "synthetic");
    List<EvalColumn> r = real.columns();
    List<EvalColumn> s = synthetic.columns();
    List<ColumnScore> columns = new ArrayList<>();
    for (int c = 0; c < r.size(); c++) {
      columns.add(columnShape(r.get(c), s.get(c)));
    }
    List<PairScore> pairs = new ArrayList<>();
    for (int a = 0; a < r.size(); a++) {
      for (int b = a + 1; b < r.size(); b++) {
        pairs.add(pairTrend(r.get(a), r.get(b), s.get(a), s.get(b)));
      }
    }
    double shapes = meanOfDefined(columns.stream().mapToDouble(ColumnScore::score).toArray());
    double trends = meanOfDefined(pairs.stream().mapToDouble(PairScore::score).toArray());
    return new QualityScore(meanOfDefined(new double[] {shapes, trends}), shapes, trends, List.copyOf(columns),
        List.copyOf(pairs));
  }

  private static ColumnScore columnShape(EvalColumn real, EvalColumn synthetic) {
    if (real instanceof EvalColumn.Numeric r) {
      double score = KSComplement.compute(r.values(), ((EvalColumn.Numeric) synthetic).values());
      return new ColumnScore(real.name(), KSComplement.class.getSimpleName(), score);
    }
    double score = TVComplement.compute(((EvalColumn.Categorical) real).values(),
        ((EvalColumn.Categorical) synthetic).values());
    return new ColumnScore(real.name(), TVComplement.class.getSimpleName(), score);
  }

  private static PairScore pairTrend(EvalColumn realA, EvalColumn realB, EvalColumn syntheticA,
      EvalColumn syntheticB) {
    if (realA instanceof EvalColumn.Numeric ra && realB instanceof EvalColumn.Numeric rb) {
      double score = CorrelationSimilarity.compute(ra.values(), rb.values(),
          ((EvalColumn.Numeric) syntheticA).values(), ((EvalColumn.Numeric) syntheticB).values());
      return new PairScore(realA.name(), realB.name(), CorrelationSimilarity.class.getSimpleName(), score);
    }
    double score = ContingencySimilarity.compute(realA, realB, syntheticA, syntheticB);
    return new PairScore(realA.name(), realB.name(), ContingencySimilarity.class.getSimpleName(), score);
  }

  private static double meanOfDefined(double[] scores) {
    double sum = 0;
    int count = 0;
    for (double score : scores) {
      if (!Double.isNaN(score)) {
        sum += score;
        count++;
      }
    }
    return count == 0 ? Double.NaN : sum / count;
  }
}
