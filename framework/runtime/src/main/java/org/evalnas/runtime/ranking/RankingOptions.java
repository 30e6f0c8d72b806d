package org.evalnas.runtime.ranking;

import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * What {@link RankingMetrics#compare(double[], double[], RankingOptions)} computes beyond the
 * plain correlations. The values come from configuration ({@code reference.conf}); this
 * record holds no defaults of its own.
 *
 * @param precisionAtK the k values of precision@k, each at least 1; stored ascending,
 *        without duplicates (may be empty)
 * @param topFraction the fraction p of the sample, by ground truth, inside which
 *        {@link RankingReport#topKendallTau()} is computed; in (0, 1], e.g. 0.1 for the top 10%
 * @param truthPrecision the precision the ground truth is rounded to for the sparse Kendall
 *        tau, in the truth's units (0.1 = 0.1 percentage points for accuracies); positive
 */
public record RankingOptions(List<Integer> precisionAtK, double topFraction, double truthPrecision) {

    /**
     * Validates and normalises the options.
     *
     * @throws IllegalArgumentException if a k is below 1, {@code topFraction} is outside
     *         (0, 1] or {@code truthPrecision} is not a positive finite number
     */
    public RankingOptions {
        Objects.requireNonNull(precisionAtK, "precisionAtK");
        for (Integer k : precisionAtK) {
            if (k == null || k < 1) {
                throw new IllegalArgumentException("precision@k needs every k >= 1, got " + precisionAtK);
            }
        }
        precisionAtK = List.copyOf(new TreeSet<>(precisionAtK));
        if (!(topFraction > 0.0 && topFraction <= 1.0)) {
            throw new IllegalArgumentException("topFraction must be in (0, 1], got " + topFraction);
        }
        if (!(truthPrecision > 0.0 && Double.isFinite(truthPrecision))) {
            throw new IllegalArgumentException("truthPrecision must be positive and finite, got " + truthPrecision);
        }
    }

    /** These options for a sample of {@code n} items: precision@k only for the k up to n. */
    public RankingOptions upTo(int n) {
        return new RankingOptions(precisionAtK.stream().filter(k -> k <= n).toList(), topFraction, truthPrecision);
    }
}
