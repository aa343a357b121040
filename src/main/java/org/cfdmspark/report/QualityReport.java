package org.cfdmspark.report;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.spark.sql.SparkSession;
import org.cfdmspark.knn.RowMatrix;
import org.cfdmspark.metrics.DetectionScore;
import org.cfdmspark.metrics.EvalColumn;
import org.cfdmspark.metrics.GbtDetection;
import org.cfdmspark.metrics.IdenticalMatchShare;
import org.cfdmspark.metrics.MemorisedFraction;
import org.cfdmspark.metrics.MetricStream;
import org.cfdmspark.metrics.Mmd;
import org.cfdmspark.metrics.QualityScore;
import org.cfdmspark.metrics.SlicedWasserstein;
import org.cfdmspark.metrics.Subsample;
import org.cfdmspark.metrics.Tstr;
import org.cfdmspark.metrics.Validity;

/**
 * The quality and privacy report: what report.json holds (snake_case keys, documented in README.md).
 *
 * @param train the training table's path and sizes; likewise {@code synthetic} and {@code holdout} (null if none)
 * @param holdoutSetAside held-out rows taken out of the training table because it held every one of them (the
 *     input before the split, given as report --train); 0 when it was reported on whole
 * @param encoding the space distances are measured in
 * @param comparisons "synthetic_vs_train" always; "synthetic_vs_holdout" and the floor "train_vs_holdout" (what
 *     fresh rows from the same distribution score) with a holdout
 * @param privacy distance-based privacy figures
 * @param plots the PNG files written beside report.json
 * @param utility TSTR on the holdout for {@code options.target}, or why it was skipped
 * @param identicalMatchShare synthetic (and held-out) rows equal to a training row
 * @param memorisedFraction synthetic rows on one training row (Bonnaire et al. 2025), with the holdout's share
 * @param validity boundary, category and key checks of the synthetic table against the training table
 */
@JsonPropertyOrder({"verdict"}) // the plain summary first; the other keys keep their order
public record QualityReport(TableInfo train, TableInfo synthetic, TableInfo holdout, long holdoutSetAside,
    List<ColumnInfo> columns,
    String encoding, ReportOptions options, Map<String, Comparison> comparisons, ReportPrivacy privacy,
    ReportPlots.Files plots, Tstr utility, IdenticalMatchShare identicalMatchShare,
    MemorisedFraction.Figures memorisedFraction, Validity validity) {

  public static final String ENCODING = "numeric columns standardised with the training mean and sd, categorical "
      + "columns one-hot x 1/sqrt(2), a missing-value indicator per numeric column with missing cells; "
      + "fitted on the training table";

  /** The plain verdict on these figures ({@link ReportVerdict}); report.json's "verdict". */
  @JsonProperty("verdict")
  public List<ReportVerdict.Line> verdict() {
    return ReportVerdict.of(this);
  }

  /** @param usedRows rows read into the report (all, or a seeded subsample of {@code rows}) */
  public record TableInfo(String path, long rows, int usedRows) {
    static TableInfo of(ReportTables.Table table) {
      return table == null ? null : new TableInfo(table.path(), table.totalRows(), table.decoded().rows());
    }
  }

  /** @param kind numeric, categorical or key (a key column is only checked for unique values) */
  public record ColumnInfo(String name, String kind) {
  }

  /**
   * One table ("compared") scored against another ("reference").
   *
   * @param fidelity SDMetrics' quality score on the used rows
   * @param distanceRows rows of each side used for detection, sliced W2 and MMD (the smaller side's count)
   * @param slicedWasserstein2 sliced W2 in the encoded space
   * @param mmd2 unbiased MMD² with the median-heuristic RBF bandwidth, in the encoded space
   * @param gbtDetection the detection test with gradient-boosted trees ({@link GbtDetection}), on the same rows
   */
  public record Comparison(int comparedRows, int referenceRows, QualityScore fidelity, int distanceRows,
      DetectionScore detection, double slicedWasserstein2, double mmd2, DetectionScore gbtDetection) {
  }

  /**
   * Computes every figure; plots are written by {@link ReportPlots} and passed in as {@code plots}. {@code steps}
   * hears each comparison and TSTR as it begins (the minutes of a report go there). {@code holdoutSetAside} is
   * recorded as it is (the rows were taken out before {@code tables} were read).
   */
  public static QualityReport compute(SparkSession spark, ReportTables tables, long holdoutSetAside,
      ReportOptions options, ReportPrivacy privacy, ReportPlots.Files plots, Consumer<String> steps) {
    Map<String, Comparison> comparisons = new LinkedHashMap<>();
    steps.accept("synthetic vs train: fidelity, detection (logistic, gradient-boosted trees), sliced W2, MMD");
    comparisons.put("synthetic_vs_train", compare(spark, tables.synthetic(), tables.train(), options));
    if (tables.holdout() != null) {
      steps.accept("synthetic vs holdout: the same figures");
      comparisons.put("synthetic_vs_holdout", compare(spark, tables.synthetic(), tables.holdout(), options));
      steps.accept("train vs holdout, the floor: the same figures");
      comparisons.put("train_vs_holdout", compare(spark, tables.train(), tables.holdout(), options));
    }
    List<ColumnInfo> columns = new ArrayList<>(tables.train().decoded().columns().stream()
        .map(c -> new ColumnInfo(c.name(), c instanceof EvalColumn.Numeric ? "numeric" : "categorical")).toList());
    tables.train().keys().columns().forEach(c -> columns.add(new ColumnInfo(c.name(), "key")));
    return new QualityReport(TableInfo.of(tables.train()), TableInfo.of(tables.synthetic()),
        TableInfo.of(tables.holdout()), holdoutSetAside, columns, ENCODING, options, comparisons, privacy, plots,
        utility(spark, tables, options, steps), IdenticalMatchShare.compute(tables.train().decoded(),
            tables.synthetic().decoded(), tables.holdout() == null ? null : tables.holdout().decoded()),
        memorised(tables, options), Validity.compute(tables.train().decoded(), tables.synthetic().decoded(),
            tables.synthetic().keys()));
  }

  /** TSTR when a target and a holdout are given; otherwise an entry saying which is missing. */
  private static Tstr utility(SparkSession spark, ReportTables tables, ReportOptions options,
      Consumer<String> steps) {
    if (options.target() == null) {
      return Tstr.skipped("no --target: give --target COL to score gradient-boosted trees trained on synthetic and "
          + "on training rows on the holdout");
    }
    if (tables.holdout() == null) {
      return Tstr.skipped("no holdout: TSTR scores on held-out rows (generate --holdout-fraction, report --holdout)");
    }
    steps.accept("TSTR: gradient-boosted trees trained on synthetic and on training rows");
    return Tstr.compute(spark, tables.train().decoded(), tables.synthetic().decoded(), tables.holdout().decoded(),
        options.target(), options.seed());
  }

  /** On the DCR queries: the same synthetic and holdout subsamples as {@link ReportPrivacy}. */
  private static MemorisedFraction.Figures memorised(ReportTables tables, ReportOptions options) {
    RowMatrix train = tables.train().encoded();
    if (train.rows() < 2) {
      return null;
    }
    RowMatrix synthetic = subsample(tables.synthetic().encoded(), options.distanceRows(), options.seed());
    RowMatrix holdout = tables.holdout() == null ? null
        : subsample(tables.holdout().encoded(), options.distanceRows(), options.seed() + 1);
    return MemorisedFraction.compute(train, synthetic, holdout, options.seed());
  }

  private static Comparison compare(SparkSession spark, ReportTables.Table compared, ReportTables.Table reference,
      ReportOptions options) {
    QualityScore fidelity = QualityScore.compute(reference.decoded(), compared.decoded());
    // Both sides at the same size: sliced W2 pairs order statistics, and C2ST is then balanced.
    int n = Math.min(options.distanceRows(), Math.min(compared.encoded().rows(), reference.encoded().rows()));
    RowMatrix a = subsample(compared.encoded(), n, options.seed());
    RowMatrix b = subsample(reference.encoded(), n, options.seed() + 1);
    DetectionScore detection = DetectionScore.compute(spark, toArrays(b), toArrays(a), options.seed());
    double sw = SlicedWasserstein.compute(a, b, options.directions(), options.seed());
    double mmd = Mmd.compute(a, b, options.seed());
    DetectionScore gbt = GbtDetection.compute(spark, toArrays(b), toArrays(a), options.seed());
    return new Comparison(compared.decoded().rows(), reference.decoded().rows(), fidelity, n, detection, sw, mmd,
        gbt);
  }

  /** A seeded uniform subsample of at most {@code count} rows (the matrix itself when it is small enough). */
  static RowMatrix subsample(RowMatrix rows, int count, long seed) {
    return Subsample.rows(rows, count, MetricStream.SUBSAMPLE.open(seed));
  }

  private static double[][] toArrays(RowMatrix matrix) {
    double[][] rows = new double[matrix.rows()][matrix.dimension()];
    for (int i = 0; i < rows.length; i++) {
      for (int j = 0; j < matrix.dimension(); j++) {
        rows[i][j] = matrix.get(i, j);
      }
    }
    return rows;
  }
}
