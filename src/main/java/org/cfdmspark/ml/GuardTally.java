package org.cfdmspark.ml;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.SparkContext;
import org.apache.spark.util.LongAccumulator;
import org.cfdmspark.privacy.NearCopyGuard;
import org.cfdmspark.privacy.SigmaSteps;

/**
 * What the guard did over a run, counted on the executors: how many near-copies each widening of σ turned into
 * new rows, and how many were still near-copies after the last. Tells a user how far σ had to go on their table
 * (and so how much mixing the guard bought), not just that it acted.
 */
public final class GuardTally implements Serializable {
  private static final long serialVersionUID = 1L;

  /** outcomes[k − 1]: settled by attempt k; outcomes[ATTEMPTS]: still near after the last attempt. */
  private final LongAccumulator[] outcomes = new LongAccumulator[NearCopyGuard.ATTEMPTS + 1];

  public GuardTally(SparkContext spark) {
    for (int k = 0; k < outcomes.length; k++) {
      outcomes[k] = spark.longAccumulator(k < NearCopyGuard.ATTEMPTS ? "cfdm guard settled at attempt " + (k + 1)
          : "cfdm guard still near");
    }
  }

  /** Adds one block's outcomes, as {@link NearCopyGuard#apply} returns them. */
  void add(int[] blockOutcomes) {
    for (int k = 0; k < outcomes.length; k++) {
      if (blockOutcomes[k] > 0) {
        outcomes[k].add(blockOutcomes[k]);
      }
    }
  }

  /**
   * @param threshold the near-copy distance (the report's encoded space); null when strata have their own
   * @param replaced samples that were near-copies when first drawn and were sampled again
   * @param widened per σ multiple of the guard's ladder, the near-copies it turned into new rows
   * @param stillNear near-copies still after the widest σ (kept as they are)
   */
  public record Summary(Double threshold, long replaced, List<Widening> widened, long stillNear) {
  }

  /** @param samples near-copies that became new rows at σ · sigmaMultiple (and not below) */
  public record Widening(double sigmaMultiple, long samples) {
  }

  /** The manifest's summary; {@code threshold} is null when strata have their own. */
  public Summary summary(Double threshold) {
    long replaced = 0;
    List<Widening> widened = new ArrayList<>();
    for (int k = 0; k < outcomes.length; k++) {
      replaced += outcomes[k].value();
      if (k < NearCopyGuard.ATTEMPTS) {
        widened.add(new Widening(SigmaSteps.multiple(k + 1), outcomes[k].value()));
      }
    }
    return new Summary(threshold, replaced, widened, outcomes[NearCopyGuard.ATTEMPTS].value());
  }
}
