package org.evalnas.runtime.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class PolicyStatisticsTest {

    private static final double EPS = 1e-12;

    // Expected mean, std (ddof=1) and median from numpy 2.4.6 / scipy 1.17.1.
    @Test
    void oddCountMatchesNumpy() {
        PolicyStatistics s = PolicyStatistics.of(new double[] {93.1, 94.2, 92.5, 93.8, 94.0});

        assertThat(s.n()).isEqualTo(5);
        assertThat(s.mean()).isCloseTo(93.52000000000001, within(EPS));
        assertThat(s.std()).isCloseTo(0.7049822692805839, within(EPS));
        assertThat(s.median()).isEqualTo(93.8);
        assertThat(s.min()).isEqualTo(92.5);
        assertThat(s.max()).isEqualTo(94.2);
    }

    @Test
    void evenCountMedianIsMeanOfTheTwoMiddleValues() {
        PolicyStatistics s = PolicyStatistics.of(new double[] {94.0, 91.5, 93.25, 92.0});

        // numpy 2.4.6: mean 92.6875, std(ddof=1) 1.143368561167687, median 92.625
        assertThat(s.mean()).isCloseTo(92.6875, within(EPS));
        assertThat(s.std()).isCloseTo(1.143368561167687, within(EPS));
        assertThat(s.median()).isEqualTo(92.625);
    }

    @Test
    void singleSeedHasZeroStdAndADegenerateInterval() {
        PolicyStatistics s = PolicyStatistics.of(new double[] {93.7});

        assertThat(s).isEqualTo(new PolicyStatistics(1, 93.7, 0.0, 93.7, 93.7, 93.7, 93.7, 93.7));
    }

    @Test
    void constantValuesGiveADegenerateInterval() {
        PolicyStatistics s = PolicyStatistics.of(new double[] {91.0, 91.0, 91.0});

        assertThat(s.std()).isZero();
        assertThat(s.ciLow()).isEqualTo(91.0);
        assertThat(s.ciHigh()).isEqualTo(91.0);
    }

    @Test
    void bootstrapIsDeterministicAndIndependentOfSeedOrder() {
        double[] values = {93.1, 94.2, 92.5, 93.8, 94.0, 93.3, 92.9};
        double[] permuted = {94.0, 92.9, 93.1, 93.3, 94.2, 92.5, 93.8};

        PolicyStatistics first = PolicyStatistics.of(values);
        PolicyStatistics again = PolicyStatistics.of(values.clone());
        PolicyStatistics fromPermuted = PolicyStatistics.of(permuted);

        // Record equality compares doubles with Double.compare: bit for bit.
        assertThat(again).isEqualTo(first);
        assertThat(fromPermuted).isEqualTo(first);
        assertThat(Double.doubleToLongBits(fromPermuted.ciLow()))
                .isEqualTo(Double.doubleToLongBits(first.ciLow()));
    }

    @Test
    void bootstrapIntervalIsPlausible() {
        double[] values = {93.1, 94.2, 92.5, 93.8, 94.0, 93.3, 92.9, 93.6, 94.1, 93.0};
        PolicyStatistics s = PolicyStatistics.of(values);

        assertThat(s.ciLow()).isLessThan(s.mean()).isGreaterThanOrEqualTo(s.min());
        assertThat(s.ciHigh()).isGreaterThan(s.mean()).isLessThanOrEqualTo(s.max());
        // The percentile interval of a mean is close to mean +- 1.96 * std / sqrt(n)
        // (the bootstrap uses the plug-in std, so it is a little narrower).
        double normalHalfWidth = 1.96 * s.std() / Math.sqrt(values.length);
        assertThat((s.ciHigh() - s.ciLow()) / 2).isCloseTo(normalHalfWidth, within(0.25 * normalHalfWidth));
    }

    @Test
    void oneResampleFollowsTheDocumentedRule() {
        double[] values = {3.0, 1.0, 2.0, 8.0};
        double[] sorted = {1.0, 2.0, 3.0, 8.0};
        SplittableRandom random = new SplittableRandom(PolicyStatistics.BOOTSTRAP_SEED);
        double sum = 0.0;
        for (int i = 0; i < sorted.length; i++) {
            sum += sorted[random.nextInt(sorted.length)];
        }

        PolicyStatistics s = PolicyStatistics.of(values, 1);

        assertThat(s.ciLow()).isEqualTo(sum / sorted.length);
        assertThat(s.ciHigh()).isEqualTo(sum / sorted.length);
    }

    @Test
    void rejectsEmptyNonFiniteAndBadResamples() {
        assertThatThrownBy(() -> PolicyStatistics.of(new double[0]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("empty");
        assertThatThrownBy(() -> PolicyStatistics.of(new double[] {1.0, Double.NaN}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("values[1]");
        assertThatThrownBy(() -> PolicyStatistics.of(new double[] {Double.POSITIVE_INFINITY}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PolicyStatistics.of(new double[] {1.0}, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("resamples");
    }

    @Test
    void doesNotModifyItsInput() {
        double[] values = {3.0, 1.0, 2.0};
        PolicyStatistics.of(values, 10);
        assertThat(values).containsExactly(3.0, 1.0, 2.0);
    }
}
