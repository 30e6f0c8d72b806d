package org.evalnas.runtime.protocol;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.random.RandomGenerator;
import org.evalnas.api.InputException;
import org.evalnas.api.checkpoint.CheckpointStore;
import org.evalnas.api.checkpoint.CountingRandom;
import org.evalnas.api.checkpoint.SearchStoppedException;
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
 * report metric. Its state (queries, budget spent, the random generator's position) goes into
 * every checkpoint the policy saves and comes back when the policy loads one.
 */
final class OracleContext implements BlackBoxContext, RuntimeState {
  private final SearchSpace space;
  private final GroundTruth truth;
  private final CellKey cell;
  private final CountingRandom random;
  private final Budget budget;
  private final QueryListener listener;
  private final Trajectory trajectory;
  private final StopSignal stop;
  /** Interned, so that records find them by identity ({@link TruthRecord#metric}). */
  private final String searchMetric;
  private final String reportMetric;
  private CheckpointStore checkpoints = CheckpointStore.NONE;
  private double secondsUsed;

  OracleContext(
      SearchSpace space, GroundTruth truth, CellKey cell, Budget budget, QueryListener listener, StopSignal stop) {
    this.space = space;
    this.truth = truth;
    this.cell = cell;
    this.random = new CountingRandom(cell.random());
    this.budget = budget;
    this.listener = listener;
    this.trajectory = new Trajectory(budget.queries());
    this.stop = stop;
    this.searchMetric = truth.searchMetric().intern();
    this.reportMetric = truth.reportMetric().intern();
  }

  /** Hands the policy this checkpoint store (one that saves this context's state). */
  void useCheckpoints(CheckpointStore store) {
    this.checkpoints = store;
  }

  @Override
  public CheckpointStore checkpoints() {
    return checkpoints;
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
    if (stop.requested()) {
      throw new SearchStoppedException("stopped before query " + (trajectory.size() + 1) + ": " + stop.reason());
    }
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
    double score = metric(record, searchMetric, architecture);
    double report = metric(record, reportMetric, architecture);
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

  @Override
  public boolean begun() {
    return trajectory.size() > 0 || random.steps() > 0;
  }

  @Override
  public long progress() {
    return trajectory.size();
  }

  @Override
  public void write(DataOutputStream out) throws IOException {
    out.writeLong(random.steps());
    out.writeDouble(secondsUsed);
    double[] s = trajectory.search();
    double[] r = trajectory.report();
    out.writeInt(s.length);
    for (int i = 0; i < s.length; i++) {
      out.writeDouble(s[i]);
      out.writeDouble(r[i]);
    }
  }

  @Override
  public void read(DataInputStream in) throws IOException {
    long steps = in.readLong();
    double seconds = in.readDouble();
    int n = in.readInt();
    if (n < 0 || n > budget.queries()) {
      throw new IOException("a checkpoint of " + n + " queries does not fit a budget of " + budget.queries());
    }
    double[] s = new double[n];
    double[] r = new double[n];
    for (int i = 0; i < n; i++) {
      s[i] = in.readDouble();
      r[i] = in.readDouble();
    }
    random.skipTo(steps);
    secondsUsed = seconds;
    trajectory.restore(s, r);
  }
}
