package org.cfdmspark.report;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.cfdmspark.engine.ScoreNetworkTraining;
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

  /** Writes the plot as a PNG file {@code file} (720 × 480). */
  public static void write(ScoreNetworkTraining.Result result, Path file) throws IOException {
    List<ScoreNetworkTraining.Epoch> epochs = result.epochs();
    if (epochs.isEmpty()) {
      throw new IllegalArgumentException("no epochs to plot");
    }
    System.setProperty("java.awt.headless", "true");
    XYChart chart = new XYChartBuilder().width(720).height(480)
        .title("Score network training (" + result.heldOutRows() + " held-out rows)").xAxisTitle("epoch")
        .yAxisTitle("weighted DSM loss").build();
    chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
    chart.getStyler().setChartBackgroundColor(Color.WHITE).setMarkerSize(8)
        .setLegendPosition(Styler.LegendPosition.InsideNE).setYAxisGroupPosition(1, Styler.YAxisPosition.Right);
    double[] x = epochs.stream().mapToDouble(ScoreNetworkTraining.Epoch::epoch).toArray();
    chart.addSeries("train loss", x, epochs.stream().mapToDouble(ScoreNetworkTraining.Epoch::trainLoss).toArray())
        .setMarker(SeriesMarkers.NONE).setLineColor(new Color(0x9ecae1));
    chart.addSeries("held-out loss", x,
        epochs.stream().mapToDouble(ScoreNetworkTraining.Epoch::heldOutLoss).toArray())
        .setMarker(SeriesMarkers.NONE).setLineColor(new Color(0xe6550d));
    XYSeries distance = chart.addSeries("distance to closed form (right axis)", x,
        epochs.stream().mapToDouble(ScoreNetworkTraining.Epoch::closedFormDistance).toArray());
    distance.setMarker(SeriesMarkers.NONE).setLineColor(new Color(0x31a354)).setYAxisGroup(1);
    chart.setYAxisGroupTitle(1, "mean ‖x̂ − x̂_closed‖");
    if (result.bestEpoch() > 0) {
      double kept = epochs.get(result.bestEpoch() - 1).heldOutLoss();
      XYSeries best = chart.addSeries("kept (epoch " + result.bestEpoch() + ")", new double[] {result.bestEpoch()},
          new double[] {kept});
      best.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter).setMarker(SeriesMarkers.CIRCLE)
          .setMarkerColor(Color.BLACK);
    }
    BitmapEncoder.saveBitmap(chart, file.toString(), BitmapEncoder.BitmapFormat.PNG);
  }
}
