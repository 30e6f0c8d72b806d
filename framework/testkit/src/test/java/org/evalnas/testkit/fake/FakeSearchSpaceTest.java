package org.evalnas.testkit.fake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ServiceLoader;
import org.evalnas.api.space.Architecture;
import org.evalnas.api.space.SearchSpace;
import org.evalnas.api.space.SearchSpaceProvider;
import org.evalnas.testkit.SearchSpaceCompatibilityKit;
import org.evalnas.testkit.TestPluginContext;
import org.junit.jupiter.api.Test;

class FakeSearchSpaceTest extends SearchSpaceCompatibilityKit {

  @Override
  protected SearchSpace space() {
    return FakeSearchSpace.standard();
  }

  @Test
  void standardSpaceHas81EncodingsAnd54UniqueArchitectures() {
    // 3^4 encodings; unordered pairs for (d0, d1): 3 * 4 / 2 = 6, times 3^2 for d2, d3
    assertThat(space().size()).hasValue(81);
    assertThat(space().uniqueSize()).hasValue(54);
  }

  @Test
  void largerSpacesCountTheSameWay() {
    FakeSearchSpace space = new FakeSearchSpace(5, 4);
    assertThat(space.size()).hasValue(1024);
    assertThat(space.uniqueSize()).hasValue(10 * 64);
    assertThat(space.enumerate().map(Architecture::id).distinct().count()).isEqualTo(640);
  }

  @Test
  void swappingTheFirstTwoDecisionsKeepsTheId() {
    Architecture a = space().decode(new int[] {2, 0, 1, 1});
    Architecture b = space().decode(new int[] {0, 2, 1, 1});
    assertThat(a.id()).isEqualTo(b.id()).isEqualTo("0-2-1-1");
    assertThat(a).isNotEqualTo(b);
    assertThat(a.label()).isEqualTo("op2|op0|op1|op1");
    assertThat(space().decode(new int[] {2, 0, 1, 2}).id()).isNotEqualTo(a.id());
  }

  @Test
  void providerIsFoundByServiceLoader() {
    SearchSpaceProvider provider =
        ServiceLoader.load(SearchSpaceProvider.class).stream()
            .map(ServiceLoader.Provider::get)
            .filter(p -> p.name().equals("fake"))
            .findFirst()
            .orElseThrow();
    SearchSpace space = provider.create(TestPluginContext.forSection("space.fake"));
    assertThat(space.name()).isEqualTo("fake");
    assertThat(space.size()).hasValue(81);
  }
}
