package org.evalnas.runtime.stats;

import java.util.Arrays;
import java.util.Objects;

/** Input checks and canonical ordering shared by the statistics in this package. */
final class Samples {

    private Samples() {
    }

    /**
     * Returns a sorted copy of {@code values}, rejecting NaN and infinities.
     *
     * <p>Sorting first is what makes every statistic of a set of seeds independent of the
     * order in which the seeds were given: sums are then always taken in the same order.
     * Negative zero is folded into positive zero so that the sorted order agrees with the
     * {@code <} and {@code ==} comparisons used afterwards.
     *
     * @param values the values, one per seed or per architecture
     * @param what a name for the values, used in error messages
     * @return a new ascending array
     * @throws IllegalArgumentException if a value is NaN or infinite
     */
    static double[] sortedFiniteCopy(double[] values, String what) {
        Objects.requireNonNull(values, what);
        double[] sorted = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            double v = values[i];
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException(
                        what + "[" + i + "] is " + v + "; every value must be finite");
            }
            sorted[i] = v + 0.0; // -0.0 + 0.0 == +0.0
        }
        Arrays.sort(sorted);
        return sorted;
    }
}
