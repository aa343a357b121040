package org.cfdmspark.report;

import org.cfdmspark.knn.RowMatrix;
import org.cfdmspark.metrics.ExactCopies;
import org.cfdmspark.metrics.NearCopyThreshold;
import org.cfdmspark.metrics.NearestDistances;
import org.cfdmspark.metrics.PrivacyMetrics;
import org.cfdmspark.metrics.Quantiles;

/**
 * The report's privacy section. DCRs are measured in the training codec's encoded space (see
 * {@link QualityReport#ENCODING}) from up to {@code ReportOptions.distanceRows} synthetic and holdout rows to every
 * used training row. Without a holdout only the S → R figures exist; the others are null.
 *
 * @param dcrSyntheticToTrain median and 5th percentile of the synthetic rows' DCR
 * @param dcrHoldoutToTrain the same for holdout rows: what rows the model never saw look like
 * @param closerToTrainShare share of synthetic rows nearer a training row than any holdout row (ideal: its ideal)
 * @param dcrOverfittingProtection min((1 − share) / (1 − ideal), 1): SDMetrics' min(2 (1 − share), 1) when
 *     |R| = |H| (ideal ½), measured against the ideal otherwise. Subsampling R to |H| instead would hide copies of
 *     the rows left out, so all used training rows stay in.
 * @param nearCopyThreshold {@link NearCopyThreshold}: 1st percentile of the distinct training rows' distances to
 *     their nearest different training row
 * @param nearCopyRate share of synthetic rows with DCR below the threshold
 * @param exactCopies synthetic rows equal to a used training row on every decoded value
 */
public record ReportPrivacy(int trainRows, Integer holdoutRows, int syntheticRows,
    PrivacyMetrics.DcrSummary dcrSyntheticToTrain, PrivacyMetrics.DcrSummary dcrHoldoutToTrain,
    Double closerToTrainShare, Double idealCloserToTrainShare, Double dcrOverfittingProtection,
    double nearCopyThreshold, double nearCopyRate, ExactCopies exactCopies) {

  /** The figures and the raw DCRs behind them (for the histogram); {@code holdoutToTrain} null without holdout. */
  public record Measured(ReportPrivacy figures, double[] syntheticToTrain, double[] holdoutToTrain) {
  }

  public static Measured compute(ReportTables tables, ReportOptions options) {
    RowMatrix train = tables.train().encoded();
    RowMatrix synthetic = QualityReport.subsample(tables.synthetic().encoded(), options.distanceRows(),
        options.seed());
    double[] syntheticToTrain = NearestDistances.toNearest(train, synthetic);
    ExactCopies copies = ExactCopies.find(tables.train().decoded(), tables.synthetic().decoded());
    if (tables.holdout() == null) {
      double threshold = NearCopyThreshold.of(train);
      int near = 0;
      for (double dcr : syntheticToTrain) {
        near += dcr < threshold ? 1 : 0;
      }
      ReportPrivacy figures = new ReportPrivacy(train.rows(), null, synthetic.rows(),
          PrivacyMetrics.DcrSummary.of(syntheticToTrain), null, null, null, null, threshold,
          near / (double) synthetic.rows(), copies);
      return new Measured(figures, syntheticToTrain, null);
    }
    RowMatrix holdout = QualityReport.subsample(tables.holdout().encoded(), options.distanceRows(),
        options.seed() + 1);
    PrivacyMetrics all = PrivacyMetrics.compute(train, holdout, synthetic);
    double protection = Math.min((1 - all.closerToTrainShare()) / (1 - all.idealCloserToTrainShare()), 1);
    ReportPrivacy figures = new ReportPrivacy(train.rows(), holdout.rows(), synthetic.rows(),
        all.syntheticToTrain(), all.holdoutToTrain(), all.closerToTrainShare(), all.idealCloserToTrainShare(),
        protection, all.nearCopyThreshold(), all.nearCopyRate(), copies);
    return new Measured(figures, syntheticToTrain, NearestDistances.toNearest(train, holdout));
  }
}
