/**
 * Ranking metrics between predicted scores and ground truth: how well a weight-sharing
 * supernet (or any predictor) ranks a sample of architectures.
 *
 * <p>Inputs are two equal-length arrays, {@code predicted[i]} and {@code truth[i]} for the
 * same architecture i; higher is better on both. {@link
 * org.evalnas.runtime.ranking.RankingMetrics#compare(double[], double[], RankingOptions)}
 * computes a {@link org.evalnas.runtime.ranking.RankingReport}: Kendall tau-b, Spearman rho,
 * sparse Kendall tau, precision@k, tau inside the true top fraction and the true rank of the
 * predicted best. {@link org.evalnas.runtime.ranking.RankingMetrics#rankStability(double[][])}
 * measures how much a supernet's ranking of one sample changes across seeds.
 *
 * <p>Correlations come from Hipparchus; only what it lacks (precision@k, the top-fraction
 * subset, the true rank of the pick, the sparse rounding) is written here. Every tie is
 * broken by a documented rule that depends on values only, never on the order of the
 * sample, so the metrics are functions of the set of (predicted, truth) pairs. Everything
 * is pure: no I/O, no randomness.
 */
package org.evalnas.runtime.ranking;
