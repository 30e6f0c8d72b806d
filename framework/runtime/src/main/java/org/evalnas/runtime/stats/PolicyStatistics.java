package org.evalnas.runtime.stats;

import java.util.SplittableRandom;

import org.hipparchus.stat.descriptive.DescriptiveStatistics;
import org.hipparchus.stat.descriptive.rank.Median;
import org.hipparchus.stat.descriptive.rank.Percentile;
import org.hipparchus.stat.descriptive.rank.Percentile.EstimationType;

/**
 * Summary of one policy's values across seeds (typically the ground-truth accuracy, in
 * percent, of the architecture the policy chose under each seed).
 *
 * <p>Definitions:
 * <ul>
 *   <li>{@code std} is the sample standard deviation (divisor n - 1), and 0 when n = 1;</li>
 *   <li>{@code median} is the usual median: the middle value for odd n, the mean of the two
 *       middle values for even n (Hipparchus {@link Median} with
 *       {@link EstimationType#R_7}, the same as {@code numpy.median});</li>
 *   <li>{@code [ciLow, ciHigh]} is a bootstrap 95% percentile confidence interval of the
 *       mean; see {@link #of(double[], int)} for the exact rule.</li>
 * </ul>
 *
 * <p>The record is a pure function of the multiset of values: the values are sorted before
 * anything is computed, so permuting the seeds gives a bit-identical record.
 *
 * @param n number of values (seeds), at least 1
 * @param mean arithmetic mean
 * @param std sample standard deviation (n - 1 divisor), 0 for n = 1
 * @param median median (mean of the two middle values for even n)
 * @param min smallest value
 * @param max largest value
 * @param ciLow lower end of the bootstrap 95% confidence interval of the mean
 * @param ciHigh upper end of the bootstrap 95% confidence interval of the mean
 */
public record PolicyStatistics(
        int n,
        double mean,
        double std,
        double median,
        double min,
        double max,
        double ciLow,
        double ciHigh) {

    /** Bootstrap resamples used by {@link #of(double[])}. */
    public static final int DEFAULT_RESAMPLES = 10_000;

    /**
     * Seed of the bootstrap's own random generator. Fixed, so that the interval is a pure
     * function of the inputs and reruns (or a rebuilt report) reproduce it exactly.
     */
    public static final long BOOTSTRAP_SEED = 0x5EED_0F_E7A1_4A5L;

    /** Two-sided confidence level of the interval, in percent. */
    public static final double CONFIDENCE_PERCENT = 95.0;

    /**
     * Computes the statistics with {@value #DEFAULT_RESAMPLES} bootstrap resamples.
     *
     * @param values one value per seed; not modified
     * @return the statistics
     * @throws IllegalArgumentException if {@code values} is empty or holds NaN or infinity
     */
    public static PolicyStatistics of(double[] values) {
        return of(values, DEFAULT_RESAMPLES);
    }

    /**
     * Computes the statistics with {@code resamples} bootstrap resamples.
     *
     * <p>Bootstrap rule, exactly: the values are sorted ascending; a
     * {@link SplittableRandom} is created from {@link #BOOTSTRAP_SEED}; for each of the
     * {@code resamples} resamples, n indices are drawn with {@code nextInt(n)} into the
     * sorted values and the resample mean is their sum (in draw order) divided by n. The
     * interval ends are the 2.5th and 97.5th percentiles of the resample means under
     * Hipparchus {@link EstimationType#R_7} (linear interpolation between order statistics
     * at position h = (B - 1) q + 1, 1-based; the default of {@code numpy.percentile}).
     * For n = 1 the interval collapses to the single value.
     *
     * <p>The same inputs (in any order) therefore give the same interval bit for bit on the
     * same JDK implementation of {@code SplittableRandom} (SplitMix64, unchanged since
     * JDK 8).
     *
     * @param values one value per seed; not modified
     * @param resamples number of bootstrap resamples B, at least 1
     * @return the statistics
     * @throws IllegalArgumentException if {@code values} is empty or holds NaN or infinity,
     *         or if {@code resamples < 1}
     */
    public static PolicyStatistics of(double[] values, int resamples) {
        double[] sorted = Samples.sortedFiniteCopy(values, "values");
        if (sorted.length == 0) {
            throw new IllegalArgumentException("values is empty; need at least one seed");
        }
        if (resamples < 1) {
            throw new IllegalArgumentException("resamples must be >= 1, got " + resamples);
        }
        DescriptiveStatistics descriptive = new DescriptiveStatistics(sorted);
        double median = new Median().withEstimationType(EstimationType.R_7).evaluate(sorted);
        double[] means = bootstrapMeans(sorted, resamples);
        Percentile percentile = new Percentile().withEstimationType(EstimationType.R_7);
        percentile.setData(means);
        double tail = (100.0 - CONFIDENCE_PERCENT) / 2.0;
        return new PolicyStatistics(
                sorted.length,
                descriptive.getMean(),
                // Hipparchus already returns 0 for a single value; kept explicit because the
                // protocol promises 0, not NaN, for one seed.
                sorted.length == 1 ? 0.0 : descriptive.getStandardDeviation(),
                median,
                sorted[0],
                sorted[sorted.length - 1],
                percentile.evaluate(tail),
                percentile.evaluate(100.0 - tail));
    }

    private static double[] bootstrapMeans(double[] sorted, int resamples) {
        int n = sorted.length;
        SplittableRandom random = new SplittableRandom(BOOTSTRAP_SEED);
        double[] means = new double[resamples];
        for (int b = 0; b < resamples; b++) {
            double sum = 0.0;
            for (int i = 0; i < n; i++) {
                sum += sorted[random.nextInt(n)];
            }
            means[b] = sum / n;
        }
        return means;
    }
}
