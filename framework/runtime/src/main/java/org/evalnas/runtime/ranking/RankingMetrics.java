package org.evalnas.runtime.ranking;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.IntStream;

import org.hipparchus.stat.correlation.KendallsCorrelation;
import org.hipparchus.stat.correlation.SpearmansCorrelation;

/**
 * Ranking metrics between predicted scores and ground truth (higher is better on both).
 *
 * <p>Every method taking {@code (predicted, truth)} requires two non-null arrays of equal
 * length n &ge; 2 holding finite values, and throws {@link IllegalArgumentException} with the
 * offending index otherwise. Correlations of a constant side are undefined and returned as
 * NaN (there is no ranking to agree with).
 *
 * <p>Tie rules, chosen to depend on values only (never on the order of the sample), so that a
 * predictor cannot gain from ties: items tied in prediction are ordered <em>worst truth
 * first</em> (pessimistic), and items tied in truth at a top-k or top-p boundary all count as
 * inside it. Inputs are copied into a canonical order (pairs sorted by truth, then
 * prediction) before any computation, so a permuted sample gives bit-identical results.
 */
public final class RankingMetrics {

    private RankingMetrics() {
    }

    /**
     * Computes every metric of a {@link RankingReport}.
     *
     * @param predicted predicted scores, one per architecture
     * @param truth ground-truth values of the same architectures
     * @param options k values, top fraction and truth precision
     * @return the report
     * @throws IllegalArgumentException on invalid inputs or a k larger than n
     */
    public static RankingReport compare(double[] predicted, double[] truth, RankingOptions options) {
        Objects.requireNonNull(options, "options");
        Sample s = Sample.of(predicted, truth);
        Map<Integer, Double> precision = new LinkedHashMap<>();
        for (int k : options.precisionAtK()) {
            precision.put(k, precisionAtK(s, k));
        }
        int[] top = trueTopIndices(s.truth, options.topFraction());
        return new RankingReport(
                s.size(),
                new KendallsCorrelation().correlation(s.predicted, s.truth),
                new SpearmansCorrelation().correlation(s.predicted, s.truth),
                sparseKendallTau(s, options.truthPrecision()),
                options.truthPrecision(),
                precision,
                options.topFraction(),
                top.length,
                tauOn(s, top),
                trueRankOfPredictedTop(s));
    }

    /**
     * Kendall tau-b, from Hipparchus {@link KendallsCorrelation}: (concordant - discordant)
     * / sqrt((pairs - pairs tied in predicted) (pairs - pairs tied in truth)), which is the
     * tie-adjusted tau-b of {@code scipy.stats.kendalltau}.
     *
     * @param predicted predicted scores
     * @param truth ground truth
     * @return tau-b in [-1, 1], or NaN if either side is constant
     * @throws IllegalArgumentException on invalid inputs
     */
    public static double kendallTau(double[] predicted, double[] truth) {
        Sample s = Sample.of(predicted, truth);
        return new KendallsCorrelation().correlation(s.predicted, s.truth);
    }

    /**
     * Spearman rho, from Hipparchus {@link SpearmansCorrelation}: the Pearson correlation of
     * the ranks, tied values getting the average of their ranks (its default
     * {@code NaturalRanking}), as in {@code scipy.stats.spearmanr}.
     *
     * @param predicted predicted scores
     * @param truth ground truth
     * @return rho in [-1, 1], or NaN if either side is constant
     * @throws IllegalArgumentException on invalid inputs
     */
    public static double spearmanRho(double[] predicted, double[] truth) {
        Sample s = Sample.of(predicted, truth);
        return new SpearmansCorrelation().correlation(s.predicted, s.truth);
    }

    /**
     * Sparse Kendall tau (Yu et al., ICLR 2020): Kendall tau-b after rounding the ground
     * truth to {@code truthPrecision}, so that architectures whose true values differ by
     * less than the benchmark's noise count as tied rather than as ordered.
     *
     * <p>Rounding is decimal, half up, on the shortest decimal form of each value
     * ({@link BigDecimal#valueOf(double)}): with precision 0.1, 93.15 and 93.24 both become
     * 93.2. Only the predicted scores stay unrounded.
     *
     * @param predicted predicted scores
     * @param truth ground truth
     * @param truthPrecision rounding precision in the truth's units, positive
     * @return tau-b in [-1, 1], or NaN if either side is constant after rounding
     * @throws IllegalArgumentException on invalid inputs or a non-positive precision
     */
    public static double sparseKendallTau(double[] predicted, double[] truth, double truthPrecision) {
        return sparseKendallTau(Sample.of(predicted, truth), truthPrecision);
    }

    private static double sparseKendallTau(Sample s, double truthPrecision) {
        double[] truth = s.truth;
        if (!(truthPrecision > 0.0 && Double.isFinite(truthPrecision))) {
            throw new IllegalArgumentException("truthPrecision must be positive and finite, got " + truthPrecision);
        }
        BigDecimal step = BigDecimal.valueOf(truthPrecision);
        double[] rounded = new double[truth.length];
        for (int i = 0; i < truth.length; i++) {
            // The bin index is enough: tau-b depends on the order of the values only.
            rounded[i] = BigDecimal.valueOf(truth[i]).divide(step, 0, RoundingMode.HALF_UP).doubleValue();
        }
        return new KendallsCorrelation().correlation(s.predicted, rounded);
    }

    /**
     * Precision@k: the fraction of the k items ranked best by prediction that are among the
     * k truly best.
     *
     * <p>The predicted top k is taken in the order: predicted descending, then truth
     * ascending (ties in prediction resolved against the predictor); items equal on both
     * are interchangeable, so the order of the sample never matters. An item
     * counts as truly top-k if its truth is at least the k-th largest truth, so items tied
     * with the k-th best all count. Without ties this is exactly
     * |top-k by prediction &cap; top-k by truth| / k.
     *
     * @param predicted predicted scores
     * @param truth ground truth
     * @param k how many top items, 1 &le; k &le; n
     * @return precision in [0, 1]
     * @throws IllegalArgumentException on invalid inputs or k outside [1, n]
     */
    public static double precisionAtK(double[] predicted, double[] truth, int k) {
        return precisionAtK(Sample.of(predicted, truth), k);
    }

    private static double precisionAtK(Sample s, int k) {
        double[] truth = s.truth;
        if (k < 1 || k > s.size()) {
            throw new IllegalArgumentException(
                    "precision@k needs 1 <= k <= n, got k = " + k + " with n = " + s.size());
        }
        double threshold = kthLargest(truth, k);
        Integer[] order = predictedOrder(s);
        int hits = 0;
        for (int r = 0; r < k; r++) {
            if (truth[order[r]] >= threshold) {
                hits++;
            }
        }
        return (double) hits / k;
    }

    /**
     * Kendall tau-b restricted to the true top fraction p of the sample: the items whose
     * truth is at least the m-th largest truth, m = ceil(p n) (computed in decimal, so p = 0.1
     * of n = 30 is 3), ties at the boundary included. This asks whether the predictor
     * orders the good architectures well, which is what a search needs.
     *
     * @param predicted predicted scores
     * @param truth ground truth
     * @param topFraction p in (0, 1]
     * @return tau-b on the subset, or NaN if it has fewer than two items or a constant side
     * @throws IllegalArgumentException on invalid inputs or p outside (0, 1]
     */
    public static double topKendallTau(double[] predicted, double[] truth, double topFraction) {
        Sample s = Sample.of(predicted, truth);
        return tauOn(s, trueTopIndices(s.truth, topFraction));
    }

    /**
     * The true rank of the item the predictor ranks first: 1 + the number of items with a
     * strictly larger truth (1 = truly best; items tied in truth share the better rank).
     * When several items share the largest prediction, the one with the smallest truth is
     * taken (ties resolved against the predictor, so a constant predictor gets the worst
     * rank, not a lucky one).
     *
     * @param predicted predicted scores
     * @param truth ground truth
     * @return the rank in [1, n]
     * @throws IllegalArgumentException on invalid inputs
     */
    public static int trueRankOfPredictedTop(double[] predicted, double[] truth) {
        return trueRankOfPredictedTop(Sample.of(predicted, truth));
    }

    private static int trueRankOfPredictedTop(Sample s) {
        double[] truth = s.truth;
        int pick = predictedOrder(s)[0];
        int better = 0;
        for (double t : truth) {
            if (t > truth[pick]) {
                better++;
            }
        }
        return 1 + better;
    }

    /**
     * Stability of a supernet's ranking across seeds: the mean Kendall tau-b over all pairs
     * of seeds between their predicted scores of the same architecture sample. Row s holds
     * seed s's scores, column i the same architecture in every row.
     *
     * @param predictedAcrossSeeds one row per seed, all rows of equal length n &ge; 2
     * @return the mean pairwise tau-b in [-1, 1]; NaN if any row is constant
     * @throws IllegalArgumentException if there are fewer than two rows, rows differ in
     *         length, are shorter than 2 or hold NaN or infinity
     */
    public static double rankStability(double[][] predictedAcrossSeeds) {
        Objects.requireNonNull(predictedAcrossSeeds, "predictedAcrossSeeds");
        int seeds = predictedAcrossSeeds.length;
        if (seeds < 2) {
            throw new IllegalArgumentException("rank stability needs at least 2 seeds, got " + seeds);
        }
        for (int s = 1; s < seeds; s++) {
            requireValid(predictedAcrossSeeds[0], predictedAcrossSeeds[s], "seed 0", "seed " + s);
        }
        // No canonical reordering needed: Hipparchus sorts the pairs and counts them in
        // integers, so tau-b does not depend on the order of the architectures.
        KendallsCorrelation kendall = new KendallsCorrelation();
        double[][] rows = new double[seeds][];
        for (int s = 0; s < seeds; s++) {
            rows[s] = Arrays.stream(predictedAcrossSeeds[s]).map(v -> v + 0.0).toArray(); // -0.0 is 0.0
        }
        double sum = 0.0;
        for (int s = 0; s < seeds; s++) {
            for (int t = s + 1; t < seeds; t++) {
                sum += kendall.correlation(rows[s], rows[t]);
            }
        }
        return sum / ((long) seeds * (seeds - 1) / 2);
    }

    /** Indices of the items whose truth is at least the ceil(p n)-th largest truth. */
    private static int[] trueTopIndices(double[] truth, double topFraction) {
        if (!(topFraction > 0.0 && topFraction <= 1.0)) {
            throw new IllegalArgumentException("topFraction must be in (0, 1], got " + topFraction);
        }
        int m = BigDecimal.valueOf(topFraction)
                .multiply(BigDecimal.valueOf(truth.length))
                .setScale(0, RoundingMode.CEILING)
                .intValueExact();
        double threshold = kthLargest(truth, Math.max(m, 1));
        return IntStream.range(0, truth.length).filter(i -> truth[i] >= threshold).toArray();
    }

    private static double tauOn(Sample s, int[] subset) {
        if (subset.length < 2) {
            return Double.NaN;
        }
        double[] p = new double[subset.length];
        double[] t = new double[subset.length];
        for (int j = 0; j < subset.length; j++) {
            p[j] = s.predicted[subset[j]];
            t[j] = s.truth[subset[j]];
        }
        return new KendallsCorrelation().correlation(p, t);
    }

    private static double kthLargest(double[] values, int k) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length - k];
    }

    /**
     * Indices by predicted descending, then truth ascending (pessimistic), then index (which
     * only separates identical pairs, so it cannot change any metric).
     */
    private static Integer[] predictedOrder(Sample s) {
        double[] predicted = s.predicted;
        double[] truth = s.truth;
        Integer[] order = IntStream.range(0, predicted.length).boxed().toArray(Integer[]::new);
        Comparator<Integer> byPredictionDescending = (a, b) -> Double.compare(predicted[b], predicted[a]);
        Arrays.sort(order, byPredictionDescending
                .thenComparing((a, b) -> Double.compare(truth[a], truth[b]))
                .thenComparing(Comparator.naturalOrder()));
        return order;
    }

    private static void requireValid(double[] a, double[] b, String aName, String bName) {
        Objects.requireNonNull(a, aName);
        Objects.requireNonNull(b, bName);
        if (a.length != b.length) {
            throw new IllegalArgumentException(
                    aName + " has " + a.length + " values but " + bName + " has " + b.length);
        }
        if (a.length < 2) {
            throw new IllegalArgumentException("ranking metrics need at least 2 items, got " + a.length);
        }
        requireFinite(a, aName);
        requireFinite(b, bName);
    }

    private static void requireFinite(double[] values, String name) {
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException(name + "[" + i + "] is " + values[i] + "; values must be finite");
            }
        }
    }

    /**
     * A validated sample in canonical order: pairs sorted by truth, then prediction, with
     * -0.0 folded into +0.0. Hipparchus sums in input order (Spearman's Pearson step), so
     * without this a permuted sample could differ in the last bit.
     */
    private static final class Sample {

        final double[] predicted;
        final double[] truth;

        private Sample(double[] predicted, double[] truth) {
            this.predicted = predicted;
            this.truth = truth;
        }

        static Sample of(double[] predicted, double[] truth) {
            requireValid(predicted, truth, "predicted", "truth");
            int n = predicted.length;
            Integer[] order = IntStream.range(0, n).boxed().toArray(Integer[]::new);
            Arrays.sort(order, Comparator.<Integer>comparingDouble(i -> truth[i] + 0.0)
                    .thenComparingDouble(i -> predicted[i] + 0.0));
            double[] p = new double[n];
            double[] t = new double[n];
            for (int j = 0; j < n; j++) {
                p[j] = predicted[order[j]] + 0.0;
                t[j] = truth[order[j]] + 0.0;
            }
            return new Sample(p, t);
        }

        int size() {
            return predicted.length;
        }
    }
}
