package org.cfdmspark.report;

import java.util.Locale;
import java.util.Map;
import org.cfdmspark.metrics.QualityScore;

/**
 * report.html: one self-contained page (inline CSS, no scripts, no network) showing the figures of a
 * {@link QualityReport} and the PNG plots written beside it, so it opens offline straight from the directory.
 */
public final class ReportHtml {
  private ReportHtml() {
  }

  public static String render(QualityReport report) {
    StringBuilder html = new StringBuilder();
    html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<title>cfdm-spark quality and privacy report</title><style>")
        .append("body{font-family:sans-serif;max-width:1200px;margin:2em auto;color:#222}")
        .append("table{border-collapse:collapse;margin:0.5em 0 1.5em}")
        .append("td,th{border:1px solid #ccc;padding:3px 8px;text-align:right}")
        .append("th{background:#f3f3f3}td:first-child,th:first-child{text-align:left}")
        .append("img{margin:4px;border:1px solid #eee}.note{color:#555;font-size:90%}td.text{text-align:left}")
        .append(".good{color:#176b2c}.fair{color:#8a5a00}.poor{color:#b00020}")
        .append("</style></head><body>\n<h1>Quality and privacy report</h1>\n");
    verdict(html, report);
    tables(html, report);
    fidelity(html, report);
    columns(html, report);
    privacy(html, report);
    ProtocolHtml.render(html, report);
    plots(html, report.plots());
    html.append("</body></html>\n");
    return html.toString();
  }

  private static void verdict(StringBuilder html, QualityReport report) {
    html.append("<h2>Verdict</h2><table><tr><th>aspect</th><th>status</th><th>figure and its reference</th></tr>");
    for (ReportVerdict.Line line : report.verdict()) {
      String tone = switch (line.status()) {
        case AT_THE_FLOOR, OK -> "good";
        case NEAR -> "fair";
        case SHORT, CHECK -> "poor";
        case NO_FLOOR, SKIPPED -> "note";
      };
      html.append("<tr><td>").append(line.aspect()).append("</td><td class=\"text ").append(tone).append("\"><b>")
          .append(line.status().word()).append("</b></td><td class=\"text\">").append(escape(line.text()))
          .append("</td></tr>");
    }
    html.append("</table><p class=\"note\">Each figure against its reference: the floor (training rows against ")
        .append("the holdout), what held-out rows show, trees trained on the training rows, or 1. README, ")
        .append("\"Quality and privacy report\", gives the thresholds.</p>\n");
  }

  private static void tables(StringBuilder html, QualityReport report) {
    html.append("<h2>Tables</h2><table><tr><th>table</th><th>path</th><th>rows</th><th>rows used</th></tr>");
    row(html, "training", report.train());
    row(html, "synthetic", report.synthetic());
    row(html, "holdout", report.holdout());
    html.append("</table><p class=\"note\">");
    if (report.holdoutSetAside() > 0) {
      html.append("The training table held all ").append(report.holdoutSetAside()).append(" holdout rows (it is ")
          .append("the input before the split): they were set aside from it, as the split did. ");
    }
    html.append("Encoded space (distances, detection, PCA): ")
        .append(escape(report.encoding())).append(". Detection, sliced W2, MMD, PCA and DCR queries use at most ")
        .append(report.options().distanceRows()).append(" rows per table; seed ").append(report.options().seed())
        .append(".</p>\n");
  }

  private static void row(StringBuilder html, String name, QualityReport.TableInfo table) {
    if (table != null) {
      html.append("<tr><td>").append(name).append("</td><td class=\"text\">").append(escape(table.path())).append("</td><td>")
          .append(table.rows()).append("</td><td>").append(table.usedRows()).append("</td></tr>");
    }
  }

  private static void fidelity(StringBuilder html, QualityReport report) {
    html.append("<h2>Fidelity</h2><p class=\"note\">SDMetrics' quality score (1 = identical) and C2ST detection ")
        .append("(1 = indistinguishable); sliced W2 and MMD&sup2; are distances (0 = identical). With a holdout, ")
        .append("<em>train vs holdout</em> is the floor: what fresh rows from the same distribution score.</p>")
        .append("<table><tr><th>comparison</th><th>overall</th><th>column shapes</th><th>column pair trends</th>")
        .append("<th>detection</th><th>GBT detection</th><th>sliced W2</th><th>MMD&sup2;</th><th>rows</th></tr>");
    for (Map.Entry<String, QualityReport.Comparison> entry : report.comparisons().entrySet()) {
      QualityReport.Comparison c = entry.getValue();
      html.append("<tr><td>").append(entry.getKey().replace('_', ' ')).append("</td>")
          .append(cell(c.fidelity().overall())).append(cell(c.fidelity().columnShapes()))
          .append(cell(c.fidelity().columnPairTrends())).append(cell(c.detection().score()))
          .append(cell(c.gbtDetection().score()))
          .append(cell(c.slicedWasserstein2())).append(cell(c.mmd2())).append("<td>").append(c.comparedRows())
          .append(" vs ").append(c.referenceRows()).append("</td></tr>");
    }
    html.append("</table>\n");
  }

  private static void columns(StringBuilder html, QualityReport report) {
    html.append("<h2>Column shapes</h2><table><tr><th>column</th><th>metric</th>");
    for (String name : report.comparisons().keySet()) {
      html.append("<th>").append(name.replace('_', ' ')).append("</th>");
    }
    html.append("</tr>");
    QualityScore first = report.comparisons().values().iterator().next().fidelity();
    for (int c = 0; c < first.columns().size(); c++) {
      html.append("<tr><td>").append(escape(first.columns().get(c).column())).append("</td><td>")
          .append(first.columns().get(c).metric()).append("</td>");
      for (QualityReport.Comparison comparison : report.comparisons().values()) {
        html.append(cell(comparison.fidelity().columns().get(c).score()));
      }
      html.append("</tr>");
    }
    html.append("</table>\n");
  }

  private static void privacy(StringBuilder html, QualityReport report) {
    ReportPrivacy p = report.privacy();
    html.append("<h2>Privacy</h2><table><tr><th>figure</th><th>value</th><th>reference</th></tr>");
    figure(html, "DCR synthetic &rarr; training, median", p.dcrSyntheticToTrain().median(),
        p.dcrHoldoutToTrain() == null ? "" : "holdout &rarr; training: " + number(p.dcrHoldoutToTrain().median()));
    figure(html, "DCR synthetic &rarr; training, 5th percentile", p.dcrSyntheticToTrain().percentile5(),
        p.dcrHoldoutToTrain() == null ? "" : "holdout &rarr; training: "
            + number(p.dcrHoldoutToTrain().percentile5()));
    if (p.closerToTrainShare() != null) {
      figure(html, "closer-to-training share", p.closerToTrainShare(),
          "ideal " + number(p.idealCloserToTrainShare()));
      figure(html, "DCROverfittingProtection", p.dcrOverfittingProtection(),
          "1 = no overfitting: min((1 &minus; share) / (1 &minus; ideal), 1)");
    }
    figure(html, "near-copy rate", p.nearCopyRate(), "DCR below " + number(p.nearCopyThreshold())
        + " (1st percentile of distinct training rows' distance to the nearest different row)");
    figure(html, "exact copies (rate)", p.exactCopies().rate(), p.exactCopies().count() + " rows");
    html.append("</table><p class=\"note\">DCR from ").append(p.syntheticRows()).append(" synthetic")
        .append(p.holdoutRows() == null ? "" : " and " + p.holdoutRows() + " holdout").append(" rows to ")
        .append(p.trainRows()).append(" training rows in the encoded space.</p>\n");
  }

  private static void figure(StringBuilder html, String name, double value, String reference) {
    html.append("<tr><td>").append(name).append("</td>").append(cell(value)).append("<td class=\"text\">")
        .append(reference)
        .append("</td></tr>");
  }

  private static void plots(StringBuilder html, ReportPlots.Files plots) {
    html.append("<h2>Marginals: training vs synthetic</h2><div>");
    for (String file : plots.marginals()) {
      image(html, file);
    }
    html.append("</div>");
    if (plots.correlationTrain() != null) {
      html.append("<h2>Correlations of the numeric columns</h2><div>");
      image(html, plots.correlationTrain());
      image(html, plots.correlationSynthetic());
      html.append("</div>");
    }
    html.append("<h2>Principal components</h2>");
    image(html, plots.pca());
    html.append("<h2>Distance to the closest training row</h2>");
    image(html, plots.dcr());
    html.append('\n');
  }

  private static void image(StringBuilder html, String file) {
    html.append("<img src=\"").append(escape(file)).append("\" alt=\"").append(escape(file)).append("\">");
  }

  private static String cell(double value) {
    return "<td>" + number(value) + "</td>";
  }

  /** A figure with 4 decimals; a dash for none. */
  static String number(Double value) {
    return value == null || value.isNaN() ? "&ndash;" : String.format(Locale.ROOT, "%.4f", value);
  }

  /** Text made safe for HTML. */
  static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
