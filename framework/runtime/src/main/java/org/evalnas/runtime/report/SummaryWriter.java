package org.evalnas.runtime.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.evalnas.runtime.results.AtomicFiles;
import org.evalnas.runtime.results.ResultLayout;
import org.evalnas.runtime.stats.PolicyStatistics;

/**
 * Writes {@code summary.json}, {@code summary.csv} and {@code report.md}. None of them holds a
 * timestamp or a duration, so two runs of one config give the same bytes.
 */
public final class SummaryWriter {
  /** The summary.csv columns, in order. */
  public static final List<String> CSV_COLUMNS =
      List.of(
          "policy", "n", "mean", "std", "median", "min", "max", "ci_low", "ci_high",
          "rank_percentile", "regret", "p_beat_random", "mannwhitney_p", "mean_queries");

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private SummaryWriter() {}

  /** Writes the three files into {@code output}. */
  public static void write(ExperimentSummary s, Path output) {
    AtomicFiles.write(output.resolve(ResultLayout.SUMMARY_JSON), json(s));
    AtomicFiles.write(output.resolve(ResultLayout.SUMMARY_CSV), csv(s).getBytes(StandardCharsets.UTF_8));
    AtomicFiles.write(output.resolve(ResultLayout.REPORT_MD), markdown(s).getBytes(StandardCharsets.UTF_8));
  }

  static byte[] json(ExperimentSummary s) {
    ObjectNode o = JSON.createObjectNode();
    o.put("experiment", s.experiment());
    o.put("space", s.space());
    o.put("search_metric", s.searchMetric());
    o.put("report_metric", s.reportMetric());
    if (s.best() != null) {
      ObjectNode b = o.putObject("space_best");
      b.put("id", s.best().id());
      b.put("label", s.best().label());
      put(b, "accuracy", s.best().accuracy());
    }
    var rows = o.putArray("policies");
    for (PolicySummary r : s.rows()) {
      ObjectNode n = rows.addObject();
      n.put("policy", r.policy());
      PolicyStatistics a = r.accuracy();
      n.put("n", a.n());
      put(n, "mean", a.mean());
      put(n, "std", a.std());
      put(n, "median", a.median());
      put(n, "min", a.min());
      put(n, "max", a.max());
      put(n, "ci_low", a.ciLow());
      put(n, "ci_high", a.ciHigh());
      put(n, "rank_percentile", r.rankPercentile());
      put(n, "regret", r.regret());
      put(n, "p_beat_random", r.pBeatRandom());
      put(n, "mannwhitney_p", r.mannWhitneyP());
      put(n, "mean_queries", r.meanQueries());
    }
    if (!s.weightSharing().isEmpty()) {
      o.set("weight_sharing", weightSharingJson(s.weightSharing()));
    }
    var failures = o.putArray("failed_cells");
    s.failures().forEach(failures::add);
    try {
      return JSON.writeValueAsBytes(o);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static ObjectNode weightSharingJson(WeightSharingSummary w) {
    ObjectNode o = JSON.createObjectNode();
    put(o, "noise_ceiling", w.noiseCeiling());
    var epochs = o.putArray("epochs");
    for (WeightSharingSummary.EpochRow r : w.epochs()) {
      ObjectNode n = epochs.addObject();
      n.put("policy", r.policy());
      n.put("epoch", r.epoch());
      n.put("seeds", r.seeds());
      put(n, "kendall_tau", r.kendallTau());
      put(n, "kendall_tau_std", r.kendallTauStd());
      put(n, "spearman_rho", r.spearmanRho());
      put(n, "sparse_kendall_tau", r.sparseKendallTau());
      put(n, "top_kendall_tau", r.topKendallTau());
      ObjectNode p = n.putObject("precision_at_k");
      r.precisionAtK().forEach((k, v) -> put(p, Integer.toString(k), v));
      put(n, "true_rank_of_top", r.trueRankOfTop());
      put(n, "sample_size", r.sampleSize());
    }
    var stability = o.putArray("stability");
    for (WeightSharingSummary.StabilityRow r : w.stability()) {
      ObjectNode n = stability.addObject();
      n.put("policy", r.policy());
      n.put("seeds", r.seeds());
      n.put("architectures", r.architectures());
      put(n, "mean_pairwise_kendall_tau", r.meanPairwiseTau());
    }
    return o;
  }

  private static void put(ObjectNode n, String key, double v) {
    if (Double.isFinite(v)) {
      n.put(key, v);
    } else {
      n.putNull(key);
    }
  }

  static String csv(ExperimentSummary s) {
    StringBuilder sb = new StringBuilder(String.join(",", CSV_COLUMNS)).append('\n');
    for (PolicySummary r : s.rows()) {
      PolicyStatistics a = r.accuracy();
      sb.append(r.policy()).append(',').append(a.n());
      for (double v :
          new double[] {
            a.mean(), a.std(), a.median(), a.min(), a.max(), a.ciLow(), a.ciHigh(),
            r.rankPercentile(), r.regret(), r.pBeatRandom()
          }) {
        sb.append(',').append(Double.isFinite(v) ? fixed(v, 6) : "");
      }
      // p-values span many orders of magnitude: significant digits, not decimals
      double p = r.mannWhitneyP();
      sb.append(',').append(Double.isFinite(p) ? String.format(Locale.ROOT, "%.6g", p) : "");
      sb.append(',').append(Double.isFinite(r.meanQueries()) ? fixed(r.meanQueries(), 6) : "");
      sb.append('\n');
    }
    return sb.toString();
  }

  static String markdown(ExperimentSummary s) {
    StringBuilder sb = new StringBuilder();
    sb.append("# ").append(s.experiment()).append("\n\n");
    sb.append("Space `").append(s.space()).append("`; policies search on `").append(s.searchMetric())
        .append("`, chosen architectures are reported with `").append(s.reportMetric()).append("`.\n\n");
    if (s.best() != null) {
      sb.append("Best architecture of the space: `").append(s.best().label()).append("` with ")
          .append(fixed(s.best().accuracy(), 3)).append(" (").append(s.reportMetric()).append(").\n\n");
    }
    sb.append("| policy | n | mean | std | median | min | max | 95% CI | rank percentile | regret | P(beats random) | Mann–Whitney p |\n");
    sb.append("|---|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|\n");
    for (PolicySummary r : s.rows()) {
      PolicyStatistics a = r.accuracy();
      sb.append("| ").append(r.policy()).append(" | ").append(a.n())
          .append(" | ").append(md(a.mean(), 3)).append(" | ").append(md(a.std(), 3))
          .append(" | ").append(md(a.median(), 3)).append(" | ").append(md(a.min(), 3))
          .append(" | ").append(md(a.max(), 3))
          .append(" | [").append(md(a.ciLow(), 3)).append(", ").append(md(a.ciHigh(), 3)).append(']')
          .append(" | ").append(md(r.rankPercentile(), 2)).append(" | ").append(md(r.regret(), 3))
          .append(" | ").append(md(r.pBeatRandom(), 3)).append(" | ").append(pValue(r.mannWhitneyP()))
          .append(" |\n");
    }
    sb.append("\nAccuracy is the chosen architecture's ")
        .append(s.reportMetric())
        .append(" (percent) over seeds. The CI is a percentile bootstrap of the mean. Rank percentile:"
            + " 100 is the best architecture of the space. Regret: the space's best minus the"
            + " choice. P(beats random): over all pairs of a policy seed and a baseline seed, ties"
            + " count one half. Mann–Whitney p: two-sided, against random-baseline.\n");
    if (!s.weightSharing().isEmpty()) {
      weightSharingMarkdown(s.weightSharing(), s.reportMetric(), sb);
    }
    if (!s.failures().isEmpty()) {
      sb.append("\n## Failed cells\n\n");
      for (String f : s.failures()) {
        sb.append("- ").append(f).append('\n');
      }
    }
    return sb.toString();
  }

  private static void weightSharingMarkdown(WeightSharingSummary w, String metric, StringBuilder sb) {
    sb.append("\n## Supernet rankings\n\n");
    sb.append("How well each weight-sharing policy's supernet ranks the evaluation sample by its shared-weight"
        + " validation accuracy, against the ground truth's ").append(metric)
        .append(", after each evaluation epoch (mean over seeds).");
    if (Double.isFinite(w.noiseCeiling())) {
      sb.append(" Noise ceiling: the ground truth's repeats agree with each other at Kendall tau ")
          .append(fixed(w.noiseCeiling(), 3)).append('.');
    }
    sb.append("\n\n");
    List<Integer> ks = w.epochs().get(0).precisionAtK().keySet().stream().toList();
    sb.append("| policy | epoch | seeds | Kendall tau | ± std | Spearman | sparse tau | tau in top 10% |");
    ks.forEach(k -> sb.append(" P@").append(k).append(" |"));
    sb.append(" true rank of top pick |\n|---|---:|---:|---:|---:|---:|---:|---:|");
    ks.forEach(k -> sb.append("---:|"));
    sb.append("---:|\n");
    for (WeightSharingSummary.EpochRow r : w.epochs()) {
      sb.append("| ").append(r.policy()).append(" | ").append(r.epoch()).append(" | ").append(r.seeds())
          .append(" | ").append(md(r.kendallTau(), 3)).append(" | ").append(md(r.kendallTauStd(), 3))
          .append(" | ").append(md(r.spearmanRho(), 3)).append(" | ").append(md(r.sparseKendallTau(), 3))
          .append(" | ").append(md(r.topKendallTau(), 3)).append(" |");
      ks.forEach(k -> sb.append(' ').append(md(r.precisionAtK().getOrDefault(k, Double.NaN), 2)).append(" |"));
      sb.append(' ').append(md(r.trueRankOfTop(), 1)).append(" |\n");
    }
    if (!w.stability().isEmpty()) {
      sb.append("\nStability across seeds (mean pairwise Kendall tau of the final supernet scores):");
      for (WeightSharingSummary.StabilityRow r : w.stability()) {
        sb.append(' ').append(r.policy()).append(' ').append(md(r.meanPairwiseTau(), 3))
            .append(" (").append(r.seeds()).append(" seeds, ").append(r.architectures()).append(" architectures);");
      }
      sb.setLength(sb.length() - 1);
      sb.append(".\n");
    }
  }

  private static String md(double v, int digits) {
    return Double.isFinite(v) ? fixed(v, digits) : "–";
  }

  private static String pValue(double p) {
    if (!Double.isFinite(p)) {
      return "–";
    }
    return p < 1e-4 ? String.format(Locale.ROOT, "%.1e", p) : fixed(p, 4);
  }

  private static String fixed(double v, int digits) {
    return String.format(Locale.ROOT, "%." + digits + "f", v);
  }
}
