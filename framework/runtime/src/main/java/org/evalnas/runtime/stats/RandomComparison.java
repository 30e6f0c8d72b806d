package org.evalnas.runtime.stats;

import org.hipparchus.stat.inference.MannWhitneyUTest;

/**
 * How a policy's per-seed values compare with the random baseline's per-seed values.
 *
 * <p>Both numbers are functions of the two multisets only (the inputs are sorted first), so
 * the order of the seeds does not matter.
 *
 * @param pBeatRandom P(X &gt; Y) over all (policy seed, random seed) pairs, ties counting
 *        one half; see {@link #pBeatRandom(double[], double[])}
 * @param mannWhitneyP two-sided Mann–Whitney U p-value; see
 *        {@link #mannWhitneyP(double[], double[])}
 */
public record RandomComparison(double pBeatRandom, double mannWhitneyP) {

    /**
     * The largest combined sample size for which Hipparchus runs the exact test (when there
     * are no ties); its {@code SMALL_SAMPLE_SIZE}, copied here because the library keeps it
     * private and we must know which branch it takes (see {@link #mannWhitneyP}).
     */
    private static final int HIPPARCHUS_EXACT_LIMIT = 50;

    /**
     * Computes both comparisons.
     *
     * @param policy the policy's values, one per seed
     * @param random the random baseline's values, one per seed
     * @return the comparison; both fields NaN if either side is empty
     * @throws IllegalArgumentException if a value is NaN or infinite
     */
    public static RandomComparison of(double[] policy, double[] random) {
        return new RandomComparison(pBeatRandom(policy, random), mannWhitneyP(policy, random));
    }

    /**
     * The probability that a policy seed beats a random seed: over all n * m pairs
     * (policy value x, random value y), the fraction with x &gt; y, a tie counting 1/2.
     * This is the Mann–Whitney U statistic of the policy sample divided by n * m (the
     * common-language effect size). 1 means every policy seed beat every random seed,
     * 0.5 means no better than random.
     *
     * <p>The count is exact integer arithmetic (twice the number of wins plus the number
     * of ties), divided once at the end. Hipparchus only exposes min(U1, U2), which loses
     * the direction, hence this small count.
     *
     * @param policy the policy's values, one per seed
     * @param random the random baseline's values, one per seed
     * @return the probability in [0, 1], or NaN if either side is empty
     * @throws IllegalArgumentException if a value is NaN or infinite
     */
    public static double pBeatRandom(double[] policy, double[] random) {
        double[] x = Samples.sortedFiniteCopy(policy, "policy");
        double[] y = Samples.sortedFiniteCopy(random, "random");
        if (x.length == 0 || y.length == 0) {
            return Double.NaN;
        }
        // Both sorted: the counts of y below and below-or-equal x only grow, so walk y once.
        long twiceU = 0;
        int below = 0;
        int belowOrEqual = 0;
        for (double xi : x) {
            while (below < y.length && y[below] < xi) {
                below++;
            }
            while (belowOrEqual < y.length && y[belowOrEqual] <= xi) {
                belowOrEqual++;
            }
            twiceU += 2L * below + (belowOrEqual - below);
        }
        return twiceU / (2.0 * x.length * y.length);
    }

    /**
     * Two-sided p-value of the Mann–Whitney U test (Wilcoxon rank-sum) between the policy
     * and random samples, from Hipparchus {@link MannWhitneyUTest#mannWhitneyUTest(double[],
     * double[])}, which chooses the variant:
     * <ul>
     *   <li>no ties and n + m &le; 50: the <em>exact</em> null distribution of U
     *       (equals {@code scipy.stats.mannwhitneyu(..., method='exact')} and R's
     *       {@code wilcox.test(exact=TRUE)});</li>
     *   <li>otherwise: the <em>normal approximation</em> with continuity correction and the
     *       tie-corrected variance (equals {@code method='asymptotic', use_continuity=True}
     *       and R's {@code wilcox.test(exact=FALSE, correct=TRUE)}).</li>
     * </ul>
     *
     * <p>One correction to the library: in the exact branch Hipparchus 4.0.1 returns
     * 2 P(U = 0) instead of 1 when U is exactly n m / 2 (its tail bound becomes n m / 2 - U
     * = 0), which would report e.g. p = 0.029 for two perfectly interleaved samples of 4.
     * The observed U is then the centre of a symmetric distribution, so the p-value is 1,
     * which is what scipy and R return; this method returns 1 in that case.
     *
     * <p>When every value on both sides is equal, U equals its mean and the result is 1
     * (the library does not reject this case). The p-value says whether the two
     * distributions differ, not which one is better; read it with
     * {@link #pBeatRandom(double[], double[])}.
     *
     * @param policy the policy's values, one per seed
     * @param random the random baseline's values, one per seed
     * @return the two-sided p-value in (0, 1], or NaN if either side is empty
     * @throws IllegalArgumentException if a value is NaN or infinite
     */
    public static double mannWhitneyP(double[] policy, double[] random) {
        double[] x = Samples.sortedFiniteCopy(policy, "policy");
        double[] y = Samples.sortedFiniteCopy(random, "random");
        if (x.length == 0 || y.length == 0) {
            return Double.NaN; // Hipparchus rejects empty samples
        }
        MannWhitneyUTest test = new MannWhitneyUTest();
        boolean exactBranch = x.length + y.length <= HIPPARCHUS_EXACT_LIMIT && !hasTies(x, y);
        if (exactBranch) {
            double u = test.mannWhitneyU(x, y);
            if (2.0 * u == (double) x.length * y.length) {
                return 1.0;
            }
        }
        return test.mannWhitneyUTest(x, y);
    }

    /** True if any value occurs more than once in the union of the two sorted samples. */
    private static boolean hasTies(double[] x, double[] y) {
        int i = 0;
        int j = 0;
        double previous = Double.NaN;
        while (i < x.length || j < y.length) {
            double next = j >= y.length || (i < x.length && x[i] <= y[j]) ? x[i++] : y[j++];
            if (next == previous) {
                return true;
            }
            previous = next;
        }
        return false;
    }
}
