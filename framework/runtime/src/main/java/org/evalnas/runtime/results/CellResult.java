package org.evalnas.runtime.results;

import java.time.Instant;
import java.util.Map;

/**
 * What one (policy, seed) cell found. Apart from {@link #started()} and {@link #finished()},
 * the same config and seed give the same result.
 *
 * @param experiment the experiment's name
 * @param policy the policy (or {@code random-baseline})
 * @param seed the seed
 * @param space the space's name
 * @param chosen the chosen architecture
 * @param searchScore the search-metric value the policy saw for it (NaN if it never scored it)
 * @param accuracy the evaluator's accuracy of it, percent
 * @param details the evaluator's further values
 * @param searchMetric the search metric's name
 * @param reportMetric the report metric's name
 * @param rankPercentile its ground-truth percentile in the space, 100 = best (NaN without one)
 * @param regret the space's best accuracy minus its accuracy (NaN without ground truth)
 * @param best the best architecture of the space by the report metric, if known
 * @param budget queries allowed
 * @param queriesUsed queries made
 * @param simulatedSeconds simulated training seconds spent
 * @param trajectorySearch the search score of each query, in order (empty when not kept)
 * @param trajectoryReport the report value of each query, in order (empty when not kept)
 * @param weightSharing what a weight-sharing cell's supernet ranking study found, or null
 * @param started when the cell started
 * @param finished when it finished
 */
public record CellResult(
    String experiment,
    String policy,
    long seed,
    String space,
    ChosenArchitecture chosen,
    double searchScore,
    double accuracy,
    Map<String, Double> details,
    String searchMetric,
    String reportMetric,
    double rankPercentile,
    double regret,
    ChosenArchitecture best,
    int budget,
    int queriesUsed,
    double simulatedSeconds,
    double[] trajectorySearch,
    double[] trajectoryReport,
    WeightSharingRecord weightSharing,
    Instant started,
    Instant finished) {

  /**
   * An architecture as results record it.
   *
   * @param id canonical id
   * @param label human-readable form
   * @param choices choice vector
   * @param accuracy its accuracy where the record needs one (the space's best), else NaN
   */
  public record ChosenArchitecture(String id, String label, int[] choices, double accuracy) {}
}
