package org.evalnas.runtime.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/**
 * Expected values from scipy 1.17.1: {@code mannwhitneyu(x, y, alternative='two-sided',
 * method=...)}, its statistic (U of x) divided by n*m for pBeatRandom.
 */
class RandomComparisonTest {

    private static final double EPS = 1e-12;

    private static final double[] POLICY = {94.1, 93.5, 94.8, 93.9, 94.4};
    private static final double[] RANDOM = {93.0, 93.6, 92.8, 93.2, 93.7, 93.3};

    @Test
    void smallSamplesWithoutTiesUseTheExactTest() {
        // scipy method='exact': U = 28, p = 0.017316017316017316
        assertThat(RandomComparison.mannWhitneyP(POLICY, RANDOM)).isCloseTo(0.017316017316017316, within(EPS));
        assertThat(RandomComparison.pBeatRandom(POLICY, RANDOM)).isCloseTo(0.9333333333333333, within(EPS));
    }

    @Test
    void swappingTheSidesKeepsThePValueAndMirrorsPBeat() {
        assertThat(RandomComparison.mannWhitneyP(RANDOM, POLICY)).isCloseTo(0.017316017316017316, within(EPS));
        // scipy: U of y = 2 -> 2/30
        assertThat(RandomComparison.pBeatRandom(RANDOM, POLICY)).isCloseTo(0.06666666666666667, within(EPS));
    }

    @Test
    void tiesUseTheTieCorrectedNormalApproximation() {
        double[] policy = {93.5, 94.0, 94.0, 93.1};
        double[] random = {93.5, 92.9, 93.1, 93.0};
        // scipy method='asymptotic' (continuity correction on): U = 14, p = 0.10591109025490282
        assertThat(RandomComparison.mannWhitneyP(policy, random)).isCloseTo(0.10591109025490282, within(EPS));
        assertThat(RandomComparison.pBeatRandom(policy, random)).isEqualTo(0.875);
    }

    @Test
    void largeSamplesUseTheNormalApproximation() {
        double[] policy = IntStream.range(3, 29).mapToDouble(i -> i + 0.5).toArray();
        double[] random = IntStream.range(0, 30).mapToDouble(i -> i).toArray();
        // 56 values > 50, no ties. scipy method='asymptotic': U = 429, p = 0.5270544113150499
        assertThat(RandomComparison.mannWhitneyP(policy, random)).isCloseTo(0.5270544113150499, within(EPS));
        assertThat(RandomComparison.pBeatRandom(policy, random)).isCloseTo(0.55, within(EPS));
    }

    @Test
    void uAtTheCentreOfTheExactDistributionGivesOne() {
        // Hipparchus 4.0.1 alone returns 2/70 here; scipy method='exact' returns 1.0.
        assertThat(RandomComparison.mannWhitneyP(new double[] {1, 4, 5, 8}, new double[] {2, 3, 6, 7}))
                .isEqualTo(1.0);
        // n = 2: scipy method='exact' gives 0.6666666666666666 for [1, 2] vs [3]
        assertThat(RandomComparison.mannWhitneyP(new double[] {1, 2}, new double[] {3}))
                .isCloseTo(0.6666666666666666, within(EPS));
    }

    @Test
    void pBeatRandomCountsTiesAsHalf() {
        // pairs (3,1) win, (3,3) tie, (3,7) loss, (5,1) win, (5,3) win, (5,7) loss: 3.5 / 6
        assertThat(RandomComparison.pBeatRandom(new double[] {5, 3}, new double[] {7, 1, 3}))
                .isCloseTo(0.5833333333333334, within(EPS));
        assertThat(RandomComparison.pBeatRandom(new double[] {1, 1}, new double[] {1, 1, 1})).isEqualTo(0.5);
        assertThat(RandomComparison.pBeatRandom(new double[] {9}, new double[] {1, 2})).isEqualTo(1.0);
        assertThat(RandomComparison.pBeatRandom(new double[] {0}, new double[] {1, 2})).isEqualTo(0.0);
    }

    @Test
    void allValuesEqualGivesPValueOne() {
        // scipy method='asymptotic' also gives 1.0
        assertThat(RandomComparison.mannWhitneyP(new double[] {2, 2, 2}, new double[] {2, 2})).isEqualTo(1.0);
    }

    @Test
    void emptySideGivesNaN() {
        assertThat(RandomComparison.of(new double[0], RANDOM))
                .isEqualTo(new RandomComparison(Double.NaN, Double.NaN));
        assertThat(RandomComparison.of(POLICY, new double[0]))
                .isEqualTo(new RandomComparison(Double.NaN, Double.NaN));
    }

    @Test
    void resultDoesNotDependOnSeedOrder() {
        double[] permuted = {93.9, 94.8, 94.1, 94.4, 93.5};
        assertThat(RandomComparison.of(permuted, RANDOM)).isEqualTo(RandomComparison.of(POLICY, RANDOM));
    }

    @Test
    void rejectsNaN() {
        assertThatThrownBy(() -> RandomComparison.of(new double[] {Double.NaN}, RANDOM))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("policy[0]");
    }
}
