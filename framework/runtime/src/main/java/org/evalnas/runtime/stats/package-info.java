/**
 * The protocol's cross-seed statistics: what a policy's chosen architectures are worth.
 *
 * <p>For each policy the protocol holds one value per seed, the ground-truth accuracy (in
 * percent) of the architecture the policy chose, and the same for the random baseline. This
 * package turns those values into:
 * <ul>
 *   <li>{@link org.evalnas.runtime.stats.PolicyStatistics}: n, mean, sample std, median,
 *       min, max and a deterministic bootstrap 95% confidence interval of the mean;</li>
 *   <li>{@link org.evalnas.runtime.stats.RandomComparison}: the probability of beating the
 *       random baseline over all seed pairs and a Mann–Whitney U p-value;</li>
 *   <li>{@link org.evalnas.runtime.stats.SpaceDistribution}: where a value sits in the whole
 *       space's ground truth (rank percentile, rank, regret to the best architecture).</li>
 * </ul>
 *
 * <p>Everything here is pure: no I/O, no clocks, no global random state. The same inputs give
 * bit-identical outputs on any Java 17+ machine (floating point is strict since JEP 306), and
 * statistics of a set of seeds do not depend on the order in which the seeds are given,
 * because inputs are sorted before anything is summed or resampled. Tests and correlations
 * come from Hipparchus; only what it lacks is written here.
 */
package org.evalnas.runtime.stats;
