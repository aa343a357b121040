package org.cfdmspark.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.SparkContext;
import org.apache.spark.util.LongAccumulator;

/**
 * What the guard did over a run, counted on the executors: how many near-copies each widening of σ turned into
 * new rows, and how many were still near-copies after the last. Tells a user how far σ had to go on their table
 * (and so how much mixing the guard bought), not just that it acted.
 */
final class GuardTally implements Serializable {
  private static final long serialVersionUID = 1L;

  /** outcomes[k − 1]: settled by attempt k; outcomes[ATTEMPTS]: still near after the last attempt. */
  private final LongAccumulator[] outcomes = new LongAccumulator[NearCopyGuard.ATTEMPTS + 1];

  GuardTally(SparkContext spark) {
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

  /** The manifest's summary; {@code threshold} is null when strata have their own. */
  RunManifest.Guard summary(Double threshold) {
    long replaced = 0;
    List<RunManifest.Widening> widened = new ArrayList<>();
    for (int k = 0; k < outcomes.length; k++) {
      replaced += outcomes[k].value();
      if (k < NearCopyGuard.ATTEMPTS) {
        widened.add(new RunManifest.Widening(SigmaSteps.multiple(k + 1), outcomes[k].value()));
      }
    }
    return new RunManifest.Guard(threshold, replaced, widened, outcomes[NearCopyGuard.ATTEMPTS].value());
  }
}
