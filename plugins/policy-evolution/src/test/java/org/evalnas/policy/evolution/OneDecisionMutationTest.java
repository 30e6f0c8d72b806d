package org.evalnas.policy.evolution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;
import org.evalnas.api.space.Architecture;
import org.evalnas.api.space.Decision;
import org.evalnas.api.space.InvalidArchitectureException;
import org.evalnas.api.space.SearchSpace;
import org.evalnas.testkit.fake.FakeSearchSpace;
import org.junit.jupiter.api.Test;

class OneDecisionMutationTest {
  private final FakeSearchSpace space = FakeSearchSpace.standard();

  @Test
  void changesExactlyOneDecision() {
    SplittableRandom random = new SplittableRandom(1);
    for (int i = 0; i < 2_000; i++) {
      Architecture parent = space.sampleUniform(random);
      Architecture child = OneDecisionMutation.mutate(space, parent, random);
      assertThat(RegularizedEvolutionTest.differences(parent, child)).isEqualTo(1);
      assertThat(space.decode(child.choices())).isEqualTo(child);
    }
  }

  @Test
  void picksDecisionsAndOtherOptionsUniformly() {
    Architecture parent = space.decode(new int[] {0, 1, 2, 0});
    SplittableRandom random = new SplittableRandom(2);
    Map<String, Integer> counts = new HashMap<>();
    int draws = 8_000;
    for (int i = 0; i < draws; i++) {
      counts.merge(OneDecisionMutation.mutate(space, parent, random).label(), 1, Integer::sum);
    }
    // 4 decisions x 2 other options: 8 children, 1000 each expected
    assertThat(counts).hasSize(8);
    assertThat(counts.values()).allSatisfy(c -> assertThat(c).isBetween(880, 1120));
  }

  @Test
  void retriesFromTheParentWhenAMutantIsInvalid() {
    // in this space d2 = op0 is invalid: mutants that set it are thrown away
    SearchSpace holed = new HoledSpace(space, 2, 0);
    SplittableRandom random = new SplittableRandom(3);
    Architecture parent = holed.decode(new int[] {1, 1, 1, 1});
    for (int i = 0; i < 500; i++) {
      Architecture child = OneDecisionMutation.mutate(holed, parent, random);
      assertThat(child.choice(2)).isNotZero();
      assertThat(RegularizedEvolutionTest.differences(parent, child)).isEqualTo(1);
    }
  }

  @Test
  void failsClearlyWhenNoMutantIsValid() {
    // a 2 x 2 space with only {0,0} valid: no one-decision change of it is valid
    SearchSpace single = new HoledSpace(new FakeSearchSpace(2, 2), -1, -1);
    Architecture parent = single.decode(new int[] {0, 0});
    assertThatThrownBy(() -> OneDecisionMutation.mutate(single, parent, new SplittableRandom(4)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no valid mutant")
        .hasMessageContaining(parent.label())
        .hasMessageContaining("1000 attempts");
  }

  /**
   * The fake space with holes: choice {@code option} of decision {@code decision} is invalid,
   * or, with decision -1, everything but the all-zero vector.
   */
  private record HoledSpace(FakeSearchSpace inner, int decision, int option)
      implements SearchSpace {
    @Override
    public String name() {
      return "holed";
    }

    @Override
    public List<Decision> decisions() {
      return inner.decisions();
    }

    @Override
    public Architecture decode(int[] choices) {
      Architecture a = inner.decode(choices);
      boolean hole =
          decision < 0
              ? java.util.Arrays.stream(choices).anyMatch(c -> c != 0)
              : choices[decision] == option;
      if (hole) {
        throw new InvalidArchitectureException("a hole: " + a.label());
      }
      return a;
    }

    @Override
    public Architecture parse(String label) {
      return decode(inner.parse(label).choices());
    }

    @Override
    public OptionalLong size() {
      return OptionalLong.empty();
    }

    @Override
    public Stream<Architecture> enumerate() {
      throw new UnsupportedOperationException();
    }

    @Override
    public OptionalLong uniqueSize() {
      return OptionalLong.empty();
    }

    @Override
    public Architecture sampleUniform(RandomGenerator random) {
      throw new UnsupportedOperationException();
    }
  }
}
