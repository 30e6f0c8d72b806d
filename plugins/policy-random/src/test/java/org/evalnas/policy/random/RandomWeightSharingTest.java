package org.evalnas.policy.random;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.evalnas.api.policy.SearchOutcome;
import org.evalnas.api.space.Architecture;
import org.evalnas.api.space.SearchSpace;
import org.evalnas.testkit.TestWeightSharingContext;
import org.evalnas.testkit.UniformityCheck;
import org.evalnas.testkit.fake.FakeGroundTruth;
import org.evalnas.testkit.fake.FakeSearchSpace;
import org.junit.jupiter.api.Test;

class RandomWeightSharingTest {
  private final SearchSpace space = FakeSearchSpace.standard();
  private final FakeGroundTruth truth = new FakeGroundTruth(space);

  @Test
  void drawsEveryChoiceUniformlyAndIndependently() {
    RandomWeightSharing policy = new RandomWeightSharing(0);
    TestWeightSharingContext context = new TestWeightSharingContext(space, truth, 11);
    // over encodings, not unique architectures: every choice vector equally likely
    List<String> draws = new java.util.ArrayList<>();
    long encodings = space.size().getAsLong();
    for (int step = 0; step < 60 * encodings; step++) {
      Architecture path = policy.trainingPaths(context).get(0);
      draws.add(Arrays.toString(path.choices()));
    }
    UniformityCheck.assertUniform(draws, encodings);
  }

  @Test
  void choosesTheBestOfItsPool() {
    TestWeightSharingContext context = new TestWeightSharingContext(space, truth, 5);
    SearchOutcome outcome = new RandomWeightSharing(20).choose(context);
    assertThat(outcome.ranking()).hasSize(20);
    double best = outcome.ranking().stream().mapToDouble(s -> s.value()).max().orElseThrow();
    assertThat(outcome.ranking().get(0).value()).isEqualTo(best);
    // the pool is capped at the space's unique architectures
    assertThat(new RandomWeightSharing(1000).choose(context).ranking())
        .hasSize((int) space.uniqueSize().getAsLong());
  }
}
