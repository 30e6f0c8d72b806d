package org.evalnas.runtime.evaluation;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.evalnas.api.InputException;
import org.evalnas.api.eval.Evaluation;
import org.evalnas.api.eval.Evaluator;
import org.evalnas.api.eval.EvaluatorProvider;
import org.evalnas.api.plugin.PluginContext;
import org.evalnas.api.space.SearchSpace;
import org.evalnas.api.truth.GroundTruth;
import org.evalnas.api.truth.TruthRecord;

/**
 * {@code ground-truth}: scores a chosen architecture by the benchmark's report metric and keeps
 * the record's other metrics as details.
 */
public final class GroundTruthEvaluatorProvider implements EvaluatorProvider {

  /** The name a config picks it by, the default evaluator. */
  public static final String NAME = "ground-truth";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "the chosen architecture's report metric in the experiment's ground truth";
  }

  @Override
  public Evaluator create(SearchSpace space, Optional<GroundTruth> truth, PluginContext context) {
    GroundTruth gt =
        truth.orElseThrow(
            () ->
                new InputException(
                    null,
                    "experiment.ground-truth",
                    "the ground-truth evaluator needs experiment.ground-truth to name a benchmark"));
    return (architecture, seed) -> {
      TruthRecord r =
          gt.lookup(architecture)
              .orElseThrow(
                  () ->
                      new InputException(
                          gt.source(), null, "the benchmark has no record of " + architecture.label()));
      Map<String, Double> details = new HashMap<>(r.metrics());
      double accuracy = details.get(gt.reportMetric());
      if (!Double.isNaN(r.trainingSeconds())) {
        details.put("training_seconds", r.trainingSeconds());
      }
      return new Evaluation(accuracy, details);
    };
  }
}
