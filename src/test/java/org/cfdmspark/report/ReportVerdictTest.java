package org.cfdmspark.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cfdmspark.config.Json;
import org.cfdmspark.metrics.DetectionScore;
import org.cfdmspark.metrics.ExactCopies;
import org.cfdmspark.metrics.IdenticalMatchShare;
import org.cfdmspark.metrics.MemorisedFraction;
import org.cfdmspark.metrics.PrivacyMetrics;
import org.cfdmspark.metrics.QualityScore;
import org.cfdmspark.metrics.Tstr;
import org.cfdmspark.metrics.Validity;
import org.cfdmspark.report.ReportVerdict.Line;
import org.cfdmspark.report.ReportVerdict.Status;
import org.junit.jupiter.api.Test;

/** The verdict's rules on hand-built figures: every status, and which side of each reference is the good one. */
class ReportVerdictTest {

  @Test
  void anErrorAgainstTheFloorIsAtItNearOrShortAndLowerIsBetter() {
    assertEquals(Status.AT_THE_FLOOR, ReportVerdict.againstFloor(0.012, 0.010, 0), "within the floor's noise");
    assertEquals(Status.AT_THE_FLOOR, ReportVerdict.againstFloor(0.002, 0.010, 0), "better than fresh rows");
    assertEquals(Status.NEAR, ReportVerdict.againstFloor(0.018, 0.010, 0), "under twice the floor");
    assertEquals(Status.SHORT, ReportVerdict.againstFloor(0.030, 0.010, 0), "three times the floor");
    assertEquals(Status.SHORT, ReportVerdict.againstFloor(0.030, 0, 0.02), "beyond the slack over a zero floor");
    assertEquals(Status.AT_THE_FLOOR, ReportVerdict.againstFloor(0.015, 0, 0.02), "within it");
  }

  @Test
  void fidelityLinesJudgeTheSyntheticAgainstHoldoutFiguresByTheFloor() {
    Map<String, Line> lines = byText(ReportVerdict.of(new Figures().report()), "fidelity");
    assertEquals(4, lines.size(), lines.toString());
    assertEquals(Status.AT_THE_FLOOR, lines.get("Column Shapes error").status(), "2.2 % against a 2 % floor");
    assertEquals(Status.NEAR, lines.get("Pair Trends error").status(), "5 % against a 3 % floor");
    assertEquals(Status.SHORT, lines.get("sliced W2").status(), "0.30 against a 0.10 floor");
    assertEquals(Status.SHORT, lines.get("GBT detection").status(), "0.60 against 0.97");
    assertTrue(lines.get("Column Shapes error").text().contains("2.20 % vs holdout, floor 2.00 %"),
        lines.get("Column Shapes error").text());
  }

  /**
   * The pair furthest below its own floor gets a line of its own: a mean Pair Trends at the floor can hide one lost
   * relation. Judged as the errors are, with the mean pair error at the floor as slack.
   */
  @Test
  void theWorstPairAgainstItsFloorIsNamedSoAMeanCannotHideIt() {
    Figures figures = new Figures();
    figures.floor = withPairs(comparison(0.02, 0.03, 0.10, 0.97, 5000, 5000, 5000), 0.93, 0.97);
    figures.synthetic = withPairs(comparison(0.022, 0.03, 0.10, 0.97, 5000, 5000, 5000), 0.54, 0.99);
    Map<String, Line> lines = byText(ReportVerdict.of(figures.report()), "fidelity");
    assertEquals(Status.AT_THE_FLOOR, lines.get("Pair Trends error").status());
    Line worst = lines.get("worst pair rate × grade: ContingencySimilarity");
    assertEquals(Status.SHORT, worst.status(), lines.toString());
    assertEquals("worst pair rate × grade: ContingencySimilarity 0.540 vs holdout, floor 0.930", worst.text());
    assertEquals(Status.AT_THE_FLOOR, lines.get("worst column rate: KSComplement").status(),
        "one column, at its floor");
    figures.synthetic = withPairs(comparison(0.022, 0.03, 0.10, 0.97, 5000, 5000, 5000), 0.91, 0.96);
    assertEquals(Status.AT_THE_FLOOR, byText(ReportVerdict.of(figures.report()), "fidelity")
        .get("worst pair rate × grade: ContingencySimilarity").status(),
        "0.02 under its floor: within the mean pair's noise");
  }

  private static QualityReport.Comparison withPairs(QualityReport.Comparison comparison, double rateGrade,
      double rateTerm) {
    QualityScore f = comparison.fidelity();
    QualityScore fidelity = new QualityScore(f.overall(), f.columnShapes(), f.columnPairTrends(),
        List.of(new QualityScore.ColumnScore("rate", "KSComplement", 0.98)),
        List.of(new QualityScore.PairScore("rate", "grade", "ContingencySimilarity", rateGrade),
            new QualityScore.PairScore("rate", "term", "ContingencySimilarity", rateTerm)));
    return new QualityReport.Comparison(comparison.comparedRows(), comparison.referenceRows(), fidelity,
        comparison.distanceRows(), comparison.detection(), comparison.slicedWasserstein2(), comparison.mmd2(),
        comparison.gbtDetection());
  }

  @Test
  void aDetectionFloorOfOneLeavesOneOverRootRowsOfSlack() {
    Figures figures = new Figures();
    figures.floor = comparison(0.02, 0.03, 0.10, 1.0, 5000, 1000, 1000);
    figures.synthetic = comparison(0.02, 0.03, 0.10, 0.99, 5000, 1000, 1000);
    assertEquals(Status.AT_THE_FLOOR, byText(ReportVerdict.of(figures.report()), "fidelity").get("GBT detection")
        .status(), "0.01 under a floor of 1 at 1,000 rows a side: within 1/√1000");
    figures.synthetic = comparison(0.02, 0.03, 0.10, 0.90, 5000, 1000, 1000);
    assertEquals(Status.SHORT, byText(ReportVerdict.of(figures.report()), "fidelity").get("GBT detection")
        .status());
  }

  /**
   * Fewer synthetic than training rows raise the sampling error fresh rows would show at that size: 1,000 synthetic
   * rows against 1,000 held-out ones have √2 the floor's error when it was measured with 100,000 training rows.
   */
  @Test
  void theFloorIsScaledToTheComparedSizes() {
    Figures figures = new Figures();
    figures.floor = comparison(0.010, 0.03, 0.10, 0.97, 100_000, 1000, 1000);
    figures.synthetic = comparison(0.016, 0.03, 0.10, 0.97, 1000, 1000, 1000);
    Line scaled = byText(ReportVerdict.of(figures.report()), "fidelity").get("Column Shapes error");
    assertEquals(Status.AT_THE_FLOOR, scaled.status(), scaled.text());
    assertTrue(scaled.text().contains("floor 1.41 % (train vs holdout 1.00 %, scaled to 1000 synthetic rows)"),
        scaled.text());
    figures.synthetic = comparison(0.016, 0.03, 0.10, 0.97, 100_000, 1000, 1000);
    assertEquals(Status.NEAR, byText(ReportVerdict.of(figures.report()), "fidelity").get("Column Shapes error")
        .status(), "as many synthetic as training rows: the floor as measured");
  }

  /** Sliced W2 and detection compare n rows a side: a floor measured at 10 n has √10 less sampling error. */
  @Test
  void distanceFiguresScaleTheFloorByTheRowsASide() {
    Figures figures = new Figures();
    figures.floor = comparison(0.02, 0.03, 0.05, 0.97, 20_000, 5000, 5000);
    figures.synthetic = comparison(0.02, 0.03, 0.12, 0.97, 500, 5000, 500);
    Line w2 = byText(ReportVerdict.of(figures.report()), "fidelity").get("sliced W2");
    assertEquals(Status.AT_THE_FLOOR, w2.status(), w2.text());
    assertTrue(w2.text().contains("floor 0.158 (train vs holdout 0.050, scaled to 500 rows a side)"), w2.text());
  }

  @Test
  void withoutAHoldoutFidelityIsStatedWithNoFloorAndPrivacyWithWhatItHas() {
    Figures figures = new Figures();
    figures.holdout = false;
    figures.exactCopies = 3;
    List<Line> verdict = ReportVerdict.of(figures.report());
    Line fidelity = verdict.get(0);
    assertEquals("fidelity", fidelity.aspect());
    assertEquals(Status.NO_FLOOR, fidelity.status());
    assertTrue(fidelity.text().contains("Column Shapes error 1.50 %") && fidelity.text().contains("holdout"),
        fidelity.text());
    assertEquals(1, aspect(verdict, "fidelity").size());
    Map<String, Line> privacy = byText(verdict, "privacy");
    assertFalse(privacy.containsKey("closer-to-train share"), "needs held-out rows");
    assertEquals(Status.CHECK, privacy.get("exact copies").status(), "copies, and no fresh rows to compare with");
    assertEquals(Status.NO_FLOOR, privacy.get("memorised fraction").status());
    assertEquals(Status.OK, privacy.get("near-copy rate").status());
  }

  @Test
  void theCloserToTrainLineSaysHowTiesCountWhenManySamplesCopyARow() {
    Figures figures = new Figures();
    String line = privacyText(figures, "closer-to-train share");
    assertFalse(line.contains("ties"), line);
    figures.exactCopies = 2500; // half of the 5,000 samples equal a training row
    line = privacyText(figures, "closer-to-train share");
    assertTrue(line.contains("50.00 % of the samples equal a training row") && line.contains("ties"), line);
  }

  private static String privacyText(Figures figures, String start) {
    return ReportVerdict.of(figures.report()).stream().filter(l -> l.text().startsWith(start)).findFirst()
        .orElseThrow().text();
  }

  @Test
  void theCloserToTrainShareIsOkAtItsIdealNearWhileHalfProtectedAndCheckBeyond() {
    assertEquals(Status.OK, ReportVerdict.closerToTrain(0.80, 0.80, 1, 5000));
    assertEquals(Status.OK, ReportVerdict.closerToTrain(0.70, 0.80, 1, 5000), "below the ideal");
    assertEquals(Status.OK, ReportVerdict.closerToTrain(0.81, 0.80, 0.95, 5000), "within 2 standard errors");
    assertEquals(Status.NEAR, ReportVerdict.closerToTrain(0.88, 0.80, 0.6, 5000));
    assertEquals(Status.CHECK, ReportVerdict.closerToTrain(0.95, 0.80, 0.25, 5000));
  }

  @Test
  void aPrivacyShareIsOkUpToItsReferenceAndItsNoiseNearUpToTwiceItAndCheckBeyond() {
    assertEquals(Status.OK, ReportVerdict.againstReference(0, 5000, 0.01, 0));
    assertEquals(Status.OK, ReportVerdict.againstReference(0.011, 5000, 0.01, 0), "one in a thousand over");
    assertEquals(Status.NEAR, ReportVerdict.againstReference(0.018, 5000, 0.01, 0));
    assertEquals(Status.CHECK, ReportVerdict.againstReference(0.05, 5000, 0.01, 0));
    assertEquals(Status.OK, ReportVerdict.againstReference(0.035, 1000, 0.0125, 80),
        "80 held-out rows: a reference of 1 row in 80 is itself noisy");
    assertEquals(Status.NEAR, ReportVerdict.againstReference(0.035, 1000, 0.0125, 80_000),
        "the same reference measured on 80,000 rows");
  }

  @Test
  void tstrIsJudgedByItsGapAsAShareOfTheRealModelsLeadOverChance() {
    int many = 1_000_000; // held-out rows enough that noise plays no part
    assertEquals(Status.AT_THE_FLOOR, ReportVerdict.againstRealModel(0.89, 0.90, "roc_auc", many), "0.01 of 0.40");
    assertEquals(Status.AT_THE_FLOOR, ReportVerdict.againstRealModel(0.92, 0.90, "roc_auc", many), "better");
    assertEquals(Status.NEAR, ReportVerdict.againstRealModel(0.85, 0.90, "roc_auc", many), "0.05 of 0.40");
    assertEquals(Status.SHORT, ReportVerdict.againstRealModel(0.70, 0.90, "roc_auc", many), "0.20 of 0.40");
    assertEquals(Status.NEAR, ReportVerdict.againstRealModel(0.45, 0.50, "r2", many), "0.05 of 0.50");
    assertEquals(Status.SHORT, ReportVerdict.againstRealModel(0.60, 0.70, "roc_auc", many), "0.10 of 0.20");
  }

  @Test
  void aTstrGapWithinTheHoldoutsNoiseIsAtTheFloor() {
    // 311 held-out rows: two AUCs differ by up to 2·√2·√(1/933) = 0.093 by chance. A new user's 0.504 against
    // 0.525 was "short" (0.021 of a 0.025 lead).
    assertEquals(0.0926, ReportVerdict.tstrNoise("roc_auc", 311), 1e-4);
    assertEquals(Status.AT_THE_FLOOR, ReportVerdict.againstRealModel(0.504, 0.525, "roc_auc", 311));
    assertEquals(Status.NEAR, ReportVerdict.againstRealModel(0.60, 0.75, "roc_auc", 311), "within twice the noise");
    assertEquals(Status.SHORT, ReportVerdict.againstRealModel(0.504, 0.525, "roc_auc", 1_000_000),
        "the same gap on a million rows is real");
  }

  @Test
  void utilityHasALineOnlyWhenATargetWasGiven() {
    Figures figures = new Figures();
    List<Line> utility = aspect(ReportVerdict.of(figures.report()), "utility");
    assertEquals(1, utility.size(), utility.toString());
    assertEquals(Status.NEAR, utility.get(0).status(), utility.toString());
    assertEquals("TSTR ROC AUC for label: 0.850 trained on synthetic rows, 0.900 on training rows (gap 0.050, "
        + "noise ±0.023 on 5,000 held-out rows)",
        utility.get(0).text());
    figures.target = null;
    assertTrue(aspect(ReportVerdict.of(figures.report()), "utility").isEmpty());
    figures.target = "label";
    figures.utility = Tstr.skipped("the holdout rows hold one class only: AUC is undefined");
    Line skipped = aspect(ReportVerdict.of(figures.report()), "utility").get(0);
    assertEquals(Status.SKIPPED, skipped.status());
    assertTrue(skipped.text().contains("one class only"), skipped.text());
  }

  @Test
  void validityNamesEachScoreBelowOne() {
    Validity clean = new Validity(family(1.0, "age", 1.0), family(1.0, "plan", 1.0), new Validity.Family(null,
        List.of()), new Validity.Family(null, List.of()));
    Line ok = ReportVerdict.validity(clean);
    assertEquals(Status.OK, ok.status());
    assertEquals("every adherence score is 1 (boundary, category)", ok.text());
    Validity off = new Validity(family(0.995, "age", 0.99), family(1.0, "plan", 1.0), new Validity.Family(null,
        List.of()), family(0.9, "sub_grade -> grade", 0.9));
    Line check = ReportVerdict.validity(off);
    assertEquals(Status.CHECK, check.status());
    assertEquals("below 1: boundary 0.9950 (age 0.9900); dependency 0.9000 (sub_grade -> grade 0.9000)",
        check.text());
    List<Validity.ColumnScore> many = new ArrayList<>();
    for (int c = 0; c < 7; c++) {
      many.add(new Validity.ColumnScore("x" + c, 0.9999));
    }
    Line named = ReportVerdict.validity(new Validity(new Validity.Family(0.9999, many), family(1.0, "plan", 1.0),
        new Validity.Family(null, List.of()), new Validity.Family(null, List.of())));
    assertTrue(named.text().endsWith("x4 0.9999 and 2 more)"), named.text());
  }

  @Test
  void theVerdictLeadsReportJsonAndPrintsAsAHeadingWithOneLinePerEntry() throws Exception {
    QualityReport report = new Figures().report();
    JsonNode json = Json.mapper().readTree(Json.mapper().writeValueAsString(report));
    assertEquals("verdict", json.fieldNames().next(), "first key");
    assertTrue(json.has("comparisons") && json.has("privacy"), "the other keys stay");
    JsonNode first = json.at("/verdict/0");
    assertEquals("fidelity", first.get("aspect").asText());
    assertEquals("at the floor", first.get("status").asText());
    assertTrue(first.get("text").asText().startsWith("Column Shapes error"), first.toString());

    String printed = ReportVerdict.printed(report.verdict());
    List<String> lines = printed.lines().toList();
    assertEquals("verdict:", lines.get(0));
    assertEquals(report.verdict().size() + 1, lines.size(), printed);
    assertTrue(lines.get(1).matches("  fidelity  at the floor  Column Shapes error .*"), lines.get(1));
    assertTrue(lines.get(3).matches("  fidelity  short         sliced W2 .*"), lines.get(3));
  }

  private static List<Line> aspect(List<Line> verdict, String aspect) {
    return verdict.stream().filter(line -> line.aspect().equals(aspect)).toList();
  }

  /** The lines of {@code aspect}, keyed by the figure each names (its text up to the first number or bracket). */
  private static Map<String, Line> byText(List<Line> verdict, String aspect) {
    Map<String, Line> lines = new LinkedHashMap<>();
    for (Line line : aspect(verdict, aspect)) {
      lines.put(line.text().split(" [(0-9]", 2)[0].replace(" of training rows", ""), line);
    }
    return lines;
  }

  private static Validity.Family family(double score, String column, double columnScore) {
    return new Validity.Family(score, List.of(new Validity.ColumnScore(column, columnScore)));
  }

  /** One comparison: the two errors, sliced W2, the GBT detection score and the sizes it was measured at. */
  private static QualityReport.Comparison comparison(double shapesError, double trendsError, double w2, double gbt,
      int comparedRows, int referenceRows, int distanceRows) {
    QualityScore fidelity = new QualityScore(1 - (shapesError + trendsError) / 2, 1 - shapesError, 1 - trendsError,
        List.of(), List.of());
    DetectionScore detection = new DetectionScore(gbt, List.of());
    return new QualityReport.Comparison(comparedRows, referenceRows, fidelity, distanceRows, detection, w2, 0,
        detection);
  }

  /** A report's figures, set field by field; every size a side is 5,000 unless a comparison says otherwise. */
  private static final class Figures {
    boolean holdout = true;
    QualityReport.Comparison train = comparison(0.015, 0.025, 0.05, 0.9, 5000, 5000, 5000);
    QualityReport.Comparison synthetic = comparison(0.022, 0.05, 0.30, 0.60, 5000, 5000, 5000);
    QualityReport.Comparison floor = comparison(0.02, 0.03, 0.10, 0.97, 5000, 5000, 5000);
    int exactCopies = 0;
    String target = "label";
    Tstr utility = new Tstr("label", "roc_auc", "1", 0.85, 0.90, 0.05, null);

    QualityReport report() {
      Map<String, QualityReport.Comparison> comparisons = new LinkedHashMap<>();
      comparisons.put("synthetic_vs_train", train);
      if (holdout) {
        comparisons.put("synthetic_vs_holdout", synthetic);
        comparisons.put("train_vs_holdout", floor);
      }
      PrivacyMetrics.DcrSummary dcr = new PrivacyMetrics.DcrSummary(0.4, 0.2);
      ReportPrivacy privacy = new ReportPrivacy(5000, holdout ? 5000 : null, 5000, dcr, holdout ? dcr : null,
          holdout ? 0.52 : null, holdout ? 0.5 : null, holdout ? 0.96 : null, 0.1, 0.004,
          new ExactCopies(exactCopies, exactCopies / 5000.0));
      Validity.Family none = new Validity.Family(null, List.of());
      QualityReport.TableInfo table = new QualityReport.TableInfo("t.csv", 5000, 5000);
      return new QualityReport(table, table, holdout ? table : null, 0, List.of(), QualityReport.ENCODING,
          new ReportOptions(5000, 24, 100, 1, target), comparisons, privacy,
          new ReportPlots.Files(List.of(), null, null, "pca.png", "dcr.png"), utility,
          new IdenticalMatchShare(exactCopies / 5000.0, holdout ? 0.0 : null),
          new MemorisedFraction.Figures(0.1, 0.09, 0.11, holdout ? 0.1 : null),
          new Validity(family(1, "x", 1), none, none, none));
    }
  }
}
