package org.evalnas.api.truth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TruthRecordTest {

  @Test
  void namesGivenOnceMakeTheSameRecordAsAMap() {
    TruthRecord.Names names = TruthRecord.Names.of("test", "valid", "params");
    TruthRecord fast = names.record(new double[] {81.5, 82.25, 1234}, 600);
    TruthRecord viaMap = new TruthRecord(Map.of("valid", 82.25, "params", 1234.0, "test", 81.5), 600);
    assertThat(fast).isEqualTo(viaMap).hasSameHashCodeAs(viaMap);
    assertThat(fast.metric("valid")).hasValue(82.25);
    assertThat(fast.metric("test")).hasValue(81.5);
    assertThat(fast.metric("params")).hasValue(1234);
    assertThat(fast.metric("train")).isEmpty();
    assertThat(fast.metrics()).containsExactly(Map.entry("params", 1234.0), Map.entry("test", 81.5), Map.entry("valid", 82.25));
    assertThat(fast.chargedSeconds()).isEqualTo(600);
  }

  @Test
  void refusesRepeatedNamesAndMissingValues() {
    assertThatThrownBy(() -> TruthRecord.Names.of("a", "b", "a")).isInstanceOf(IllegalArgumentException.class);
    TruthRecord.Names names = TruthRecord.Names.of("a", "b");
    assertThatThrownBy(() -> names.record(new double[] {1}, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("1 values for 2 metric names");
  }
}
