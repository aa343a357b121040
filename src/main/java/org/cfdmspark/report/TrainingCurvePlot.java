package org.cfdmspark.report;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The score network's training curve (Han, Razaviyayn, Xu, arXiv 2401.15604, §5's picture): per epoch the
 * training and held-out DSM losses (left axis) and the mean distance of x̂_θ to the closed-form x̂ on the
 * held-out noisy points (right axis), with the epoch early stopping kept marked. A held-out loss that turns up
 * while the distance keeps falling is the network memorising.
 */
public final class TrainingCurvePlot {
  private TrainingCurvePlot() {
  }

  /**
   * Writes the plot as a PNG file {@code file} (720 × 480). Entry i of each array is epoch i + 1.
   *
   * @param bestEpoch the epoch whose network was kept (marked), 0 for none
   * @param trainingRows the training rows (in the title)
   */
  public static void write(double[] trainLoss, double[] heldOutLoss, double[] closedFormDistance, int bestEpoch,
      long trainingRows, Path file) throws IOException {
    int epochs = trainLoss.length;
    if (epochs == 0 || heldOutLoss.length != epochs || closedFormDistance.length != epochs) {
      throw new IllegalArgumentException("need one value per epoch in each curve, got " + epochs + ", "
          + heldOutLoss.length + ", " + closedFormDistance.length);
    }
    System.setProperty("java.awt.headless", "true");
    XYChart chart = new XYChartBuilder().width(720).height(480)
        .title("Score network training on " + trainingRows + " rows").xAxisTitle("epoch")
        .yAxisTitle("weighted DSM loss").build();
    chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
    chart.getStyler().setChartBackgroundColor(Color.WHITE).setMarkerSize(8)
        .setLegendPosition(Styler.LegendPosition.InsideNE).setYAxisGroupPosition(1, Styler.YAxisPosition.Right);
    double[] x = new double[epochs];
    for (int i = 0; i < epochs; i++) {
      x[i] = i + 1;
    }
    chart.addSeries("train loss", x, trainLoss).setMarker(SeriesMarkers.NONE).setLineColor(new Color(0x9ecae1));
    chart.addSeries("held-out loss", x, heldOutLoss).setMarker(SeriesMarkers.NONE)
        .setLineColor(new Color(0xe6550d));
    XYSeries distance = chart.addSeries("distance to closed form (right axis)", x, closedFormDistance);
    distance.setMarker(SeriesMarkers.NONE).setLineColor(new Color(0x31a354)).setYAxisGroup(1);
    chart.setYAxisGroupTitle(1, "mean ‖x̂ − x̂_closed‖");
    if (bestEpoch > 0) {
      XYSeries best = chart.addSeries("kept (epoch " + bestEpoch + ")", new double[] {bestEpoch},
          new double[] {heldOutLoss[bestEpoch - 1]});
      best.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter).setMarker(SeriesMarkers.CIRCLE)
          .setMarkerColor(Color.BLACK);
    }
    BitmapEncoder.saveBitmap(chart, file.toString(), BitmapEncoder.BitmapFormat.PNG);
  }
}
