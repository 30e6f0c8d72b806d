package org.evalnas.policy.spos;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.evalnas.api.policy.SearchOutcome;
import org.evalnas.api.space.Architecture;
import org.evalnas.api.space.SearchSpace;
import org.evalnas.testkit.TestWeightSharingContext;
import org.evalnas.testkit.UniformityCheck;
import org.evalnas.testkit.fake.FakeGroundTruth;
import org.evalnas.testkit.fake.FakeSearchSpace;
import org.junit.jupiter.api.Test;

class SinglePathOneShotTest {
  // 81 encodings, 54 unique architectures: uniform over encodings would not be uniform here
  private final SearchSpace space = FakeSearchSpace.standard();
  private final FakeGroundTruth truth = new FakeGroundTruth(space);

  @Test
  void trainsOnePathAStepDrawnUniformlyOverUniqueArchitectures() {
    SinglePathOneShot spos = new SinglePathOneShot(0);
    TestWeightSharingContext context = new TestWeightSharingContext(space, truth, 7);
    long unique = space.uniqueSize().getAsLong();
    List<String> drawn = new ArrayList<>();
    for (int step = 0; step < 60 * unique; step++) {
      List<Architecture> paths = spos.trainingPaths(context);
      assertThat(paths).hasSize(1);
      drawn.add(paths.get(0).id());
    }
    UniformityCheck.assertUniform(drawn, unique);
  }

  @Test
  void choosesTheBestSharedWeightScoreOfTheWholeSpace() {
    TestWeightSharingContext context = new TestWeightSharingContext(space, truth, 3);
    SearchOutcome outcome = new SinglePathOneShot(0).choose(context);
    assertThat(context.scored()).hasSize((int) space.uniqueSize().getAsLong());
    double best = context.scored().stream().mapToDouble(a -> context.score(a).value()).max().orElseThrow();
    assertThat(outcome.ranking().get(0).value()).isEqualTo(best);
    assertThat(outcome.chosen()).isEqualTo(outcome.ranking().get(0).architecture());
  }

  @Test
  void aPoolSmallerThanTheSpaceIsThatManyDistinctDraws() {
    TestWeightSharingContext context = new TestWeightSharingContext(space, truth, 3);
    SearchOutcome outcome = new SinglePathOneShot(10).choose(context);
    assertThat(outcome.ranking()).hasSize(10);
    assertThat(outcome.ranking().stream().map(s -> s.architecture().id()).distinct()).hasSize(10);
  }
}
