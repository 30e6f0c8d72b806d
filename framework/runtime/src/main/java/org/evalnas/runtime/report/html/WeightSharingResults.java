package org.evalnas.runtime.report.html;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.evalnas.runtime.results.CellResult;
import org.evalnas.runtime.results.WeightSharingRecord;

/**
 * What weight-sharing cells add to the report: how well each supernet ranked the evaluation
 * sample at each evaluation epoch, and the supernet's accuracy next to the ground truth for the
 * sampled architectures. Filled by the weight-sharing stage; empty for black-box experiments.
 *
 * @param rankings one entry per (policy, seed, evaluation epoch)
 * @param scores one entry per (policy, seed, sampled architecture) at the final epoch
 */
public record WeightSharingResults(List<EpochRanking> rankings, List<SupernetScore> scores) {

  /** Copies both lists. */
  public WeightSharingResults {
    rankings = List.copyOf(rankings);
    scores = List.copyOf(scores);
  }

  /** Nothing: a black-box experiment. */
  public static WeightSharingResults none() {
    return new WeightSharingResults(List.of(), List.of());
  }

  /**
   * What the weight-sharing cells of {@code results} recorded: every epoch's Kendall tau, and
   * the final shared-weight scores of each policy's first seed (one seed, so that the scatter
   * shows one supernet's view of one sample).
   */
  public static WeightSharingResults from(List<CellResult> results) {
    List<CellResult> cells =
        results.stream()
            .filter(r -> r.weightSharing() != null)
            .sorted(Comparator.comparing(CellResult::policy).thenComparingLong(CellResult::seed))
            .toList();
    List<EpochRanking> rankings = new ArrayList<>();
    List<SupernetScore> scores = new ArrayList<>();
    String previous = null;
    for (CellResult c : cells) {
      for (WeightSharingRecord.EpochRanking r : c.weightSharing().rankings()) {
        rankings.add(new EpochRanking(c.policy(), c.seed(), r.epoch(), r.report().kendallTau()));
      }
      if (!c.policy().equals(previous)) {
        for (WeightSharingRecord.SampleScore s : c.weightSharing().finalScores()) {
          scores.add(new SupernetScore(c.policy(), c.seed(), s.supernet(), s.truth()));
        }
      }
      previous = c.policy();
    }
    return new WeightSharingResults(rankings, scores);
  }

  /** True when there is nothing to plot. */
  public boolean isEmpty() {
    return rankings.isEmpty() && scores.isEmpty();
  }

  /**
   * Kendall tau-b between a supernet's scores and the ground truth over the evaluation sample.
   *
   * @param policy the policy
   * @param seed the seed
   * @param epoch the evaluation epoch
   * @param kendallTau the tau
   */
  public record EpochRanking(String policy, long seed, int epoch, double kendallTau) {}

  /**
   * One sampled architecture as a supernet scored it and as the ground truth has it.
   *
   * @param policy the policy
   * @param seed the seed
   * @param supernetAccuracy accuracy with the shared weights, percent
   * @param groundTruthAccuracy accuracy in the ground truth (report metric), percent
   */
  public record SupernetScore(String policy, long seed, double supernetAccuracy, double groundTruthAccuracy) {}
}
