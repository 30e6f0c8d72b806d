package org.evalnas.runtime.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SpaceDistributionTest {

    // Unsorted on purpose; sorted it is {1, 2, 2, 3, 5}.
    private final SpaceDistribution space = SpaceDistribution.of(new double[] {3, 2, 5, 1, 2});

    @Test
    void percentileIsTheMidRankPercentile() {
        // Hand-computed, and equal to scipy 1.17.1 percentileofscore(kind='mean').
        assertThat(space.percentile(5)).isEqualTo(90.0); // best: (4 + 0.5) / 5
        assertThat(space.percentile(1)).isEqualTo(10.0); // worst: 0.5 / 5
        assertThat(space.percentile(2)).isEqualTo(40.0); // (1 + 0.5 * 2) / 5
        assertThat(space.percentile(3)).isEqualTo(70.0);
        assertThat(space.percentile(2.5)).isEqualTo(60.0); // between values: 3 below
    }

    @Test
    void valuesOutsideTheSpaceGetTheEnds() {
        assertThat(space.percentile(6)).isEqualTo(100.0);
        assertThat(space.percentile(0)).isEqualTo(0.0);
    }

    @Test
    void bestOfALargeSpaceIsNearHundred() {
        double[] values = new double[15_625];
        for (int i = 0; i < values.length; i++) {
            values[i] = i * 0.001;
        }
        SpaceDistribution large = SpaceDistribution.of(values);

        assertThat(large.percentile(large.best())).isCloseTo(100.0 - 50.0 / 15_625, within(1e-12));
        assertThat(large.percentile(large.worst())).isCloseTo(50.0 / 15_625, within(1e-12));
    }

    @Test
    void singleValueSpaceGivesFifty() {
        assertThat(SpaceDistribution.of(new double[] {7}).percentile(7)).isEqualTo(50.0);
    }

    @Test
    void rankBestWorstAndRegret() {
        assertThat(space.size()).isEqualTo(5);
        assertThat(space.best()).isEqualTo(5.0);
        assertThat(space.worst()).isEqualTo(1.0);
        assertThat(space.rank(5)).isEqualTo(1);
        assertThat(space.rank(3)).isEqualTo(2);
        assertThat(space.rank(2)).isEqualTo(3); // ties share the better rank
        assertThat(space.rank(1)).isEqualTo(5);
        assertThat(space.rank(6)).isEqualTo(1);
        assertThat(space.rank(0)).isEqualTo(6);
        assertThat(space.regret(3)).isEqualTo(2.0);
        assertThat(space.regret(5)).isZero();
        assertThat(space.regret(5.5)).isEqualTo(-0.5);
    }

    @Test
    void negativeZeroIsZero() {
        SpaceDistribution zeros = SpaceDistribution.of(new double[] {-0.0, 0.0, 1.0});
        assertThat(zeros.percentile(0.0)).isEqualTo(zeros.percentile(-0.0));
        assertThat(zeros.percentile(0.0)).isCloseTo(100.0 / 3, within(1e-12));
    }

    @Test
    void rejectsBadInput() {
        assertThatThrownBy(() -> SpaceDistribution.of(new double[0]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("empty");
        assertThatThrownBy(() -> SpaceDistribution.of(new double[] {1, Double.NaN}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> space.percentile(Double.NaN))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
