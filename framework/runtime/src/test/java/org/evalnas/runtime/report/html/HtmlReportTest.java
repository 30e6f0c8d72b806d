package org.evalnas.runtime.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.evalnas.runtime.cli.Main;
import org.evalnas.runtime.report.ExperimentSummary;
import org.evalnas.runtime.report.SummaryBuilder;
import org.evalnas.runtime.results.CellResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** report.html and its plots, from a real run and from weight-sharing data a test makes. */
class HtmlReportTest {
  static final Pattern IMG = Pattern.compile("<img src=\"data:image/png;base64,([A-Za-z0-9+/=]+)\"");

  @TempDir Path dir;

  /** Runs a small experiment through the command line and returns its output directory. */
  static Path run(Path dir) throws IOException {
    Path f = dir.resolve("exp.conf");
    Files.writeString(
        f,
        "experiment { name = pictures, space = fake, ground-truth = fake, seeds = 6\n"
            + "  policies = [test-random], baseline.policy = test-random, budget.queries = 15 }\n");
    Path out = dir.resolve("out");
    StringWriter err = new StringWriter();
    int code =
        Main.execute(
            new String[] {"run", f.toString(), "--output", out.toString(), "--no-progress", "--no-metrics"},
            new PrintWriter(new StringWriter()),
            new PrintWriter(err));
    assertThat(code).as(err.toString()).isZero();
    return out;
  }

  static List<BufferedImage> inlined(String html) throws IOException {
    List<BufferedImage> images = new ArrayList<>();
    Matcher m = IMG.matcher(html);
    while (m.find()) {
      images.add(ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(m.group(1)))));
    }
    return images;
  }

  @Test
  void runWritesASelfContainedReportAndItsPlots() throws IOException {
    Path out = run(dir);
    for (String png : List.of("report-accuracy.png", "report-rank-percentile.png", "report-anytime.png")) {
      BufferedImage image = ImageIO.read(out.resolve(png).toFile());
      assertThat(image.getWidth()).as(png).isEqualTo(HtmlReport.WIDTH);
      assertThat(image.getHeight()).as(png).isEqualTo(HtmlReport.HEIGHT);
    }
    // no weight-sharing cells: no weight-sharing plots
    assertThat(out.resolve("report-kendall-tau.png")).doesNotExist();
    String html = Files.readString(out.resolve("report.html"));
    assertThat(html).startsWith("<!DOCTYPE html>").contains("<h1>pictures</h1>").contains("random-baseline");
    assertThat(html).doesNotContain("src=\"http").doesNotContain("src=\"report-");
    List<BufferedImage> images = inlined(html);
    assertThat(images).hasSize(3).allMatch(i -> i.getWidth() == HtmlReport.WIDTH);

    // `report` rebuilds them from the cell results alone
    Files.delete(out.resolve("report.html"));
    Files.delete(out.resolve("report-anytime.png"));
    int code = Main.execute(new String[] {"report", out.toString()}, new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
    assertThat(code).isZero();
    assertThat(out.resolve("report-anytime.png")).exists();
    assertThat(inlined(Files.readString(out.resolve("report.html")))).hasSize(3);

    // --fresh removes the derived pictures with the rest, and nothing of the user's
    Files.writeString(out.resolve("report-notes.txt"), "mine");
    org.evalnas.runtime.results.ResultLayout.clear(out, List.of("random-baseline", "test-random"));
    assertThat(out.resolve("report.html")).doesNotExist();
    assertThat(out.resolve("report-accuracy.png")).doesNotExist();
    assertThat(out.resolve("report-anytime.png")).doesNotExist();
    assertThat(out.resolve("report-notes.txt")).exists();
  }

  @Test
  void theAnytimeCurveIsTheRunningBestOfEachTrajectory() {
    assertThat(HtmlReport.bestSoFar(new double[] {70, 65, 80, 79, 91})).containsExactly(70, 70, 80, 80, 91);
  }

  @Test
  void weightSharingPlotsFromConstructedData() throws IOException {
    Path out = run(dir);
    List<CellResult> results = SummaryBuilder.results(out);
    ExperimentSummary summary = SummaryBuilder.summarize(results, List.of());
    SplittableRandom random = new SplittableRandom(7);
    List<WeightSharingResults.EpochRanking> rankings = new ArrayList<>();
    List<WeightSharingResults.SupernetScore> scores = new ArrayList<>();
    for (String policy : List.of("spos", "fairnas")) {
      double quality = policy.equals("fairnas") ? 0.8 : 0.4;
      for (long seed = 0; seed < 4; seed++) {
        for (int epoch = 10; epoch <= 50; epoch += 10) {
          rankings.add(new WeightSharingResults.EpochRanking(policy, seed, epoch, quality * epoch / 50 + 0.05 * random.nextGaussian()));
        }
        for (int k = 0; k < 25; k++) {
          double truth = 85 + 8 * random.nextDouble();
          scores.add(new WeightSharingResults.SupernetScore(policy, seed, 40 + quality * 3 * (truth - 85) + 6 * random.nextGaussian(), truth));
        }
      }
    }
    Path ws = Files.createDirectories(dir.resolve("ws"));
    List<Path> files = HtmlReport.write(summary, results, new WeightSharingResults(rankings, scores), ws);
    assertThat(files.stream().map(p -> p.getFileName().toString()))
        .containsExactly(
            "report-accuracy.png", "report-rank-percentile.png", "report-anytime.png",
            "report-kendall-tau.png", "report-supernet-vs-truth.png", "report.html");
    String html = Files.readString(ws.resolve("report.html"));
    assertThat(inlined(html)).hasSize(5);
    assertThat(html).contains("Supernet ranking over training").contains("Supernet accuracy vs ground truth");
    // the scatter's legend carries each policy's tau over its points
    var chart = ReportCharts.supernetVsTruth(scores);
    var data = chart.getXYPlot().getDataset();
    assertThat(data.getSeriesCount()).isEqualTo(2);
    assertThat(data.getSeriesKey(0).toString()).startsWith("fairnas (tau = ").endsWith("n = 100)");
    assertThat(data.getItemCount(0)).isEqualTo(100);
    // the tau curve: one band per policy, one point per epoch, the mean over seeds
    var tauChart = ReportCharts.kendallTauPerEpoch(rankings, 0.74);
    var tau = tauChart.getXYPlot().getDataset();
    // the noise ceiling is a labelled line at its value
    assertThat(ceilings(tauChart)).singleElement().satisfies(m -> {
      assertThat(m.getValue()).isEqualTo(0.74);
      assertThat(m.getLabel()).contains("0.74");
    });
    assertThat(ceilings(ReportCharts.kendallTauPerEpoch(rankings, Double.NaN))).isEmpty();
    assertThat(tau.getSeriesCount()).isEqualTo(2);
    assertThat(tau.getItemCount(0)).isEqualTo(5);
    double mean =
        rankings.stream().filter(r -> r.policy().equals("fairnas") && r.epoch() == 50)
            .mapToDouble(WeightSharingResults.EpochRanking::kendallTau).average().getAsDouble();
    assertThat(tau.getYValue(0, 4)).isCloseTo(mean, org.assertj.core.data.Offset.offset(1e-12));
  }

  /** The chart's noise-ceiling lines. */
  private static List<org.jfree.chart.plot.ValueMarker> ceilings(org.jfree.chart.JFreeChart chart) {
    java.util.Collection<?> markers = chart.getXYPlot().getRangeMarkers(org.jfree.chart.ui.Layer.FOREGROUND);
    return markers == null
        ? List.of()
        : markers.stream()
            .map(m -> (org.jfree.chart.plot.ValueMarker) m)
            .filter(m -> m.getLabel() != null && m.getLabel().contains("noise ceiling"))
            .toList();
  }
}
