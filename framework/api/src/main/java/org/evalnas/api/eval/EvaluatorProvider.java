package org.evalnas.api.eval;

import java.util.Optional;
import org.evalnas.api.plugin.NamedProvider;
import org.evalnas.api.plugin.PluginContext;
import org.evalnas.api.space.SearchSpace;
import org.evalnas.api.truth.GroundTruth;

/** Makes an {@link Evaluator} from its config section ({@code evaluator.<name>}). */
public interface EvaluatorProvider extends NamedProvider {

  /**
   * Builds the evaluator.
   *
   * @param truth the experiment's ground truth, when it has one
   */
  Evaluator create(SearchSpace space, Optional<GroundTruth> truth, PluginContext context);
}
