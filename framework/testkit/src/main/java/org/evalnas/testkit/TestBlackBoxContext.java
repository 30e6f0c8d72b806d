package org.evalnas.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.evalnas.api.policy.BlackBoxContext;
import org.evalnas.api.policy.Budget;
import org.evalnas.api.policy.BudgetExhaustedException;
import org.evalnas.api.policy.Score;
import org.evalnas.api.space.Architecture;
import org.evalnas.api.space.SearchSpace;
import org.evalnas.api.truth.GroundTruth;
import org.evalnas.api.truth.TruthRecord;

/**
 * A real {@link BlackBoxContext} over a space and its ground truth, for tests.
 *
 * <p>Scores are the ground truth's search metric. The budget is checked <em>before</em> a
 * query, as the benchmarks' own APIs do: a query is allowed while fewer than {@link
 * Budget#queries()} were made and the simulated time spent so far is below {@link
 * Budget#simulatedSeconds()}; the query that crosses the time limit completes and is charged
 * in full (a {@code NaN} training time costs nothing). A query beyond the budget throws
 * {@link BudgetExhaustedException} and is not made. The random generator is a {@link
 * SplittableRandom} seeded with the cell's seed.
 *
 * <p>Not thread-safe: one context serves one search.
 */
public final class TestBlackBoxContext implements BlackBoxContext {
  private final SearchSpace space;
  private final GroundTruth truth;
  private final long seed;
  private final Budget budget;
  private final SplittableRandom random;
  private final List<Score> trajectory = new ArrayList<>();
  private double secondsUsed;
  private int rejectedQueries;

  /**
   * @param space the space searched
   * @param truth its ground truth, which must cover every architecture the policy queries
   * @param seed the cell's seed
   * @param budget the search budget
   */
  public TestBlackBoxContext(SearchSpace space, GroundTruth truth, long seed, Budget budget) {
    this.space = Objects.requireNonNull(space, "space");
    this.truth = Objects.requireNonNull(truth, "truth");
    this.seed = seed;
    this.budget = Objects.requireNonNull(budget, "budget");
    this.random = new SplittableRandom(seed);
  }

  @Override
  public SearchSpace space() {
    return space;
  }

  @Override
  public long seed() {
    return seed;
  }

  @Override
  public RandomGenerator random() {
    return random;
  }

  @Override
  public Budget budget() {
    return budget;
  }

  /**
   * {@inheritDoc}
   *
   * @throws IllegalArgumentException when the architecture is not the one (id and label) the
   *     space decodes its choices to, or the ground truth has no record of it
   */
  @Override
  public Score evaluate(Architecture architecture) {
    if (!hasBudget()) {
      rejectedQueries++;
      throw new BudgetExhaustedException(exhaustion());
    }
    if (space
        .tryDecode(architecture.choices())
        .filter(a -> a.equals(architecture) && a.label().equals(architecture.label()))
        .isEmpty()) {
      throw new IllegalArgumentException(
          "'" + architecture + "' is not a valid architecture of space " + space.name());
    }
    TruthRecord record =
        truth
            .lookup(architecture)
            .orElseThrow(
                () -> new IllegalArgumentException("no ground truth for '" + architecture + "'"));
    double value =
        record
            .metric(truth.searchMetric())
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "'" + architecture + "' has no " + truth.searchMetric() + " metric"));
    secondsUsed += record.chargedSeconds();
    Score score = new Score(architecture, value);
    trajectory.add(score);
    return score;
  }

  @Override
  public boolean hasBudget() {
    return budget.allowsAnother(trajectory.size(), secondsUsed);
  }

  @Override
  public int queriesUsed() {
    return trajectory.size();
  }

  /** The simulated training time charged so far. */
  public double secondsUsed() {
    return secondsUsed;
  }

  /** Queries refused for lack of budget (the policy caught the exception). */
  public int rejectedQueries() {
    return rejectedQueries;
  }

  /** Every query made, in order, with the score it returned. */
  public List<Score> trajectory() {
    return List.copyOf(trajectory);
  }

  private String exhaustion() {
    if (trajectory.size() >= budget.queries()) {
      return "the budget of " + budget.queries() + " queries is spent";
    }
    return "the budget of "
        + budget.simulatedSeconds()
        + " simulated seconds is spent ("
        + secondsUsed
        + " used)";
  }
}
