package org.cfdmspark.report;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.DoubleFunction;
import org.cfdmspark.metrics.IdenticalMatchShare;
import org.cfdmspark.metrics.MemorisedFraction;
import org.cfdmspark.metrics.NearCopyThreshold;
import org.cfdmspark.metrics.QualityScore;
import org.cfdmspark.metrics.Tstr;
import org.cfdmspark.metrics.Validity;

/**
 * The report's plain verdict: a few lines, each comparing one figure of a {@link QualityReport} with its reference
 * and giving it a status word. Fidelity is judged against the floor (training rows against the holdout: what fresh
 * rows of the same source score), privacy against what held-out rows show, utility against trees trained on the
 * training rows, validity against 1. Nothing is measured anew: the verdict is a function of the report's figures.
 */
public final class ReportVerdict {
  // The thresholds, in one place. Each says how far from its reference a figure may be and still be called so.

  /**
   * An error (Shapes, Trends, sliced W2, detection) up to 30 % above the floor is "at the floor". The floor is first
   * scaled to the sizes the synthetic figure was measured at (sampling error goes as 1/√rows), and is itself one draw
   * of the split: it moves by 20-30 % between two of them (README, "Choosing the defaults": credit default Shapes
   * 1.17 → 1.49 %, Trends 1.87 → 2.22 %, Adult Shapes 1.13 → 1.43 %, sliced W2 0.013 → 0.015 from --seed 1 to 2).
   * Fresh California housing rows reported as if synthetic stay within it (README, "The verdict").
   */
  static final double FLOOR_NOISE = 0.3;
  /** Up to twice the floor's error is "near": the model adds no more error than sampling fresh rows does. */
  static final double NEAR_FLOOR = 2;
  /**
   * Detection clips each fold's AUC at ½, so a floor is often exactly 1 and holds no noise to measure: a detection
   * error up to this / √n (n: rows a side) above the floor's still counts, about one standard error of the score
   * when neither side can be told apart (a fold's AUC has sd √(1 / (2n)), the score doubles it, 3 folds average).
   */
  static final double DETECTION_NOISE = 1;
  /** A share this many binomial standard errors above its reference is still chance (about 95 % one-sided). */
  static final double STANDARD_ERRORS = 2;
  /** A privacy share up to twice what held-out rows show is "near"; beyond it, "check". */
  static final double NEAR_REFERENCE = 2;
  /**
   * A closer-to-train share is "near" while its DCROverfittingProtection is at least ½: no more than half of the
   * synthetic rows that should lie nearer a held-out row (1 − ideal of them) lie nearer a training row instead.
   */
  static final double NEAR_PROTECTION = 0.5;
  /** From this share of samples equal to a training row on, the closer-to-train line says how ties count. */
  static final double TIES_WORTH_SAYING = 0.1;
  /**
   * TSTR: a gap (real − synthetic) up to 5 % of the real-data model's lead over chance (AUC − ½, or R² − 0) is
   * "at the floor", up to 25 % "near". Both models are scored on the same held-out rows, so the gap moves less than
   * the real-data AUC itself, which README's two credit default splits moved by 0.021 (7 % of its lead).
   */
  static final double TSTR_AT_FLOOR = 0.05;
  static final double TSTR_NEAR = 0.25;
  /** A validity line names at most this many columns per check, to stay one line. */
  static final int NAMED_COLUMNS = 5;

  private ReportVerdict() {
  }

  /** A status word: how a figure stands against its reference. */
  public enum Status {
    AT_THE_FLOOR("at the floor"), NEAR("near"), SHORT("short"), OK("ok"), CHECK("check"),
    /** The figure is stated, but the report has no reference for it (no holdout). */
    NO_FLOOR("no floor"),
    /** TSTR was asked for but not computed. */
    SKIPPED("skipped");

    private final String word;

    Status(String word) {
      this.word = word;
    }

    @JsonValue
    public String word() {
      return word;
    }
  }

  /**
   * One line of the verdict.
   *
   * @param aspect fidelity, privacy, utility or validity
   * @param text the figure and its reference, in words
   */
  public record Line(String aspect, Status status, String text) {
  }

  /**
   * The verdict of {@code report}: fidelity lines (one per figure with a holdout, one without), privacy lines, a
   * utility line when a target was given, and a validity line. A figure that is undefined (NaN) gets no line.
   */
  public static List<Line> of(QualityReport report) {
    List<Line> lines = new ArrayList<>();
    fidelity(report, lines);
    privacy(report, lines);
    if (report.options().target() != null) {
      lines.add(utility(report.utility(), report.holdout() == null ? 0 : report.holdout().usedRows()));
    }
    lines.add(validity(report.validity()));
    return List.copyOf(lines);
  }

  /** The verdict as stdout shows it: a heading and one indented line per entry. */
  public static String printed(List<Line> lines) {
    StringBuilder out = new StringBuilder("verdict:\n");
    for (Line line : lines) {
      out.append(String.format(Locale.ROOT, "  %-8s  %-12s  %s%n", line.aspect(), line.status().word(),
          line.text()));
    }
    return out.toString();
  }

  private static void fidelity(QualityReport report, List<Line> lines) {
    QualityReport.Comparison synthetic = report.comparisons().get("synthetic_vs_holdout");
    QualityReport.Comparison floor = report.comparisons().get("train_vs_holdout");
    if (synthetic == null || floor == null) {
      QualityReport.Comparison train = report.comparisons().get("synthetic_vs_train");
      lines.add(new Line("fidelity", Status.NO_FLOOR, String.format(Locale.ROOT, "against the training rows: "
          + "Column Shapes error %s, Pair Trends error %s, sliced W2 %.3f, GBT detection %.3f (1 = "
          + "indistinguishable); a holdout "
          + "(generate --holdout-fraction 0.2, report --holdout) gives the floor to judge them by",
          percent(1 - train.fidelity().columnShapes()), percent(1 - train.fidelity().columnPairTrends()),
          train.slicedWasserstein2(), train.gbtDetection().score())));
      return;
    }
    // Shapes and Trends see every used row; their sampling error shrinks as √(1/a + 1/b) for sides of a and b rows.
    double rowScale = Math.sqrt((1.0 / synthetic.comparedRows() + 1.0 / synthetic.referenceRows())
        / (1.0 / floor.comparedRows() + 1.0 / floor.referenceRows()));
    // Sliced W2 and detection compare distanceRows a side.
    double distanceScale = Math.sqrt((double) floor.distanceRows() / synthetic.distanceRows());
    String rows = synthetic.comparedRows() + " synthetic rows";
    error(lines, "Column Shapes error", 1 - synthetic.fidelity().columnShapes(),
        1 - floor.fidelity().columnShapes(), rowScale, 0, rows, ReportVerdict::percent);
    error(lines, "Pair Trends error", 1 - synthetic.fidelity().columnPairTrends(),
        1 - floor.fidelity().columnPairTrends(), rowScale, 0, rows, ReportVerdict::percent);
    worst(lines, "column", scores(synthetic.fidelity().columns()), scores(floor.fidelity().columns()), rowScale,
        1 - floor.fidelity().columnShapes());
    worst(lines, "pair", pairScores(synthetic.fidelity().pairs()), pairScores(floor.fidelity().pairs()), rowScale,
        1 - floor.fidelity().columnPairTrends());
    String distanceRows = synthetic.distanceRows() + " rows a side";
    error(lines, "sliced W2", synthetic.slicedWasserstein2(), floor.slicedWasserstein2(), distanceScale, 0,
        distanceRows, value -> String.format(Locale.ROOT, "%.3f", value));
    // Detection is a score (1 = indistinguishable): judged as its error 1 − score, stated as the score.
    error(lines, "GBT detection (1 = indistinguishable)", 1 - synthetic.gbtDetection().score(),
        1 - floor.gbtDetection().score(), distanceScale, DETECTION_NOISE / Math.sqrt(synthetic.distanceRows()),
        distanceRows, error -> String.format(Locale.ROOT, "%.3f", 1 - error));
  }

  /**
   * The column (or pair) whose score falls furthest below its own floor, judged as the errors are with the table's
   * mean error at the floor as slack (one column's or pair's sampling noise is of that order): a mean at the floor can
   * hide one relation the samples lost (a loan table's interest rate × sub-grade pair scored 0.54 against a floor of
   * 0.93 while Pair Trends was at the floor). No line when the scores are not listed.
   */
  private static void worst(List<Line> lines, String kind, Map<String, Scored> synthetic,
      Map<String, Scored> floor, double scale, double meanFloorError) {
    String worst = null;
    double largest = Double.NEGATIVE_INFINITY;
    for (Map.Entry<String, Scored> entry : synthetic.entrySet()) {
      Scored reference = floor.get(entry.getKey());
      double excess = reference == null ? Double.NaN : reference.score() - entry.getValue().score();
      if (excess > largest) {
        largest = excess;
        worst = entry.getKey();
      }
    }
    if (worst == null) {
      return;
    }
    Scored scored = synthetic.get(worst);
    double floorScore = floor.get(worst).score();
    lines.add(new Line("fidelity", againstFloor(1 - scored.score(), (1 - floorScore) * scale, meanFloorError * scale),
        String.format(Locale.ROOT, "worst %s %s: %s %.3f vs holdout, floor %.3f", kind, worst, scored.metric(),
            scored.score(), floorScore)));
  }

  /** A column's or pair's score and the metric that gave it. */
  private record Scored(String metric, double score) {
  }

  private static Map<String, Scored> scores(List<QualityScore.ColumnScore> columns) {
    Map<String, Scored> byName = new LinkedHashMap<>();
    columns.forEach(c -> byName.put(c.column(), new Scored(c.metric(), c.score())));
    return byName;
  }

  private static Map<String, Scored> pairScores(List<QualityScore.PairScore> pairs) {
    Map<String, Scored> byName = new LinkedHashMap<>();
    pairs.forEach(p -> byName.put(p.columnA() + " × " + p.columnB(), new Scored(p.metric(), p.score())));
    return byName;
  }

  /** How one error, 0 = identical, stands against the floor's error scaled to the compared sizes. */
  static Status againstFloor(double error, double scaledFloor, double slack) {
    if (error <= scaledFloor * (1 + FLOOR_NOISE) + slack) {
      return Status.AT_THE_FLOOR;
    }
    return error <= scaledFloor * NEAR_FLOOR + slack ? Status.NEAR : Status.SHORT;
  }

  private static void error(List<Line> lines, String name, double error, double floor, double scale, double slack,
      String rows, DoubleFunction<String> format) {
    if (Double.isNaN(error) || Double.isNaN(floor)) {
      return;
    }
    double scaled = floor * scale;
    String text = name + " " + format.apply(error) + " vs holdout, floor " + format.apply(scaled);
    if (Math.abs(scale - 1) > 0.01) {
      text += " (train vs holdout " + format.apply(floor) + ", scaled to " + rows + ")";
    }
    lines.add(new Line("fidelity", againstFloor(error, scaled, slack), text));
  }

  private static void privacy(QualityReport report, List<Line> lines) {
    ReportPrivacy p = report.privacy();
    if (p.closerToTrainShare() != null) {
      // A sample equal to a training row that a held-out row equals too is at distance 0 from both: a tie, which
      // counts as not closer. On a table of repeated rows that holds the share far below its ideal.
      String ties = p.exactCopies().rate() < TIES_WORTH_SAYING ? "" : String.format(Locale.ROOT, "; %s of the "
          + "samples equal a training row, and those a held-out row equals too are ties, counted as not closer",
          percent(p.exactCopies().rate()));
      lines.add(new Line("privacy", closerToTrain(p.closerToTrainShare(), p.idealCloserToTrainShare(),
          p.dcrOverfittingProtection(), p.syntheticRows()), String.format(Locale.ROOT,
          "closer-to-train share %.3f, ideal %.3f (DCROverfittingProtection %.2f)%s", p.closerToTrainShare(),
          p.idealCloserToTrainShare(), p.dcrOverfittingProtection(), ties)));
    }
    IdenticalMatchShare identical = report.identicalMatchShare();
    // Fresh rows are near-copies as often as the threshold's percentile says, or as often as they repeat a
    // training row outright (distance 0), whichever is more.
    double nearReference = Math.max(NearCopyThreshold.PERCENTILE,
        identical.holdout() == null ? 0 : identical.holdout());
    lines.add(new Line("privacy", againstReference(p.nearCopyRate(), p.syntheticRows(), nearReference, 0),
        String.format(Locale.ROOT, "near-copy rate %s, fresh rows about %s", percent(p.nearCopyRate()),
            percent(nearReference))));
    lines.add(exactCopies(p.exactCopies().count(), identical, report.synthetic().usedRows(),
        report.holdout() == null ? 0 : report.holdout().usedRows()));
    MemorisedFraction.Figures memorised = report.memorisedFraction();
    if (memorised != null) {
      lines.add(memorised.holdout() == null
          ? new Line("privacy", Status.NO_FLOOR, String.format(Locale.ROOT, "memorised fraction %.3f; held-out "
              + "rows give its reference and the closer-to-train share", memorised.fraction()))
          : new Line("privacy", againstReference(memorised.fraction(), p.syntheticRows(), memorised.holdout(),
              p.holdoutRows()), String.format(Locale.ROOT, "memorised fraction %.3f, held-out rows %.3f",
              memorised.fraction(), memorised.holdout())));
    }
  }

  /** The closer-to-train share of {@code rows} synthetic rows against its ideal. */
  static Status closerToTrain(double share, double ideal, double protection, int rows) {
    if (share <= ideal + STANDARD_ERRORS * Math.sqrt(ideal * (1 - ideal) / rows)) {
      return Status.OK;
    }
    return protection >= NEAR_PROTECTION ? Status.NEAR : Status.CHECK;
  }

  /**
   * A share of {@code rows} synthetic rows against a reference share of {@code referenceRows} held-out rows (0
   * when the reference is exact): chance up to two standard errors of their difference above it.
   */
  static Status againstReference(double share, int rows, double reference, int referenceRows) {
    double variance = share * (1 - share) / rows
        + (referenceRows == 0 ? 0 : reference * (1 - reference) / referenceRows);
    double noise = STANDARD_ERRORS * Math.sqrt(variance);
    if (share <= reference + noise) {
      return Status.OK;
    }
    return share <= reference * NEAR_REFERENCE + noise ? Status.NEAR : Status.CHECK;
  }

  private static Line exactCopies(int count, IdenticalMatchShare identical, int syntheticRows, int holdoutRows) {
    String copies = String.format(Locale.ROOT, "exact copies of training rows %d (%s of synthetic rows)", count,
        percent(identical.synthetic()));
    if (identical.holdout() == null) {
      return new Line("privacy", count == 0 ? Status.OK : Status.CHECK, copies + (count == 0 ? ""
          : "; held-out rows would tell whether fresh rows repeat training rows as often"));
    }
    return new Line("privacy", againstReference(identical.synthetic(), syntheticRows, identical.holdout(),
        holdoutRows), copies + ", held-out rows " + percent(identical.holdout()));
  }

  private static Line utility(Tstr tstr, int holdoutRows) {
    if (tstr.synthetic() == null || tstr.real() == null) {
      return new Line("utility", Status.SKIPPED, "TSTR: " + tstr.note());
    }
    String metric = "roc_auc".equals(tstr.metric()) ? "ROC AUC" : "R²";
    double noise = tstrNoise(tstr.metric(), holdoutRows);
    boolean noSignal = tstr.real() - chance(tstr.metric()) <= noise;
    return new Line("utility", againstRealModel(tstr.synthetic(), tstr.real(), tstr.metric(), holdoutRows),
        String.format(Locale.ROOT, "TSTR %s for %s: %.3f trained on synthetic rows, %.3f on training rows (gap "
            + "%.3f, noise ±%.3f on %,d held-out rows)%s", metric, tstr.target(), tstr.synthetic(), tstr.real(),
            tstr.gap(), noise, holdoutRows, noSignal ? "; the real-data model is itself within noise of chance"
            : ""));
  }

  /**
   * TSTR's {@code synthetic} figure against the real-data model's, both scored on {@code holdoutRows} rows: a gap
   * within {@link #tstrNoise} or {@value #TSTR_AT_FLOOR} of the real model's lead over chance is at the floor,
   * within twice the noise or {@value #TSTR_NEAR} of the lead near.
   */
  static Status againstRealModel(double synthetic, double real, String metric, int holdoutRows) {
    double lead = Math.max(real - chance(metric), 0);
    double gap = real - synthetic;
    double noise = tstrNoise(metric, holdoutRows);
    if (gap <= Math.max(TSTR_AT_FLOOR * lead, noise)) {
      return Status.AT_THE_FLOOR;
    }
    return gap <= Math.max(TSTR_NEAR * lead, 2 * noise) ? Status.NEAR : Status.SHORT;
  }

  private static double chance(String metric) {
    return "roc_auc".equals(metric) ? 0.5 : 0;
  }

  /**
   * {@value #STANDARD_ERRORS} standard errors of a difference of two scores on the same n held-out rows, taken as
   * √2 times one score's: an AUC's is √(1 / 3n) where the classes cannot be told apart and are balanced
   * ((n + 1) / (12 n₁ n₀), Hanley and McNeil 1982: more with unbalanced classes, less with separable ones), an
   * R²'s about √(1 / n).
   */
  static double tstrNoise(String metric, int holdoutRows) {
    double n = Math.max(holdoutRows, 1);
    double one = "roc_auc".equals(metric) ? Math.sqrt(1 / (3 * n)) : Math.sqrt(1 / n);
    return STANDARD_ERRORS * Math.sqrt(2) * one;
  }

  static Line validity(Validity validity) {
    List<String> below = new ArrayList<>();
    List<String> checked = new ArrayList<>();
    family("boundary", validity.boundaryAdherence(), checked, below);
    family("category", validity.categoryAdherence(), checked, below);
    family("key uniqueness", validity.keyUniqueness(), checked, below);
    family("dependency", validity.dependencyAdherence(), checked, below);
    if (below.isEmpty()) {
      return new Line("validity", Status.OK, "every adherence score is 1 (" + String.join(", ", checked) + ")");
    }
    return new Line("validity", Status.CHECK, "below 1: " + String.join("; ", below));
  }

  /** Adds a family's name to {@code checked}, and to {@code below} with its columns under 1 when it scores under 1. */
  private static void family(String name, Validity.Family family, List<String> checked, List<String> below) {
    if (family.score() == null) {
      return;
    }
    checked.add(name);
    if (family.score() < 1) {
      // Four decimals: a few rows out of thousands still show below 1.
      List<String> columns = family.columns().stream().filter(c -> c.score() < 1)
          .map(c -> String.format(Locale.ROOT, "%s %.4f", c.column(), c.score())).toList();
      String named = String.join(", ", columns.subList(0, Math.min(columns.size(), NAMED_COLUMNS)))
          + (columns.size() > NAMED_COLUMNS ? " and " + (columns.size() - NAMED_COLUMNS) + " more" : "");
      below.add(String.format(Locale.ROOT, "%s %.4f (%s)", name, family.score(), named));
    }
  }

  private static String percent(double share) {
    return String.format(Locale.ROOT, "%.2f %%", 100 * share);
  }
}
