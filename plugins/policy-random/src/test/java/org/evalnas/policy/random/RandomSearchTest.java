package org.evalnas.policy.random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.evalnas.api.checkpoint.SearchStoppedException;
import org.evalnas.api.policy.Budget;
import org.evalnas.api.policy.Score;
import org.evalnas.api.policy.SearchPolicyProvider;
import org.evalnas.testkit.SearchPolicyCompatibilityKit;
import org.evalnas.testkit.TestBlackBoxContext;
import org.evalnas.testkit.UniformityCheck;
import org.junit.jupiter.api.Test;

class RandomSearchTest extends SearchPolicyCompatibilityKit {

  @Override
  protected SearchPolicyProvider provider() {
    return new RandomSearchProvider();
  }

  @Test
  void withOneQueryTheChoiceIsUniformOverUniqueArchitectures() {
    long unique = space().uniqueSize().getAsLong();
    List<String> chosen = new ArrayList<>();
    for (long seed = 0; seed < 30 * unique; seed++) {
      chosen.add(run(seed, Budget.ofQueries(1)).outcome().chosen().id());
    }
    UniformityCheck.assertUniform(chosen, unique);
  }

  @Test
  void choosesTheMaximumOfItsTrajectory() {
    for (long seed = 1; seed <= 20; seed++) {
      Run run = run(seed, Budget.ofQueries(10));
      double best =
          run.context().trajectory().stream().mapToDouble(Score::value).max().orElseThrow();
      assertThat(run.context().queriesUsed()).isEqualTo(10);
      assertThat(run.outcome().ranking()).hasSize(10);
      assertThat(run.outcome().ranking().get(0).value()).isEqualTo(best);
      assertThat(run.outcome().chosen()).isEqualTo(run.outcome().ranking().get(0).architecture());
    }
  }

  @Test
  void checkpointsEveryFewQueriesAndResumesFromTheLastOne() {
    TestBlackBoxContext stopped =
        new TestBlackBoxContext(space(), groundTruth(space()), 3, Budget.ofQueries(30))
            .checkpointing(5, 17);
    assertThatThrownBy(() -> newPolicy().search(stopped))
        .isInstanceOf(SearchStoppedException.class);
    // at queries 5, 10, 15 and the last one on the stop after query 17
    assertThat(stopped.checkpointsSaved()).isEqualTo(4);
    TestBlackBoxContext resumed = stopped.resumed();
    newPolicy().search(resumed);
    assertThat(resumed.resumedFromCheckpoint()).isTrue();
    assertThat(resumed.queriesUsed()).isEqualTo(30);
  }
}
