package org.evalnas.runtime.results;

import java.util.List;
import org.evalnas.runtime.ranking.RankingReport;

/**
 * What a weight-sharing cell adds to its result: how well its supernet ranked the evaluation
 * sample after each evaluation epoch, and the sample's shared-weight and true accuracies after
 * the last one.
 *
 * @param epochs supernet training epochs
 * @param sampleSize architectures in the seed's evaluation sample
 * @param truthMetric the ground-truth metric the rankings are compared with
 * @param noiseCeiling the mean Kendall tau-b between the ground truth's repeats over the covered
 *     sample (how well one training run ranks the others'), NaN when the truth has no repeats
 * @param rankings one entry per evaluation epoch, ascending
 * @param finalScores the sample's architectures the ground truth covers, with both accuracies
 *     after the last epoch, in sample order
 */
public record WeightSharingRecord(
    int epochs,
    int sampleSize,
    String truthMetric,
    double noiseCeiling,
    List<EpochRanking> rankings,
    List<SampleScore> finalScores) {

  public WeightSharingRecord {
    rankings = List.copyOf(rankings);
    finalScores = List.copyOf(finalScores);
  }

  /**
   * The ranking metrics after one epoch.
   *
   * @param epoch the epoch (1-based: after that many epochs of training)
   * @param report Kendall tau and friends of supernet vs truth over the sample
   */
  public record EpochRanking(int epoch, RankingReport report) {}

  /**
   * One sampled architecture.
   *
   * @param id its canonical id
   * @param supernet its accuracy with the shared weights, percent
   * @param truth its ground-truth accuracy, percent
   */
  public record SampleScore(String id, double supernet, double truth) {}
}
