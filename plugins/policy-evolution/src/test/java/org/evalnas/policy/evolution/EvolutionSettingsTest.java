package org.evalnas.policy.evolution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.ConfigFactory;
import java.util.Map;
import org.evalnas.api.InputException;
import org.evalnas.testkit.TestPluginContext;
import org.junit.jupiter.api.Test;

class EvolutionSettingsTest {
  private static final String SECTION = "policy.regularized-evolution";

  @Test
  void defaultsComeFromReferenceConf() {
    assertThat(EvolutionSettings.from(TestPluginContext.forSection(SECTION)))
        .isEqualTo(new EvolutionSettings(10, 3));
  }

  @Test
  void readsOverrides() {
    assertThat(settings(Map.of("population", 20, "sample-size", 20)))
        .isEqualTo(new EvolutionSettings(20, 20));
  }

  @Test
  void rejectsAnEmptyPopulationNamingTheKey() {
    assertRejected(Map.of("population", 0, "sample-size", 1), SECTION + ".population");
  }

  @Test
  void rejectsASampleLargerThanThePopulation() {
    assertRejected(Map.of("population", 5, "sample-size", 6), SECTION + ".sample-size");
  }

  @Test
  void rejectsAnEmptySample() {
    assertRejected(Map.of("sample-size", 0), SECTION + ".sample-size");
  }

  @Test
  void rejectsANonInteger() {
    assertRejected(Map.of("population", "many"), SECTION + ".population");
  }

  private static EvolutionSettings settings(Map<String, ?> overrides) {
    return EvolutionSettings.from(
        TestPluginContext.forSection(SECTION, ConfigFactory.parseMap(overrides)));
  }

  private static void assertRejected(Map<String, ?> overrides, String key) {
    assertThatThrownBy(() -> settings(overrides))
        .isInstanceOf(InputException.class)
        .satisfies(e -> assertThat(((InputException) e).describe()).contains(key));
  }
}
