package org.cfdmspark.metrics;

import org.cfdmspark.knn.RowMatrix;

/**
 * Distance-based privacy figures of a synthetic set S against the training set R and the holdout set H, all in
 * the same encoded space (the caller states its scaling, e.g. standardised numerics and one-hot categoricals).
 * DCR(s) is the Euclidean distance from s to its closest training row; quantiles interpolate linearly (numpy's
 * default).
 *
 * @param trainRows |R|
 * @param holdoutRows |H|
 * @param syntheticRows |S|
 * @param syntheticToTrain DCR of S to R
 * @param holdoutToTrain DCR of H to R: what rows R never saw look like, the reference for S
 * @param closerToTrainShare share of synthetic rows whose nearest training row is strictly closer than their
 *     nearest holdout row
 * @param idealCloserToTrainShare |R| / (|R| + |H|): the share for fresh rows from the same distribution
 * @param nearCopyThreshold {@link NearCopyThreshold}: 1st percentile of the distinct training rows' distances to
 *     their nearest different training row
 * @param nearCopyRate share of synthetic rows with DCR strictly below {@code nearCopyThreshold}
 * @param dcrOverfittingProtection SDMetrics' min(2 · (1 − closerToTrainShare), 1), defined for |R| = |H| only;
 *     NaN otherwise (then compare the share with its ideal)
 */
public record PrivacyMetrics(int trainRows, int holdoutRows, int syntheticRows, DcrSummary syntheticToTrain,
    DcrSummary holdoutToTrain, double closerToTrainShare, double idealCloserToTrainShare, double nearCopyThreshold,
    double nearCopyRate, double dcrOverfittingProtection) {

  /** Median and 5th percentile of a set of DCRs. */
  public record DcrSummary(double median, double percentile5) {
    public static DcrSummary of(double[] distances) {
      return new DcrSummary(Quantiles.of(distances, 0.5), Quantiles.of(distances, 0.05));
    }
  }

  /** All figures; R needs two rows (for the nearest other row), H and S one each. */
  public static PrivacyMetrics compute(RowMatrix train, RowMatrix holdout, RowMatrix synthetic) {
    double[] syntheticToTrain = NearestDistances.toNearest(train, synthetic);
    double[] syntheticToHoldout = NearestDistances.toNearest(holdout, synthetic);
    double[] holdoutToTrain = NearestDistances.toNearest(train, holdout);
    double nearCopyThreshold = NearCopyThreshold.of(train);

    int closerToTrain = 0;
    int nearCopies = 0;
    for (int s = 0; s < synthetic.rows(); s++) {
      if (syntheticToTrain[s] < syntheticToHoldout[s]) {
        closerToTrain++;
      }
      if (syntheticToTrain[s] < nearCopyThreshold) {
        nearCopies++;
      }
    }
    double share = closerToTrain / (double) synthetic.rows();
    double protection = train.rows() == holdout.rows() ? Math.min(2 * (1 - share), 1) : Double.NaN;
    return new PrivacyMetrics(train.rows(), holdout.rows(), synthetic.rows(), DcrSummary.of(syntheticToTrain),
        DcrSummary.of(holdoutToTrain), share, train.rows() / (double) (train.rows() + holdout.rows()),
        nearCopyThreshold, nearCopies / (double) synthetic.rows(), protection);
  }
}
