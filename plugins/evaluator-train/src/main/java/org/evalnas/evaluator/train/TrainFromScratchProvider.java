package org.evalnas.evaluator.train;

import java.util.Optional;
import org.evalnas.api.InputException;
import org.evalnas.api.eval.Evaluator;
import org.evalnas.api.eval.EvaluatorProvider;
import org.evalnas.api.plugin.PluginContext;
import org.evalnas.api.space.SearchSpace;
import org.evalnas.api.truth.GroundTruth;
import org.evalnas.nn.evaluate.TrainRecipe;
import org.evalnas.nn.evaluate.TrainableSpace;
import org.pf4j.Extension;

/** Makes the {@code train-from-scratch} evaluator from {@code evaluator.train-from-scratch}. */
@Extension
public final class TrainFromScratchProvider implements EvaluatorProvider {

  @Override
  public String name() {
    return "train-from-scratch";
  }

  @Override
  public String description() {
    return "trains the chosen architecture from scratch and reports its test accuracy";
  }

  @Override
  public Evaluator create(SearchSpace space, Optional<GroundTruth> truth, PluginContext context) {
    if (!(space instanceof TrainableSpace trainable)) {
      throw new InputException(
          null,
          "key experiment.evaluator",
          "the space " + space.name() + " cannot build networks, so train-from-scratch cannot"
              + " train its architectures; use the ground-truth evaluator");
    }
    TrainRecipe recipe =
        TrainRecipe.from(context.config(), context.configPath(), context.path("data-dir"));
    return new TrainFromScratchEvaluator(trainable, recipe, context.path("checkpoint-dir"));
  }
}
