package org.evalnas.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import org.evalnas.api.policy.BlackBoxPolicy;
import org.evalnas.api.policy.Budget;
import org.evalnas.api.policy.Score;
import org.evalnas.api.policy.SearchOutcome;
import org.evalnas.api.policy.SearchPolicy;
import org.evalnas.api.policy.SearchPolicyProvider;
import org.evalnas.api.space.Architecture;
import org.evalnas.api.space.SearchSpace;
import org.evalnas.api.truth.GroundTruth;
import org.evalnas.testkit.fake.FakeGroundTruth;
import org.evalnas.testkit.fake.FakeSearchSpace;
import org.junit.jupiter.api.Test;

/**
 * The contract every black-box search policy must keep. A policy plugin's test extends this
 * class and supplies {@link #provider()} (and, if it wants, {@link #policyConfig()}); the kit
 * builds the policy from its {@code policy.<name>} section as the host would, and runs it on
 * the {@linkplain FakeSearchSpace#standard() fake space} and {@link FakeGroundTruth} through a
 * {@link TestBlackBoxContext}.
 *
 * <p>Checks: the provider is discoverable and described; the same seed gives the same queries
 * and choice, different seeds differ; the query and time budgets are respected and the policy
 * returns normally when they run out; the choice is valid and was evaluated; the ranking is
 * best first and holds the scores the context returned; a budget of one query works; a search
 * stopped midway (a preempted task) and resumed from its checkpoint ends exactly as an
 * uninterrupted one, and checkpointing itself changes nothing.
 */
public abstract class SearchPolicyCompatibilityKit {

  /** The provider of the policy under test. */
  protected abstract SearchPolicyProvider provider();

  /** Settings over the policy's {@code reference.conf} section, keys relative to it. */
  protected Config policyConfig() {
    return ConfigFactory.empty();
  }

  /** The query budget of the tests that do not set their own. */
  protected int budget() {
    return 40;
  }

  /** The space the policy searches; the standard fake space by default. */
  protected SearchSpace space() {
    return FakeSearchSpace.standard();
  }

  /** The ground truth of {@link #space()}. */
  protected GroundTruth groundTruth(SearchSpace space) {
    return new FakeGroundTruth(space);
  }

  /** A new policy, built from its config section as the host builds it (one per cell). */
  protected final BlackBoxPolicy newPolicy() {
    SearchPolicyProvider provider = provider();
    SearchPolicy policy =
        provider.create(TestPluginContext.forSection("policy." + provider.name(), policyConfig()));
    assertThat(policy).as("policy %s", provider.name()).isInstanceOf(BlackBoxPolicy.class);
    return (BlackBoxPolicy) policy;
  }

  /** Runs a new policy for one seed under a budget. */
  protected final Run run(long seed, Budget budget) {
    SearchSpace space = space();
    TestBlackBoxContext context =
        new TestBlackBoxContext(space, groundTruth(space), seed, budget);
    SearchOutcome outcome = newPolicy().search(context);
    assertThat(outcome).as("outcome").isNotNull();
    return new Run(outcome, context);
  }

  /** Runs a new policy for one seed under {@link #budget()} queries. */
  protected final Run run(long seed) {
    return run(seed, Budget.ofQueries(budget()));
  }

  /**
   * One search: what the policy returned and the context it ran in.
   *
   * @param outcome the policy's outcome
   * @param context the context, with its trajectory
   */
  public record Run(SearchOutcome outcome, TestBlackBoxContext context) {

    /** The queries made, as (canonical id, label) strings in order. */
    public List<String> queries() {
      return context.trajectory().stream()
          .map(s -> s.architecture().id() + " " + s.architecture().label())
          .toList();
    }
  }

  @Test
  public void aStoppedSearchResumesToTheSameEnd() {
    SearchSpace space = space();
    Budget budget = Budget.ofQueries(budget());
    Run whole = run(11, budget);
    TestBlackBoxContext plain = new TestBlackBoxContext(space, groundTruth(space), 11, budget).checkpointing(3, 0);
    Run checkpointed = new Run(newPolicy().search(plain), plain);
    assertThat(checkpointed.queries()).as("checkpoints change nothing").isEqualTo(whole.queries());
    assertThat(checkpointed.outcome().chosen()).isEqualTo(whole.outcome().chosen());

    for (int stopAfter : new int[] {1, 7, budget() / 2 + 1, budget() - 1}) {
      TestBlackBoxContext stopped =
          new TestBlackBoxContext(space, groundTruth(space), 11, budget).checkpointing(5, stopAfter);
      assertThatCode(() -> newPolicy().search(stopped))
          .as("stopped after %d queries", stopAfter)
          .isInstanceOf(org.evalnas.api.checkpoint.SearchStoppedException.class);
      TestBlackBoxContext resumedContext = stopped.resumed();
      Run resumed = new Run(newPolicy().search(resumedContext), resumedContext);
      assertThat(resumed.queries()).as("queries after a stop at %d", stopAfter).isEqualTo(whole.queries());
      assertThat(resumed.outcome().chosen()).isEqualTo(whole.outcome().chosen());
      assertThat(resumed.outcome().ranking()).isEqualTo(whole.outcome().ranking());
    }
  }

  @Test
  public void providerIsNamedDescribedAndDiscoverable() {
    SearchPolicyProvider provider = provider();
    assertThat(provider.name()).isNotBlank();
    assertThat(provider.description()).isNotBlank();
    assertThat(ServiceLoader.load(SearchPolicyProvider.class).stream())
        .as("providers ServiceLoader finds (is the class annotated @Extension?)")
        .anyMatch(p -> p.type() == provider.getClass());
  }

  @Test
  public void sameSeedGivesSameQueriesAndChoice() {
    Run first = run(7);
    Run second = run(7);
    assertThat(second.queries()).isEqualTo(first.queries());
    assertThat(second.outcome().chosen()).isEqualTo(first.outcome().chosen());
  }

  @Test
  public void differentSeedsGiveDifferentQueries() {
    Set<List<String>> trajectories = new HashSet<>();
    for (long seed = 1; seed <= 4; seed++) {
      trajectories.add(run(seed).queries());
    }
    assertThat(trajectories).as("distinct trajectories of 4 seeds").hasSize(4);
  }

  @Test
  public void queryBudgetIsNeverExceeded() {
    for (int queries : new int[] {1, 2, 3, 7, budget()}) {
      Budget budget = Budget.ofQueries(queries);
      assertThatCode(() -> run(11, budget))
          .as("search with %d queries", queries)
          .doesNotThrowAnyException();
      Run run = run(11, budget);
      assertThat(run.context().queriesUsed()).isBetween(1, queries);
    }
  }

  @Test
  public void timeBudgetEndsTheSearchNormally() {
    // the fake queries cost 100 to 340 simulated seconds; this allows only a handful
    Budget budget = new Budget(1_000, 1_000);
    assertThatCode(() -> run(13, budget)).doesNotThrowAnyException();
    Run run = run(13, budget);
    assertThat(run.context().queriesUsed()).isBetween(1, 10);
    assertThat(run.context().secondsUsed()).isLessThan(1_000 + 340);
  }

  @Test
  public void chosenArchitectureIsValidAndWasEvaluated() {
    for (long seed = 1; seed <= 5; seed++) {
      Run run = run(seed);
      Architecture chosen = run.outcome().chosen();
      assertThat(space().decode(chosen.choices())).isEqualTo(chosen);
      assertThat(run.context().trajectory())
          .extracting(Score::architecture)
          .as("evaluated architectures")
          .contains(chosen);
    }
  }

  @Test
  public void rankingIsBestFirstWithTheContextsScores() {
    Run run = run(17);
    List<Score> ranking = run.outcome().ranking();
    assertThat(ranking).isNotEmpty();
    for (int i = 1; i < ranking.size(); i++) {
      assertThat(ranking.get(i).value())
          .as("score %d of the ranking", i)
          .isLessThanOrEqualTo(ranking.get(i - 1).value());
    }
    Map<Architecture, Double> seen = new HashMap<>();
    run.context().trajectory().forEach(s -> seen.put(s.architecture(), s.value()));
    assertThat(ranking)
        .allSatisfy(
            s ->
                assertThat(seen.get(s.architecture()))
                    .as("context's score of %s", s.architecture())
                    .isEqualTo(s.value()));
  }

  @Test
  public void worksWithABudgetOfOneQuery() {
    Run run = run(19, Budget.ofQueries(1));
    assertThat(run.context().queriesUsed()).isEqualTo(1);
    assertThat(run.outcome().chosen())
        .isEqualTo(run.context().trajectory().get(0).architecture());
  }
}
