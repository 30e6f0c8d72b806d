package org.evalnas.runtime.protocol;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.evalnas.api.eval.Evaluation;
import org.evalnas.api.eval.Evaluator;
import org.evalnas.api.policy.BlackBoxPolicy;
import org.evalnas.api.policy.Budget;
import org.evalnas.api.policy.Score;
import org.evalnas.api.policy.SearchOutcome;
import org.evalnas.api.policy.SearchPolicy;
import org.evalnas.api.space.Architecture;
import org.evalnas.api.space.SearchSpace;
import org.evalnas.api.truth.GroundTruth;
import org.evalnas.nn.search.WeightSharingPolicy;
import org.evalnas.nn.training.AmbientTrainingListener;
import org.evalnas.runtime.metrics.TrainingMetrics;
import org.evalnas.runtime.metrics.TrainingMetricsListener;
import org.evalnas.runtime.results.CellResult;
import org.evalnas.runtime.results.WeightSharingRecord;
import org.evalnas.runtime.weightsharing.SupernetStudy;
import org.evalnas.runtime.results.CellResult.ChosenArchitecture;

/**
 * Runs one cell: search (black-box through the oracle, or weight-sharing through a supernet
 * and its ranking study), choose, evaluate, and ranks the choice in the space.
 */
final class CellRunner {
  private final String experiment;
  private final SearchSpace space;
  private final Optional<GroundTruth> truth;
  private final Evaluator evaluator;
  private final Optional<SpaceReference> reference;
  private final QueryListener listener;
  private final boolean keepTrajectory;
  private final Clock clock;
  private final CheckpointOptions checkpoints;
  private final Optional<SupernetStudy> supernets;
  private final TrainingMetrics trainingMetrics;

  CellRunner(
      String experiment,
      SearchSpace space,
      Optional<GroundTruth> truth,
      Evaluator evaluator,
      Optional<SpaceReference> reference,
      QueryListener listener,
      boolean keepTrajectory,
      Clock clock,
      CheckpointOptions checkpoints,
      Optional<SupernetStudy> supernets,
      TrainingMetrics trainingMetrics) {
    this.supernets = supernets;
    this.trainingMetrics = trainingMetrics;
    this.experiment = experiment;
    this.space = space;
    this.truth = truth;
    this.evaluator = evaluator;
    this.reference = reference;
    this.listener = listener;
    this.keepTrajectory = keepTrajectory;
    this.clock = clock;
    this.checkpoints = checkpoints;
  }

  /**
   * @param directory the cell's directory, where its checkpoint lives; the evaluator works in
   *     its {@code evaluation} subdirectory
   * @param identity what a checkpoint must match to be resumed
   */
  CellResult run(CellKey cell, SearchPolicy policy, Budget budget, Path directory, String identity) {
    Instant started = clock.instant();
    SearchOutcome outcome;
    OracleContext context = null;
    WeightSharingRecord weightSharing = null;
    if (policy instanceof BlackBoxPolicy blackBox) {
      GroundTruth gt =
          truth.orElseThrow(
              () ->
                  new IllegalStateException(
                      "black-box policy " + cell.policy() + " needs experiment.ground-truth to score"));
      context = new OracleContext(space, gt, cell, budget, listener, checkpoints.stop());
      context.useCheckpoints(
          new CellCheckpoints(directory, identity, checkpoints.interval(), checkpoints.stop(), context));
      outcome = blackBox.search(context);
    } else if (policy instanceof WeightSharingPolicy weightSharingPolicy) {
      SupernetStudy study =
          supernets.orElseThrow(
              () ->
                  new IllegalStateException(
                      "weight-sharing policy " + cell.policy() + " needs experiment.ground-truth and "
                          + "a space with supernets"));
      SupernetStudy.Outcome o = study.run(cell, weightSharingPolicy, budget, directory, identity);
      outcome = o.search();
      weightSharing = o.record();
    } else {
      throw new IllegalStateException(
          "policy " + cell.policy() + " is neither a black-box nor a weight-sharing policy");
    }
    Architecture chosen = outcome.chosen();
    // the policy may only choose what the space defines
    space.decode(chosen.choices());
    // a training evaluator reports its steps as this cell's training metrics
    Evaluation evaluation =
        AmbientTrainingListener.with(
            TrainingMetricsListener.of(trainingMetrics, cell),
            () -> evaluator.evaluate(chosen, cell.seed(), directory.resolve("evaluation")));
    double searchScore =
        outcome.ranking().stream()
            .filter(s -> s.architecture().equals(chosen))
            .mapToDouble(Score::value)
            .findFirst()
            .orElse(Double.NaN);
    double percentile =
        reference.map(r -> r.distribution().percentile(evaluation.accuracy())).orElse(Double.NaN);
    double regret =
        reference.map(r -> r.best().accuracy() - evaluation.accuracy()).orElse(Double.NaN);
    Trajectory t = context != null ? context.trajectory() : new Trajectory(0);
    return new CellResult(
        experiment,
        cell.policy(),
        cell.seed(),
        space.name(),
        new ChosenArchitecture(chosen.id(), chosen.label(), chosen.choices(), Double.NaN),
        searchScore,
        evaluation.accuracy(),
        evaluation.details(),
        truth.map(GroundTruth::searchMetric).orElse(""),
        truth.map(GroundTruth::reportMetric).orElse(""),
        percentile,
        regret,
        reference.map(SpaceReference::best).orElse(null),
        budget.queries(),
        context != null ? context.queriesUsed() : 0,
        context != null ? context.simulatedSecondsUsed() : 0,
        keepTrajectory ? t.search() : new double[0],
        keepTrajectory ? t.report() : new double[0],
        weightSharing,
        started,
        clock.instant());
  }
}
