package org.cfdmspark.report;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.cfdmspark.encoding.MissingLabel;
import org.cfdmspark.knn.RowMatrix;
import org.cfdmspark.metrics.CorrelationSimilarity;
import org.cfdmspark.metrics.EqualWidthBins;
import org.cfdmspark.metrics.EvalColumn;
import org.cfdmspark.metrics.EvalTable;
import org.cfdmspark.metrics.Pca;
import org.cfdmspark.metrics.Quantiles;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;

/**
 * The report's PNG plots (xchart, drawn headless): per-column marginals (training vs synthetic), correlation
 * heatmaps of the numeric columns (training, synthetic), the first two principal components of the encoded rows
 * (training, holdout, synthetic) and the DCR histograms (S → R vs H → R). Distributions are drawn as shares so
 * that tables of different sizes compare.
 */
public final class ReportPlots {
  private static final int BINS = 30;
  private static final int MAX_CATEGORIES = 12;
  private static final int MAX_SCATTER_POINTS = 1500;
  private static final Color TRAIN = new Color(31, 119, 180);
  private static final Color SYNTHETIC = new Color(255, 127, 14);
  private static final Color HOLDOUT = new Color(44, 160, 44);

  private ReportPlots() {
  }

  /** The file names written, relative to the report directory; null where a plot does not apply. */
  public record Files(List<String> marginals, String correlationTrain, String correlationSynthetic, String pca,
      String dcr) {
  }

  /** Writes every plot into {@code directory}. */
  public static Files write(Path directory, ReportTables tables, ReportPrivacy.Measured privacy,
      ReportOptions options) throws IOException {
    System.setProperty("java.awt.headless", "true");
    List<String> marginals = new ArrayList<>();
    List<EvalColumn> train = tables.train().decoded().columns();
    List<EvalColumn> synthetic = tables.synthetic().decoded().columns();
    for (int c = 0; c < Math.min(options.plotColumns(), train.size()); c++) {
      String file = String.format("marginal_%02d.png", c);
      save(marginal(train.get(c), synthetic.get(c)), directory, file);
      marginals.add(file);
    }
    String correlationTrain = null;
    String correlationSynthetic = null;
    if (train.stream().filter(c -> c instanceof EvalColumn.Numeric).count() >= 2) {
      correlationTrain = "correlation_train.png";
      correlationSynthetic = "correlation_synthetic.png";
      save(correlation("Training: Pearson correlation", tables.train().decoded()), directory, correlationTrain);
      save(correlation("Synthetic: Pearson correlation", tables.synthetic().decoded()), directory,
          correlationSynthetic);
    }
    save(pca(tables, options), directory, "pca.png");
    save(dcr(privacy), directory, "dcr.png");
    return new Files(List.copyOf(marginals), correlationTrain, correlationSynthetic, "pca.png", "dcr.png");
  }

  private static Chart<?, ?> marginal(EvalColumn train, EvalColumn synthetic) {
    if (train instanceof EvalColumn.Numeric t && fewValues(t.values())) {
      // A number column with a handful of values (years, codes, counts) reads best as bars, one per value.
      return bars(train.name(), asText(t.values()), asText(((EvalColumn.Numeric) synthetic).values()),
          Comparator.comparingDouble(ReportPlots::numericLabel));
    }
    if (train instanceof EvalColumn.Numeric t) {
      double[] s = ((EvalColumn.Numeric) synthetic).values();
      EqualWidthBins bins = EqualWidthBins.spanning(t.values(), BINS);
      double[] centres = bins.centres();
      XYChart chart = new XYChartBuilder().width(380).height(280).title(train.name()).xAxisTitle(train.name())
          .yAxisTitle("share of rows").build();
      style(chart.getStyler());
      chart.getStyler().setMarkerSize(0);
      // Scientific notation for large numbers: six-digit tick labels run into each other at this width.
      boolean large = Arrays.stream(centres).anyMatch(v -> Math.abs(v) >= 10_000);
      chart.getStyler().setXAxisDecimalPattern(large ? "0.#E0" : "#.##");
      chart.addSeries("training", centres, bins.shares(t.values())).setLineColor(TRAIN);
      chart.addSeries("synthetic", centres, bins.shares(s)).setLineColor(SYNTHETIC);
      return chart;
    }
    String[] t = ((EvalColumn.Categorical) train).values();
    String[] s = ((EvalColumn.Categorical) synthetic).values();
    Map<String, Double> trainShares = shares(t, missingLabel(t, s));
    return bars(train.name(), t, s, Comparator.comparing((String k) -> -trainShares.get(k)).thenComparing(k -> k));
  }

  /** Side-by-side bars of the shares of the first {@value #MAX_CATEGORIES} training values in {@code order}. */
  private static CategoryChart bars(String name, String[] t, String[] s, Comparator<String> order) {
    String missing = missingLabel(t, s);
    Map<String, Double> trainShares = shares(t, missing);
    Map<String, Double> syntheticShares = shares(s, missing);
    List<String> top = trainShares.keySet().stream().sorted(order).limit(MAX_CATEGORIES).toList();
    CategoryChart chart = new CategoryChartBuilder().width(380).height(280).title(name)
        .yAxisTitle("share of rows").build();
    style(chart.getStyler());
    chart.getStyler().setXAxisLabelRotation(top.size() > 4 ? 45 : 0);
    chart.addSeries("training", top, top.stream().map(k -> trainShares.getOrDefault(k, 0.0)).toList())
        .setFillColor(TRAIN);
    chart.addSeries("synthetic", top, top.stream().map(k -> syntheticShares.getOrDefault(k, 0.0)).toList())
        .setFillColor(SYNTHETIC);
    return chart;
  }

  private static boolean fewValues(double[] values) {
    return Arrays.stream(values).filter(v -> !Double.isNaN(v)).distinct().limit(MAX_CATEGORIES + 1).count()
        <= MAX_CATEGORIES;
  }

  /** A numeric label's value; missing (no number is written "(missing)") sorts last. */
  private static double numericLabel(String label) {
    return label.equals(MissingLabel.PLAIN) ? Double.POSITIVE_INFINITY : Double.parseDouble(label);
  }

  /** The bar of missing cells: named apart from every value of either table, a text "(missing)" too. */
  private static String missingLabel(String[] t, String[] s) {
    Set<String> values = new HashSet<>(Arrays.asList(t));
    values.addAll(Arrays.asList(s));
    return MissingLabel.among(values);
  }

  /** Numbers as category labels, whole numbers without a decimal point, missing as null. */
  private static String[] asText(double[] values) {
    String[] text = new String[values.length];
    for (int i = 0; i < values.length; i++) {
      double v = values[i];
      text[i] = Double.isNaN(v) ? null : v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
    return text;
  }

  /** Category → share of rows; missing cells are the category {@code missing}. */
  private static Map<String, Double> shares(String[] values, String missing) {
    Map<String, Double> shares = new TreeMap<>();
    for (String v : values) {
      shares.merge(v == null ? missing : v, 1.0 / values.length, Double::sum);
    }
    return shares;
  }

  private static HeatMapChart correlation(String title, EvalTable table) {
    List<EvalColumn.Numeric> numeric = table.columns().stream().filter(c -> c instanceof EvalColumn.Numeric)
        .map(c -> (EvalColumn.Numeric) c).toList();
    List<String> names = numeric.stream().map(EvalColumn::name).toList();
    List<Number[]> cells = new ArrayList<>();
    for (int a = 0; a < numeric.size(); a++) {
      for (int b = 0; b < numeric.size(); b++) {
        double rho = CorrelationSimilarity.pearson(numeric.get(a).values(), numeric.get(b).values());
        // Row b is drawn at height n − 1 − b so that the first column is at the top, the diagonal descending.
        cells.add(new Number[] {a, numeric.size() - 1 - b, Double.isNaN(rho) ? 0 : rho});
      }
    }
    List<String> topDown = new ArrayList<>(names);
    Collections.reverse(topDown);
    int size = Math.max(440, 160 + 40 * names.size());
    HeatMapChart chart = new HeatMapChartBuilder().width(size + 120).height(size).title(title).build();
    chart.getStyler().setMin(-1).setMax(1)
        .setRangeColors(new Color[] {new Color(49, 54, 149), Color.WHITE, new Color(165, 0, 38)})
        .setShowValue(names.size() <= 12).setHeatMapValueDecimalPattern("0.00");
    chart.getStyler().setXAxisLabelRotation(90);
    // Small spacing hints: xchart otherwise drops every other column name to keep its default tick spacing.
    chart.getStyler().setXAxisTickMarkSpacingHint(10);
    chart.getStyler().setYAxisTickMarkSpacingHint(10);
    chart.getStyler().setChartBackgroundColor(Color.WHITE);
    chart.addSeries("rho", names, topDown, cells);
    return chart;
  }

  private static XYChart pca(ReportTables tables, ReportOptions options) {
    RowMatrix train = QualityReport.subsample(tables.train().encoded(), options.distanceRows(), options.seed());
    Pca pca = Pca.fit(train);
    XYChart chart = new XYChartBuilder().width(640).height(480)
        .title("First two principal components (fitted on training rows)").xAxisTitle("PC 1").yAxisTitle("PC 2")
        .build();
    style(chart.getStyler());
    chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter).setMarkerSize(3);
    // Synthetic first, so that the (often fewer) training and holdout points are drawn on top of it.
    addScatter(chart, "synthetic", pca, tables.synthetic().encoded(), options, SYNTHETIC);
    addScatter(chart, "training", pca, train, options, TRAIN);
    if (tables.holdout() != null) {
      addScatter(chart, "holdout", pca, tables.holdout().encoded(), options, HOLDOUT);
    }
    return chart;
  }

  private static void addScatter(XYChart chart, String name, Pca pca, RowMatrix rows, ReportOptions options,
      Color color) {
    double[][] xy = pca.project(QualityReport.subsample(rows, MAX_SCATTER_POINTS, options.seed() + 3));
    XYSeries series = chart.addSeries(name, xy[0], xy[1]);
    series.setMarkerColor(new Color(color.getRed(), color.getGreen(), color.getBlue(), 110));
  }

  private static XYChart dcr(ReportPrivacy.Measured privacy) {
    double[] s = privacy.syntheticToTrain();
    double[] h = privacy.holdoutToTrain();
    // The range ends at the 99th percentile so that a few far rows do not squeeze the bulk into one bin.
    double high = Math.max(Quantiles.of(s, 0.99), h == null ? 0 : Quantiles.of(h, 0.99));
    EqualWidthBins bins = EqualWidthBins.spanning(new double[] {0, high > 0 ? high : 1}, BINS);
    XYChart chart = new XYChartBuilder().width(640).height(360)
        .title("Distance to the closest training row (DCR)").xAxisTitle("DCR (encoded space)")
        .yAxisTitle("share of rows").build();
    style(chart.getStyler());
    chart.getStyler().setMarkerSize(0);
    chart.getStyler().setXAxisDecimalPattern("0.00");
    chart.addSeries("synthetic -> training", bins.centres(), bins.shares(s)).setLineColor(SYNTHETIC);
    if (h != null) {
      chart.addSeries("holdout -> training", bins.centres(), bins.shares(h)).setLineColor(HOLDOUT);
    }
    return chart;
  }

  /** White, with the legend under the plot: inside it would cover bars and peaks. */
  private static void style(Styler styler) {
    styler.setChartBackgroundColor(Color.WHITE).setLegendPosition(Styler.LegendPosition.OutsideS);
    styler.setLegendBorderColor(Color.WHITE);
  }

  private static void save(Chart<?, ?> chart, Path directory, String file) throws IOException {
    BitmapEncoder.saveBitmap(chart, directory.resolve(file).toString(), BitmapEncoder.BitmapFormat.PNG);
  }
}
