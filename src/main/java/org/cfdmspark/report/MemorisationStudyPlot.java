package org.cfdmspark.report;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;
import org.cfdmspark.metrics.MemorisationStudy;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The study's figure, two panels side by side (1,440 × 520): left, the random-feature test DSM loss over p/n,
 * one line per (n, m) (the paper's learning curves, peaking near p = n); right, the memorised fraction over p/n
 * with σ-CFDM's memorised fraction at each σ (largest n) as flat dashed lines.
 */
public final class MemorisationStudyPlot {
  private static final int WIDTH = 720;
  private static final int HEIGHT = 520;

  private MemorisationStudyPlot() {
  }

  /** Writes the figure as a PNG file. */
  public static void write(List<MemorisationStudy.Point> points, Path file) throws IOException {
    System.setProperty("java.awt.headless", "true");
    Map<String, List<MemorisationStudy.Point>> curves = new LinkedHashMap<>();
    List<MemorisationStudy.Point> cfdm = new ArrayList<>();
    int largestRows = 0;
    double minRatio = Double.POSITIVE_INFINITY;
    double maxRatio = 0;
    for (MemorisationStudy.Point point : points) {
      largestRows = Math.max(largestRows, point.rows());
      if (point.featureRatio() == null) {
        cfdm.add(point);
        continue;
      }
      curves.computeIfAbsent("n = " + point.rows() + ", m = " + point.noiseDraws(), k -> new ArrayList<>())
          .add(point);
      minRatio = Math.min(minRatio, point.featureRatio());
      maxRatio = Math.max(maxRatio, point.featureRatio());
    }
    XYChart loss = chart("Random features: test DSM loss", "test DSM loss (log)");
    loss.getStyler().setYAxisLogarithmic(true);
    XYChart memorised = chart("Memorised fraction (nearest / second-nearest < 1/3)", "memorised fraction");
    memorised.getStyler().setYAxisMin(0.0).setYAxisMax(1.0);
    for (Map.Entry<String, List<MemorisationStudy.Point>> curve : curves.entrySet()) {
      double[] x = curve.getValue().stream().mapToDouble(MemorisationStudy.Point::featureRatio).toArray();
      loss.addSeries(curve.getKey(), x,
          curve.getValue().stream().mapToDouble(MemorisationStudy.Point::testLoss).toArray());
      memorised.addSeries(curve.getKey(), x,
          curve.getValue().stream().mapToDouble(MemorisationStudy.Point::memorisedFraction).toArray());
    }
    for (MemorisationStudy.Point point : cfdm) {
      if (point.rows() != largestRows || curves.isEmpty()) {
        continue;
      }
      String name = String.format(Locale.ROOT, "σ-CFDM σ = %s (n = %d)", point.sigma(), point.rows());
      memorised.addSeries(name, new double[] {minRatio, maxRatio},
          new double[] {point.memorisedFraction(), point.memorisedFraction()})
          .setMarker(SeriesMarkers.NONE).setLineStyle(SeriesLines.DASH_DASH);
    }
    BufferedImage figure = new BufferedImage(2 * WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
    Graphics2D graphics = figure.createGraphics();
    graphics.drawImage(BitmapEncoder.getBufferedImage(loss), 0, 0, null);
    graphics.drawImage(BitmapEncoder.getBufferedImage(memorised), WIDTH, 0, null);
    graphics.dispose();
    ImageIO.write(figure, "png", file.toFile());
  }

  private static XYChart chart(String title, String yTitle) {
    XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle("p / n (log)")
        .yAxisTitle(yTitle).build();
    chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
    chart.getStyler().setXAxisLogarithmic(true);
    chart.getStyler().setChartBackgroundColor(Color.WHITE).setLegendPosition(Styler.LegendPosition.InsideNW)
        .setMarkerSize(6);
    return chart;
  }
}
