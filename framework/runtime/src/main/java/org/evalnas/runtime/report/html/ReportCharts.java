package org.evalnas.runtime.report.html;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.geom.Ellipse2D;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.evalnas.runtime.ranking.RankingMetrics;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnitSource;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BoxAndWhiskerRenderer;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.statistics.DefaultBoxAndWhiskerCategoryDataset;
import org.jfree.data.statistics.DefaultMultiValueCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * The report's charts, each from plain numbers: no file access, no results format, so the
 * weight-sharing charts can be tested with data a test makes.
 */
public final class ReportCharts {
  /** The baseline's colour: grey, so the policies stand out against it. */
  static final Color BASELINE = new Color(0x80, 0x80, 0x80);

  /** A palette that stays distinguishable for colour-blind readers (Okabe–Ito). */
  private static final Color[] PALETTE = {
    new Color(0x00, 0x72, 0xB2), new Color(0xD5, 0x5E, 0x00), new Color(0x00, 0x9E, 0x73),
    new Color(0xCC, 0x79, 0xA7), new Color(0xE6, 0x9F, 0x00), new Color(0x56, 0xB4, 0xE9),
    new Color(0xF0, 0xE4, 0x42), new Color(0x00, 0x00, 0x00)
  };

  private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 18);
  private static final Font SUBTITLE = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
  private static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 14);
  private static final Font TICK = new Font(Font.SANS_SERIF, Font.PLAIN, 13);

  private ReportCharts() {}

  /** The colour of a policy: the baseline grey, the others from the palette by position. */
  static Color colour(String policy, int index, String baseline) {
    return policy.equals(baseline) ? BASELINE : PALETTE[index % PALETTE.length];
  }

  /**
   * Box and strip per policy: the distribution of one value over seeds, a box (quartiles,
   * median, mean as a dot, whiskers to 1.5 IQR) and every seed's value as a point.
   *
   * @param byPolicy values per policy, in the order to draw (the baseline first)
   * @param baseline the baseline's name, drawn grey
   */
  public static JFreeChart distribution(
      String title,
      String subtitle,
      String valueLabel,
      Map<String, double[]> byPolicy,
      String baseline,
      double reference,
      String referenceLabel) {
    DefaultBoxAndWhiskerCategoryDataset boxes = new DefaultBoxAndWhiskerCategoryDataset();
    DefaultMultiValueCategoryDataset points = new DefaultMultiValueCategoryDataset();
    List<Color> colours = new ArrayList<>();
    int i = 0;
    for (Map.Entry<String, double[]> e : byPolicy.entrySet()) {
      List<Double> v = Arrays.stream(e.getValue()).filter(Double::isFinite).boxed().toList();
      boxes.add(v, "box", e.getKey());
      points.add(new ArrayList<Number>(v), "one seed", e.getKey());
      List<Number> mean = new ArrayList<>();
      v.stream().mapToDouble(Double::doubleValue).average().ifPresent(mean::add);
      points.add(mean, "mean over seeds", e.getKey());
      colours.add(colour(e.getKey(), e.getKey().equals(baseline) ? 0 : i++, baseline));
    }
    BoxAndWhiskerRenderer box =
        new BoxAndWhiskerRenderer() {
          private static final long serialVersionUID = 1L;

          @Override
          public Paint getItemPaint(int row, int column) {
            Color c = colours.get(column);
            return new Color(c.getRed(), c.getGreen(), c.getBlue(), 70);
          }
        };
    // the renderer's mean is a circle as wide as the box; the strip draws a small diamond
    box.setMeanVisible(false);
    // every value is a point of the strip: no outlier marks on top
    box.setMinOutlierVisible(false);
    box.setMaxOutlierVisible(false);
    box.setSeriesVisibleInLegend(0, false);
    box.setMedianVisible(true);
    box.setMaximumBarWidth(0.22);
    box.setUseOutlinePaintForWhiskers(true);
    box.setDefaultOutlinePaint(Color.DARK_GRAY);
    box.setDefaultOutlineStroke(new BasicStroke(1.2f));
    box.setFillBox(true);
    box.setDefaultToolTipGenerator(null);
    JitteredScatterRenderer strip = new JitteredScatterRenderer(0.18);
    strip.setSeriesShape(0, new Ellipse2D.Double(-4, -4, 8, 8));
    strip.setSeriesPaint(0, new Color(0x20, 0x20, 0x20, 170));
    strip.setSeriesOutlinePaint(0, Color.WHITE);
    strip.setUseOutlinePaint(true);
    strip.setSeriesShape(1, new java.awt.geom.Path2D.Double(new java.awt.Polygon(new int[] {0, 7, 0, -7}, new int[] {-7, 0, 7, 0}, 4)));
    strip.setSeriesPaint(1, new Color(0xC0, 0x20, 0x20));
    strip.setSeriesOutlinePaint(1, Color.WHITE);
    CategoryAxis x = new CategoryAxis("policy");
    NumberAxis y = new NumberAxis(valueLabel);
    y.setAutoRangeIncludesZero(false);
    CategoryPlot plot = new CategoryPlot(boxes, x, y, box);
    plot.setDataset(1, points);
    plot.setRenderer(1, strip);
    plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
    if (Double.isFinite(reference)) {
      plot.addRangeMarker(marker(reference, referenceLabel));
    }
    JFreeChart chart = new JFreeChart(title, TITLE, plot, true);
    return style(chart, subtitle);
  }

  /**
   * Mean and spread over seeds of curves that share an x axis, one band per policy.
   *
   * @param curves per policy, one {@code double[]} per seed, y values at x = 1, 2, ...; seeds of
   *     different lengths are averaged over the seeds that reach each x
   * @param reference a horizontal line to draw (e.g. the space's best), or NaN
   */
  public static JFreeChart meanCurves(
      String title,
      String subtitle,
      String xLabel,
      String yLabel,
      Map<String, List<double[]>> curves,
      String baseline,
      double reference,
      String referenceLabel) {
    Map<String, Map<Integer, double[]>> byX = new LinkedHashMap<>();
    for (Map.Entry<String, List<double[]>> e : curves.entrySet()) {
      // arrays, not boxed lists: 1,000 seeds of 300 queries are 300,000 values per policy
      List<double[]> all = e.getValue();
      int longest = all.stream().mapToInt(c -> c.length).max().orElse(0);
      Map<Integer, double[]> m = new TreeMap<>();
      for (int i = 0; i < longest; i++) {
        int n = 0;
        for (double[] c : all) {
          n += c.length > i ? 1 : 0;
        }
        double[] at = new double[n];
        int k = 0;
        for (double[] c : all) {
          if (c.length > i) {
            at[k++] = c[i];
          }
        }
        m.put(i + 1, at);
      }
      byX.put(e.getKey(), m);
    }
    return bands(title, subtitle, xLabel, yLabel, byX, baseline, reference, referenceLabel, false);
  }

  /**
   * Kendall tau per evaluation epoch, mean and spread over seeds, one band per policy.
   *
   * @param rankings (policy, seed, epoch, tau) entries
   * @param noiseCeiling the ground truth's repeat-to-repeat tau, drawn as a line when finite
   */
  public static JFreeChart kendallTauPerEpoch(List<WeightSharingResults.EpochRanking> rankings, double noiseCeiling) {
    Map<String, Map<Integer, List<Double>>> at = new TreeMap<>();
    for (WeightSharingResults.EpochRanking r : rankings) {
      at.computeIfAbsent(r.policy(), k -> new TreeMap<>())
          .computeIfAbsent(r.epoch(), k -> new ArrayList<>())
          .add(r.kendallTau());
    }
    Map<String, Map<Integer, double[]>> byX = new LinkedHashMap<>();
    at.forEach(
        (policy, m) -> {
          Map<Integer, double[]> v = new TreeMap<>();
          m.forEach((epoch, taus) -> v.put(epoch, taus.stream().mapToDouble(Double::doubleValue).toArray()));
          byX.put(policy, v);
        });
    JFreeChart chart =
        bands(
            "Supernet ranking quality over training",
            "Kendall tau-b of supernet scores vs ground truth on the evaluation sample; line: mean over seeds, band: ±1 std",
            "epoch",
            "Kendall tau",
            byX,
            "",
            0,
            "no correlation",
            true);
    NumberAxis y = (NumberAxis) chart.getXYPlot().getRangeAxis();
    y.setRange(-1.05, 1.05);
    if (Double.isFinite(noiseCeiling)) {
      org.jfree.chart.plot.ValueMarker ceiling = new org.jfree.chart.plot.ValueMarker(noiseCeiling);
      ceiling.setPaint(java.awt.Color.GRAY);
      ceiling.setStroke(
          new java.awt.BasicStroke(1.5f, java.awt.BasicStroke.CAP_BUTT, java.awt.BasicStroke.JOIN_MITER, 10f, new float[] {2f, 4f}, 0f));
      ceiling.setLabel(String.format(java.util.Locale.ROOT, "noise ceiling (truth repeat vs repeat) %.2f", noiseCeiling));
      ceiling.setLabelAnchor(org.jfree.chart.ui.RectangleAnchor.TOP_LEFT);
      ceiling.setLabelTextAnchor(org.jfree.chart.ui.TextAnchor.BOTTOM_LEFT);
      chart.getXYPlot().addRangeMarker(ceiling);
    }
    return chart;
  }

  /**
   * Supernet accuracy against ground-truth accuracy of the sampled architectures, one colour
   * per policy, with each policy's Kendall tau in the legend.
   */
  public static JFreeChart supernetVsTruth(List<WeightSharingResults.SupernetScore> scores) {
    Map<String, List<WeightSharingResults.SupernetScore>> byPolicy = new TreeMap<>();
    scores.forEach(s -> byPolicy.computeIfAbsent(s.policy(), k -> new ArrayList<>()).add(s));
    XYSeriesCollection data = new XYSeriesCollection();
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(false, true);
    int i = 0;
    for (Map.Entry<String, List<WeightSharingResults.SupernetScore>> e : byPolicy.entrySet()) {
      double[] supernet = e.getValue().stream().mapToDouble(WeightSharingResults.SupernetScore::supernetAccuracy).toArray();
      double[] truth = e.getValue().stream().mapToDouble(WeightSharingResults.SupernetScore::groundTruthAccuracy).toArray();
      double tau = supernet.length >= 2 ? RankingMetrics.kendallTau(supernet, truth) : Double.NaN;
      XYSeries s = new XYSeries(String.format(java.util.Locale.ROOT, "%s (tau = %.2f, n = %d)", e.getKey(), tau, supernet.length), false, true);
      for (int k = 0; k < supernet.length; k++) {
        s.add(supernet[k], truth[k]);
      }
      data.addSeries(s);
      Color c = PALETTE[i % PALETTE.length];
      renderer.setSeriesPaint(i, new Color(c.getRed(), c.getGreen(), c.getBlue(), 160));
      renderer.setSeriesShape(i, new Ellipse2D.Double(-3.5, -3.5, 7, 7));
      i++;
    }
    NumberAxis x = new NumberAxis("supernet accuracy (shared weights), %");
    NumberAxis y = new NumberAxis("ground-truth accuracy, %");
    x.setAutoRangeIncludesZero(false);
    y.setAutoRangeIncludesZero(false);
    XYPlot plot = new XYPlot(data, x, y, renderer);
    JFreeChart chart = new JFreeChart("Supernet accuracy vs ground truth", TITLE, plot, true);
    return style(
        chart, "each point: one sampled architecture of one seed, at the final evaluation epoch");
  }

  private static JFreeChart bands(
      String title,
      String subtitle,
      String xLabel,
      String yLabel,
      Map<String, Map<Integer, double[]>> byX,
      String baseline,
      double reference,
      String referenceLabel,
      boolean integerX) {
    YIntervalSeriesCollection data = new YIntervalSeriesCollection();
    DeviationRenderer renderer = new DeviationRenderer(true, false);
    renderer.setAlpha(0.18f);
    int i = 0;
    int series = 0;
    for (Map.Entry<String, Map<Integer, double[]>> e : byX.entrySet()) {
      YIntervalSeries s = new YIntervalSeries(e.getKey());
      for (Map.Entry<Integer, double[]> p : e.getValue().entrySet()) {
        double[] v = p.getValue();
        double mean = Arrays.stream(v).average().orElse(Double.NaN);
        double sd = v.length < 2 ? 0 : Math.sqrt(Arrays.stream(v).map(a -> (a - mean) * (a - mean)).sum() / (v.length - 1));
        s.add(p.getKey(), mean, mean - sd, mean + sd);
      }
      data.addSeries(s);
      Color c = colour(e.getKey(), e.getKey().equals(baseline) ? 0 : i++, baseline);
      renderer.setSeriesPaint(series, c);
      renderer.setSeriesFillPaint(series, c);
      renderer.setSeriesStroke(series, new BasicStroke(2.2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
      // a curve of one point (the one-query baseline) shows as a dot
      boolean dots = s.getItemCount() <= 12;
      renderer.setSeriesShapesVisible(series, dots);
      renderer.setSeriesShape(series, new Ellipse2D.Double(-4, -4, 8, 8));
      series++;
    }
    NumberAxis x = new NumberAxis(xLabel);
    NumberAxis y = new NumberAxis(yLabel);
    x.setAutoRangeIncludesZero(false);
    y.setAutoRangeIncludesZero(false);
    if (integerX) {
      x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
    } else {
      x.setStandardTickUnits(new NumberTickUnitSource(true));
    }
    XYPlot plot = new XYPlot(data, x, y, renderer);
    if (Double.isFinite(reference)) {
      plot.addRangeMarker(marker(reference, referenceLabel));
    }
    JFreeChart chart = new JFreeChart(title, TITLE, plot, true);
    return style(chart, subtitle);
  }

  private static ValueMarker marker(double value, String label) {
    ValueMarker m = new ValueMarker(value, Color.DARK_GRAY,
        new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1f, new float[] {6f, 4f}, 0f));
    m.setLabel(label);
    m.setLabelFont(TICK);
    m.setLabelPaint(Color.DARK_GRAY);
    m.setLabelBackgroundColor(new Color(255, 255, 255, 220));
    m.setLabelAnchor(org.jfree.chart.ui.RectangleAnchor.BOTTOM_LEFT);
    m.setLabelTextAnchor(TextAnchor.TOP_LEFT);
    return m;
  }

  /** One look for every chart: white, light grid, readable fonts, legend at the bottom. */
  private static JFreeChart style(JFreeChart chart, String subtitle) {
    chart.setBackgroundPaint(Color.WHITE);
    chart.setPadding(new RectangleInsets(8, 8, 8, 16));
    if (subtitle != null && !subtitle.isEmpty()) {
      TextTitle sub = new TextTitle(subtitle, SUBTITLE);
      sub.setPaint(Color.DARK_GRAY);
      sub.setPadding(new RectangleInsets(2, 0, 6, 0));
      chart.addSubtitle(sub);
    }
    LegendTitle legend = chart.getLegend();
    if (legend != null) {
      legend.setItemFont(LABEL);
      legend.setFrame(BlockBorder.NONE);
      legend.setPosition(RectangleEdge.BOTTOM);
    }
    if (chart.getPlot() instanceof XYPlot p) {
      p.setBackgroundPaint(Color.WHITE);
      p.setDomainGridlinePaint(new Color(0xDD, 0xDD, 0xDD));
      p.setRangeGridlinePaint(new Color(0xDD, 0xDD, 0xDD));
      p.setOutlinePaint(Color.GRAY);
      for (var axis : List.of(p.getDomainAxis(), p.getRangeAxis())) {
        axis.setLabelFont(LABEL);
        axis.setTickLabelFont(TICK);
      }
    } else if (chart.getPlot() instanceof CategoryPlot p) {
      p.setBackgroundPaint(Color.WHITE);
      p.setRangeGridlinePaint(new Color(0xDD, 0xDD, 0xDD));
      p.setOutlinePaint(Color.GRAY);
      p.getDomainAxis().setLabelFont(LABEL);
      p.getDomainAxis().setTickLabelFont(LABEL);
      p.getDomainAxis().setMaximumCategoryLabelLines(2);
      p.getRangeAxis().setLabelFont(LABEL);
      p.getRangeAxis().setTickLabelFont(TICK);
    }
    return chart;
  }
}
