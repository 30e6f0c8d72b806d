package org.evalnas.runtime.report.html;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.text.StringEscapeUtils;
import org.evalnas.runtime.config.ExperimentSettings;
import org.evalnas.runtime.report.ExperimentSummary;
import org.evalnas.runtime.report.PolicySummary;
import org.evalnas.runtime.results.AtomicFiles;
import org.evalnas.runtime.results.CellResult;
import org.evalnas.runtime.stats.PolicyStatistics;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;

/**
 * Writes {@code report.html} and its PNG plots ({@code report-*.png}) beside {@code report.md},
 * from the cell results alone. The HTML inlines every image as a base64 data URI, so the one
 * file can be mailed or opened anywhere; the PNGs are there for papers and slides.
 */
public final class HtmlReport {
  /** The report's file name. */
  public static final String FILE = "report.html";
  /** The pixel size of every plot. */
  public static final int WIDTH = 960;
  public static final int HEIGHT = 560;

  private HtmlReport() {}

  /** One plot: its file, what it shows, and its PNG. */
  record Figure(String file, String title, String caption, byte[] png) {}

  /**
   * Writes the report and its plots into {@code output}.
   *
   * @param results the finished cells (any order)
   * @param weightSharing what weight-sharing cells add, or {@link WeightSharingResults#none()}
   * @return the files written, the HTML last
   */
  /**
   * Starts Java2D, fonts and the PNG encoder on a background thread, so that the plots at the
   * end of a run do not pay their start-up (about a second in a fresh JVM) after the cells.
   */
  public static void warmUpInBackground() {
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true");
    }
    Thread t =
        new Thread(
            () -> {
              try {
                org.jfree.data.xy.XYSeriesCollection data = new org.jfree.data.xy.XYSeriesCollection();
                org.jfree.data.xy.XYSeries series = new org.jfree.data.xy.XYSeries("warm-up");
                series.add(0, 0);
                series.add(1, 1);
                data.addSeries(series);
                JFreeChart chart =
                    org.jfree.chart.ChartFactory.createXYLineChart("warm-up", "x", "y", data);
                ChartUtils.writeChartAsPNG(java.io.OutputStream.nullOutputStream(), chart, 64, 48);
              } catch (java.io.IOException | RuntimeException e) {
                // only a warm-up: the real plots report their own errors
              }
            },
            "evalnas-plot-warm-up");
    t.setDaemon(true);
    t.setPriority(Thread.MIN_PRIORITY);
    t.start();
  }

  public static List<Path> write(
      ExperimentSummary summary, List<CellResult> results, WeightSharingResults weightSharing, Path output) {
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true"); // plots render off screen, display or not
    }
    List<Figure> figures = figures(summary, results, weightSharing);
    List<Path> written = new ArrayList<>();
    for (Figure f : figures) {
      Path p = output.resolve(f.file());
      AtomicFiles.write(p, f.png());
      written.add(p);
    }
    Path html = output.resolve(FILE);
    AtomicFiles.write(html, html(summary, figures).getBytes(StandardCharsets.UTF_8));
    written.add(html);
    return written;
  }

  static List<Figure> figures(ExperimentSummary s, List<CellResult> results, WeightSharingResults ws) {
    Map<String, List<CellResult>> byPolicy = new LinkedHashMap<>();
    for (PolicySummary row : s.rows()) { // the summary's order: the baseline first
      byPolicy.put(row.policy(), new ArrayList<>());
    }
    for (CellResult r : results) {
      byPolicy.computeIfAbsent(r.policy(), k -> new ArrayList<>()).add(r);
    }
    byPolicy.values().forEach(l -> l.sort(Comparator.comparingLong(CellResult::seed)));
    String baseline = ExperimentSettings.BASELINE;
    double best = s.best() != null ? s.best().accuracy() : Double.NaN;
    String metric = s.reportMetric();
    List<Figure> out = new ArrayList<>();

    Map<String, double[]> accuracy = new LinkedHashMap<>();
    byPolicy.forEach((p, cells) -> accuracy.put(p, cells.stream().mapToDouble(CellResult::accuracy).toArray()));
    out.add(
        figure(
            "report-accuracy.png",
            "Accuracy of the chosen architectures",
            "The ground-truth " + metric + " accuracy of the architecture each policy chose, one point per seed, next to "
                + baseline + " (one uniform draw from the space). Box: quartiles and median; red diamond: mean; whiskers: the farthest values within 1.5 IQR.",
            ReportCharts.distribution(
                "Chosen architectures' ground-truth accuracy",
                "one point per seed; " + baseline + " is one uniform draw from the space",
                metric + " accuracy, %",
                accuracy,
                baseline,
                best,
                "best in the space")));

    Map<String, double[]> percentile = new LinkedHashMap<>();
    byPolicy.forEach((p, cells) -> percentile.put(p, cells.stream().mapToDouble(CellResult::rankPercentile).toArray()));
    if (percentile.values().stream().flatMapToDouble(java.util.Arrays::stream).anyMatch(Double::isFinite)) {
      JFreeChart chart =
          ReportCharts.distribution(
              "Ground-truth rank percentile of the chosen architectures",
              "100 = the best architecture of the space, 50 = the median one; one point per seed",
              "rank percentile in the space",
              percentile,
              baseline,
              100,
              "best in the space");
      out.add(
          figure(
              "report-rank-percentile.png",
              "Rank percentile in the space",
              "Where each chosen architecture ranks among all architectures of the space by ground truth"
                  + " (100 = best). A policy no better than random sits around 50.",
              chart));
    }

    Map<String, List<double[]>> anytime = new LinkedHashMap<>();
    byPolicy.forEach(
        (p, cells) ->
            anytime.put(
                p,
                cells.stream()
                    .map(CellResult::trajectoryReport)
                    .filter(t -> t.length > 0)
                    .map(HtmlReport::bestSoFar)
                    .toList()));
    anytime.values().removeIf(List::isEmpty);
    if (!anytime.isEmpty()) {
      out.add(
          figure(
              "report-anytime.png",
              "Anytime performance",
              "The best ground-truth " + metric + " accuracy among the architectures a search has queried so far,"
                  + " by number of queries: mean over seeds (line) and ±1 standard deviation (band). Policies see"
                  + " only the search metric (" + s.searchMetric() + "); this is the oracle's view of what they found.",
              ReportCharts.meanCurves(
                  "Best accuracy found vs queries",
                  "best " + metric + " among queried architectures; line: mean over seeds, band: ±1 std",
                  "queries",
                  metric + " accuracy, %",
                  anytime,
                  baseline,
                  best,
                  "best in the space")));
    }
    if (!ws.rankings().isEmpty()) {
      out.add(
          figure(
              "report-kendall-tau.png",
              "Supernet ranking over training",
              "Kendall tau-b between the supernet's scores and the ground truth on the evaluation sample, per"
                  + " evaluation epoch: mean over seeds (line) and ±1 standard deviation (band). 1 = the supernet"
                  + " ranks the sample exactly as the ground truth does, 0 = no better than chance. The dotted"
                  + " line, when shown, is the noise ceiling: how well one training run of the ground truth"
                  + " ranks another.",
              ReportCharts.kendallTauPerEpoch(ws.rankings(), s.weightSharing().noiseCeiling())));
    }
    if (!ws.scores().isEmpty()) {
      out.add(
          figure(
              "report-supernet-vs-truth.png",
              "Supernet accuracy vs ground truth",
              "Each sampled architecture's accuracy with the shared weights against its ground-truth accuracy, at"
                  + " the final evaluation epoch; the legend gives each policy's Kendall tau over its points.",
              ReportCharts.supernetVsTruth(ws.scores())));
    }
    return out;
  }

  /** The running maximum of a trajectory. */
  static double[] bestSoFar(double[] values) {
    double[] out = new double[values.length];
    double best = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < values.length; i++) {
      best = Math.max(best, values[i]);
      out[i] = best;
    }
    return out;
  }

  private static Figure figure(String file, String title, String caption, JFreeChart chart) {
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    try {
      ChartUtils.writeChartAsPNG(png, chart, WIDTH, HEIGHT);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Figure(file, title, caption, png.toByteArray());
  }

  static String html(ExperimentSummary s, List<Figure> figures) {
    StringBuilder h = new StringBuilder();
    h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>").append(esc(s.experiment())).append(" — evalnas report</title>\n")
        .append("<style>\n")
        .append("body{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;max-width:1000px;margin:2em auto;padding:0 1em;color:#222;line-height:1.45}\n")
        .append("table{border-collapse:collapse;margin:1em 0;font-size:.92em}th,td{padding:.3em .6em;border-bottom:1px solid #ddd;white-space:nowrap}")
        .append("td.n{text-align:right;font-variant-numeric:tabular-nums}th{background:#f4f4f4;text-align:left}\n")
        .append("figure{margin:2em 0}figure img{max-width:100%;height:auto;border:1px solid #eee}")
        .append("figcaption{color:#444;font-size:.92em;margin-top:.4em}code{background:#f4f4f4;padding:0 .2em}\n")
        .append("</style>\n</head>\n<body>\n");
    h.append("<h1>").append(esc(s.experiment())).append("</h1>\n");
    h.append("<p>Space <code>").append(esc(s.space())).append("</code>; policies search on <code>")
        .append(esc(s.searchMetric())).append("</code>, chosen architectures are reported with <code>")
        .append(esc(s.reportMetric())).append("</code>.");
    if (s.best() != null) {
      h.append(" Best architecture of the space: <code>").append(esc(s.best().label())).append("</code> with ")
          .append(fixed(s.best().accuracy(), 3)).append('.');
    }
    h.append("</p>\n<table>\n<thead><tr><th>policy</th><th>n</th><th>mean</th><th>std</th><th>median</th>")
        .append("<th>min</th><th>max</th><th>95% CI</th><th>rank percentile</th><th>regret</th>")
        .append("<th>P(beats random)</th><th>Mann–Whitney p</th></tr></thead>\n<tbody>\n");
    for (PolicySummary r : s.rows()) {
      PolicyStatistics a = r.accuracy();
      h.append("<tr><td>").append(esc(r.policy())).append("</td>")
          .append(num(Integer.toString(a.n())))
          .append(num(fixed(a.mean(), 3))).append(num(fixed(a.std(), 3))).append(num(fixed(a.median(), 3)))
          .append(num(fixed(a.min(), 3))).append(num(fixed(a.max(), 3)))
          .append(num("[" + fixed(a.ciLow(), 3) + ", " + fixed(a.ciHigh(), 3) + "]"))
          .append(num(fixed(r.rankPercentile(), 2))).append(num(fixed(r.regret(), 3)))
          .append(num(fixed(r.pBeatRandom(), 3))).append(num(pValue(r.mannWhitneyP())))
          .append("</tr>\n");
    }
    h.append("</tbody>\n</table>\n");
    for (Figure f : figures) {
      h.append("<figure id=\"").append(f.file().replace(".png", "")).append("\">\n<h2>").append(esc(f.title()))
          .append("</h2>\n<img src=\"data:image/png;base64,").append(Base64.getEncoder().encodeToString(f.png()))
          .append("\" width=\"").append(WIDTH).append("\" height=\"").append(HEIGHT).append("\" alt=\"")
          .append(esc(f.title())).append("\" data-file=\"").append(f.file()).append("\">\n<figcaption>")
          .append(esc(f.caption())).append(" (<a href=\"").append(f.file()).append("\">").append(f.file())
          .append("</a>)</figcaption>\n</figure>\n");
    }
    if (!s.failures().isEmpty()) {
      h.append("<h2>Failed cells</h2>\n<ul>\n");
      s.failures().forEach(f -> h.append("<li><code>").append(esc(f)).append("</code></li>\n"));
      h.append("</ul>\n");
    }
    h.append("</body>\n</html>\n");
    return h.toString();
  }

  private static String num(String v) {
    return "<td class=\"n\">" + esc(v) + "</td>";
  }

  private static String esc(String s) {
    return StringEscapeUtils.escapeHtml4(s);
  }

  private static String fixed(double v, int digits) {
    return Double.isFinite(v) ? String.format(Locale.ROOT, "%." + digits + "f", v) : "–";
  }

  private static String pValue(double p) {
    if (!Double.isFinite(p)) {
      return "–";
    }
    return p < 1e-4 ? String.format(Locale.ROOT, "%.1e", p) : fixed(p, 4);
  }
}
