package org.evalnas.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.evalnas.api.policy.Budget;
import org.evalnas.api.policy.BudgetExhaustedException;
import org.evalnas.api.space.Architecture;
import org.evalnas.api.truth.GroundTruth;
import org.evalnas.api.truth.TruthEntry;
import org.evalnas.api.truth.TruthRecord;
import org.evalnas.testkit.fake.FakeGroundTruth;
import org.evalnas.testkit.fake.FakeSearchSpace;
import org.junit.jupiter.api.Test;

class TestBlackBoxContextTest {
  private final FakeSearchSpace space = FakeSearchSpace.standard();
  private final FakeGroundTruth truth = new FakeGroundTruth(space);

  @Test
  void scoresWithTheSearchMetricAndRecordsTheTrajectory() {
    TestBlackBoxContext context = new TestBlackBoxContext(space, truth, 1, Budget.ofQueries(3));
    Architecture a = space.decode(new int[] {2, 2, 2, 2});
    Architecture b = space.decode(new int[] {0, 0, 0, 0});
    assertThat(context.evaluate(a).value()).isEqualTo(95.0);
    assertThat(context.evaluate(b).value()).isEqualTo(50.0);
    assertThat(context.trajectory()).extracting(s -> s.architecture()).containsExactly(a, b);
    assertThat(context.queriesUsed()).isEqualTo(2);
    assertThat(context.secondsUsed()).isEqualTo(260.0 + 100.0);
  }

  @Test
  void refusesQueriesBeyondTheQueryBudget() {
    TestBlackBoxContext context = new TestBlackBoxContext(space, truth, 1, Budget.ofQueries(1));
    Architecture a = space.decode(new int[] {1, 1, 1, 1});
    context.evaluate(a);
    assertThat(context.hasBudget()).isFalse();
    assertThatThrownBy(() -> context.evaluate(a))
        .isInstanceOf(BudgetExhaustedException.class)
        .hasMessageContaining("1 queries");
    assertThat(context.queriesUsed()).isEqualTo(1);
    assertThat(context.rejectedQueries()).isEqualTo(1);
  }

  @Test
  void timeBudgetLetsTheCrossingQueryFinish() {
    // each {0,0,0,0} costs 100 s: queries at 0 and 100 s used are allowed, then 200 >= 150
    TestBlackBoxContext context = new TestBlackBoxContext(space, truth, 1, new Budget(10, 150));
    Architecture a = space.decode(new int[] {0, 0, 0, 0});
    context.evaluate(a);
    context.evaluate(a);
    assertThat(context.hasBudget()).isFalse();
    assertThatThrownBy(() -> context.evaluate(a))
        .isInstanceOf(BudgetExhaustedException.class)
        .hasMessageContaining("simulated seconds");
  }

  @Test
  void unknownTrainingTimeCostsNothing() {
    TestBlackBoxContext context =
        new TestBlackBoxContext(space, new UntimedTruth(truth), 1, new Budget(10, 1));
    Architecture a = space.decode(new int[] {2, 2, 2, 2});
    context.evaluate(a);
    context.evaluate(a);
    assertThat(context.secondsUsed()).isZero();
    assertThat(context.hasBudget()).isTrue();
  }

  @Test
  void rejectsArchitecturesTheSpaceDoesNotDecodeTo() {
    TestBlackBoxContext context = new TestBlackBoxContext(space, truth, 1, Budget.ofQueries(5));
    Architecture forged = new Architecture("0-0-0-0", new int[] {0, 0, 0, 0}, "forged");
    assertThatThrownBy(() -> context.evaluate(forged))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("forged");
    assertThat(context.queriesUsed()).isZero();
  }

  @Test
  void randomIsSeeded() {
    TestBlackBoxContext a = new TestBlackBoxContext(space, truth, 42, Budget.ofQueries(1));
    TestBlackBoxContext b = new TestBlackBoxContext(space, truth, 42, Budget.ofQueries(1));
    assertThat(a.random().nextLong()).isEqualTo(b.random().nextLong());
    assertThat(a.seed()).isEqualTo(42);
  }

  /** The fake ground truth without training times, as some benchmarks are. */
  private record UntimedTruth(FakeGroundTruth inner) implements GroundTruth {
    @Override
    public Path source() {
      return inner.source();
    }

    @Override
    public Set<String> metrics() {
      return inner.metrics();
    }

    @Override
    public String searchMetric() {
      return inner.searchMetric();
    }

    @Override
    public String reportMetric() {
      return inner.reportMetric();
    }

    @Override
    public Optional<TruthRecord> lookup(Architecture architecture) {
      return inner.lookup(architecture).map(r -> new TruthRecord(r.metrics(), Double.NaN));
    }

    @Override
    public List<TruthEntry> entries() {
      return inner.entries();
    }
  }
}
