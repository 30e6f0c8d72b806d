package org.evalnas.runtime.ranking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Correlations are checked against scipy 1.17.1 ({@code kendalltau}, whose default variant
 * is tau-b, and {@code spearmanr}); the set metrics are hand-computed from their definitions.
 */
class RankingMetricsTest {

    private static final double EPS = 1e-12;

    // A supernet's scores of 8 architectures (one tie at 0.55) and their ground truth.
    private static final double[] PREDICTED = {0.62, 0.55, 0.71, 0.48, 0.72, 0.55, 0.59, 0.70};
    private static final double[] TRUTH = {93.12, 92.40, 94.05, 91.80, 93.55, 93.10, 92.95, 93.58};

    @Test
    void correlationsMatchScipy() {
        // scipy: kendalltau 0.7637626158259734, spearmanr 0.8862434338158116
        assertThat(RankingMetrics.kendallTau(PREDICTED, TRUTH)).isCloseTo(0.7637626158259734, within(EPS));
        assertThat(RankingMetrics.spearmanRho(PREDICTED, TRUTH)).isCloseTo(0.8862434338158116, within(EPS));
    }

    @Test
    void tiesOnBothSidesUseTauBAndAverageRanks() {
        double[] a = {1, 2, 2, 3, 3, 3};
        double[] b = {1, 1, 2, 2, 3, 3};
        // scipy: kendalltau 0.7833494518006404 (tau-b), spearmanr 0.8391463916782738
        assertThat(RankingMetrics.kendallTau(a, b)).isCloseTo(0.7833494518006404, within(EPS));
        assertThat(RankingMetrics.spearmanRho(a, b)).isCloseTo(0.8391463916782738, within(EPS));
    }

    @Test
    void sparseKendallTauRoundsTruthHalfUp() {
        // Truth at 0.1 precision: 93.1 92.4 94.1 91.8 93.6 93.1 93.0 93.6 (94.05 -> 94.1,
        // 93.55 -> 93.6, 92.95 -> 93.0). scipy kendalltau on that: 0.7925939239012171
        assertThat(RankingMetrics.sparseKendallTau(PREDICTED, TRUTH, 0.1)).isCloseTo(0.7925939239012171, within(EPS));
    }

    @Test
    void sparseKendallTauOfTruthWithinOneBinIsNaN() {
        assertThat(RankingMetrics.sparseKendallTau(new double[] {1, 2, 3}, new double[] {93.01, 93.02, 93.04}, 0.1))
                .isNaN();
    }

    @Test
    void precisionAtK() {
        // Predicted order: 4 (93.55), 2 (94.05), 7 (93.58), 0, 6, 5/1 (tie, 92.40 first), 3.
        assertThat(RankingMetrics.precisionAtK(PREDICTED, TRUTH, 1)).isEqualTo(0.0);
        assertThat(RankingMetrics.precisionAtK(PREDICTED, TRUTH, 3)).isEqualTo(1.0);
        assertThat(RankingMetrics.precisionAtK(PREDICTED, TRUTH, 5)).isEqualTo(0.8);
        assertThat(RankingMetrics.precisionAtK(PREDICTED, TRUTH, 8)).isEqualTo(1.0);
    }

    @Test
    void tiesInPredictionAreResolvedAgainstThePredictor() {
        double[] predicted = {1.0, 1.0, 0.5};
        double[] truth = {3.0, 2.0, 1.0};
        assertThat(RankingMetrics.precisionAtK(predicted, truth, 1)).isEqualTo(0.0);
        assertThat(RankingMetrics.trueRankOfPredictedTop(predicted, truth)).isEqualTo(2);
        // Reordering the sample changes nothing.
        assertThat(RankingMetrics.trueRankOfPredictedTop(new double[] {1.0, 1.0, 0.5}, new double[] {2.0, 3.0, 1.0}))
                .isEqualTo(2);
    }

    @Test
    void tiesInTruthAtTheBoundaryAllCount() {
        assertThat(RankingMetrics.precisionAtK(new double[] {3, 2, 1}, new double[] {5, 7, 5}, 2)).isEqualTo(1.0);
        assertThat(RankingMetrics.trueRankOfPredictedTop(new double[] {3, 2, 1}, new double[] {5, 5, 7})).isEqualTo(2);
    }

    @Test
    void topKendallTauRestrictsToTheTrueTopFraction() {
        // top 50% of 8 = 4 items: truth 94.05, 93.58, 93.55, 93.12; scipy kendalltau 0.3333333333333334
        assertThat(RankingMetrics.topKendallTau(PREDICTED, TRUTH, 0.5)).isCloseTo(0.3333333333333334, within(EPS));
        // top 25% = 2 items (94.05 with 0.71, 93.58 with 0.70)
        assertThat(RankingMetrics.topKendallTau(PREDICTED, TRUTH, 0.25)).isEqualTo(1.0);
        // top 10% of 8 = ceil(0.8) = 1 item: undefined
        assertThat(RankingMetrics.topKendallTau(PREDICTED, TRUTH, 0.1)).isNaN();
    }

    @Test
    void topFractionIsComputedInDecimal() {
        // 0.1 * 30 is 3.0000000000000004 in binary; the top 10% of 30 is 3 items, not 4.
        double[] truth = new double[30];
        double[] predicted = new double[30];
        for (int i = 0; i < 30; i++) {
            truth[i] = i;
            predicted[i] = i;
        }
        predicted[26] = 100; // 4th best by truth, outside the top 3: must not lower tau
        assertThat(RankingMetrics.topKendallTau(predicted, truth, 0.1)).isEqualTo(1.0);
    }

    @Test
    void trueRankOfPredictedTop() {
        // The predictor's favourite (0.72) has truth 93.55; 94.05 and 93.58 are better.
        assertThat(RankingMetrics.trueRankOfPredictedTop(PREDICTED, TRUTH)).isEqualTo(3);
    }

    @Test
    void reversedOrder() {
        double[] truth = {1, 2, 3, 4, 5};
        double[] reversed = {5, 4, 3, 2, 1};
        assertThat(RankingMetrics.kendallTau(reversed, truth)).isEqualTo(-1.0);
        assertThat(RankingMetrics.spearmanRho(reversed, truth)).isCloseTo(-1.0, within(EPS));
        assertThat(RankingMetrics.precisionAtK(reversed, truth, 2)).isEqualTo(0.0);
        assertThat(RankingMetrics.trueRankOfPredictedTop(reversed, truth)).isEqualTo(5);
    }

    @Test
    void twoItems() {
        assertThat(RankingMetrics.kendallTau(new double[] {1, 2}, new double[] {3, 4})).isEqualTo(1.0);
        assertThat(RankingMetrics.kendallTau(new double[] {1, 2}, new double[] {4, 3})).isEqualTo(-1.0);
        assertThat(RankingMetrics.spearmanRho(new double[] {1, 2}, new double[] {4, 3})).isCloseTo(-1.0, within(EPS));
    }

    @Test
    void constantInputGivesNaNCorrelations() {
        double[] constant = {0.5, 0.5, 0.5};
        double[] truth = {1, 2, 3};
        // scipy also returns nan (with a ConstantInputWarning)
        assertThat(RankingMetrics.kendallTau(constant, truth)).isNaN();
        assertThat(RankingMetrics.spearmanRho(constant, truth)).isNaN();
        assertThat(RankingMetrics.kendallTau(truth, constant)).isNaN();
        assertThat(RankingMetrics.spearmanRho(truth, constant)).isNaN();
        // A constant predictor gets the worst pick, not a lucky one.
        assertThat(RankingMetrics.trueRankOfPredictedTop(constant, truth)).isEqualTo(3);
    }

    @Test
    void rankStabilityIsTheMeanPairwiseTau() {
        double[][] seeds = {
            {0.61, 0.52, 0.70, 0.45, 0.66},
            {0.58, 0.55, 0.72, 0.40, 0.60},
            {0.50, 0.57, 0.69, 0.47, 0.66},
        };
        // scipy pairwise kendalltau 1.0, 0.8, 0.8 -> mean 0.8666666666666666
        assertThat(RankingMetrics.rankStability(seeds)).isCloseTo(0.8666666666666666, within(EPS));
        assertThat(RankingMetrics.rankStability(new double[][] {{1, 2}, {3, 4}})).isEqualTo(1.0);
    }

    @Test
    void rankStabilityRejectsBadShapes() {
        assertThatThrownBy(() -> RankingMetrics.rankStability(new double[][] {{1, 2}}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 2 seeds");
        assertThatThrownBy(() -> RankingMetrics.rankStability(new double[][] {{1, 2}, {1, 2, 3}}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("seed 1 has 3");
        assertThatThrownBy(() -> RankingMetrics.rankStability(new double[][] {{1, 2}, {1, Double.NaN}}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("seed 1[1]");
    }

    @Test
    void rejectsInvalidInputs() {
        assertThatThrownBy(() -> RankingMetrics.kendallTau(new double[] {1, 2}, new double[] {1, 2, 3}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("predicted has 2 values but truth has 3");
        assertThatThrownBy(() -> RankingMetrics.spearmanRho(new double[] {1}, new double[] {1}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 2");
        assertThatThrownBy(() -> RankingMetrics.kendallTau(new double[] {1, Double.NaN}, new double[] {1, 2}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("predicted[1] is NaN");
        assertThatThrownBy(() -> RankingMetrics.precisionAtK(PREDICTED, TRUTH, 9))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("k = 9");
        assertThatThrownBy(() -> RankingMetrics.sparseKendallTau(PREDICTED, TRUTH, 0.0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RankingMetrics.topKendallTau(PREDICTED, TRUTH, 1.5))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void compareBuildsTheWholeReport() {
        RankingReport report = RankingMetrics.compare(PREDICTED, TRUTH, new RankingOptions(List.of(5, 1, 3), 0.5, 0.1));

        assertThat(report.n()).isEqualTo(8);
        assertThat(report.kendallTau()).isCloseTo(0.7637626158259734, within(EPS));
        assertThat(report.spearmanRho()).isCloseTo(0.8862434338158116, within(EPS));
        assertThat(report.sparseKendallTau()).isCloseTo(0.7925939239012171, within(EPS));
        assertThat(report.truthPrecision()).isEqualTo(0.1);
        assertThat(report.precisionAtK()).containsExactly(entry(1, 0.0), entry(3, 1.0), entry(5, 0.8));
        assertThat(report.topFraction()).isEqualTo(0.5);
        assertThat(report.topSize()).isEqualTo(4);
        assertThat(report.topKendallTau()).isCloseTo(0.3333333333333334, within(EPS));
        assertThat(report.trueRankOfPredictedTop()).isEqualTo(3);
    }

    @Test
    void reportDoesNotDependOnSampleOrder() {
        int[] permutation = {7, 3, 5, 0, 6, 2, 1, 4};
        double[] predicted = new double[8];
        double[] truth = new double[8];
        for (int i = 0; i < 8; i++) {
            predicted[i] = PREDICTED[permutation[i]];
            truth[i] = TRUTH[permutation[i]];
        }
        RankingOptions options = new RankingOptions(List.of(1, 3, 5), 0.5, 0.1);

        assertThat(RankingMetrics.compare(predicted, truth, options))
                .isEqualTo(RankingMetrics.compare(PREDICTED, TRUTH, options));
    }
}
