package org.evalnas.runtime.ranking;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * All ranking metrics of one (predicted, truth) comparison; see {@link RankingMetrics} for
 * each definition. Correlations are NaN when undefined (a constant side).
 *
 * @param n sample size
 * @param kendallTau Kendall tau-b of predicted vs truth
 * @param spearmanRho Spearman rho (average ranks for ties)
 * @param sparseKendallTau Kendall tau-b with the truth rounded to {@code truthPrecision}
 * @param truthPrecision the rounding precision used for {@code sparseKendallTau}
 * @param precisionAtK precision@k by k, ascending k
 * @param topFraction the fraction p used for {@code topKendallTau}
 * @param topSize number of items inside the true top fraction (ties included)
 * @param topKendallTau Kendall tau-b restricted to the true top fraction; NaN if fewer than
 *        two items or a constant side there
 * @param trueRankOfPredictedTop true rank (1 = truly best) of the predicted best item
 */
public record RankingReport(
        int n,
        double kendallTau,
        double spearmanRho,
        double sparseKendallTau,
        double truthPrecision,
        Map<Integer, Double> precisionAtK,
        double topFraction,
        int topSize,
        double topKendallTau,
        int trueRankOfPredictedTop) {

    /** Copies {@code precisionAtK} into an unmodifiable map iterated by ascending k. */
    public RankingReport {
        Objects.requireNonNull(precisionAtK, "precisionAtK");
        precisionAtK = Collections.unmodifiableSortedMap(new TreeMap<>(precisionAtK));
    }
}
