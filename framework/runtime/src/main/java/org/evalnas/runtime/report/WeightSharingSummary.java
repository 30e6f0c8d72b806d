package org.evalnas.runtime.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;
import org.evalnas.runtime.ranking.RankingMetrics;
import org.hipparchus.stat.descriptive.moment.StandardDeviation;
import org.evalnas.runtime.ranking.RankingReport;
import org.evalnas.runtime.results.CellResult;
import org.evalnas.runtime.results.WeightSharingRecord;
import org.evalnas.runtime.results.WeightSharingRecord.EpochRanking;
import org.evalnas.runtime.results.WeightSharingRecord.SampleScore;

/**
 * The ranking study of an experiment's weight-sharing cells, over seeds: per policy and
 * evaluation epoch the mean (and spread) of each ranking metric, and per policy how stable the
 * final supernet rankings are across seeds.
 *
 * @param epochs one row per (policy, evaluation epoch), by policy then epoch
 * @param stability one row per policy with at least two seeds
 * @param noiseCeiling the mean over cells of their ground truth's repeat-to-repeat tau (NaN
 *     when unknown)
 */
public record WeightSharingSummary(List<EpochRow> epochs, List<StabilityRow> stability, double noiseCeiling) {

  /**
   * A policy's ranking metrics after one epoch, over its seeds.
   *
   * @param policy the policy
   * @param epoch the epoch
   * @param seeds seeds with a ranking at this epoch
   * @param kendallTau mean Kendall tau-b
   * @param kendallTauStd its sample standard deviation (NaN for one seed)
   * @param spearmanRho mean Spearman rho
   * @param sparseKendallTau mean sparse Kendall tau
   * @param topKendallTau mean tau inside the true top fraction
   * @param precisionAtK mean precision@k by k
   * @param trueRankOfTop mean true rank of the supernet's top pick (1 = truly best)
   * @param sampleSize mean architectures compared
   */
  public record EpochRow(
      String policy,
      int epoch,
      int seeds,
      double kendallTau,
      double kendallTauStd,
      double spearmanRho,
      double sparseKendallTau,
      double topKendallTau,
      Map<Integer, Double> precisionAtK,
      double trueRankOfTop,
      double sampleSize) {}

  /**
   * How much a policy's final supernet rankings agree across seeds.
   *
   * @param policy the policy
   * @param seeds seeds compared
   * @param architectures architectures every one of them scored
   * @param meanPairwiseTau mean Kendall tau-b over pairs of seeds (NaN when undefined)
   */
  public record StabilityRow(String policy, int seeds, int architectures, double meanPairwiseTau) {}

  /** True when no cell was a weight-sharing cell. */
  public boolean isEmpty() {
    return epochs.isEmpty();
  }

  /** Summarizes the weight-sharing records of {@code results}. */
  public static WeightSharingSummary of(List<CellResult> results) {
    Map<String, List<CellResult>> byPolicy = new TreeMap<>();
    for (CellResult r : results) {
      if (r.weightSharing() != null) {
        byPolicy.computeIfAbsent(r.policy(), k -> new ArrayList<>()).add(r);
      }
    }
    List<EpochRow> rows = new ArrayList<>();
    List<StabilityRow> stability = new ArrayList<>();
    List<Double> ceilings = new ArrayList<>();
    for (Map.Entry<String, List<CellResult>> e : byPolicy.entrySet()) {
      List<CellResult> cells = new ArrayList<>(e.getValue());
      cells.sort(Comparator.comparingLong(CellResult::seed));
      Map<Integer, List<RankingReport>> byEpoch = new TreeMap<>();
      for (CellResult c : cells) {
        for (EpochRanking r : c.weightSharing().rankings()) {
          byEpoch.computeIfAbsent(r.epoch(), k -> new ArrayList<>()).add(r.report());
        }
        if (Double.isFinite(c.weightSharing().noiseCeiling())) {
          ceilings.add(c.weightSharing().noiseCeiling());
        }
      }
      byEpoch.forEach((epoch, reports) -> rows.add(row(e.getKey(), epoch, reports)));
      stability(e.getKey(), cells).ifPresent(stability::add);
    }
    double ceiling = ceilings.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    return new WeightSharingSummary(rows, stability, ceiling);
  }

  private static EpochRow row(String policy, int epoch, List<RankingReport> reports) {
    Map<Integer, Double> precision = new TreeMap<>();
    for (Integer k : reports.get(0).precisionAtK().keySet()) {
      precision.put(k, mean(reports, r -> r.precisionAtK().getOrDefault(k, Double.NaN)));
    }
    return new EpochRow(
        policy,
        epoch,
        reports.size(),
        mean(reports, RankingReport::kendallTau),
        std(reports, RankingReport::kendallTau),
        mean(reports, RankingReport::spearmanRho),
        mean(reports, RankingReport::sparseKendallTau),
        mean(reports, RankingReport::topKendallTau),
        precision,
        mean(reports, RankingReport::trueRankOfPredictedTop),
        mean(reports, RankingReport::n));
  }

  /** The final scores of the architectures every seed scored, one row per seed. */
  private static java.util.Optional<StabilityRow> stability(String policy, List<CellResult> cells) {
    if (cells.size() < 2) {
      return java.util.Optional.empty();
    }
    Map<String, double[]> byId = new LinkedHashMap<>();
    for (SampleScore s : cells.get(0).weightSharing().finalScores()) {
      byId.put(s.id(), new double[cells.size()]);
    }
    for (int seed = 0; seed < cells.size(); seed++) {
      Map<String, Double> scores = new LinkedHashMap<>();
      for (SampleScore s : cells.get(seed).weightSharing().finalScores()) {
        scores.put(s.id(), s.supernet());
      }
      byId.keySet().retainAll(scores.keySet());
      for (Map.Entry<String, double[]> e : byId.entrySet()) {
        e.getValue()[seed] = scores.get(e.getKey());
      }
    }
    if (byId.size() < 2) {
      return java.util.Optional.of(new StabilityRow(policy, cells.size(), byId.size(), Double.NaN));
    }
    double[][] rows = new double[cells.size()][byId.size()];
    int i = 0;
    for (double[] perSeed : byId.values()) {
      for (int s = 0; s < perSeed.length; s++) {
        rows[s][i] = perSeed[s];
      }
      i++;
    }
    return java.util.Optional.of(
        new StabilityRow(policy, cells.size(), byId.size(), RankingMetrics.rankStability(rows)));
  }

  private static double mean(List<RankingReport> reports, ToDoubleFunction<RankingReport> f) {
    return reports.stream().mapToDouble(f).filter(Double::isFinite).average().orElse(Double.NaN);
  }

  private static double std(List<RankingReport> reports, ToDoubleFunction<RankingReport> f) {
    double[] v = reports.stream().mapToDouble(f).filter(Double::isFinite).toArray();
    if (v.length < 2) {
      return Double.NaN;
    }
    return new StandardDeviation().evaluate(v);
  }
}
