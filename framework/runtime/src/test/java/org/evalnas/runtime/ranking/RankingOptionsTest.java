package org.evalnas.runtime.ranking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class RankingOptionsTest {

    @Test
    void sortsAndDeduplicatesK() {
        assertThat(new RankingOptions(List.of(10, 1, 5, 1), 0.1, 0.1).precisionAtK()).containsExactly(1, 5, 10);
    }

    @Test
    void rejectsInvalidValues() {
        assertThatThrownBy(() -> new RankingOptions(List.of(0), 0.1, 0.1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("k >= 1");
        assertThatThrownBy(() -> new RankingOptions(List.of(1), 0.0, 0.1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("topFraction");
        assertThatThrownBy(() -> new RankingOptions(List.of(1), Double.NaN, 0.1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("topFraction");
        assertThatThrownBy(() -> new RankingOptions(List.of(1), 0.1, -0.1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("truthPrecision");
    }
}
