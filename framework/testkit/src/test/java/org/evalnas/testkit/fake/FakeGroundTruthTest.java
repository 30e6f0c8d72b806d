package org.evalnas.testkit.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.ConfigFactory;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.evalnas.api.InputException;
import org.evalnas.api.space.Architecture;
import org.evalnas.api.truth.GroundTruth;
import org.evalnas.api.truth.GroundTruthProvider;
import org.evalnas.api.truth.TruthEntry;
import org.evalnas.testkit.TestPluginContext;
import org.junit.jupiter.api.Test;

class FakeGroundTruthTest {
  private final FakeSearchSpace space = FakeSearchSpace.standard();
  private final FakeGroundTruth truth = new FakeGroundTruth(space);

  @Test
  void coversEveryEncoding() {
    assertThat(truth.entries()).hasSize(81);
    assertThat(truth.entries())
        .allSatisfy(e -> assertThat(e.record().metrics()).containsOnlyKeys("train", "valid", "test"));
  }

  @Test
  void hasOneClearBestOnBothMetrics() {
    for (String metric : List.of("valid", "test")) {
      List<TruthEntry> ranked =
          truth.entries().stream()
              .sorted(
                  Comparator.comparingDouble(
                          (TruthEntry e) -> e.record().metric(metric).getAsDouble())
                      .reversed())
              .toList();
      assertThat(ranked.get(0).architecture().choices()).containsExactly(2, 2, 2, 2);
      assertThat(ranked.get(0).record().metric(metric).getAsDouble())
          .isGreaterThan(ranked.get(1).record().metric(metric).getAsDouble() + 1);
    }
    assertThat(truth.validAccuracy(new int[] {2, 2, 2, 2})).isEqualTo(95.0);
    assertThat(truth.validAccuracy(new int[] {0, 0, 0, 0})).isEqualTo(50.0);
  }

  @Test
  void isomorphicEncodingsScoreTheSame() {
    Architecture a = space.decode(new int[] {2, 0, 1, 1});
    Architecture b = space.decode(new int[] {0, 2, 1, 1});
    assertThat(truth.lookup(a).orElseThrow()).isEqualTo(truth.lookup(b).orElseThrow());
  }

  @Test
  void recordsTrainingTime() {
    assertThat(truth.lookup(space.decode(new int[] {0, 0, 0, 0})).orElseThrow().trainingSeconds())
        .isEqualTo(100.0);
    assertThat(truth.lookup(space.decode(new int[] {2, 2, 2, 2})).orElseThrow().trainingSeconds())
        .isEqualTo(260.0);
  }

  @Test
  void doesNotCoverForeignArchitectures() {
    assertThat(truth.lookup(new Architecture("x", new int[] {0, 0, 0, 0}, "x"))).isEmpty();
  }

  @Test
  void providerReadsItsReferenceSection() {
    GroundTruth opened =
        provider().open(space, TestPluginContext.forSection("ground-truth.fake"));
    assertThat(opened.searchMetric()).isEqualTo("valid");
    assertThat(opened.reportMetric()).isEqualTo("test");
    assertThat(provider().space()).isEqualTo("fake");
  }

  @Test
  void providerRejectsAnUnknownMetricNamingTheKey() {
    TestPluginContext context =
        TestPluginContext.forSection(
            "ground-truth.fake", ConfigFactory.parseMap(Map.of("search-metric", "valdi")));
    assertThatThrownBy(() -> provider().open(space, context))
        .isInstanceOf(InputException.class)
        .satisfies(
            e ->
                assertThat(((InputException) e).describe())
                    .contains("ground-truth.fake.search-metric")
                    .contains("valdi"));
  }

  private static GroundTruthProvider provider() {
    return ServiceLoader.load(GroundTruthProvider.class).stream()
        .map(ServiceLoader.Provider::get)
        .filter(p -> p.name().equals("fake"))
        .findFirst()
        .orElseThrow();
  }
}
