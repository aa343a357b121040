package org.cfdmspark.report;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;

/**
 * A sweep over one generate knob: one row per value (what sweep.json holds), the trade-off plot (overall fidelity
 * against near-copy rate, each point labelled by its value) and a page showing both. report --compare is the
 * sweep over --generator, with its own plot (sliced W2 against near-copy rate).
 *
 * @param knob the swept knob's name
 * @param rows one per value, in the order given
 */
public record SweepReport(String knob, List<Row> rows) {

  /**
   * One generate run and its report.
   *
   * @param report the run's report.html, relative to the sweep directory
   */
  public record Row(String value, long samples, double overallFidelity, double detection, double dcrMedian,
      double holdoutDcrMedian, double nearCopyRate, double closerToTrainShare, double idealCloserToTrainShare,
      double slicedW2, double holdoutSlicedW2, double floorSlicedW2, double holdoutDetection,
      double exactCopyRate, String report) {

    /**
     * The row of one run: fidelity, detection and sliced W2 of synthetic vs train; with a holdout also sliced W2
     * and detection of synthetic vs holdout and the floor sliced W2 of train vs holdout (NaN without one).
     */
    public static Row of(String value, long samples, QualityReport report, String reportPath) {
      ReportPrivacy p = report.privacy();
      QualityReport.Comparison vsTrain = report.comparisons().get("synthetic_vs_train");
      QualityReport.Comparison vsHoldout = report.comparisons().get("synthetic_vs_holdout");
      QualityReport.Comparison floor = report.comparisons().get("train_vs_holdout");
      return new Row(value, samples, vsTrain.fidelity().overall(), vsTrain.detection().score(),
          p.dcrSyntheticToTrain().median(), p.dcrHoldoutToTrain() == null ? Double.NaN
              : p.dcrHoldoutToTrain().median(), p.nearCopyRate(),
          p.closerToTrainShare() == null ? Double.NaN : p.closerToTrainShare(),
          p.idealCloserToTrainShare() == null ? Double.NaN : p.idealCloserToTrainShare(),
          vsTrain.slicedWasserstein2(), vsHoldout == null ? Double.NaN : vsHoldout.slicedWasserstein2(),
          floor == null ? Double.NaN : floor.slicedWasserstein2(),
          vsHoldout == null ? Double.NaN : vsHoldout.detection().score(), p.exactCopies().rate(), reportPath);
    }
  }

  /** Writes the trade-off plot (overall fidelity against near-copy rate, a line over the values) as {@code file}. */
  public void writePlot(Path directory, String file) throws IOException {
    plot(directory, file, "Fidelity vs near-copies over " + knob, "overall fidelity (SDMetrics)",
        rows.stream().mapToDouble(Row::overallFidelity).toArray(), XYSeries.XYSeriesRenderStyle.Line);
  }

  /**
   * Writes the comparison plot as {@code file}: sliced W2 to the holdout (to the training rows without one;
   * lower is better) against near-copy rate, one labelled point per value.
   */
  public void writeComparisonPlot(Path directory, String file) throws IOException {
    boolean holdout = rows.stream().noneMatch(r -> Double.isNaN(r.holdoutSlicedW2()));
    plot(directory, file, "Sliced W2 vs near-copies by " + knob,
        "sliced W2 to " + (holdout ? "holdout" : "training") + " rows (lower is better)",
        rows.stream().mapToDouble(r -> holdout ? r.holdoutSlicedW2() : r.slicedW2()).toArray(),
        XYSeries.XYSeriesRenderStyle.Scatter);
  }

  private void plot(Path directory, String file, String title, String yTitle, double[] y,
      XYSeries.XYSeriesRenderStyle style) throws IOException {
    System.setProperty("java.awt.headless", "true");
    XYChart chart = new XYChartBuilder().width(720).height(480)
        .title(title).xAxisTitle("near-copy rate (share of synthetic rows)").yAxisTitle(yTitle).build();
    chart.getStyler().setDefaultSeriesRenderStyle(style);
    chart.getStyler().setChartBackgroundColor(Color.WHITE).setLegendVisible(false).setMarkerSize(9);
    double[] x = rows.stream().mapToDouble(Row::nearCopyRate).toArray();
    chart.addSeries(knob, x, y);
    // Labels are centred on their anchor: place each above its point — below it when that would overlap the
    // label of an earlier point close by (σ = 0 and 0.05 often sit together) — and widen the axes to fit them.
    double yMin = Arrays.stream(y).min().orElse(0);
    double yMax = Arrays.stream(y).max().orElse(1);
    double ySpan = yMax > yMin ? yMax - yMin : 0.01;
    chart.getStyler().setXAxisMin(-0.1).setXAxisMax(1.1);
    chart.getStyler().setYAxisMin(yMin - 0.15 * ySpan).setYAxisMax(yMax + 0.15 * ySpan);
    double[] labelY = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      labelY[i] = y[i] + 0.05 * ySpan;
      for (int j = 0; j < i; j++) {
        if (Math.abs(x[i] - x[j]) < 0.15 && Math.abs(labelY[i] - labelY[j]) < 0.05 * ySpan) {
          labelY[i] = y[i] - 0.06 * ySpan;
        }
      }
      chart.addAnnotation(new AnnotationText(knob + " = " + rows.get(i).value(), x[i], labelY[i], false));
    }
    BitmapEncoder.saveBitmap(chart, directory.resolve(file).toString(), BitmapEncoder.BitmapFormat.PNG);
  }

  /** The page: the table of rows with links to each run's report, and the plot. */
  public String html(String plotFile) {
    return html("Sweep over " + knob, plotFile);
  }

  /** The page titled {@code title}: the table of rows with links to each run's report, and the plot. */
  public String html(String title, String plotFile) {
    StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        + "<title>cfdm-spark " + title + "</title><style>body{font-family:sans-serif;max-width:1300px;"
        + "margin:2em auto}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:3px 8px;"
        + "text-align:right}th{background:#f3f3f3}</style></head><body>\n<h1>" + title + "</h1><table><tr><th>"
        + knob + "</th><th>samples</th><th>overall fidelity</th><th>detection S vs R</th>"
        + "<th>detection S vs H</th><th>sliced W2 S vs R</th><th>sliced W2 S vs H</th>"
        + "<th>sliced W2 floor R vs H</th><th>DCR median S&rarr;R</th><th>DCR median H&rarr;R</th>"
        + "<th>near-copy rate</th><th>closer-to-train share</th><th>ideal</th><th>exact copies</th>"
        + "<th>report</th></tr>");
    for (Row r : rows) {
      html.append("<tr><td>").append(r.value()).append("</td><td>").append(r.samples()).append("</td>");
      for (double v : new double[] {r.overallFidelity(), r.detection(), r.holdoutDetection(), r.slicedW2(),
          r.holdoutSlicedW2(), r.floorSlicedW2(), r.dcrMedian(), r.holdoutDcrMedian(), r.nearCopyRate(),
          r.closerToTrainShare(), r.idealCloserToTrainShare(), r.exactCopyRate()}) {
        html.append("<td>").append(Double.isNaN(v) ? "&ndash;" : String.format(Locale.ROOT, "%.4f", v))
            .append("</td>");
      }
      html.append("<td><a href=\"").append(r.report()).append("\">report</a></td></tr>");
    }
    return html.append("</table><p><img src=\"").append(plotFile).append("\" alt=\"trade-off plot\"></p>")
        .append("</body></html>\n").toString();
  }
}
