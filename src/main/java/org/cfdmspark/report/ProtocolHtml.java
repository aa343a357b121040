package org.cfdmspark.report;

import static org.cfdmspark.report.ReportHtml.escape;
import static org.cfdmspark.report.ReportHtml.number;

import org.cfdmspark.metrics.IdenticalMatchShare;
import org.cfdmspark.metrics.MemorisedFraction;
import org.cfdmspark.metrics.Tstr;
import org.cfdmspark.metrics.Validity;

/**
 * report.html's section on the figures the published tables use (metrics.md, "Utility, harsher detection,
 * memorisation, validity"): TSTR with its real-data reference, identical-match share and memorised fraction with
 * the holdout's, and validity. Gradient-boosted detection sits in the fidelity table beside the logistic one.
 */
final class ProtocolHtml {
  private ProtocolHtml() {
  }

  /** Appends the section to {@code html}. */
  static void render(StringBuilder html, QualityReport report) {
    html.append("<h2>Utility, memorisation, validity</h2><table><tr><th>figure</th><th>synthetic</th>")
        .append("<th>reference</th><th>about</th></tr>");
    Tstr tstr = report.utility();
    if (tstr.target() == null || tstr.synthetic() == null) {
      row(html, "TSTR", null, null, "skipped: " + escape(tstr.note()));
    } else {
      String metric = "roc_auc".equals(tstr.metric()) ? "ROC AUC, positive class " + escape(tstr.positiveClass())
          : "R&sup2;";
      row(html, "TSTR " + escape(tstr.target()), tstr.synthetic(), tstr.real(), "gradient-boosted trees trained on "
          + "synthetic rows (reference: on training rows), scored on the holdout; " + metric + "; gap "
          + number(tstr.gap()));
    }
    IdenticalMatchShare ims = report.identicalMatchShare();
    row(html, "identical-match share", ims.synthetic(), ims.holdout(),
        "rows equal to a training row (reference: held-out rows)");
    MemorisedFraction.Figures memorised = report.memorisedFraction();
    if (memorised != null) {
      row(html, "memorised fraction", memorised.fraction(), memorised.holdout(), "nearest / second-nearest training "
          + "distance &lt; 1/3; 95 % bootstrap interval " + number(memorised.lower()) + "&ndash;"
          + number(memorised.upper()));
    }
    Validity validity = report.validity();
    row(html, "BoundaryAdherence", validity.boundaryAdherence().score(), null, "numbers inside the training range");
    row(html, "CategoryAdherence", validity.categoryAdherence().score(), null, "categories seen in training");
    for (Validity.ColumnScore key : validity.keyUniqueness().columns()) {
      row(html, "KeyUniqueness " + escape(key.column()), key.score(), null, "a key column: unique values");
    }
    for (Validity.ColumnScore dependency : validity.dependencyAdherence().columns()) {
      row(html, "DependencyAdherence " + escape(dependency.column()), dependency.score(), null,
          "rows that pair the values as every training row does");
    }
    html.append("</table>\n");
  }

  private static void row(StringBuilder html, String name, Double value, Double reference, String about) {
    html.append("<tr><td>").append(name).append("</td><td>").append(number(value)).append("</td><td>")
        .append(number(reference)).append("</td><td class=\"text\">").append(about).append("</td></tr>");
  }
}
