package org.evalnas.runtime.protocol;

import java.util.random.RandomGenerator;
import org.evalnas.api.InputException;
import org.evalnas.api.policy.BlackBoxContext;
import org.evalnas.api.policy.Budget;
import org.evalnas.api.policy.BudgetExhaustedException;
import org.evalnas.api.policy.Score;
import org.evalnas.api.space.Architecture;
import org.evalnas.api.space.SearchSpace;
import org.evalnas.api.truth.GroundTruth;
import org.evalnas.api.truth.TruthRecord;

/**
 * The runtime's scoring oracle for black-box policies: it answers from the ground truth's
 * search metric, enforces the budget and records the trajectory. Policies never see the
 * report metric.
 */
final class OracleContext implements BlackBoxContext {
  private final SearchSpace space;
  private final GroundTruth truth;
  private final CellKey cell;
  private final RandomGenerator random;
  private final Budget budget;
  private final QueryListener listener;
  private final Trajectory trajectory;
  private double secondsUsed;

  OracleContext(
      SearchSpace space, GroundTruth truth, CellKey cell, Budget budget, QueryListener listener) {
    this.space = space;
    this.truth = truth;
    this.cell = cell;
    this.random = cell.random();
    this.budget = budget;
    this.listener = listener;
    this.trajectory = new Trajectory(budget.queries());
  }

  @Override
  public SearchSpace space() {
    return space;
  }

  @Override
  public long seed() {
    return cell.seed();
  }

  @Override
  public RandomGenerator random() {
    return random;
  }

  @Override
  public Budget budget() {
    return budget;
  }

  @Override
  public Score evaluate(Architecture architecture) {
    if (!hasBudget()) {
      throw new BudgetExhaustedException(
          "budget spent: " + trajectory.size() + " queries, " + secondsUsed + " simulated seconds");
    }
    // a policy may only ask about what the space defines, not a forged architecture
    if (!space.decode(architecture.choices()).equals(architecture)) {
      throw new IllegalArgumentException(
          "'" + architecture.label() + "' is not what space " + space.name() + " decodes its choices to");
    }
    TruthRecord record =
        truth
            .lookup(architecture)
            .orElseThrow(
                () ->
                    new InputException(
                        truth.source(),
                        null,
                        "the benchmark has no record of "
                            + architecture.label()
                            + " (id "
                            + architecture.id()
                            + "); a partial table cannot answer every query of a search"));
    double score = metric(record, truth.searchMetric(), architecture);
    double report = metric(record, truth.reportMetric(), architecture);
    secondsUsed += record.chargedSeconds();
    trajectory.add(score, report);
    listener.onQuery(cell, trajectory.size(), budget.queries(), score, report);
    return new Score(architecture, score);
  }

  private double metric(TruthRecord record, String name, Architecture a) {
    return record
        .metric(name)
        .orElseThrow(
            () ->
                new InputException(
                    truth.source(), null, "no metric " + name + " for " + a.label()));
  }

  @Override
  public boolean hasBudget() {
    return budget.allowsAnother(trajectory.size(), secondsUsed);
  }

  @Override
  public int queriesUsed() {
    return trajectory.size();
  }

  double simulatedSecondsUsed() {
    return secondsUsed;
  }

  Trajectory trajectory() {
    return trajectory;
  }
}
