package org.evalnas.runtime.report;

import org.evalnas.runtime.stats.PolicyStatistics;

/**
 * One row of the summary: a policy's chosen-architecture accuracy over seeds and how it
 * compares with the random baseline.
 *
 * @param policy the policy
 * @param accuracy statistics of the chosen architectures' accuracy over seeds
 * @param rankPercentile mean ground-truth rank percentile of the choices (100 = best)
 * @param regret mean regret to the space's best
 * @param pBeatRandom P(policy's choice beats the baseline's) over all seed pairs, ties 1/2
 * @param mannWhitneyP two-sided Mann–Whitney U p-value against the baseline
 * @param meanQueries mean queries used per search
 */
public record PolicySummary(
    String policy,
    PolicyStatistics accuracy,
    double rankPercentile,
    double regret,
    double pBeatRandom,
    double mannWhitneyP,
    double meanQueries) {}
