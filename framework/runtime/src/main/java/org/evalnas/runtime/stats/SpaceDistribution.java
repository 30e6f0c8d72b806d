package org.evalnas.runtime.stats;

/**
 * The ground-truth values of every architecture of a search space, sorted once, answering
 * "where does this value sit in the space?" in O(log N) per question.
 *
 * <p>Built once per (space, metric) from all N architectures' values (e.g. the test accuracy
 * of all 15,625 NAS-Bench-201 cells), then queried for each chosen architecture.
 *
 * <p>Rank percentile definition (the mid-rank percentile, {@code
 * scipy.stats.percentileofscore(kind='mean')}):
 * <pre>
 *   percentile(v) = 100 * (#{values &lt; v} + 0.5 * #{values == v}) / N
 * </pre>
 * A value counts half of the architectures it ties with, so the definition is symmetric
 * and does not depend on how ties are ordered. The unique best architecture gets
 * 100 - 50/N (99.997 for N = 15,625), the unique worst 50/N, a value above the best 100 and
 * one below the worst 0. If the whole space has one value, every architecture gets 50.
 */
public final class SpaceDistribution {

    private final double[] sorted;

    private SpaceDistribution(double[] sorted) {
        this.sorted = sorted;
    }

    /**
     * Builds the distribution from all architectures' values.
     *
     * @param values one ground-truth value per architecture of the space; not modified
     * @return the distribution
     * @throws IllegalArgumentException if {@code values} is empty or holds NaN or infinity
     */
    public static SpaceDistribution of(double[] values) {
        double[] sorted = Samples.sortedFiniteCopy(values, "space values");
        if (sorted.length == 0) {
            throw new IllegalArgumentException("space values is empty; need at least one architecture");
        }
        return new SpaceDistribution(sorted);
    }

    /** @return N, the number of architectures */
    public int size() {
        return sorted.length;
    }

    /** @return the best (largest) value of the space */
    public double best() {
        return sorted[sorted.length - 1];
    }

    /** @return the worst (smallest) value of the space */
    public double worst() {
        return sorted[0];
    }

    /**
     * The rank percentile of {@code v} in the space, as defined in the class comment.
     *
     * @param v a value, e.g. the ground-truth accuracy of a chosen architecture
     * @return the percentile in [0, 100]; higher is better
     * @throws IllegalArgumentException if {@code v} is NaN
     */
    public double percentile(double v) {
        double q = requireNotNaN(v);
        int below = countBelow(q);
        int equal = countBelowOrEqual(q) - below;
        return 100.0 * (below + 0.5 * equal) / sorted.length;
    }

    /**
     * The rank of {@code v} among the architectures, 1 = the best: 1 + the number of
     * architectures strictly better than {@code v} (ties share the better rank).
     *
     * @param v a value
     * @return the rank in [1, N + 1]
     * @throws IllegalArgumentException if {@code v} is NaN
     */
    public int rank(double v) {
        return 1 + sorted.length - countBelowOrEqual(requireNotNaN(v));
    }

    /**
     * The regret of {@code v}: {@link #best()} - v, in the value's units (percentage points
     * for accuracies). 0 for the best architecture, negative for a value above the space's
     * best (possible when the evaluator trains from scratch).
     *
     * @param v a value
     * @return the regret
     * @throws IllegalArgumentException if {@code v} is NaN
     */
    public double regret(double v) {
        return best() - requireNotNaN(v);
    }

    /** Index of the first element &gt;= v, i.e. the number of elements &lt; v. */
    private int countBelow(double v) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Index of the first element &gt; v, i.e. the number of elements &lt;= v. */
    private int countBelowOrEqual(double v) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] <= v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static double requireNotNaN(double v) {
        if (Double.isNaN(v)) {
            throw new IllegalArgumentException("value is NaN");
        }
        return v + 0.0; // fold -0.0 into +0.0, as the stored values are
    }
}
